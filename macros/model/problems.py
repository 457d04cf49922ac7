"""Problems found in HR's files, reported all together with the file, the field and the fix."""

from __future__ import annotations

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

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        what = f"поле «{self.field}»: " if self.field else ""
        text = f"{where}: {what}{self.message}"
        if self.fix:
            text += f"\n    Как исправить: {self.fix}"
        return text


def shown(position) -> str:
    """How a position's file is named in messages: as HR sees it in the repository."""
    return f"docs/{position.src_path}"


class PositionsError(PluginError):
    """Raised before any page is written when HR's files have problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        count = len(self.problems)
        lines = [f"Найдено ошибок в должностях: {count}. Сайт не собран, прежняя версия не тронута."]
        lines += [f"  {i}. {p}" for i, p in enumerate(self.problems, 1)]
        super().__init__("\n".join(lines))
