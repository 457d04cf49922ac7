"""The changes of an instruction in the words of an amending order («пункт 2.9 изложить в следующей редакции»).

`lawyer_wording` is a stand-in: it is to be replaced by the change sheet's own wording in
macros/exports/change_sheet.py when both land (one function, list of compare.Change -> sentences).
`renumbering` needs both editions' blocks, since clauses that merely moved are not changes;
`amendments` puts both in the order of the document, section by section.
"""

from __future__ import annotations

import difflib

from ..exports.compare import Change, compare


def lawyer_wording(changes: list[Change]) -> list[str]:
    """One sentence per change, clause numbers of the older edition for what it loses, of the newer
    for what it gains. To be replaced by macros/exports/change_sheet.py when both land."""
    return [_sentence(change) for change in changes]


def _sentence(change: Change) -> str:
    old, new = change.older, change.newer
    block = new or old
    if block["kind"] == "clause":
        if change.kind == "changed":
            return f"Пункт {old['number']} изложить в следующей редакции: «{new['text']}»."
        if change.kind == "removed":
            return f"Пункт {old['number']} исключить."
        return f"Дополнить пунктом {new['number']} следующего содержания: «{new['text']}»."
    if block["kind"] == "heading":
        if change.kind == "changed":
            return f"Наименование раздела {old['number']} изложить в следующей редакции: «{new['text']}»."
        if change.kind == "removed":
            return f"Раздел {old['number']} «{old['text']}» исключить."
        return f"Дополнить разделом {new['number']} «{new['text']}»."
    if change.kind == "changed":
        return f"В разделе {old['number']} абзац «{old['text']}» изложить в следующей редакции: «{new['text']}»."
    if change.kind == "removed":
        return f"В разделе {old['number']} абзац «{old['text']}» исключить."
    return f"Раздел {new['number']} дополнить абзацем следующего содержания: «{new['text']}»."


def amendments(older: list[dict], newer: list[dict]) -> list[str]:
    """All sentences of an amending order, section by section, as an order reads: what is reworded or
    removed, then the renumbering, then the clauses added (their numbers are free only after it)."""
    changes = compare(older, newer)
    moved = renumbering(older, newer)
    sentences = []
    for number in sorted({section(c.older or c.newer) for c in changes} | set(moved), key=_order):
        here = [c for c in changes if section(c.older or c.newer) == number]
        sentences += lawyer_wording([c for c in here if c.kind != "added"])
        sentences += moved.get(number, [])
        sentences += lawyer_wording([c for c in here if c.kind == "added"])
    return sentences


def section(block: dict) -> str:
    return block["number"].split(".")[0]


def _order(number: str) -> tuple:
    return (0, int(number), "") if number.isdigit() else (1, 0, number)


def renumbering(older: list[dict], newer: list[dict]) -> dict[str, list[str]]:
    """Section -> «Пункты 2.11–2.18 считать соответственно пунктами 2.10–2.17.» for the clauses and
    sections that moved (a section's own move is listed under its old number)."""
    kept = _kept(older, newer)
    sentences: dict[str, list[str]] = {}
    for kind, one, many in (("heading", "Раздел", "Разделы"), ("clause", "Пункт", "Пункты")):
        for run in _runs([(o["number"], n["number"]) for o, n in kept if o["kind"] == kind]):
            if len(run) == 1:
                text = f"{one} {run[0][0]} считать {_case(one)} {run[0][1]}."
            else:
                text = (f"{many} {run[0][0]}–{run[-1][0]} считать соответственно "
                        f"{_case(many)} {run[0][1]}–{run[-1][1]}.")
            sentences.setdefault(run[0][0].split(".")[0], []).append(text)
    return sentences


def _case(word: str) -> str:
    return {"Пункт": "пунктом", "Пункты": "пунктами", "Раздел": "разделом", "Разделы": "разделами"}[word]


def _kept(older: list[dict], newer: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (older block, newer block) of everything both editions have: unchanged or reworded."""
    keys = lambda blocks: [f"{b['kind']}:{b['text']}" for b in blocks]  # noqa: E731
    pairs = []
    matcher = difflib.SequenceMatcher(None, keys(older), keys(newer), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs += list(zip(older[i1:i2], newer[j1:j2]))
    pairs += [(c.older, c.newer) for c in compare(older, newer) if c.kind == "changed"]
    order = {id(block): index for index, block in enumerate(older)}
    return sorted(pairs, key=lambda pair: order[id(pair[0])])


def _runs(moves: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Moved numbers grouped into runs that follow one another on both sides (2.11→2.10, 2.12→2.11, …)."""
    runs: list[list[tuple[str, str]]] = []
    for old, new in moves:
        if old == new:
            continue
        if runs and _follows(runs[-1][-1][0], old) and _follows(runs[-1][-1][1], new):
            runs[-1].append((old, new))
        else:
            runs.append([(old, new)])
    return runs


def _follows(first: str, second: str) -> bool:
    a, b = first.split("."), second.split(".")
    return (len(a) == len(b) and a[:-1] == b[:-1] and a[-1].isdigit() and b[-1].isdigit()
            and int(b[-1]) == int(a[-1]) + 1)
