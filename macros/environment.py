"""HR's commands started from their documented addresses (`python3 -m macros.new_position …`), with a
message in place of a traceback when the Python that runs them lacks the project's packages (.venv not
open). Standard library only: it must import where nothing else does."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def run(command: str) -> None:
    """Run macros/commands/<command>.py, typed as `python -m macros.<command>`."""
    try:
        main = importlib.import_module(f".commands.{command}", __package__).main
    except ModuleNotFoundError as missing:  # a package the command needs (jinja2, python-docx, …) is not installed
        raise SystemExit(not_installed(missing)) from None
    sys.exit(main())


def not_installed(missing: ModuleNotFoundError) -> str:
    # The module HR ran (`-m macros.import_docx`), from the command line as typed.
    typed = list(getattr(sys, "orig_argv", []))
    module = typed[typed.index("-m") + 1] if "-m" in typed[:-1] else "macros.new_position"
    prepare = "" if Path(".venv/bin/python").exists() else (
        "Окружения .venv ещё нет: создайте его один раз командой\n"
        "    python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n")
    return (f"Не установлен пакет «{missing.name}»: команда запущена не тем Python, в котором стоят "
            "зависимости проекта.\n" + prepare +
            f"Запускайте команды через окружение проекта, из корня репозитория: .venv/bin/python -m {module} …\n"
            "(или откройте окружение в этом окне терминала командой . .venv/bin/activate — "
            "после этого годятся и python3 -m …, и mkdocs …)")
