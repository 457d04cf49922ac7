"""The page `mkdocs serve` shows while the last rebuild has failed: one self-contained HTML page
listing the problems (escaped), reloading itself when a rebuild finishes (live_preview.py).
Must not: be written into the site.
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
