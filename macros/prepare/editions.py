"""The archive in prepare's output: every edition's page and every comparison («Лист изменений») as plain
Markdown at the site's addresses. The archive's plan (exports/archive.py) says which pages exist; an edition
is expanded by the site's macros answering from its commit (exports/archive_forms.py), a comparison written
as our template's HTML from both editions' blocks (taken from Refusals' one conversion of each page).
"""

from __future__ import annotations

import html
from pathlib import Path

import yaml

from ..exports import archive as planning, document_text
from ..exports.archive_forms import Archived, ArchiveForms, comparison_html, comparison_templates
from ..exports.archive_pages import TEMPLATES, snapshots_of
from ..hooks.compact import drop_gaps_between_blocks
from .markdown import instruction_markdown, one_block

# As the site shows an archived page (exports/archive_pages.py): no menu or contents, not in the search.
SHOWN = {"hide": ["navigation", "toc"], "search": {"exclude": True}}


def add_editions(prepared, project_dir: Path, host, staff, found, forms: ArchiveForms, refusals, blocks) -> None:
    """Every archived edition and comparison of `found` (model/editions.py) into `prepared`'s pages and manifest."""
    planner = planning.Planner(found, staff, host.conf, Path(project_dir), forms.links, forms.codes)
    jobs = planner.jobs()  # a position's editions come before its comparisons
    snapshots = snapshots_of(planner, forms.env, [job.state for job in jobs if job.state is not None])
    templates, read = comparison_templates(str(TEMPLATES)), {}
    rows = int(host.conf["extra"].get("acknowledgement_rows", 12))
    for job in jobs:
        spec = job.spec
        page = host.at(job.src)
        if job.kind == "edition":
            forms.pages[job.src] = Archived(spec, snapshots[spec["snapshot"]])
            # Messages name the file HR knows and the edition, as the site's (exports/archive_pages.py), and the
            # line in that file: the text they search stands at its own lines.
            position = job.state.position
            page.file.content_string = "\n" * (position.body_line - 1) + planning.text_of(job)
            page.file.source_file = f"docs/{position.src_path} (редакция {spec['version']} из истории git)"
            # Another position's clause is named, not linked; the blocks are kept as the site reads them
            # (plugin.py), for the comparisons that come after.
            body = instruction_markdown(position.body, host.macros, forms.clause_numbers, refusals, blocks,
                                        link_out=False)
            read[job.src] = document_text.blocks(drop_gaps_between_blocks(refusals.html))
            entry = {"kind": "edition", "slug": spec["slug"], "version": spec["version"],
                     "current": bool(spec["notice"].get("current"))}
        else:
            older, newer = (read.get(spec[side]["src"], []) for side in ("older", "newer"))
            body = one_block(comparison_html(templates, spec, older, newer, rows, page.url))
            entry = {"kind": "compare", "slug": spec["slug"], "version": spec["newer"]["version"],
                     "older": spec["older"]["version"]}
        prepared.pages[job.src] = _front_matter(spec["title"]) + body.strip("\n") + "\n"
        prepared.manifest[job.src] = {**entry, "title": spec["title"]}


def _front_matter(title: str) -> str:
    # The theme writes titles as HTML: escaped here, as hooks/theme.py does for the site.
    meta = yaml.safe_dump({"title": html.escape(title), **SHOWN}, allow_unicode=True, sort_keys=False)
    return f"---\n{meta}---\n\n"
