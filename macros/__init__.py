"""mkdocs-macros entry point: the one place where everything is registered.

Data flow: position files -> validated model (all positions, once) -> macros and
templates -> page HTML. Nothing here patches MkDocs or Material internals.
"""

from __future__ import annotations

from pathlib import Path

from . import catalog, text_filters
from .boilerplate import Boilerplate
from .build_date import pin_build_date
from .clauses import ClauseExtension
from .loading import load_staff
from .navigation import navigation
from .problems import PositionsError
from .validation import validate_staff


def define_env(env) -> None:
    docs_dir = Path(env.conf["docs_dir"])
    staff, problems = load_staff(docs_dir)
    problems += validate_staff(staff)
    if problems:
        # Raised while MkDocs reads its configuration: nothing has been written yet.
        raise PositionsError(problems)

    env.variables["staff"] = staff
    pin_build_date(Path(env.conf["config_file_path"]).parent, staff)
    env.conf["nav"] = navigation(staff)
    env.conf["markdown_extensions"].append(ClauseExtension())
    text_filters.register(env)
    Boilerplate(env, staff).register(env)
    catalog.register(env, staff)
