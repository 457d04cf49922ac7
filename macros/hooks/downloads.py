"""A PDF and a .docx of every position page, made after the site is written; run by macros/plugin.py.
Each page gets its «Скачать» links; `mkdocs serve` makes none unless asked (macros/config.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from ..exports import cache
from ..exports.downloads import KINDS
from ..render.instruction import is_instruction

log = logging.getLogger("mkdocs.hooks.downloads")


class Downloads:
    """This build's downloads: each kind with its settings and the pages that get one."""

    def __init__(self, command: str, project: Path, options):
        self.kinds = [(kind, kind.settings.from_options(command, project, options, kind.option), []) for kind in KINDS]

    def link(self, context, page, config) -> None:
        """After the held forms are back in the page: an instruction's page links to its files."""
        if not is_instruction(page.content):
            return
        for kind, settings, jobs in self.kinds:
            if settings.enabled:
                context[kind.link] = get_relative_url(kind.path_of_page(page.file.src_uri), page.url)
                # An archived edition's files are the archive's (most of its pages come from its cache, not this build).
                if not page.meta.get("archived"):
                    # The file lies where the page links to it (a draft's: pdf/drafts/<slug>.pdf, never the position's).
                    target = Path(config.site_dir) / kind.path_of_page(page.file.src_uri)
                    jobs.append(cache.job_for(_slug(page.file.src_uri), page.file.abs_dest_path, target,
                                              page.meta.get("approved"), source=f"docs/{page.file.src_uri}"))

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
