"""MkDocs hook (mkdocs.yml `hooks:`): what the person running `mkdocs build` or `mkdocs serve` sees.

Thin on purpose: macros/editing/build_log.py keeps the console to HR's messages (every error in
full, every time), macros/editing/live_preview.py keeps `mkdocs serve` answering after a failed
rebuild, with the failure's messages on every page until it is fixed.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads this file on its own; the project root makes `macros` importable as a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from mkdocs.plugins import event_priority  # noqa: E402

from macros.editing import build_log, live_preview  # noqa: E402


def on_startup(command, dirty):
    build_log.keep_short()


def on_serve(server, config, builder):
    return live_preview.keep_serving(server)


@event_priority(-1000)  # the last handler of a failed build: the others (publishing.py's clean-up) run first
def on_build_error(error):
    live_preview.note_build_error(error)
    ending = build_log.closing_line(error)
    if ending is not None:
        raise ending from None  # in place of MkDocs' English "Aborted with …"
