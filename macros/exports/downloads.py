"""The files a position page offers to download — its PDF and its .docx — as one list.

Both are made the same way: every instruction page of the build links to its file and becomes a job;
after the site is written, the shared cache (cache.py) copies the files that did not change and the
kind's engine makes the rest. That is said once here, for the one hook that drives it
(macros/hooks/downloads.py, run by macros/plugin.py); pdf.py and word.py only say how their file is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import cache, pdf, word


@dataclass(frozen=True)
class Kind:
    name: str                                     # in the log and in messages: «PDF», «Word»
    link: str                                     # the template variable of its link (print-actions.html)
    option: str                                   # its options' prefix in macros/config.py: pdf, docx
    settings: type[cache.Settings]
    path_of_page: Callable[[str], str]            # where a page's file lies in the site
    job_for: Callable[..., cache.Job]
    build: Callable[[list, Path, cache.Settings], cache.Report]
    failure: str                                  # what could not be made, for the build's message


KINDS = (
    Kind("PDF", "pdf_url", "pdf", pdf.Settings, pdf.pdf_path_of_page, pdf.job_for, pdf.build_pdfs,
         "не удалось сделать PDF должности"),
    Kind("Word", "docx_url", "docx", word.Settings, word.docx_path_of_page, word.job_for, word.build_docx,
         "не удалось сделать .docx должности"),
)
