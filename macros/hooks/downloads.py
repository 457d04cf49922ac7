"""MkDocs hook (mkdocs.yml `hooks:`): a PDF and a .docx of every position page, made after the site is written.

Thin on purpose: it tells macros/exports/ which pages were built and gives each page its «Скачать PDF»
and «Скачать Word» links; what each file is and how it is cached is in macros/exports/downloads.py.
`mkdocs serve` makes none unless asked (JOBDESC_PDF=1, JOBDESC_DOCX=1).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

# MkDocs loads this file on its own; the project root makes `macros` importable as a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from macros.exports import cache  # noqa: E402
from macros.exports.downloads import KINDS  # noqa: E402
from macros.render.instruction import is_instruction  # noqa: E402

log = logging.getLogger("mkdocs.hooks.downloads")
run: dict = {"command": "build", "kinds": []}


def on_startup(command, dirty):
    run["command"] = command


def on_config(config):
    project = Path(config.config_file_path).parent
    run["kinds"] = [(kind, kind.settings(run["command"], project), []) for kind in KINDS]


@event_priority(-50)  # after forms.py has put the document header back into the page
def on_page_context(context, page, config, nav):
    if not is_instruction(page.content):
        return context
    for kind, settings, jobs in run["kinds"]:
        if settings.enabled:
            context[kind.link] = get_relative_url(kind.path_of_page(page.file.src_uri), page.url)
            # An archived edition's files are the archive's (most of its pages come from its cache, not this build).
            if not settings.links_only and not page.meta.get("archived"):
                # The file lies where the page links to it (a draft's: pdf/drafts/<slug>.pdf, never the position's).
                target = Path(config.site_dir) / kind.path_of_page(page.file.src_uri)
                jobs.append(cache.job_for(_slug(page.file.src_uri), page.file.abs_dest_path, target,
                                          page.meta.get("approved"), source=f"docs/{page.file.src_uri}"))
    return context


def _slug(src_uri: str) -> str:
    """positions/<slug>.md, or positions/<slug>/draft.md: the position's slug."""
    path = Path(src_uri)
    return path.parent.name if path.parent.name != "positions" and path.parent.parent.name == "positions" else path.stem


def on_post_build(config):
    for kind, settings, jobs in run["kinds"]:
        if not settings.enabled or settings.links_only:
            continue
        try:
            report = kind.build(jobs, Path(config.site_dir), settings)
        except Exception as error:  # a file that cannot be made fails the build, saying which and why
            raise PluginError(f"{kind.name}: {kind.failure}: {error}") from error
        log.info(str(report))
