"""The build's console output: HR's messages in full and in Russian, without lines that bury them.

mkdocs-macros' INFO lines are hidden unless `-v`; MkDocs' filter of repeats no longer hides a warning or an
error; MkDocs' own lines and a failed build's closing line are said in Russian. Never hides a problem.
"""

from __future__ import annotations

import functools
import logging
import re

from mkdocs.exceptions import Abort, BuildError
from mkdocs.utils import DuplicateFilter

MACROS_PLUGIN_LOGGER = "mkdocs.plugins.mkdocs_macros"  # mkdocs-macros logs as mkdocs.plugins.mkdocs_macros.util
BUILD_LOGGER = "mkdocs.commands.build"  # where MkDocs logs a failed build's explanation
STRICT_ABORT = re.compile(r"Aborted with (.+) in strict mode!")  # mkdocs/commands/build.py
# MkDocs' own lines of a build (mkdocs/commands/build.py), said in Russian like everything else HR reads.
IN_RUSSIAN = [
    (re.compile(r"Cleaning site directory"), "Очистка папки сайта"),
    (re.compile(r"Building documentation to directory: (.*)"), r"Сборка сайта в папку: \1"),
    (re.compile(r"Documentation built in ([\d.]+) seconds"), r"Сайт собран за \1 с"),
]


def keep_short() -> None:
    """Called once per `mkdocs build` / `mkdocs serve`, before any plugin reports. MkDocs' duplicate filter is
    kept for information only: a warning or an error is printed every time."""
    if logging.getLogger("mkdocs").getEffectiveLevel() >= logging.INFO:  # not `-v`
        logging.getLogger(MACROS_PLUGIN_LOGGER).setLevel(logging.WARNING)
    build = logging.getLogger(BUILD_LOGGER)
    for duplicates in [found for found in build.filters if isinstance(found, DuplicateFilter)]:
        build.removeFilter(duplicates)
        build.addFilter(functools.partial(_shown, duplicates))


def _shown(duplicates: DuplicateFilter, record: logging.LogRecord) -> bool:
    """MkDocs' own INFO lines said in Russian; a warning or an error shown every time, information once."""
    if record.levelno == logging.INFO:
        said = record.getMessage()
        for english, russian in IN_RUSSIAN:
            if english.fullmatch(said):
                record.msg, record.args = english.sub(russian, said), ()
                break
    return record.levelno >= logging.WARNING or bool(duplicates(record))


def closing_line(error: BaseException) -> Abort | None:
    """The Russian end of a failed build, or None where MkDocs' own ending is to stay (a plugin's exit)."""
    if isinstance(error, BuildError):
        logging.getLogger(BUILD_LOGGER).error(str(error))  # what MkDocs logs before its own closing line
        return Abort("Сборка прервана: исправьте ошибки, перечисленные выше.")
    found = STRICT_ABORT.fullmatch(str(error)) if isinstance(error, Abort) else None
    if found:
        counted = re.sub(r"(\d+) (\w+)", lambda part: ("предупреждений" if part[2].startswith("warning")
                                                        else "ошибок") + f": {part[1]}", found.group(1))
        return Abort(f"Сборка прервана: в строгом режиме (strict) предупреждения считаются ошибками — {counted}. "
                     "Исправьте их (они перечислены выше, строки WARNING).")
    return None

