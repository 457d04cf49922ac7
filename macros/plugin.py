"""The MkDocs side of the site in one object: every event we answer, in the order MkDocs runs them.

Events call plain functions of the layers; what a build remembers lives on the plugin, its settings are
a typed config (macros/config.py). macros/mkdocs_hooks.py makes the one plugin (MkDocs loads plugins only
through entry points); define_env finds it with `of(config)`. Priorities, against the other plugins:

- on_config 110: before mkdocs-macros runs define_env, which reads what the editions step found and site_dir;
- on_page_markdown 50: before mkdocs-macros (0) expands the page and the tags plugin (-50) collects tags;
- on_page_context 100, then -10: before Material's search plugin (0), which must skip every page (ours
  is the index), and after it, since it strips ``data-search-*`` attributes from what it sees;
- on_post_build -50: after Material's search (0) wrote its empty index;
- on_build_error -1000: the last handler of a failed build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .checks.run import CheckedPositions
from .config import JobDescConfig, problem
from .editing import build_log, incremental, live_preview
from .hooks import safety
from .hooks.compact import compact, drop_gaps_between_blocks
from .hooks.downloads import Downloads
from .hooks.editions import Editions
from .hooks.publishing import Staging
from .hooks.search_entries import SearchEntries
from .model.build_cache import BuildCache
from .model.positions import POSITIONS_DIR, default_tags
from .render import renames
from .render.findings import Findings
from .render.verbatim import HeldBlocks, is_instruction


class JobDescPlugin(BasePlugin[JobDescConfig]):
    """Prepare (define_env, editions), check and finish (search index, PDFs, .docx, publishing) one site."""

    def __init__(self):
        self.command: str | None = None        # None: built through MkDocs' API, which runs no on_startup
        self.dirty = False
        self.incremental = False               # `mkdocs serve --dirty`: only stale pages are rendered again
        self.built_from: incremental.Fingerprint | None = None  # the last successful build's sources
        self.building_from: incremental.Fingerprint | None = None
        self.search = SearchEntries()          # kept across incremental rebuilds
        self.template_code = incremental.TemplateCode()  # `mkdocs serve`: theme templates compiled once
        self.form_code = incremental.TemplateCode()      # and the forms' templates (macros/templates/)
        self.positions: CheckedPositions | None = None  # `mkdocs serve`: position files read and checked once
        self.staging: Staging | None = None    # `mkdocs build` only
        self.downloads: Downloads | None = None
        self.findings = Findings()             # problems found while rendering, reported all at once
        self.cache = BuildCache(None)          # work of earlier builds (model/build_cache.py), opened by define_env
        self.held_blocks = HeldBlocks()        # the forms macros hold out of Markdown, put back per page
        self.editions = Editions()             # the archive of editions and drafts (hooks/editions.py)
        self.build_date: str | None = None     # SOURCE_DATE_EPOCH as define_env set it (model/history.py)
        self.preview: live_preview.LivePreview | None = None  # `mkdocs serve`: what the last rebuild said
        self.written: list[tuple[str, object]] = []  # (HTML, page) of every page written by this build

    @property
    def releases_verbatim_blocks(self) -> bool:
        """render/verbatim.py: whether macros hold their forms and this plugin puts them back (option hold_forms)."""
        return bool(self.config.get("hold_forms", True))

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty
        build_log.keep_short()
        self.positions = CheckedPositions() if command == "serve" else None  # only an unchanged file is reused
        self.incremental = command == "serve" and dirty
        if self.incremental:  # on_files decides which pages are stale, so MkDocs' warning is not true here
            logging.getLogger(build_log.BUILD_LOGGER).addFilter(incremental.drop_dirty_notice)

    @event_priority(110)
    def on_config(self, config):
        errors, unknown = self.load_config(config.extra.get("jobdesc") or {}, config.config_file_path)
        errors = [*errors, *unknown]  # a misspelt option would otherwise be ignored in silence
        if errors:
            raise PluginError("\n".join(problem(name, error) for name, error in errors))
        self.editions.configure(config, self.command, self.config)  # reads the last site's ledger before site_dir moves
        self.staging = Staging.begin(config, self.dirty) if self.command == "build" else None
        self.downloads = Downloads(self.command or "build", Path(config.config_file_path).parent, self.config)
        return config

    def on_pre_build(self, *, config):
        self.held_blocks.clear()  # `mkdocs serve` builds many times in one process,
        self.findings.take()  # and the problems an earlier one found
        self.written = []
        if not self.incremental:
            self.search.start(keep=False)

    def on_files(self, files, *, config):
        self.editions.on_files(files, config)
        if self.editions.forms is not None:  # mkdocs-macros' Jinja, new every rebuild: no file changes under it
            self.editions.forms.env.env.auto_reload = False  # (no stat of a template on each of a page's renders)
            if self.command == "serve":
                self.form_code.used_by(self.editions.forms.env.env)
        if self.incremental:
            self.building_from = incremental.fingerprint(config, [f.src_uri for f in files.documentation_pages()])
            stale = incremental.stale_pages(self.built_from, self.building_from)
            incremental.render_again(config, files, stale)
            self.search.start(keep=stale is not None)  # the records of pages not rendered again stay
        return files

    def on_page_read_source(self, *, page, config):
        return self.editions.source(page)

    @event_priority(50)
    def on_page_markdown(self, markdown, *, page, config, files):
        if "tags" not in page.meta and page.file.src_uri.startswith(f"{POSITIONS_DIR}/"):
            page.meta["tags"] = default_tags(page.meta)  # a position is tagged by its department and category
        safety.tags_as_text(page)
        if self.editions.drafts:
            self.editions.drafts.mark(page, files)
        return markdown

    def on_page_content(self, html, *, page, config, files):
        html = safety.sanitise(html, page, self.held_blocks, self.findings, self.cache)  # before anything reads the body
        html = drop_gaps_between_blocks(html)
        for pages in self.editions.building():  # the body as every other step left it
            pages.page_content(page.file.src_uri, html)
        return html

    def on_env(self, env, *, config, files):
        env.tests["instruction"] = is_instruction  # the theme's one answer to "instruction?"
        if self.command == "serve":
            self.template_code.used_by(env)
        safety.stop_if_found(self.findings)  # every page is converted, none written yet
        return env

    @event_priority(100)
    def _read_page(self, context, *, page, config, nav):
        safety.titles_as_text(page)
        self.search.read(page, self.cache)  # the held forms are not in the body yet: they are not searched
        return context

    @event_priority(-10)
    def _finish_page(self, context, *, page, config, nav):
        self.held_blocks.put_back(page)
        for pages in self.editions.building():
            pages.page_context(page)
        self.downloads.link(context, page, config)
        return context

    on_page_context = CombinedEvent(_read_page, _finish_page)

    def on_post_page(self, output, *, page, config):
        output = compact(output)  # a fifth smaller
        self.written.append((output, page))  # read for outside resources after the last page
        return output

    @event_priority(-50)
    def on_post_build(self, *, config):
        safety.check_written_pages(self.written, self.findings, self.cache)
        self.written = []
        self.cache.finish()  # what this build used stays; what no build used for two weeks goes
        renames.write_redirects(Path(config.site_dir), self.editions.staff)  # at each renamed position's old address
        self.downloads.make(config)
        self.editions.on_post_build(config)
        self.search.write(Path(config.site_dir), config.extra.get("search_synonyms"))
        safety.stop_if_found(self.findings)
        if self.staging is not None:
            self.staging.finish(config)
        self.built_from = self.building_from

    def on_serve(self, server, *, config, builder):
        self.preview = live_preview.LivePreview(server)
        return server

    @event_priority(-1000)
    def on_build_error(self, *, error):
        self.built_from = None  # a failed build may have written some pages: the next one renders all
        if self.preview is not None:  # the error itself: the exception that reaches serve is MkDocs' Abort
            self.preview.error = error
        ending = build_log.closing_line(error)
        if ending is not None:
            raise ending from None  # in place of MkDocs' English "Aborted with …"


def of(config) -> JobDescPlugin | None:
    """The plugin of this build, carried by mkdocs_hooks.py's module; None when a build runs without it."""
    found = (getattr(hooks, "plugin", None) for hooks in config["plugins"].values())
    return next((plugin for plugin in found if isinstance(plugin, JobDescPlugin)), None)
