"""The page `mkdocs serve` shows instead of every page while the last rebuild has failed.

One self-contained HTML page (inline style and script, nothing fetched: the site's own assets may
be gone with the failed build) listing HR's problems with file, line and fix, then any other
message of the build. Every text is escaped by the template: messages quote HR's values. The page
asks the server for the number of finished rebuilds every second and reloads itself when it
changes, so fixing the file brings the real page back (live_preview.py answers that address).

Must not: be written into the site, or show anything the build did not say.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import escape

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
LEVELS = {"WARNING": "Предупреждение", "ERROR": "Ошибка", "CRITICAL": "Ошибка"}


def error_page(problems, messages, outcome: str, at: str, *, status_url: str, finished: int) -> bytes:
    """The page's bytes: problems are model Problems, messages (level name, text) pairs."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                     comment_start_string="{##", comment_end_string="##}")
    try:
        html = environment.get_template("build_errors.html").render(
            problems=problems, messages=[(LEVELS.get(level, level), text) for level, text in messages],
            outcome=outcome, at=at, status_url=status_url, finished=finished)
    except jinja2.TemplateError as broken:  # the template itself is being edited: still say what failed
        texts = [str(p) for p in problems] + [text for _, text in messages] + [outcome, f"build_errors.html: {broken}"]
        html = "<!doctype html><meta charset=utf-8><pre>" + escape("\n\n".join(texts)) + "</pre>"
    return html.encode("utf-8")
