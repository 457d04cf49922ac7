"""The build's console output: HR's messages in full, without lines that bury them.

- mkdocs-macros reports at INFO level which module, variables, macros and filters it found: about
  ten lines on every build and every `mkdocs serve` rebuild that nobody editing a position needs.
  Its `verbose` option governs only `env.chatter()`, not these lines, so its logger is set to
  WARNING: its warnings and errors (a template error) still show, and `mkdocs build -v` shows
  everything again.
- MkDocs' command line hides a message identical to one logged earlier in the same process
  (`mkdocs.utils.DuplicateFilter` on the build's logger). In `mkdocs serve` that hid the second
  occurrence of the same mistake: the console printed only "Aborted with a BuildError!" (and a
  repeated warning was neither printed nor counted by strict mode). Warnings and errors are never
  treated as duplicates now; repeated informational lines still are.

- MkDocs' own lines of a build («Cleaning site directory», «Documentation built in 1.43 seconds») are
  said in Russian (IN_RUSSIAN).
- MkDocs closes a failed build with an English line of its own ("Aborted with a BuildError!",
  "Aborted with 1 warnings in strict mode!"); `closing_line` words it in Russian, and the hook
  raises it in place of MkDocs' (after logging the error MkDocs would have logged).

Must not: hide a warning or an error, or change what a build does.
"""

from __future__ import annotations

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
    """Called once per `mkdocs build` / `mkdocs serve`, before any plugin reports."""
    if logging.getLogger("mkdocs").getEffectiveLevel() >= logging.INFO:  # not `-v`
        logging.getLogger(MACROS_PLUGIN_LOGGER).setLevel(logging.WARNING)
    build = logging.getLogger(BUILD_LOGGER)
    for found in list(build.filters):
        if isinstance(found, DuplicateFilter):
            build.removeFilter(found)
            build.addFilter(ProblemsAlwaysShown(found))


class ProblemsAlwaysShown(logging.Filter):
    """MkDocs' duplicate filter for information only: a warning or an error is printed every time."""

    def __init__(self, duplicates: DuplicateFilter):
        super().__init__()
        self.duplicates = duplicates

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.INFO:
            said = record.getMessage()
            for english, russian in IN_RUSSIAN:
                if english.fullmatch(said):
                    record.msg, record.args = english.sub(russian, said), ()
                    break
        return record.levelno >= logging.WARNING or bool(self.duplicates(record))


def closing_line(error: BaseException) -> Abort | None:
    """The Russian end of a failed build, or None where MkDocs' own ending is to stay (a plugin's exit)."""
    if isinstance(error, BuildError):
        logging.getLogger(BUILD_LOGGER).error(str(error))  # what MkDocs logs before its own closing line
        return Abort("Сборка прервана: исправьте ошибки, перечисленные выше.")
    found = STRICT_ABORT.fullmatch(str(error)) if isinstance(error, Abort) else None
    if found:
        counted = ", ".join(_counted(part) for part in found.group(1).split(", "))
        return Abort(f"Сборка прервана: в строгом режиме (strict) предупреждения считаются ошибками — {counted}. "
                     "Исправьте их (они перечислены выше, строки WARNING).")
    return None


def _counted(part: str) -> str:
    """MkDocs' "1 warnings" / "2 errors" as «предупреждений: 1» / «ошибок: 2»."""
    number, _, kind = part.partition(" ")
    return f"{'предупреждений' if kind.startswith('warning') else 'ошибок'}: {number}"
