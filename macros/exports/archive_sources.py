"""What an edition is made of: its position file, the positions it names, its printed templates and
mkdocs.yml as of its commit (or the work tree), by git blob id; the key of its page (archive.py), the
snapshots it renders from (archive_forms.py), and which of them changed a printout (``described``).
"""

from __future__ import annotations

import difflib
import hashlib
import json
from pathlib import Path

import yaml

from ..model import history as git
from ..model.editions import CONFIG_FILE, TEMPLATES_DIR, Archive, State
from ..model.markup import CROSS_REFERENCE, source_references
from ..model.positions import LIST_REFERENCE_FIELDS, REFERENCE_FIELDS, Position
from .archive_forms import Snapshot

WORKTREE = "worktree"
# Templates of the site, not of the signed document: today's, whatever the edition's commit had.
SITE_TEMPLATES = {"position_card.html", "position_record.html", "aliases.html", "catalog.md", "org_chart.md",
                  "new_position.md", "edition_notice.html", "edition_qr.html", "comparison.html", "corrections.yml",
                  "build_errors.html"}
CONTEXT = 4  # words shown either side of a changed phrase


def named_positions(position: Position) -> list[str]:
    """Slugs of the positions whose names the document prints (supervisor, stand-in, the positions whose
    clauses it refers to, …)."""
    slugs = [position.meta.get(field) for field in REFERENCE_FIELDS]
    slugs += [slug for field in LIST_REFERENCE_FIELDS for slug in position.meta.get(field) or []]
    slugs += [found.group(1) for target, _ in source_references(position.body)  # «п. [](recruiter.md#screening)»
              if (found := CROSS_REFERENCE.match(target))]
    return sorted({s for s in slugs if isinstance(s, str) and s})


