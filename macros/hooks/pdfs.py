"""MkDocs hook (mkdocs.yml `hooks:`): after the site is written, a PDF of every position page.

Thin on purpose: it tells macros/exports/pdf.py which pages were built; the logic lives there.
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
from macros.exports import pdf  # noqa: E402
from macros.render.instruction import is_instruction  # noqa: E402

log = logging.getLogger("mkdocs.hooks.pdf")
run = {"command": "build", "settings": None, "jobs": []}


def on_startup(command, dirty):
    run["command"] = command


def on_config(config):
    run["settings"] = pdf.Settings.for_command(run["command"], Path(config.config_file_path).parent)
    run["jobs"] = []


@event_priority(-50)  # after forms.py has put the document header back into the page
def on_page_context(context, page, config, nav):
    if run["settings"].enabled and is_instruction(page.content):
        context["pdf_url"] = get_relative_url(pdf.pdf_path_of_page(page.file.src_uri), page.url)
        if not run["settings"].links_only:
            slug = Path(page.file.src_uri).stem
            run["jobs"].append(pdf.job_for(slug, page.file.abs_dest_path, config.site_dir, page.meta.get("approved")))
    return context


def on_post_build(config):
    if not run["settings"].enabled or run["settings"].links_only:
        return
    try:
        report = pdf.build_pdfs(run["jobs"], Path(config.site_dir), run["settings"])
    except Exception as error:  # a PDF that cannot be made fails the build, saying which and why
        raise PluginError(f"PDF: не удалось сделать PDF должности: {error}") from error
    log.info(str(report))
