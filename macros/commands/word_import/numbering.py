"""Word list numbering resolved as Word shows it: «2.7.», «а)», «IV.», bullets; levels, formats and restarts.

A clause numbered by a Word list carries no number in its text; the number is computed from the
numbering definitions (abstract numbering, its levels, and each list's restarts), counter by counter.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"


class Numbering:
    """Word list numbering: which label a numbered paragraph shows, counted as Word counts."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.legal: set[tuple[str, int]] = set()   # levels with isLgl: every number shown in Arabic digits
        linked: dict[str, str] = {}                # abstract numbering -> the numbering style it follows
        self.abstract_of: dict[str, str] = {}
        self.restarts: dict[str, dict[int, int]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: no Word lists in this document
            return
        for abstract in root.findall(qn("w:abstractNum")):
            levels = {}
            for level in abstract.findall(qn("w:lvl")):
                fmt = val(level.find(qn("w:numFmt"))) or "decimal"
                text = val(level.find(qn("w:lvlText"))) or ""
                start = int(val(level.find(qn("w:start"))) or 1)
                levels[int(level.get(qn("w:ilvl")) or 0)] = (fmt, text, start)
                if level.find(qn("w:isLgl")) is not None:
                    self.legal.add((abstract.get(qn("w:abstractNumId")), int(level.get(qn("w:ilvl")) or 0)))
            self.levels[abstract.get(qn("w:abstractNumId"))] = levels
            if val(abstract.find(qn("w:numStyleLink"))):
                linked[abstract.get(qn("w:abstractNumId"))] = val(abstract.find(qn("w:numStyleLink")))
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            self.abstract_of[num_id] = val(num.find(qn("w:abstractNumId")))
            self.restarts[num_id] = {int(o.get(qn("w:ilvl")) or 0): int(val(o.find(qn("w:startOverride"))) or 1)
                                     for o in num.findall(qn("w:lvlOverride")) if o.find(qn("w:startOverride")) is not None}
        self._follow_style_links(document, root, linked)

    def _follow_style_links(self, document, root, linked: dict[str, str]) -> None:
        """A list defined by a numbering style («1 / 1.1 / 1.11»): its levels are those of the style's own list."""
        owners = {val(a.find(qn("w:styleLink"))): a.get(qn("w:abstractNumId")) for a in root.findall(qn("w:abstractNum"))
                  if val(a.find(qn("w:styleLink")))}
        for abstract, style in linked.items():
            if style in owners:
                self.levels[abstract] = self.levels.get(owners[style], {})
                for num_id, target in list(self.abstract_of.items()):
                    if target == abstract:
                        self.abstract_of[num_id] = owners[style]

    def label(self, num_id: str, level: int) -> tuple[str, bool] | None:
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract or "")
        if not levels or level not in levels:
            return None
        counters = self.counters.setdefault(abstract, [None] * 10)
        if num_id not in self.started and self.restarts.get(num_id):
            for restarted, start in self.restarts[num_id].items():
                counters[restarted] = start - 1
        self.started.add(num_id)
        fmt, text, start = levels[level]
        counters[level] = start if counters[level] is None else counters[level] + 1
        for deeper in range(level + 1, 10):
            counters[deeper] = None
        if fmt == "bullet":
            return "•", True
        if fmt == "none":
            return "", False

        def shown(match):
            index = int(match.group(1)) - 1
            value = counters[index] if counters[index] is not None else levels.get(index, ("decimal", "", 1))[2]
            legal = (abstract, level) in self.legal
            return _format(value, "decimal" if legal else levels.get(index, ("decimal", "", 1))[0])

        return re.sub(r"%(\d)", shown, text), False


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * (1 + (value - 1) // 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("russianLower", "russianUpper"):
        letter = RUSSIAN[(value - 1) % len(RUSSIAN)]
        return letter.upper() if fmt == "russianUpper" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    result = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            result, value = result + letters, value - number
    return result



def val(element) -> str | None:
    return None if element is None else element.get(qn("w:val"))