class Sources:
    """The files of the archive's states, by blob, each folder read once per commit (hundreds of editions
    share one). `signers(position)`: the positions whose officials sign its document today (model/company.py)."""

    def __init__(self, archive: Archive, project: Path, docs_dir: Path, signers=lambda position: []):
        self.archive, self.project, self.docs_dir, self.signers = archive, project, docs_dir, signers
        self.folder = archive.folder
        self._worktree: dict[str, str | None] = {}
        self._extras: dict[str | None, str] = {}
        self._trees: dict[tuple, dict[str, str]] = {}  # (folder, commit, index) -> name -> blob

    def blob(self, state: State, path: str) -> str | None:
        if state.commit is None:
            if path not in self._worktree:
                file = self.project / path
                self._worktree[path] = git.blob_id(file.read_bytes()) if file.is_file() else None
            return self._worktree[path]
        if state.index is not None:
            return self.archive.history.blob_at(path, state.index)
        return self.archive.base_tree.get(path)

    def templates(self, state: State) -> dict[str, str]:
        return {name: blob for name, blob in self._folder_at(state, TEMPLATES_DIR).items() if name not in SITE_TEMPLATES}

    def inputs(self, state: State) -> dict:
        """Everything of the repository an edition's page shows, by blob id. Who signs follows from the
        whole staff, so a past commit's page depends on all its positions (one digest: a commit never
        changes); the work tree's on the positions it names and those whose officials sign it."""
        if state.commit is not None:
            named = "tree:" + hashlib.sha256(json.dumps(self.positions_at(state), sort_keys=True).encode()).hexdigest()
        else:
            slugs = sorted({*named_positions(state.position), *self.signers(state.position)})
            named = {slug: self.blob(state, f"{self.folder}/{slug}.md") for slug in slugs}
        return {"position": state.blob, "named": named, "templates": self.templates(state),
                "config": self.blob(state, CONFIG_FILE)}

    def positions_at(self, state: State) -> dict[str, str]:
        """slug -> blob of every position file at the state's commit."""
        return {name[:-3]: blob for name, blob in self._folder_at(state, self.folder).items() if name.endswith(".md")}

    def _folder_at(self, state: State, folder: str) -> dict[str, str]:
        """name -> blob of every file directly in `folder` at the state's commit (or in the work tree)."""
        at = (folder, state.commit, state.index)
        if at not in self._trees:
            if state.commit is None:
                files = (self.project / folder).iterdir()
                self._trees[at] = {p.name: git.blob_id(p.read_bytes()) for p in files if p.is_file()}
            elif state.index is not None:
                self._trees[at] = self.archive.history.tree_at(folder, state.index)
            else:
                tree = self.archive.base_tree
                self._trees[at] = {name: tree[path] for name, path in git.files_in(folder, tree).items()}
        return self._trees[at]

    def requisites(self, state: State) -> str:
        """A digest of the company requisites (`extra:` of mkdocs.yml) of the state's commit or work tree."""
        blob = self.blob(state, CONFIG_FILE)
        if blob not in self._extras:
            content = (self.project / CONFIG_FILE).read_bytes() if state.commit is None else \
                self.archive.history.read([blob]).get(blob, b"")
            self._extras[blob] = json.dumps(_extra(content), sort_keys=True, ensure_ascii=False, default=str)
        return self._extras[blob]

    def snapshots(self, states: list[State], env) -> dict[str, Snapshot]:
        """The snapshot of every commit these states come from (the work tree's too), their files read from
        git in one go; also used by the prepare stage (macros/prepare/__init__.py)."""
        by_commit: dict[str | None, list[State]] = {}
        for state in states:
            by_commit.setdefault(state.commit, []).append(state)
        parsed: dict = {}  # position files parsed once for all the commits that hold them
        worktree = by_commit.pop(None, None)
        snapshots = {WORKTREE: Snapshot(None, None, self.docs_dir, env, parsed)} if worktree else {}
        # The company as of each commit (every position, see inputs), the editions' own files first.
        wanted = {commit: ({**{f"{slug}.md": blob for slug, blob in self.positions_at(group[0]).items()},
                            **{f"{s.position.slug}.md": s.blob for s in group}},
                           self.templates(group[0]), self.blob(group[0], CONFIG_FILE))
                  for commit, group in by_commit.items()}
        contents = self.archive.history.read(sorted({b for positions, templates, config in wanted.values()
                                                     for b in [*positions.values(), *templates.values(), config] if b}))
        for commit, (positions, templates, config) in wanted.items():
            files = {"positions": {name: contents[blob] for name, blob in positions.items()},
                     "templates": {name: contents[blob] for name, blob in templates.items()},
                     "extra": _extra(contents.get(config, b"")) if config else {}}
            snapshots[commit] = Snapshot(commit, files, self.docs_dir, env, parsed)
        return snapshots


def described(clauses: str, before: str, now: str, base: State, current: State, sources: Sources) -> str:
    """What changed in the printout («п. 1.3 изменён», or the words outside the clauses) and, when the
    position's own file did not change, which files did: «— из-за изменений в docs/positions/hr-head.md»
    (HR who edited another position, whose title prints under this one's signatures, sees why)."""
    text = clauses
    if not text:  # the first two changed phrases, with CONTEXT words either side
        old, new = before.split(), now.split()
        changed = [(" ".join(old[max(0, a1 - CONTEXT):a2 + CONTEXT]), " ".join(new[max(0, b1 - CONTEXT):b2 + CONTEXT]))
                   for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
                   if tag != "equal"][:2]
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
    slugs = sorted({*named_positions(current.position), *sources.signers(current.position),
                    *named_positions(base.position)} - {current.position.slug})
    files = [f"docs/positions/{slug}.md" for slug in slugs if sources.blob(base, f"{sources.folder}/{slug}.md")
             != sources.blob(current, f"{sources.folder}/{slug}.md")]
    before, now = sources.templates(base), sources.templates(current)
    files += [f"{TEMPLATES_DIR}/{name}" for name in sorted(set(before) | set(now)) if before.get(name) != now.get(name)]
    if sources.requisites(base) != sources.requisites(current):
        files.append(f"{CONFIG_FILE} (extra:)")
    return files


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml for its `extra:` only: tags such as !!python/name and !ENV are read as nothing."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _extra(config: bytes) -> dict:
    data = yaml.load(config.decode("utf-8"), Loader=_Lenient) or {}
    return data.get("extra") or {}
