"""All of HR's mistakes in one run, found before MkDocs writes anything.

``with checked_staff(env) as staff:`` checks the project's files and every position on entering, every
page's template syntax against the macros registered inside on leaving, then raises one PositionsError.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..model.company import Company
from ..model.loading import load_staff
from ..model.positions import Staff
from ..model.problems import PositionsError, Problem
from . import body, company, fields, files, relations, signatories, status
from .pages import check_pages, check_templates


def validate_staff(staff: Staff, docs_dir: Path | None = None) -> list[Problem]:
    """Every problem of every position, in one list."""
    problems: list[Problem] = []
    for position in staff.positions.values():
        problems += fields.check_front_matter(position)
        problems += body.check_body(position)
    problems += relations.check_relations(staff, docs_dir)
    problems += status.check_status(staff)
    return problems


@contextmanager
def checked_staff(env):
    docs_dir = Path(env.conf["docs_dir"])
    builtin = set(env.macros)  # mkdocs-macros' own (macros_info, context…): pages may not call them
    problems = files.check_files(env.conf)
    problems += company.check_company(env.conf)
    problems += check_templates(Path(env.conf["config_file_path"]).resolve().parent)
    staff, found = load_staff(docs_dir)
    problems += found + validate_staff(staff, docs_dir)
    problems += signatories.check_signatories(staff, Company(env.conf["extra"], staff), env.conf.get("config_file_path"))
    try:
        yield staff
    except PositionsError as error:  # found while registering (e.g. the editions' history): report all together
        raise PositionsError(problems + error.problems) from None
    except Exception:
        # Registering on broken data may fail; the data's problems explain it better than a traceback.
        if problems:
            raise PositionsError(problems) from None
        raise
    site_macros = {name: macro for name, macro in env.macros.items() if name not in builtin}
    problems += check_pages(env, docs_dir, staff, site_macros)
    if problems:
        raise PositionsError(problems)
