"""mkdocs-macros entry point: the one place where everything is registered.

Data flow: position files -> validated model (all positions, once) -> macros and templates -> page HTML.
Editions: git history -> model/editions.py -> the history table of each page here, and the archive's
pages after the build (macros/hooks/editions.py). In the archive build itself (a temporary project that
renders old editions, see macros/exports/archive_build.py) the same macros answer from each edition's
commit instead. Nothing here patches MkDocs or Material internals.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .checks import editions as edition_checks
from .checks.run import checked_staff
from .exports import archive_build
from .model.build_date import pin_build_date
from .model.edit_dates import last_edited
from .model.editions import find_editions
from .model.markup import SIMPLE_CALL
from .render import archive_links, catalog, org, plain_calls, text_filters
from .render.boilerplate import Boilerplate
from .render.clauses import ClauseExtension
from .render.navigation import navigation


def define_env(env) -> None:
    plan = archive_build.load_plan()
    if plan is not None:
        _define_archive_build(env, plan)
        return
    # Everything registered inside the block is known to the check of the pages' macro calls,
    # which runs when the block ends; any problem stops the build before a page is written.
    with checked_staff(env) as staff:
        env.variables["staff"] = staff
        project = Path(env.conf["config_file_path"]).parent
        staff.edited.update(last_edited(Path(env.conf["docs_dir"])))
        pin_build_date(project, staff)
        archive = find_editions(project, Path(env.conf["docs_dir"]), staff) if archive_links.links.pages else None
        archive_links.found.update(archive=archive, staff=staff)
        edition_checks.raise_history_problems(archive, staff)
        env.conf["nav"] = navigation(staff)
        _register_rendering(env)
        Boilerplate(env, staff, archive).register(env)
        catalog.register(env, staff)
        org.register(env, staff)


def _register_rendering(env) -> None:
    """What every page of an instruction needs, in the site and in the archive build alike."""
    env.conf["markdown_extensions"].append(ClauseExtension())
    text_filters.register(env)


def _define_archive_build(env, plan: dict) -> None:
    env.conf["nav"] = [{"Все должности": "index.md"}]
    _register_rendering(env)
    archive_build.EditionForms(env, plan).register(env)


def on_pre_page_macros(env) -> None:
    # A shortcut only: a page of plain `{{ name() }}` calls is expanded without compiling it as a
    # template (render/plain_calls.py). Without this step every page still renders the same, through Jinja.
    plain_calls.expand_page(env)
    if archive_build.load_plan() is not None and env.page.meta.get("render_macros") is not False:
        # An archived edition is HR's text: it is never rendered as a Jinja template.
        for name in SIMPLE_CALL.findall(env.markdown):  # the macro's own error, if that was the reason
            env.macros[name]()
        raise PluginError(f"{env.page.file.src_uri}: страница архива не раскрывается как простые вызовы макросов")
