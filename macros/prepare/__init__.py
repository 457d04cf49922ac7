"""The *prepare* stage: the project's files in, plain Markdown pages out, nothing left for a generator.

``prepare(project_dir)`` checks, expands the macros, numbers clauses, fills references and typesets, so the
pages build to the same text with plain ``mkdocs build``; with the archive, every edition (its macros answering
from its commit) and every comparison («Лист изменений») too, at the site's addresses (exports/archive.py).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ..model.positions import default_tags
from ..exports import archive as planning, document_text
from ..exports.archive_forms import ArchiveForms, comparison_html
from ..hooks.compact import drop_gaps_between_blocks
from ..hooks.safety import stop_if_found
from ..render.archive_links import Links
from ..render.findings import Findings
from .markdown import TAGS_MARKER, PlainPages, one_block
from .site import read_site

# Which page is which, by the macro it calls (or Material's tags marker).
KINDS = {"position_catalog": "catalog", "org_chart": "structure"}


class MacroHost:
    """The macros' host without mkdocs-macros: the few names of its ``env`` (conf, Jinja env, macro(), filter(),
    page) set up the way mkdocs.yml sets up the plugin, so macros register and render as they do there."""

    def __init__(self, config_file: Path):
        self.conf = load_config(config_file=str(config_file))
        self.config = self.conf["plugins"]["macros"].config  # the `macros:` options, as the plugin reads them
        project = Path(self.conf["config_file_path"]).parent
        options = {"loader": FileSystemLoader(str(project / (self.config["include_dir"] or "macros/templates"))),
                   "undefined": StrictUndefined}
        options.update({key[3:]: value for key, value in self.config.items() if key.startswith("j2_") and value})
        self.env = Environment(**options)
        self.macros: dict = {}
        self.variables: dict = {}
        self.page: Page | None = None

    def macro(self, function, name: str = ""):
        self.macros[name or function.__name__] = function
        self.env.globals[name or function.__name__] = function
        return function

    def filter(self, function, name: str = ""):
        self.env.filters[name or function.__name__] = function
        return function

    def at(self, src_uri: str) -> Page:
        """Make `src_uri` (relative to docs/) the page being prepared: the macros read it from `page`."""
        file = File(src_uri, self.conf["docs_dir"], self.conf["site_dir"], self.conf["use_directory_urls"])
        self.page = Page(None, file, self.conf)
        return self.page


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
    prepared = Prepared(nav=site.nav, docs_dir=docs_dir, site={
        key: host.conf[key] for key in ("site_name", "site_description", "repo_url", "edit_uri")})
    plain = PlainPages(host, site.forms, found)
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        position = site.staff.by_src_path(src_uri)
        host.at(src_uri)
        if position is not None:
            # Front matter the theme reads (title and tags, as text) and the instruction's full printed text.
            tags = ", ".join(_as_text(tag) for tag in position.meta.get("tags") or default_tags(position.meta))
            prepared.pages[src_uri] = _page(f"title: {_as_text(position.title)}\ntags: [{tags}]\n",
                                            plain.instruction(position.body))
            prepared.manifest[src_uri] = {"kind": "position", "slug": position.slug, "title": position.title,
                                          "edition": position.version, "draft": position.is_draft}
        else:
            text = path.read_text(encoding="utf-8-sig")
            prepared.pages[src_uri] = plain.other(text)
            kind = next((KINDS[name] for name in KINDS if f"{name}()" in text), None)
            prepared.manifest[src_uri] = {"kind": kind or ("tags" if TAGS_MARKER in text else "page")}
    if archive:
        add_editions(prepared, project_dir, site, plain)
    stop_if_found(found)
    return prepared


def _as_text(value) -> str:
    """The theme writes titles and tags as HTML: escaped here (quotes too), as hooks/safety.py does for the site."""
    return '"' + html.escape(str(value)).replace("\\", "\\\\") + '"'


def _page(meta: str, body: str) -> str:
    return f"---\n{meta}---\n\n" + body.strip("\n") + "\n"


# As the site shows an archived page (exports/archive_pages.py): no menu or contents, not in the search.
SHOWN = {"hide": ["navigation", "toc"], "search": {"exclude": True}}


def add_editions(prepared: Prepared, project_dir: Path, site, plain: PlainPages) -> None:
    """Every archived edition and comparison of the site's archive into `prepared`'s pages and manifest."""
    host, forms = plain.host, site.forms
    planner = planning.Planner(site.archive, site.staff, host.conf, Path(project_dir), forms.links, forms.codes)
    jobs = planner.jobs()  # a position's editions come before its comparisons
    snapshots = planner.sources.snapshots([job.state for job in jobs if job.state is not None], forms.env)
    read = {}
    for job in jobs:
        spec = job.spec
        page = host.at(job.src)
        if job.kind == "edition":
            job.snapshot, forms.pages[job.src] = snapshots[spec["snapshot"]], job
            # Messages name the file HR knows and the edition, as the site's (exports/archive_pages.py), and the
            # line in that file: the text they search stands at its own lines.
            position = job.state.position
            page.file.content_string = "\n" * (position.body_line - 1) + planning.text_of(job)
            page.file.source_file = f"docs/{position.src_path} (редакция {spec['version']} из истории git)"
            # Another position's clause is named, not linked; the blocks are kept as the site reads them
            # (plugin.py), for the comparisons that come after.
            body = plain.instruction(position.body, link_out=False)
            read[job.src] = document_text.blocks(drop_gaps_between_blocks(plain.html))
            entry = {"kind": "edition", "slug": spec["slug"], "version": spec["version"],
                     "current": bool(spec["notice"].get("current"))}
        else:
            older, newer = (read.get(spec[side]["src"], []) for side in ("older", "newer"))
            body = one_block(comparison_html(spec, older, newer, host.conf, page.url))
            entry = {"kind": "compare", "slug": spec["slug"], "version": spec["newer"]["version"],
                     "older": spec["older"]["version"]}
        shown = {"title": html.escape(spec["title"]), **SHOWN}
        prepared.pages[job.src] = _page(yaml.safe_dump(shown, allow_unicode=True, sort_keys=False), body)
        prepared.manifest[job.src] = {**entry, "title": spec["title"]}

