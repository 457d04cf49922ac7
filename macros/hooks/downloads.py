"""A PDF and a .docx of every position page, made after the site is written; run by macros/plugin.py.
Each page gets its «Скачать» links; the shared cache (exports/cache.py) copies what did not change and
the kind's engine makes the rest. `mkdocs serve` makes none unless asked (macros/config.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from ..exports import cache, pdf, word
from ..render.archive_links import download_of_page
from ..render.verbatim import is_instruction

log = logging.getLogger("mkdocs.hooks.downloads")

# Name in messages, the template variable of its link (print-actions.html), options' prefix and folder in
# the site (macros/config.py), what makes the files, what the build could not make.
KINDS = (("PDF", "pdf_url", pdf.PDF_DIR, pdf.build_pdfs, "PDF"),
         ("Word", "docx_url", word.DOCX_DIR, word.build_docx, ".docx"))


class Downloads:
    """This build's downloads: each kind with its settings and the pages that get one."""

    def __init__(self, command: str, project: Path, options):
        self.kinds = [(kind, cache.Settings.from_options(command, project, options, kind[2]), []) for kind in KINDS]

    def link(self, context, page, config) -> None:
        """After the held forms are back in the page: an instruction's page links to its files."""
        if not is_instruction(page.content):
            return
        src = page.file.src_uri
        for (_, link, folder, _, _), settings, jobs in self.kinds:
            if settings.enabled:
                path = download_of_page(src, folder)
                context[link] = get_relative_url(path, page.url)
                # An archived edition's files are the archive's (most of its pages come from its cache, not this build).
                if not page.meta.get("archived"):
                    jobs.append(cache.job_for(page.file.abs_dest_path, Path(config.site_dir) / path,
                                              page.meta.get("approved"), source=f"docs/{src}"))

    def make(self, config) -> None:
        for (name, _, _, build, what), settings, jobs in self.kinds:
            if settings.enabled:
                try:
                    report = build(jobs, Path(config.site_dir), settings)
                except Exception as error:  # a file that cannot be made fails the build, saying which and why
                    raise PluginError(f"{name}: не удалось сделать {what} должности: {error}") from error
                log.info(report)
