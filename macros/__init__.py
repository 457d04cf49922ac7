"""mkdocs-macros entry point: the one place where everything is registered.

Data flow: position files -> validated model (all positions, once) -> macros and
templates -> page HTML. Nothing here patches MkDocs or Material internals.
"""

from __future__ import annotations

from pathlib import Path

from .checks.run import checked_staff
from .model.build_date import pin_build_date
from .model.edit_dates import last_edited
from .render import catalog, org, plain_calls, text_filters, typography
from .render.boilerplate import Boilerplate
from .render.clauses import ClauseExtension
from .render.navigation import navigation
from .render.safe_html import SafeHtmlExtension


def define_env(env) -> None:
    # Everything registered inside the block is known to the check of the pages' macro calls,
    # which runs when the block ends; any problem stops the build before a page is written.
    builtin = set(env.macros)  # mkdocs-macros' own, such as macros_info(): never callable from a page
    with checked_staff(env) as staff:
        env.variables["staff"] = staff
        staff.edited.update(last_edited(Path(env.conf["docs_dir"])))
        pin_build_date(Path(env.conf["config_file_path"]).parent, staff)
        env.conf["nav"] = navigation(staff)
        env.conf["markdown_extensions"] += [ClauseExtension(staff, lambda: env.page), SafeHtmlExtension(lambda: env.page),
                                               typography.TypographyExtension()]
        text_filters.register(env)
        env.filter(typography.nbsp)
        Boilerplate(env, staff).register(env)
        catalog.register(env, staff)
        org.register(env, staff)
    plain_calls.record_site_macros(env.macros, builtin)


def on_pre_page_macros(env) -> None:
    # A page's `{{ name() }}` calls are expanded here, and the page is never compiled as a Jinja
    # template (render/plain_calls.py): nothing HR writes is evaluated.
    plain_calls.expand_page(env)
