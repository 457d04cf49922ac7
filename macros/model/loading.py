"""Reading position files: bytes -> text (text_files.py) -> front matter (front_matter.py) + body,
with a problem for each way it can fail.
"""

from __future__ import annotations

from pathlib import Path

from .front_matter import kind_of, split_front_matter
from .positions import Position, Staff, position_files
from .problems import Problem
from .text_files import text_of


def load_staff(docs_dir: Path, read=None) -> tuple[Staff, list[Problem]]:
    """Read every position file; return the positions that could be read and all problems. read: in place
    of position_from_bytes (`mkdocs serve` answers an unchanged file from its last reading, checks/run.py)."""
    staff = Staff()
    problems: list[Problem] = []
    for path in position_files(docs_dir):
        # Messages name a file as HR sees it in the repository: docs/positions/<slug>.md.
        shown_as = path.relative_to(docs_dir.parent).as_posix() if docs_dir.parent in path.parents else str(path)
        position, found = (read or position_from_bytes)(path.read_bytes(), shown_as,
                                                        path.relative_to(docs_dir).as_posix())
        problems += found
        if position is not None:
            staff.positions[position.slug] = position
    return staff, problems


def position_from_bytes(raw: bytes, shown_as: str, src_path: str) -> tuple[Position | None, list[Problem]]:
    """A position file's bytes (in the work tree or at a commit, model/editions.py) read as a position."""
    text, problem = text_of(raw, shown_as)
    if problem:
        return None, [problem]
    return position_from_text(text, shown_as, src_path)


def position_from_text(text: str, shown_as: str, src_path: str) -> tuple[Position | None, list[Problem]]:
    found = split_front_matter(text, shown_as)
    if found is None:
        return None, [Problem(
            shown_as, "нет блока с данными должности (front matter) в начале файла",
            "первая строка файла — три дефиса ---, затем поля (title: …, department: …), затем снова ---",
            line=1)]
    if isinstance(found, Problem):
        return None, [found]
    meta, lines, repeated, body, body_line = found
    if not isinstance(meta, dict):
        return None, [Problem(
            shown_as, "данные должности между строками --- должны быть списком полей «имя: значение», "
            f"а здесь {kind_of(meta)}",
            "запишите каждое поле с новой строки в начале строки, например: title: Менеджер по продажам",
            line=2)]
    problems = [Problem(
        shown_as, f"поле указано дважды (первый раз в строке {lines[key]}); YAML молча берёт последнее значение",
        "оставьте одну строку с этим полем", field=".".join(map(str, key)), line=line) for key, line in repeated]
    return Position(Path(src_path).stem, src_path, meta, body, body_line, lines), problems
