"""Jinja filters for Russian document text, and ``| md``: a front-matter value placed into Markdown as
literal text (one line, HTML-escaped, Markdown's special characters backslash-escaped).
"""

from __future__ import annotations

import datetime as dt
import html
import re

# Python-Markdown's escapable characters (Markdown.ESCAPED_CHARS) plus '|' (the tables extension);
# '>' is left to the HTML escape below (&gt;), since a backslash before an entity would print.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def date_ru(value: dt.date | None) -> str:
    """2026-02-02 -> 02.02.2026 (the digital date form of ГОСТ Р 7.0.97)."""
    return value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else ""


def lcfirst(text: str) -> str:
    """Lower-case the first letter of a title used mid-sentence, but keep abbreviations (HR-директор)."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def md(value: object) -> str:
    """A value as literal text inside Markdown: `a|b *c*` prints as typed, on one line, never as markup."""
    text = " ".join(str(value).split())
    return html.escape(MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)


def and_list(items: list[str]) -> str:
    """["а", "б", "в"] -> «а, б и в»: how Russian lists several names in one sentence."""
    items = list(items)
    return " и ".join(filter(None, [", ".join(items[:-1]), items[-1] if items else ""]))


def register(env) -> None:
    for function in (date_ru, lcfirst, md, and_list):
        env.filter(function)
