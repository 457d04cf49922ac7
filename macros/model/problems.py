"""Problems found in HR's files, reported all together with the file, the field and the fix."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Problem:
    """One mistake in one file: what is wrong and what to write instead."""

    file: str
    message: str
    fix: str = ""
    field: str | None = None
    line: int | None = None
    missing: str | None = None  # the file name of a position this place refers to and that does not exist

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        what = f"поле «{self.field}»: " if self.field else ""
        text = f"{where}: {what}{self.message}"
        if self.fix:
            text += f"\n    Как исправить: {self.fix}"
        return text


def did_you_mean(written: str, known, suffix: str = "", n: int = 1, cutoff: float = 0.6) -> str:
    """«возможно, имелось в виду recruiter; » for the likeliest of `known` a typo meant, else nothing."""
    close = difflib.get_close_matches(written, list(known), n=n, cutoff=cutoff)
    return f"возможно, имелось в виду {', '.join(name + suffix for name in close)}; " if close else ""


class PositionsError(PluginError):
    """Raised before any page is written when HR's files have problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(missing_positions_together(problems), key=lambda p: (p.file, p.line or 0))
        count = len(self.problems)
        lines = [f"Найдено ошибок в должностях: {count}. Сайт не собран, прежняя версия не тронута."]
        lines += [f"  {i}. {p}" for i, p in enumerate(self.problems, 1)]
        super().__init__("\n".join(lines))


# How a reference to a missing position ends in the message of one place; the list replaces it.
REFERRER = ", а эта должность на неё ссылается"


def missing_positions_together(problems: list[Problem]) -> list[Problem]:
    """One message per missing position, listing every place that refers to it: deleting a position
    others report to would otherwise give a dozen messages that differ only in file and field."""
    by_target: dict[str, list[Problem]] = {}
    for problem in problems:
        if problem.missing:
            by_target.setdefault(problem.missing, []).append(problem)
    together = {target: _together(found) for target, found in by_target.items() if len(found) > 1}
    kept = [p for p in problems if not p.missing or p.missing not in together]
    return kept + list(together.values())


def _together(found: list[Problem]) -> Problem:
    found = sorted(found, key=lambda p: (p.file == "mkdocs.yml", p.file, p.line or 0))
    # The most telling explanation: a deletion found in git, else a position file's (it lists those that exist).
    told = next((p for p in found if "удалена" in p.message), found[0])
    missing_file = f"docs/positions/{told.missing}.md"
    head = told.message.replace(REFERRER, "").replace(f": нет файла {missing_file}", ": такого файла нет")
    fix = told.fix if "удалена" in told.message else \
        f"{told.fix}; если файл удалён или переименован по ошибке, верните его"
    places = "\n".join(f"       {p.file}{f':{p.line}' if p.line else ''} — поле «{p.field}»" for p in found)
    return Problem(missing_file, f"{head}; ссылок на неё: {len(found)}\n{places}", fix, missing=told.missing)
