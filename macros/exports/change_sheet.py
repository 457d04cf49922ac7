"""The changes between two editions (``compare.amendments``) as a lawyer writes them on a «Лист изменений»:
one Russian sentence per amendment («Пункт 2.10 исключить.»); old numbers name what changes.
"""

from __future__ import annotations

DASH = "\u2013"  # a range of numbers: 2.10–2.17
QUOTE_CHARS = 80  # how much of a paragraph names it when it has no number


def wording(changes: list[dict]) -> list[str]:
    """The amendments, one sentence each, section by section in the order of the document; inside a section
    as an amending order reads: what is reworded or removed, then the renumbering, then what is added (a
    number is free for a new clause only once the clauses after it have moved)."""
    sentences, run = [], []  # run: renumbered neighbours, worded as one range
    for change in _in_order(changes):
        if change["kind"] == "renumbered" and run and _continues(run[-1], change):
            run.append(change)
            continue
        if run:
            sentences.append(_renumbered(run))
        run = [change] if change["kind"] == "renumbered" else []
        if not run:
            sentences.append(_sentence(change))
    return sentences + ([_renumbered(run)] if run else [])


def _in_order(changes: list[dict]) -> list[dict]:
    sections: dict[str, list[dict]] = {}
    for change in _rewritten(changes):
        block = change.get("newer") or change.get("older")
        sections.setdefault(block["number"].split(".")[0], []).append(change)
    rank = {"changed": 0, "removed": 0, "renumbered": 1, "added": 2}
    return [change for here in sections.values() for change in sorted(here, key=lambda c: rank[c["kind"]])]


def _rewritten(changes: list[dict]) -> list[dict]:
    """A clause removed and another added under the same number, with nothing else moving to that number, is
    one clause set out anew («пункт 1.4 изложить в следующей редакции»), however little of its text stayed."""
    added = {c["newer"]["number"]: c for c in changes if c["kind"] == "added" and c["newer"]["kind"] == "clause"}
    taken = {c["newer"]["number"] for c in changes if c["kind"] in ("renumbered", "changed")}
    paired: dict[int, dict] = {}
    for change in changes:
        number = change["older"]["number"] if change["kind"] == "removed" else None
        if number in added and number not in taken and change["older"]["kind"] == "clause":
            paired[id(change)] = {"kind": "changed", "older": change["older"], "newer": added.pop(number)["newer"]}
    gone = {id(c) for c in changes if c["kind"] == "added" and c["newer"]["kind"] == "clause"} - \
        {id(c) for c in added.values()}
    return [paired.get(id(c), c) for c in changes if id(c) not in gone]


def _sentence(change: dict) -> str:
    kind, older, newer = change["kind"], change.get("older"), change.get("newer")
    numbered = {"clause": _clause, "heading": _heading}.get((newer or older)["kind"])
    return numbered(kind, older, newer) if numbered else _paragraph(kind, older, newer, change.get("after"))


def _clause(kind: str, older: dict | None, newer: dict | None) -> str:
    if kind == "removed":
        return f"Пункт {older['number']} исключить."
    quoted = f"«{newer['number']}. {newer['text']}»"
    if kind == "added":
        return f"Дополнить пунктом {newer['number']} следующего содержания: {quoted}."
    moved = f" (в новой редакции — пункт {newer['number']})" if newer["number"] != older["number"] else ""
    return f"Пункт {older['number']}{moved} изложить в следующей редакции: {quoted}."


def _heading(kind: str, older: dict | None, newer: dict | None) -> str:
    if kind == "removed":
        return f"Раздел {older['number']} «{older['text']}» исключить."
    if kind == "added":
        return f"Дополнить разделом {newer['number']} «{newer['text']}»."
    return f"Наименование раздела {older['number']} изложить в следующей редакции: «{newer['text']}»."


def _paragraph(kind: str, older: dict | None, newer: dict | None, after: str | None) -> str:
    if kind == "added":
        place = f" после пункта {after}" if after else ""
        where = f"Раздел {newer['number']}{place} дополнить" if newer["number"] else "Дополнить инструкцию"
        return f"{where} абзацем следующего содержания: «{newer['text']}»."
    where = f"В разделе {older['number']} абзац" if older["number"] else "Абзац"
    text = older["text"]  # its first words name it, enough to find it («Менеджер по подбору … обязанности:»)
    named = f"«{text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS].rsplit(' ', 1)[0] + '…'}»"
    if kind == "removed":
        return f"{where} {named} исключить."
    return f"{where} {named} изложить в следующей редакции: «{newer['text']}»."


def _continues(last: dict, change: dict) -> bool:
    """Whether two renumbered blocks of the same kind are neighbours in both editions (one range)."""
    a, b = last["older"], change["older"]
    return (a["kind"] == b["kind"] and _next(a["number"]) == b["number"]
            and _next(last["newer"]["number"]) == change["newer"]["number"])


def _next(number: str) -> str:
    head, dot, last = number.rpartition(".")
    return f"{head}{dot}{int(last) + 1}" if last.isdigit() else ""


def _renumbered(run: list[dict]) -> str:
    what = "Пункт" if run[0]["older"]["kind"] == "clause" else "Раздел"
    first, last = run[0], run[-1]
    if len(run) == 1:
        return f"{what} {first['older']['number']} считать {what.lower()}ом {first['newer']['number']}."
    old = f"{first['older']['number']}{DASH}{last['older']['number']}"
    new = f"{first['newer']['number']}{DASH}{last['newer']['number']}"
    return f"{what}ы {old} считать соответственно {what.lower()}ами {new}."
