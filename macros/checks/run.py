"""All of HR's mistakes in one run, found before MkDocs writes anything.

``with checked_staff(env) as staff:`` checks the project's files and every position on entering, every
page's template syntax against the macros registered inside on leaving, then raises one PositionsError.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..model.loading import load_staff, position_from_bytes
from ..model.positions import Position, Staff
from ..model.problems import PositionsError, Problem
from ..model import two_cores
from . import body, fields, files, relations, signatories, status
from .pages import check_pages, check_templates


def validate_staff(staff: Staff, docs_dir: Path | None = None) -> list[Problem]:
    """Every problem of every position, in one list (the commands for HR check a new file with it)."""
    return [problem for position in staff.positions.values() for problem in check_position(position)] + \
        check_whole_set(staff, docs_dir)


def check_position(position: Position) -> list[Problem]:
    """What one file alone decides: its front matter against the schema, its history, its text."""
    return fields.check_front_matter(position) + body.check_body(position)


def check_whole_set(staff: Staff, docs_dir: Path | None) -> list[Problem]:
    """What depends on the other positions (who reports to whom, references, statuses): run over every build."""
    return relations.check_relations(staff, docs_dir) + status.check_status(staff)


class CheckedPositions:
    """`mkdocs serve`: each position file as the last rebuild read and checked it, kept on the plugin. Reading
    and checking one file depends on its bytes and its name only, so an unchanged file is not read again;
    the checks across files (check_whole_set, signatories, pages) run over the whole set every time."""

    def __init__(self):
        self.read: dict[str, list] = {}  # src_path -> [bytes, name shown, position, its reading's problems, its checks']
        self.pages: dict = {}  # every page's check of its own text (checks/pages.py), by the same rule

    def load(self, docs_dir: Path) -> tuple[Staff, list[Problem]]:
        """The positions and, in the order a fresh read gives them, the reading's problems, then the checks'."""
        kept: dict[str, list] = {}

        def read(raw: bytes, shown_as: str, src_path: str):
            known = self.read.get(src_path)
            if known is None or known[:2] != [raw, shown_as]:
                known = [raw, shown_as, *position_from_bytes(raw, shown_as, src_path), None]
            kept[src_path] = known
            return known[2], known[3]

        staff, unread = load_staff(docs_dir, read)
        unchecked = [known for known in kept.values() if known[4] is None]
        for known, found in zip(unchecked, two_cores.each(_check_read, [known[2] for known in unchecked])):
            known[4] = found
        self.read = kept  # a file removed is forgotten
        return staff, unread + [problem for known in kept.values() for problem in known[4]]


def _check_read(position: Position | None) -> list[Problem]:
    return check_position(position) if position is not None else []


@contextmanager
def checked_staff(env, positions: CheckedPositions | None = None):
    """positions: what the last rebuild of the same `mkdocs serve` read; None reads every file anew."""
    docs_dir = Path(env.conf["docs_dir"])
    builtin = set(env.macros)  # mkdocs-macros' own (macros_info, context…): pages may not call them
    problems = files.check_files(env.conf) + signatories.check_company(env.conf)
    problems += check_templates(Path(env.conf["config_file_path"]).resolve().parent)
    staff, found = (positions or CheckedPositions()).load(docs_dir)
    problems += found
    try:
        problems += check_whole_set(staff, docs_dir) + signatories.check_signatories(staff, env.conf)
    except Exception:
        # A file's broken data may trip a check across files; that file's own messages say what to fix.
        if problems:
            raise PositionsError(problems) from None
        raise
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
    problems += check_pages(env, docs_dir, staff, site_macros, positions.pages if positions else None)
    if problems:
        raise PositionsError(problems)
