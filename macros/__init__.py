"""mkdocs-macros entry point: define_env runs the one setup (prepare/site.py, read_site) with what the plugin
decided for this build; the page hook below is mkdocs-macros' own. Nothing here patches MkDocs or Material.
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

from .exports.archive_forms import ArchiveForms
from .hooks.search_entries import SearchOutline
from .model.build_cache import BuildCache
from .model.history import pin_build_date
from .plugin import of as plugin_of
from .prepare.site import read_site
from .render import plain_calls


def define_env(env) -> None:
    """The setup prepare() runs too (prepare/site.py), with what the plugin decided for this build. A build
    without our plugin cannot finish (the theme needs its `instruction` test), so the plugin is always here."""
    plugin = plugin_of(env.conf)
    project = Path(env.conf["config_file_path"]).parent
    # Work of earlier builds that depends only on its input (model/build_cache.py), owned by the plugin.
    cache = plugin.cache = BuildCache.for_project(project, {
        "extensions": env.conf["markdown_extensions"], "options": env.conf["mdx_configs"]}, plugin.config.page_cache)
    editions = plugin.editions  # what the archive publishes or checks (hooks/editions.py)
    site = read_site(env, plugin.findings, forms_class=ArchiveForms, links=editions.links,
                     codes=editions.codes, ledger=editions.ledger, base=editions.base, cache=cache,
                     positions=plugin.positions)
    # Search entries are recorded from each page's tree as Markdown makes it (search/README.md).
    env.conf["markdown_extensions"].append(SearchOutline(plugin.search, lambda: env.page))
    # What the editions step takes: the editions (None when neither published nor checked) and the rest.
    editions.archive = site.archive if editions.links.pages or editions.links.checks else None
    editions.staff, editions.drafts_found, editions.forms = site.staff, site.drafts, site.forms
    plugin.build_date = pin_build_date(project, site.staff, plugin.build_date)


def on_pre_page_macros(env) -> None:
    # A page's `{{ name() }}` calls are expanded here, and the page is never compiled as a Jinja
    # template (render/plain_calls.py): nothing HR writes is evaluated, an archived edition's text included.
    plain_calls.expand_page(env, plugin_of(env.conf).editions.forms.site_macros)

