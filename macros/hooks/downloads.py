"""A PDF and a .docx of every position page, made after the site is written; run by macros/plugin.py.
Each page gets its «Скачать» links; the shared cache (exports/cache.py) copies what did not change and
the kind's engine makes the rest. `mkdocs serve` makes none unless asked (macros/config.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from ..exports import cache, pdf, word
from ..render.archive_links import download_of_page
from ..render.verbatim import is_instruction

log = logging.getLogger("mkdocs.hooks.downloads")


@dataclass(frozen=True)
class Kind:
    name: str                                     # in the log and in messages: «PDF», «Word»
    link: str                                     # the template variable of its link (print-actions.html)
    option: str                                   # its options' prefix (macros/config.py) and folder in the site
    build: Callable[[list, Path, cache.Settings], cache.Report]
    failure: str                                  # what could not be made, for the build's message


KINDS = (Kind("PDF", "pdf_url", pdf.PDF_DIR, pdf.build_pdfs, "не удалось сделать PDF должности"),
         Kind("Word", "docx_url", word.DOCX_DIR, word.build_docx, "не удалось сделать .docx должности"))


class Downloads:
    """This build's downloads: each kind with its settings and the pages that get one."""

    def __init__(self, command: str, project: Path, options):
        self.kinds = [(kind, cache.Settings.from_options(command, project, options, kind.option), []) for kind in KINDS]

    def link(self, context, page, config) -> None:
        """After the held forms are back in the page: an instruction's page links to its files."""
        if not is_instruction(page.content):
            return
        for kind, settings, jobs in self.kinds:
            if settings.enabled:
                path = download_of_page(page.file.src_uri, kind.option)
                context[kind.link] = get_relative_url(path, page.url)
                # An archived edition's files are the archive's (most of its pages come from its cache, not this build).
                if not page.meta.get("archived"):
                    # The file lies where the page links to it (a draft's: pdf/drafts/<slug>.pdf, never the position's).
                    jobs.append(cache.job_for(_slug(page.file.src_uri), page.file.abs_dest_path,
                                              Path(config.site_dir) / path, page.meta.get("approved"),
                                              source=f"docs/{page.file.src_uri}"))

    def make(self, config) -> None:
        for kind, settings, jobs in self.kinds:
            if not settings.enabled:
                continue
            try:
                report = kind.build(jobs, Path(config.site_dir), settings)
            except Exception as error:  # a file that cannot be made fails the build, saying which and why
                raise PluginError(f"{kind.name}: {kind.failure}: {error}") from error
            log.info(str(report))


def _slug(src_uri: str) -> str:
    """positions/<slug>.md, or positions/<slug>/draft.md: the position's slug."""
    path = Path(src_uri)
    return path.parent.name if path.parent.name != "positions" and path.parent.parent.name == "positions" else path.stem
