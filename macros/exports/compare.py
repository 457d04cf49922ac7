"""Two editions compared clause by clause (difflib: its longest-matching-block alignment shows a new clause
as one insertion): clauses aligned without numbers, replaced stretches paired by similarity and word-diffed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

# A clause rewritten by less than this share of its words is "changed"; more, and it is another clause.
SIMILAR = 0.5
TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
KINDS = {"added": "добавлен", "removed": "исключён", "changed": "изменён"}
WHAT = {"clause": "пункт", "heading": "раздел", "text": "текст раздела"}


@dataclass
class Change:
    kind: str  # added | removed | changed (| renumbered, for amendments)
    older: dict | None  # the block in the older edition: {kind, number, text}
    newer: dict | None
    words: list[tuple[str, str]] = field(default_factory=list)  # (equal | delete | insert, text)
    label = property(lambda self: KINDS[self.kind])
    what = property(lambda self: WHAT[(self.newer or self.older)["kind"]])


def compare(older: list[dict], newer: list[dict], renumbered: bool = False) -> list[Change]:
    """The changes from the older edition's blocks to the newer's (aligned by kind and text, never by number),
    in the newer edition's order; with `renumbered`, also the numbered blocks that only moved."""
    a, b = ([f"{block['kind']}:{block['text']}" for block in blocks] for blocks in (older, newer))
    changes = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            changes += _pair(older[i1:i2], newer[j1:j2])
        elif renumbered:
            changes += [Change("renumbered", old, new) for old, new in zip(older[i1:i2], newer[j1:j2])
                        if old["kind"] in ("clause", "heading") and old["number"] != new["number"]]
    return changes


def amendments(older: list[dict], newer: list[dict], changes: list[Change] | None = None) -> list[dict]:
    """The changes (``compare(older, newer, renumbered=True)`` unless given) as plain data for change_sheet.wording;
    a new paragraph goes after the clause before it («после пункта 2.8»)."""
    changes = compare(older, newer, renumbered=True) if changes is None else changes
    found = [{"kind": c.kind, "older": c.older, "newer": c.newer} for c in changes]
    for change in found:
        if change["kind"] == "added" and change["newer"]["kind"] == "text":
            at = next(i for i, block in enumerate(newer) if block is change["newer"])
            if at and newer[at - 1]["kind"] == "clause":
                change["after"] = newer[at - 1]["number"]
    return found


def _pair(removed: list[dict], added: list[dict]) -> list[Change]:
    """Pair the blocks of a replaced stretch by similarity, keeping both orders."""
    changes, start = [], 0
    for old in removed:
        best, score = None, SIMILAR
        for index in range(start, len(added)):
            if added[index]["kind"] != old["kind"]:
                continue
            ratio = difflib.SequenceMatcher(None, old["text"].split(), added[index]["text"].split(), autojunk=False).ratio()
            if ratio >= score:
                best, score = index, ratio
        if best is None:
            changes.append(Change("removed", old, None))
            continue
        changes += [Change("added", None, block) for block in added[start:best]]
        changes.append(Change("changed", old, added[best], word_diff(old["text"], added[best]["text"])))
        start = best + 1
    changes += [Change("added", None, block) for block in added[start:]]
    return changes


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Runs of equal, deleted and inserted text between two versions of a clause, word by word."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("equal", "".join(a[i1:i2])))
        else:  # tokens are never empty: an empty run is no run
            runs += [run for run in (("delete", "".join(a[i1:i2])), ("insert", "".join(b[j1:j2]))) if run[1]]
    return runs


def summary(changes: list[Change]) -> dict[str, int]:
    return {kind: sum(1 for c in changes if c.kind == kind) for kind in KINDS}


def described(changes: list[Change], limit: int = 5) -> str:
    """«п. 2.3 изменён; п. 2.9 добавлен» — for build messages."""
    parts = []
    for change in changes[:limit]:
        block = change.newer or change.older
        where = f"п. {block['number']}" if block["kind"] == "clause" else f"{change.what} {block['number']}".strip()
        parts.append(f"{where} {change.label}")
    more = f" и ещё {len(changes) - limit}" if len(changes) > limit else ""
    return "; ".join(parts) + more
