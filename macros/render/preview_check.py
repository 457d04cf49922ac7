"""Where the site's numbering and the git preview's reading of a page part (see preview.py).

After render/clauses.py has numbered a page, its sections, clauses, sub-items and tables are read
from the site's tree (``site_outline``) and compared with what CommonMark sees in the same Markdown
(preview.read); the first difference is reported with the line and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .preview import LIST_FIX, Clause, Section, _opening


def site_outline(root) -> list[Section]:
    """The sections and clauses the site numbered (an ElementTree root after render/clauses.py)."""
    sections: list[Section] = []
    for element in root:
        if element.tag == "h2":
            sections.append(Section("".join(element.itertext()).strip(), -1))
        elif element.tag in ("ul", "ol") and sections:
            sections[-1].clauses += [Clause(-1, _element_shape(item), _opening(_element_text(item)))
                                     for item in element.findall("li")]
    return sections


def _element_text(item) -> str:
    holder = item[0] if len(item) and item[0].tag == "p" and not (item.text or "").strip() else item
    text = [holder.text or ""]
    for child in holder:
        if child.tag not in ("ul", "ol", "table") and child.get("class") != "clause-number":
            text.append("".join(child.itertext()))
        text.append(child.tail or "")
    return "".join(text)


def _element_shape(item) -> tuple:
    parts = []
    for child in item:
        if child.tag in ("ul", "ol"):
            parts.append(("list", tuple(_element_shape(sub) for sub in child.findall("li"))))
        elif child.tag == "table":
            parts.append(("table",))
    return tuple(parts)


@dataclass(frozen=True)
class Difference:
    message: str
    fix: str
    line: int | None = None   # in the parsed text
    needle: str = ""          # or text to find in the file


HEADING_FIX = "заголовок раздела — отдельная строка «## Название»: два знака #, пробел, название"


def first_difference(preview: list[Section], site: list[Section]) -> Difference | None:
    """What differs first between the preview's outline and the site's, and where it starts."""
    if len(preview) != len(site):
        message = (f"разделов «## …» в предпросмотре git {len(preview)}, а на сайте {len(site)}: заголовок "
                   "записан так, что git и сайт читают его по-разному")
        for seen, built in zip(preview, site):
            if _bare(seen.title) != _bare(built.title):
                return Difference(message, HEADING_FIX, None if len(site) > len(preview) else seen.line,
                                  _bare(built.title) if len(site) > len(preview) else "")
        extra = site[len(preview)] if len(site) > len(preview) else None
        return Difference(message, HEADING_FIX, None if extra else preview[len(site)].line,
                          _bare(extra.title) if extra else "")
    for number, (seen, built) in enumerate(zip(preview, site), 1):
        if len(seen.clauses) != len(built.clauses):
            parting = next((a for a, b in zip(seen.clauses, built.clauses) if a.opening != b.opening), None)
            if parting is None and len(seen.clauses) > len(built.clauses):
                parting = seen.clauses[len(built.clauses)]  # the preview has clauses the site lacks
            line = parting.line if parting else (seen.clauses[-1].line if seen.clauses else seen.line)
            return Difference(f"раздел {number} «{seen.title}»: в предпросмотре git {len(seen.clauses)} пунктов, "
                              f"а сайт пронумеровал бы {len(built.clauses)}", LIST_FIX, line)
        for index, (a, b) in enumerate(zip(seen.clauses, built.clauses), 1):
            if a.shape != b.shape:
                return Difference(f"пункт {number}.{index}: вложенные пункты или таблица в предпросмотре git "
                                  "устроены иначе, чем на сайте", LIST_FIX, a.line)
    return None


def _bare(title: str) -> str:
    return " ".join(re.sub(r"^\d+\.\s*", "", title).split())
