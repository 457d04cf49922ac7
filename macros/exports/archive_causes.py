"""Why a position's printout changed when none of its clauses did: the words that changed (a signatory's
post, a requisite) and the files that changed them (another position, a shared template, mkdocs.yml).

Without it the build could only say «изменились реквизиты, подписи или лист ознакомления», and HR, who
edited another position (its title prints under this one's signatures), could not tell why.
"""

from __future__ import annotations

import difflib

from ..model.editions import CONFIG_FILE, TEMPLATES_DIR, State
from .archive_sources import Sources, named_positions

CONTEXT = 4  # words shown either side of a changed phrase


def described(clauses: str, before: str, now: str, base: State, current: State, sources: Sources) -> str:
    """What changed in the printout («п. 1.3 изменён», or the words outside the clauses) and, when the
    position's own file did not change, which files did: «— из-за изменений в docs/positions/hr-head.md»."""
    text = clauses
    if not text:
        changed = _changed_words(before, now)
        text = "изменился текст вне пунктов (гриф, подписи, лист ознакомления)"
        if changed:
            text += ": " + "; ".join(f"было «{old}», стало «{new}»" for old, new in changed)
    causes = changed_files(base, current, sources)
    if causes and base.blob == current.blob:
        text += f" — из-за изменений в {', '.join(causes)}"
    elif causes:
        text += f" (изменились также {', '.join(causes)})"
    return text


def changed_files(base: State, current: State, sources: Sources) -> list[str]:
    """The files, other than the position's own, whose change reaches its printout."""
    folder = sources.folder
    slugs = sorted({*named_positions(current.position), *sources.signers(current.position),
                    *named_positions(base.position)} - {current.position.slug})
    files = [f"docs/positions/{slug}.md" for slug in slugs
             if sources.blob(base, f"{folder}/{slug}.md") != sources.blob(current, f"{folder}/{slug}.md")]
    before, now = sources.templates(base), sources.templates(current)
    files += [f"{TEMPLATES_DIR}/{name}" for name in sorted(set(before) | set(now)) if before.get(name) != now.get(name)]
    if sources.requisites(base) != sources.requisites(current):
        files.append(f"{CONFIG_FILE} (extra:)")
    return files


def _changed_words(before: str, now: str, limit: int = 2) -> list[tuple[str, str]]:
    old, new = before.split(), now.split()
    spans = []
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = max(0, a1 - CONTEXT), a2 + CONTEXT
        spans.append((" ".join(old[left:right]), " ".join(new[max(0, b1 - CONTEXT):b2 + CONTEXT])))
        if len(spans) == limit:
            break
    return spans
