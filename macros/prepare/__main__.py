"""`python -m macros.prepare --out DIR`: the prepared site as a plain MkDocs project (see __init__.py).

HR's mistakes are printed as the build prints them (file, line, fix) and the command exits with 1."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..model.problems import PositionsError
from . import prepare
from .project import write_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.prepare",
                                     description="Подготовить страницы сайта как обычный проект MkDocs.")
    parser.add_argument("--out", required=True, type=Path, help="папка, куда записать проект")
    parser.add_argument("--project", type=Path, default=Path("."),
                        help="корень репозитория (по умолчанию текущая папка)")
    parser.add_argument("--editions", action="store_true",
                        help="и страницы архива: каждую прежнюю редакцию и каждое сравнение редакций")
    options = parser.parse_args(argv)
    try:
        prepared = prepare(options.project.resolve(), archive=options.editions)
    except (PositionsError, PluginError) as error:  # PluginError: an edition today's code cannot build
        print(error, file=sys.stderr)
        return 1
    write_project(prepared, options.out)
    print(f"Готово: {len(prepared.pages)} страниц в {options.out}/docs; "
          f"сборка без кода проекта: mkdocs build -f {options.out}/mkdocs.yml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
