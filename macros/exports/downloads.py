"""The files a position page offers to download — its PDF and its .docx — as one list.

Each page links to its files and becomes a job; after the site is written the shared cache (cache.py)
copies what did not change and the kind's engine makes the rest (run by macros/hooks/downloads.py).
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
    build: Callable[[list, Path, cache.Settings], cache.Report]
    failure: str                                  # what could not be made, for the build's message


KINDS = (
    Kind("PDF", "pdf_url", "pdf", pdf.Settings, pdf.pdf_path_of_page, pdf.build_pdfs,
         "не удалось сделать PDF должности"),
    Kind("Word", "docx_url", "docx", word.Settings, word.docx_path_of_page, word.build_docx,
         "не удалось сделать .docx должности"),
)
