"""mkdocs-macros entry point: the one place where every macro, filter and check is registered.

Position files -> validated model (once) -> macros and templates -> page HTML; archived editions answer
the same macros from their own commit (exports/archive_forms.py). Nothing here patches MkDocs or Material.
"""

from __future__ import annotations

from pathlib import Path

try:  # the packages every command needs; without them, a message instead of a traceback
    import jinja2  # noqa: F401
    import mkdocs  # noqa: F401
    import yaml  # noqa: F401
except ModuleNotFoundError as missing:  # `python3 -m macros.…` with a Python outside .venv
    from .environment import not_installed
    raise SystemExit(not_installed(missing)) from None

from .checks import editions as edition_checks
from .checks.run import checked_staff
from .exports.archive_forms import ArchiveForms
from .hooks.editions import Editions
from .model.build_date import pin_build_date
from .model.edit_dates import last_edited
from .model.drafts import set_drafts_aside
from .model.editions import find_editions
from .render import catalog, org, plain_calls, renames, text_filters, typography
from .render.clauses import ClauseExtension
from .render.findings import Findings
from .render.navigation import navigation
from .model.build_cache import BuildCache
from .plugin import of as plugin_of
from .render.page_cache import ConvertedPages
from .render.safe_html import SafeHtmlExtension


def define_env(env) -> None:
    builtin = set(env.macros)  # mkdocs-macros' own, such as macros_info(): never callable from a page
    site = plugin_of(env.conf)  # None in a build without our plugin: the options' defaults, no cache
    if site:  # work of earlier builds that depends only on its input (model/build_cache.py)
        site.cache = BuildCache.for_project(Path(env.conf["config_file_path"]).parent, {
            "extensions": env.conf["markdown_extensions"], "options": env.conf["mdx_configs"]}, site.config.page_cache)
    # Everything registered inside the block is known to the check of the pages' macro calls,
    # which runs when the block ends; any problem stops the build before a page is written.
    with checked_staff(env) as staff:
        env.variables["staff"] = staff
        project = Path(env.conf["config_file_path"]).parent
        staff.edited.update(last_edited(Path(env.conf["docs_dir"])))
        pinned = pin_build_date(project, staff, site.build_date if site else None)
        if site:
            site.build_date = pinned
        # A draft needs the edition in force from git even when the archive is not published (mkdocs serve);
        # serve reads the editions for the check that no approved text changed silently (links.checks).
        # What the archive publishes is the plugin's (hooks/editions.py); without it, no archive.
        editions = site.editions if site else Editions()
        links = editions.links
        drafting = any(position.is_draft for position in staff.positions.values())
        wanted = links.pages or links.checks or drafting
        archive = (find_editions(project, Path(env.conf["docs_dir"]), staff, editions.ledger, editions.base)
                   if wanted else None)
        edition_checks.raise_history_problems(archive, staff)
        drafts = set_drafts_aside(staff, archive, Path(env.conf["docs_dir"]))  # from here on, a position is its edition in force
        checked = links.pages or links.checks
        env.conf["nav"] = navigation(staff)
        forms = ArchiveForms(env, staff, archive, links, editions.codes)  # on an archived edition's page, its commit answers
        editions.take(archive if checked else None, staff, drafts, forms)
        _register_rendering(env, forms)
        forms.register(env)
        catalog.register(env, staff)
        org.register(env, staff, forms.blocks)
    forms.site_macros.update(plain_calls.site_macros(env.macros, builtin))


def _register_rendering(env, forms: ArchiveForms) -> None:
    """What every page of an instruction needs. An archived edition's references are numbered from its own
    commit and link nowhere (the positions they name may be gone or renumbered since)."""
    site = plugin_of(env.conf)  # the plugin stops the build on what is found; without it, nobody asks
    found = site.findings if site else Findings()
    cache = forms.cache = site.cache if site else BuildCache(None)
    link_out = lambda: forms.here() is None  # noqa: E731
    env.conf["markdown_extensions"] += [
        ClauseExtension(lambda: env.page, forms.clause_numbers, link_out, cache, found, forms.blocks),
        SafeHtmlExtension(lambda: env.page, forms.blocks, found), typography.TypographyExtension(),
        ConvertedPages(cache, found)]
    text_filters.register(env)
    env.filter(typography.nbsp)


def on_pre_page_macros(env) -> None:
    # A page's `{{ name() }}` calls are expanded here, and the page is never compiled as a Jinja
    # template (render/plain_calls.py): nothing HR writes is evaluated, an archived edition's text included.
    site = plugin_of(env.conf)
    plain_calls.expand_page(env, site.editions.forms.site_macros if site else _own_macros(env.macros))


def _own_macros(macros: dict) -> dict:
    """Without the plugin, nothing keeps what define_env registered: the macros defined in this package."""
    return {name: macro for name, macro in macros.items()
            if getattr(macro, "__module__", "").split(".")[0] == __name__.split(".")[0]}


def on_post_build(env) -> None:
    staff = env.variables.get("staff")
    if staff is not None:
        renames.write_redirects(Path(env.conf["site_dir"]), staff)
