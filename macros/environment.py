"""The message for a command run with a Python that lacks the project's packages: HR typed
`python3 -m macros.new_position …` in a terminal where the project's environment (.venv) is not open.
Standard library only: it must import where nothing else does."""

from __future__ import annotations

import sys
from pathlib import Path


def not_installed(missing: ModuleNotFoundError) -> str:
    # The module HR ran (`-m macros.import_docx`), from the command line as typed.
    typed = list(getattr(sys, "orig_argv", []))
    module = typed[typed.index("-m") + 1] if "-m" in typed[:-1] else "macros.new_position"
    command = f"python -m {module}"
    venv = Path(".venv/bin/python")
    prepare = "" if venv.exists() else (
        "Окружения .venv ещё нет: создайте его один раз командой\n"
        "    python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n")
    return (f"Не установлен пакет «{missing.name}»: команда запущена не тем Python, в котором стоят "
            "зависимости проекта.\n" + prepare +
            f"Запускайте команды через окружение проекта, из корня репозитория: .venv/bin/{command} …\n"
            "(или откройте окружение в этом окне терминала командой . .venv/bin/activate — "
            "после этого годятся и python3 -m …, и mkdocs …)")
