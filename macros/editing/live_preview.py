"""`mkdocs serve` keeps answering when a rebuild fails, and every page shows why until it is fixed.

MkDocs 1.6 alone never publishes a failed rebuild, so the browser hangs and the error is a traceback. Here
on_serve wraps the server's builder (a failure is caught with the messages logged meanwhile) and its WSGI app
(while the last rebuild failed, every page answers with them and reloads once STATUS_PATH counts a later one).
"""

from __future__ import annotations

import logging
import re
import sys
import time
import traceback
from dataclasses import dataclass, field
from logging.handlers import BufferingHandler
from pathlib import Path

import click
import jinja2
from markupsafe import escape
from mkdocs.exceptions import Abort, ConfigurationError

from ..model.problems import PositionsError, Problem

STATUS_PATH = "/.build-status"  # answers the number of rebuilds finished; outside any site's files
log = logging.getLogger("mkdocs.editing")
SERVER_LOGGER = "mkdocs.livereload"  # its request lines, from other threads, are not the build's messages
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # mkdocs-macros colours its messages
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
LEVELS = {"WARNING": "Предупреждение", "ERROR": "Ошибка", "CRITICAL": "Ошибка"}


@dataclass
class FailedBuild:
    """What a failed rebuild said: HR's problems (file, line, fix), other messages, how it ended."""

    problems: list[Problem] = field(default_factory=list)
    messages: list[tuple[str, str]] = field(default_factory=list)  # (level name, text)
    outcome: str = ""
    at: str = field(default_factory=lambda: time.strftime("%H:%M:%S"))


class LivePreview:
    """The state shared by the rebuilding thread and the threads answering the browser. Made in on_serve, it
    wraps the server's builder and app: the server answers every request whatever the last rebuild did."""

    def __init__(self, server):
        self.build, server.builder = server.builder, self.rebuild
        self.serve = server.get_app()
        server.set_app(self.app)
        # (the last rebuild's failure or None, rebuilds finished so far), replaced as one: the error page
        # shows a failure with the count it belongs to, and reloads when the count changes.
        self.last: tuple[FailedBuild | None, int] = (None, 0)
        self.error: BaseException | None = None  # the error MkDocs reported to on_build_error

    def rebuild(self) -> None:
        said = BufferingHandler(capacity=sys.maxsize)  # every warning and error while it runs
        said.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(said)
        self.error = None
        try:
            self.build()
            failure = None
        except KeyboardInterrupt:
            raise
        except BaseException as stopped:  # noqa: BLE001 — Abort, SystemExit of a plugin, a bug: serve goes on
            failure = self._failure(stopped, said.buffer)
        finally:
            logging.getLogger("mkdocs").removeHandler(said)
        self.last = (failure, self.last[1] + 1)

    def app(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        failure, finished = self.last
        if path == STATUS_PATH:
            return _answer(start_response, "text/plain", str(finished).encode())
        if failure is not None and _is_page(path):
            # 200, not 5xx: MkDocs logs any other answer as a WARNING, which strict mode would count
            # against a rebuild running at that moment.
            return _answer(start_response, "text/html", error_page(**vars(failure), status_url=STATUS_PATH,
                                                                   finished=finished))
        return self.serve(environ, start_response)

    def _failure(self, stopped: BaseException, records: list[logging.LogRecord]) -> FailedBuild:
        """What the page shows; the console gets the short message `mkdocs build` prints, and a traceback
        only for a bug in the code."""
        error = self.error if self.error is not None else stopped
        outcome, message = _describe(stopped)
        ours = isinstance(error, PositionsError)
        failure = FailedBuild(list(error.problems) if ours else [], outcome=outcome)
        for record in records:
            text = ANSI.sub("", record.getMessage()).strip()
            if text and not (ours and text == str(error)) and not record.name.startswith(SERVER_LOGGER):
                failure.messages.append((record.levelname, text))
        if message:
            failure.messages.append(("ERROR", message))
            if isinstance(stopped, click.ClickException):  # e.g. mkdocs.yml that is not YAML: one message
                log.error(message)
            else:
                traceback.print_exc()
        log.error("Сайт не пересобран (%s). Пока ошибка не исправлена, каждая страница в браузере показывает "
                  "этот список; после исправления страница обновится сама.", outcome)
        return failure


def _describe(stopped: BaseException) -> tuple[str, str]:
    """How a rebuild ended, and its message unless MkDocs or the plugin has logged it already."""
    if isinstance(stopped, Abort):  # MkDocs logged the explanation, then closed the build
        return stopped.format_message(), ""
    if isinstance(stopped, ConfigurationError):
        return "ошибка в mkdocs.yml", stopped.format_message()
    if isinstance(stopped, click.ClickException):
        return "ошибка MkDocs", stopped.format_message()
    if isinstance(stopped, SystemExit):  # a plugin's exit() after logging why (mkdocs-macros: code 100)
        return f"сборка остановлена с кодом {stopped.code}", ""
    return "ошибка в коде сборки, подробности в окне mkdocs serve", f"{type(stopped).__name__}: {stopped}"


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return not path.startswith("/livereload/") and (last == "" or last.endswith(".html") or "." not in last)


def _answer(start_response, kind: str, body: bytes):
    start_response("200 OK", [("Content-Type", f"{kind}; charset=utf-8"), ("Content-Length", str(len(body))),
                              ("Cache-Control", "no-store")])
    return [body]


def error_page(problems, messages, outcome: str, at: str, *, status_url: str, finished: int) -> bytes:
    """The page every address answers while the last rebuild has failed: self-contained, everything escaped,
    reloading itself when a rebuild finishes. Problems are model Problems, messages (level name, text) pairs."""
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
