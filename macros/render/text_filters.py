"""Jinja filters for Russian document text."""

from __future__ import annotations

import datetime as dt

MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                   "августа", "сентября", "октября", "ноября", "декабря")


def date_ru(value: dt.date | None) -> str:
    """2026-02-02 -> 02.02.2026 (the digital date form of ГОСТ Р 7.0.97)."""
    return value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else ""


def date_ru_long(value: dt.date | None) -> str:
    """2026-02-02 -> «02» февраля 2026 г."""
    if not isinstance(value, dt.date):
        return ""
    return f"«{value.day:02d}» {MONTHS_GENITIVE[value.month - 1]} {value.year} г."


def lcfirst(text: str) -> str:
    """Lower-case the first letter of a title used mid-sentence, but keep abbreviations (HR-директор)."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def register(env) -> None:
    for function in (date_ru, date_ru_long, lcfirst):
        env.filter(function)
