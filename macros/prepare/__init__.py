"""The *prepare* stage: the project's files in, plain Markdown pages out, nothing left for a generator.

``prepare(project_dir)`` validates with the build's checks, expands the macros, numbers clauses, fills
references and applies typography; the pages build to the same text with plain ``mkdocs build``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from ..model.front_matter import FRONT_MATTER
from ..model.positions import Position, default_tags
from ..model.problems import PositionsError
from ..exports.archive_forms import ArchiveForms
from ..render import plain_calls
from ..render.archive_links import Links
from ..render.findings import Findings
from .host import MacroHost
from .markdown import Refusals, forms_in, instruction_markdown, typeset_markdown
from .editions import add_editions
from .site import read_site

# Which page is which, by the macro it calls (or Material's tags marker).
KINDS = {"position_catalog": "catalog", "org_chart": "structure"}
TAGS_MARKER = "<!-- material/tags -->"


@dataclass
class Prepared:
    """What the render stage needs: each page's Markdown by its path under docs/, what it is, and the menu."""

    pages: dict[str, str] = field(default_factory=dict)
    manifest: dict[str, dict] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    site: dict = field(default_factory=dict)  # site_name, repo_url, edit_uri: what the theme shows
    docs_dir: Path | None = None  # where the pages came from (other files there are copied as they are)


def prepare(project_dir: Path, archive: bool = False) -> Prepared:
    """Every page of the site as plain Markdown (with archive, every archived edition and comparison too);
    raises PositionsError (file, line, fix) on HR's mistakes."""
    host = MacroHost(Path(project_dir) / "mkdocs.yml")
    docs_dir = Path(host.conf["docs_dir"])
    found = Findings()  # what converting the pages finds, reported together at the end
    base = (host.conf["extra"].get("jobdesc") or {}).get("base")  # the option base, as the plugin reads it
    site = read_site(host, found, forms_class=ArchiveForms, links=Links(pages=archive), base=str(base or ""),
                     every_edition=True)  # an edition's page: its commit answers
    staff, forms, blocks = site.staff, site.forms, site.forms.blocks
    prepared = Prepared(nav=site.nav, docs_dir=docs_dir, site={
        key: host.conf[key] for key in ("site_name", "site_description", "repo_url", "edit_uri")})
    refusals = Refusals(host, blocks, found)
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        position = staff.by_src_path(src_uri)
        host.at(src_uri)
        if position is not None:
            prepared.pages[src_uri] = _position_page(position, host, forms, refusals, blocks)
            prepared.manifest[src_uri] = {"kind": "position", "slug": position.slug, "title": position.title,
                                          "edition": position.version, "draft": position.is_draft}
        else:
            text = path.read_text(encoding="utf-8-sig")
            prepared.pages[src_uri] = _other_page(text, host, refusals, blocks)
            kind = next((KINDS[name] for name in KINDS if f"{name}()" in text), None)
            prepared.manifest[src_uri] = {"kind": kind or ("tags" if TAGS_MARKER in text else "page")}
    if archive:
        add_editions(prepared, project_dir, host, staff, site.archive, forms, refusals, blocks)
    problems = found.take()
    if problems:
        raise PositionsError(problems)
    return prepared


def _position_page(position: Position, host: MacroHost, forms: ArchiveForms, refusals: Refusals, blocks) -> str:
    """Front matter the theme reads (title and tags, as text) and the instruction's full printed text."""
    body = instruction_markdown(position.body, host.macros, forms.clause_numbers, refusals, blocks)
    tags = position.meta.get("tags") or default_tags(position.meta)
    # The theme writes titles and tags as HTML: escaped here, as hooks/theme.py does for the site.
    meta = [f"title: {_yaml_text(html.escape(position.title))}",
            "tags: [" + ", ".join(_yaml_text(html.escape(str(tag))) for tag in tags) + "]"]
    return "---\n" + "\n".join(meta) + "\n---\n\n" + body.strip("\n") + "\n"


def _other_page(text: str, host: MacroHost, refusals: Refusals, blocks) -> str:
    """A page that is not a position (catalog, structure, tags, guides): its calls expanded, typeset."""
    found = FRONT_MATTER.match(text)
    head, body = (text[:found.end()], text[found.end():]) if found else ("", text)
    expanded = plain_calls.expand(body, host.macros, skip_code=True)  # a guide shows calls in code as text
    refusals.checked((expanded or "").replace(TAGS_MARKER, ""))  # Material puts the tags list in its place
    return head + forms_in(typeset_markdown(expanded if expanded is not None else body), blocks) + "\n"


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
