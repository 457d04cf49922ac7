"""What the publishing build has published, and the rule that the archive shows only reviewed states: its
ledger (1) refuses a rewritten history, (2) renders editions only from reviewed states (a published commit,
a merge, the new HEAD; others fold into the next) and (3) refuses an archived edition whose printed text changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import history as git
from .loading import position_from_bytes

LEDGER_FILE = ".published-editions.json"  # a dot file: MkDocs never copies one from docs/
FIX = ("Сливайте pull request в main коммитом слияния (Merge commit) или одним коммитом (Squash and merge); "
       "не используйте «Rebase and merge» и fast-forward нескольких коммитов, не перезаписывайте main "
       "(force-push). См. macros/SECURITY.md, «Как сливать pull request в main».")

RESET = (f"Если разработчик проверил эти коммиты и они должны остаться в main, удалите файл {LEDGER_FILE} в папке "
         "опубликованного сайта: следующая публикация примет всю историю main и начнёт журнал заново. ")


class HistoryRefused(PluginError):
    """The main line holds states nobody reviewed, or it changed what was published."""


@dataclass
class Ledger:
    reviewed_until: str  # every main-line commit up to this one was taken as reviewed
    published: list[str] = field(default_factory=list)  # heads published since, oldest first
    editions: dict[str, dict] = field(default_factory=dict)  # edition url -> {"printed": sha256, "current": bool}


def read(site_dir: Path) -> Ledger | None:
    path = Path(site_dir) / LEDGER_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Ledger(str(data["reviewed_until"]), [str(c) for c in data.get("published") or []],
                      dict(data.get("editions") or {}))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise HistoryRefused(f"Журнал публикаций {path} не читается ({error}); опубликованный сайт не изменён. "
                             "Если файл повреждён, удалите его: следующая публикация начнёт журнал заново.") from None


def write(site_dir: Path, ledger: Ledger) -> None:
    (Path(site_dir) / LEDGER_FILE).write_text(json.dumps(asdict(ledger), ensure_ascii=False, indent=1, sort_keys=True),
                                              encoding="utf-8")


def reviewed_only(history: git.History, ledger: Ledger, folder: str) -> git.History:
    """The history as seen at reviewed states only (see the module's docstring); refuses 1 and 2."""
    listed = git.output(history.project, "rev-list", "--first-parent", "--parents", "--reverse", "HEAD") or ""
    line = [(ids[0], len(ids) > 2) for ids in map(str.split, listed.splitlines()) if ids]  # (commit, a merge)
    at = {commit: place for place, (commit, _) in enumerate(line)}
    for commit in [ledger.reviewed_until, *ledger.published]:
        if commit not in at:
            raise HistoryRefused(
                f"История main перезаписана: коммит {commit[:10]}, уже опубликованный на сайте, больше не входит "
                "в историю main (force-push, rebase или amend). Архив редакций не собран, опубликованный сайт не "
                f"изменён. Верните main к истории, которая содержит {commit[:10]}. " + RESET + FIX)
    trusted = at[ledger.reviewed_until]
    reviewed = {place for place, (commit, merge) in enumerate(line)
                if place <= trusted or merge or commit in ledger.published} | {len(line) - 1}
    places = [at[commit.id] for commit in history.commits]
    # A commit's state of the watched files lasts until the next commit that changes them.
    keep = [any(p in reviewed for p in range(start, end))
            for start, end in zip(places, places[1:] + [len(line)])]
    return _fold(history, keep, folder)


def _fold(history: git.History, keep: list[bool], folder: str) -> git.History:
    """Drop the commits not kept; each one's changes move to the next kept commit."""
    kept = [index for index, wanted in enumerate(keep) if wanted]
    place = {old: new for new, old in enumerate(kept)}
    target, following = {}, None
    for index in reversed(range(len(keep))):
        following = index if keep[index] else following  # the last commit is always kept
        target[index] = place[following]
    folded = git.History(history.project, history.status, [history.commits[i] for i in kept], {}, history._contents)
    hidden: dict[str, list[tuple[str, str]]] = {}  # path -> [(commit, blob)] that no reviewed state shows
    for path, steps in history.changes.items():
        states: dict[int, tuple[int, str | None]] = {}
        for index, blob in steps:
            earlier = states.get(target[index])
            if earlier is not None and earlier[1] is not None:
                hidden.setdefault(path, []).append((history.commits[earlier[0]].id, earlier[1]))
            states[target[index]] = (index, blob)
        folded.changes[path] = [(new, blob) for new, (_, blob) in states.items()]
    _refuse_hidden_editions(folded, hidden, folder)
    return folded


def _refuse_hidden_editions(history: git.History, hidden: dict, folder: str) -> None:
    """An edition whose text is only in unreviewed commits: nobody approved what would be archived."""
    prefix, lost = folder + "/", []
    for path, entries in hidden.items():
        if not (path.startswith(prefix) and path.endswith(".md")):
            continue
        contents = history.read([blob for _, blob in entries] + [blob for _, blob in history.changes[path] if blob])
        seen = {v for _, blob in history.changes[path] if blob and (v := _version(contents.get(blob), path))}
        for commit, blob in entries:
            version = _version(contents.get(blob), path)
            if version and version not in seen:
                lost.append(f"  - редакция {version} файла {path}: только в коммите {commit[:10]}")
    if lost:
        raise HistoryRefused(
            "Архив редакций: эти редакции есть только в промежуточных коммитах main, которые не были ни "
            "опубликованы, ни слиты коммитом слияния, — их текст никто не проверял как редакцию:\n"
            + "\n".join(lost) + "\nОпубликованный сайт не изменён. " + RESET + FIX)


def _version(content: bytes | None, path: str) -> str | None:
    if not content:
        return None
    position, _ = position_from_bytes(content, path, "positions/" + path.rsplit("/", 1)[-1])
    return position.version if position is not None and position.version and not position.is_draft else None


def next_ledger(previous: Ledger | None, head: str, printed: dict[str, tuple[str, bool]]) -> Ledger:
    """This publish's ledger; refuses (3): an edition archived at the last publish now printing other text.
    `printed`: edition url -> (its printed text in this build, whether it is the edition in force)."""
    ledger = Ledger(head) if previous is None else Ledger(previous.reviewed_until, list(previous.published))
    if previous is not None and head not in (previous.reviewed_until, *previous.published):
        ledger.published.append(head)
    digest = {url: hashlib.sha256(text.encode("utf-8")).hexdigest() for url, (text, _) in printed.items()}
    changed = [url for url, entry in (previous.editions if previous else {}).items()
               if not entry.get("current") and (url not in digest or digest[url] != entry.get("printed"))]
    if changed:
        raise HistoryRefused(
            "Архив редакций: опубликованная прежняя редакция напечаталась бы иначе, чем на сайте:\n"
            + "\n".join(f"  - {url}" + ("" if url in printed else " (её больше нет в архиве)") for url in changed)
            + "\nПрежняя редакция не меняется: её текст утверждён и опубликован. Так бывает, когда номер прежней "
            "редакции выпущен ещё раз (поле version), история main перезаписана или правка кода сайта меняет "
            "печать старых редакций. Опубликованный сайт не изменён. Если это правка кода, которую проверил "
            f"разработчик, и старые редакции должны печататься по-новому, удалите файл {LEDGER_FILE} в папке "
            "опубликованного сайта: следующая публикация начнёт журнал заново.")
    ledger.editions = {url: {"printed": digest[url], "current": current} for url, (_, current) in printed.items()}
    return ledger
