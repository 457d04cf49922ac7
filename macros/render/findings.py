"""Problems found while pages are rendered (raw HTML, outside resources), collected page by page and
reported together before any page is written and again before the site is published.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.problems import Problem


class Findings:
    """One build's problems found while rendering (the plugin keeps them and clears them before each build)."""

    def __init__(self):
        self.found: list[Problem] = []
        self.reports = 0  # every report made, repeated ones too: a page whose conversion changed it is never cached

    def report(self, problem: Problem) -> None:
        self.reports += 1
        if problem not in self.found:
            self.found.append(problem)

    def take(self) -> list[Problem]:
        """Everything reported so far, forgotten once taken."""
        found, self.found = self.found, []
        return found

    def report_on_page(self, page_of, message: str, fix: str, needle: str) -> None:
        """A problem of the page being converted (`page_of()` returns it), at the line where `needle` stands."""
        try:
            page = page_of()
            if page.file.abs_src_path:
                source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            else:  # a generated page (a draft's): its text is the file it names as its source
                source = page.file.content_string
            shown_as = getattr(page.file, "source_file", None) or f"docs/{page.file.src_uri}"
        except Exception:  # converted outside a page (another plugin's Markdown): no file to name
            shown_as, source = "docs/", ""
        self.report(Problem(shown_as, message, fix, line=line_of(source, needle)))


def line_of(source: str, needle: str, first_line: int = 1) -> int | None:
    """The line of a file's text where `needle` (or its first line) first appears, for messages, a line that is
    all of it first. The page has it as Markdown wrote it: a character may stand there behind a backslash escape."""
    probe = needle.strip().splitlines()[0] if needle.strip() else ""
    whole = re.search(rf"^[ \t]*{re.escape(probe)}[ \t]*$", source, re.M) if probe else None  # «-» is not «---»
    index = whole.start() if whole else source.find(probe) if probe else -1
    if index < 0 and probe:
        escaped = re.search("".join(r"\\?" + re.escape(char) for char in probe[:80]), source)
        index = escaped.start() if escaped else -1
    return first_line + source.count("\n", 0, index) if index >= 0 else None
