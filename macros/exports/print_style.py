"""The print stylesheet read for the Word export: page size and margins, what is hidden, how blocks look.

The .docx follows print.css rather than a copy of its numbers: @page and print rules matched with
cssselect2, answering only the properties Word has. Not a CSS engine: no layout, no var().
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import cssselect2
import tinycss2

STYLESHEETS = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "stylesheets"
# editions.css: the archive's printed parts (an edition's notice, no acknowledgement sheet for a superseded one).
PRINT_CSS, EDITIONS_CSS = STYLESHEETS / "print.css", STYLESHEETS / "editions.css"
# Properties a child takes from its parent when it does not set them (as in CSS).
INHERITED = {"text-align", "font-weight", "font-size", "font-style", "text-transform", "text-indent",
             "font-family", "line-height"}
UNITS_IN_PT = {"pt": 1.0, "px": 0.75, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "pc": 12.0}
SIDES = ("top", "right", "bottom", "left")
# Which of a shorthand's 1, 2, 3 or 4 values each side takes.
SHORTHAND = {1: (0, 0, 0, 0), 2: (0, 1, 0, 1), 3: (0, 1, 2, 1), 4: (0, 1, 2, 3)}
A4_MM = (210.0, 297.0)


@dataclass
class Page:
    """@page: width, height and margins (top, right, bottom, left) in millimetres."""

    width: float = A4_MM[0]
    height: float = A4_MM[1]
    margins: tuple[float, float, float, float] = (20.0, 10.0, 20.0, 25.0)


@dataclass
class PrintStyle:
    page: Page
    matcher: cssselect2.Matcher

    def computed(self, wrapper: cssselect2.ElementWrapper, parent: dict[str, str]) -> dict[str, str]:
        """The element's values: its matching declarations by (importance, specificity, order), then inherited."""
        declared: dict[str, tuple[tuple, str]] = {}
        for specificity, order, pseudo, payload in self.matcher.match(wrapper):
            if pseudo is not None:
                continue
            for name, value, important in payload:
                rank = (important, specificity, order)
                if name not in declared or declared[name][0] <= rank:
                    declared[name] = (rank, value)
        style = {name: value for name, value in parent.items() if name in INHERITED}
        style.update({name: value for name, (_, value) in declared.items()})
        return style


def load(*paths: Path) -> PrintStyle:
    """print.css and editions.css (or the given files), in the order a page links them."""
    rules = []
    for path in paths or (PRINT_CSS, EDITIONS_CSS):
        rules += tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    page, matcher = Page(), cssselect2.Matcher()
    for rule in _print_rules(rules):
        if rule.type == "at-rule" and rule.lower_at_keyword == "page" and not tinycss2.serialize(rule.prelude).strip():
            _read_page(page, _declarations(rule.content or []))
        elif rule.type == "qualified-rule":
            try:
                selectors = cssselect2.compile_selector_list(rule.prelude)
            except cssselect2.SelectorError:
                continue
            declarations = _declarations(rule.content)
            for selector in selectors:
                matcher.add_selector(selector, declarations)
    return PrintStyle(page, matcher)


def _print_rules(rules):
    """Top-level rules and those inside @media print (or @media all)."""
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword == "media":
            media = tinycss2.serialize(rule.prelude).lower()
            if "print" in media or "all" in media:
                yield from _print_rules(tinycss2.parse_rule_list(rule.content or [], True, True))
        else:
            yield rule


def _declarations(content) -> list[tuple[str, str, bool]]:
    """(name, value, important), with margin and padding as their four sides and page-break-* also as break-*."""
    result = []
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type != "declaration":
            continue
        name, value = item.lower_name, tinycss2.serialize(item.value).strip()
        if name in ("margin", "padding"):
            parts = value.split()
            expanded = [(f"{name}-{side}", parts[i]) for side, i in zip(SIDES, SHORTHAND[min(len(parts), 4)])]
        elif name.startswith("page-break-"):
            expanded = [(name, value), ("break-" + name.removeprefix("page-break-"), {"always": "page"}.get(value, value))]
        else:
            expanded = [(name, value)]
        result += [(name, part, item.important) for name, part in expanded]
    return result


def _read_page(page: Page, declarations) -> None:
    for name, value, _ in declarations:
        if name == "size" and "a4" in value.lower():
            page.width, page.height = A4_MM[::-1] if "landscape" in value.lower() else A4_MM
        elif name.startswith("margin-") and (points := length_pt(value)) is not None:
            side = name.removeprefix("margin-")
            page.margins = tuple(points * 25.4 / 72 if s == side else m for s, m in zip(SIDES, page.margins))


def length_pt(value: str | None, font_size: float = 12.0) -> float | None:
    """A CSS length in points ("1.25cm", "6pt", "0", "1.2em"); None for anything else."""
    match = re.fullmatch(r"(-?[\d.]+)(pt|px|cm|mm|in|pc|em|rem)?", value.strip().lower()) if value else None
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit in ("em", "rem"):
        return number * font_size
    if unit is None:
        return number if number == 0 else None
    return number * UNITS_IN_PT[unit]
