"""Work of an earlier build that depends only on its input, kept in `.cache/pages/` (option page_cache) under a
hash of that input and of the code. Kept only when computing it found no problem (or the problems are part of
it), so a warm build writes the same site (tests/test_page_cache.py). A file ``<kind>.jsonl`` per kind (preview,
tree, search, sanitised, offline), a line ``<key> <JSON>`` per result (never pickle: the folder is data),
appended once per build; ``<kind>.used.json``: the day each was last used (14 days unused: dropped).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from importlib.metadata import version
from pathlib import Path

from . import two_cores

STALE_AFTER_DAYS = 14
PACKAGES = ("Markdown", "pymdown-extensions", "cmarkgfm", "mkdocs", "nh3")
CODE = Path(__file__).resolve().parents[1]  # the macros package


class BuildCache:
    """A folder of JSON results by kind and key; `folder` None: nothing is kept (every lookup misses)."""

    def __init__(self, folder: Path | None, settings: object = ""):
        self.folder = folder
        self.salt = fingerprint(settings) if folder else ""
        self._kept: dict[str, dict[str, str]] = {}   # kind -> key -> its JSON text, read on first use
        self._new: dict[str, dict[str, str]] = {}    # kind -> key -> JSON text put by this build
        self.used: dict[str, set[str]] = {}          # kind -> keys this build took or put
        self._lines: dict[str, int] = {}             # kind -> lines in its file (more than keys: rewrite)

    @classmethod
    def for_project(cls, project: Path, settings: object, wanted: str = "") -> "BuildCache":
        """wanted: the option page_cache (macros/config.py): a folder, "0" for none, "" for .cache/pages."""
        if wanted == "0":
            return cls(None)
        return cls(Path(wanted).expanduser() if wanted else project / ".cache" / "pages", settings)

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, kind: str, key: str):
        if self.folder is None:
            return None
        text = self._new.get(kind, {}).get(key) or self._kept_of(kind).get(key)
        if text is None:
            return None
        try:
            value = json.loads(text)
        except ValueError:
            self._kept_of(kind).pop(key, None)  # a garbled line: done again, and the file written anew
            return None
        self.used.setdefault(kind, set()).add(key)
        return value

    def put(self, kind: str, key: str, value) -> None:
        if self.folder is None:
            return
        self._new.setdefault(kind, {})[key] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        self.used.setdefault(kind, set()).add(key)

    def remembered(self, kind: str, parts: tuple[str, ...], compute):
        """compute() (JSON data: a tuple comes back as a list), or what it gave for the same parts before."""
        if self.folder is None:
            return compute()
        key = self.key(*parts)
        kept = self.get(kind, key)
        if kept is not None:
            return kept["value"]
        value = compute()
        self.put(kind, key, {"value": value})
        return value

    def remembered_each(self, kind: str, inputs: list[tuple[str, ...]], compute) -> list:
        """[compute(*parts) for parts in inputs], each kept answer taken back, the others found on both cores."""
        keys = [self.key(*parts) for parts in inputs] if self.folder is not None else [None] * len(inputs)
        answers = [self.get(kind, key) if key else None for key in keys]
        missing = [number for number, kept in enumerate(answers) if kept is None]
        for number, value in zip(missing, two_cores.each(lambda number: compute(*inputs[number]), missing)):
            answers[number] = {"value": value}
            if keys[number]:
                self.put(kind, keys[number], answers[number])
        return [answer["value"] for answer in answers]

    def finish(self, now: float | None = None) -> None:
        """After a build: its new results are written; what it used counts as used today; what no build
        used for STALE_AFTER_DAYS goes."""
        if self.folder is None:
            return
        today = int((time.time() if now is None else now) // 86400)
        kinds = set(self.used) | set(self._new)
        if self.folder.is_dir():
            kinds |= {path.name[:-len(".jsonl")] for path in self.folder.glob("*.jsonl")}
            _drop_stale_files_of_old_layout(self.folder, today)
        for kind in sorted(kinds):
            try:
                self._finish_kind(kind, today)
            except OSError:
                pass  # a read-only or full disk costs speed, never the build
        self._kept, self._new, self.used, self._lines = {}, {}, {}, {}

    def _finish_kind(self, kind: str, today: int) -> None:
        data, days_file = self.folder / f"{kind}.jsonl", self.folder / f"{kind}.used.json"
        try:
            before = json.loads(days_file.read_text(encoding="utf-8"))
            before = before if isinstance(before, dict) else {}
        except (OSError, ValueError):
            before = {}
        kept, new = self._kept_of(kind), self._new.get(kind, {})
        used = self.used.get(kind, set())
        days = {key: today if key in used or not isinstance(before.get(key), int) else before[key]
                for key in (*kept, *new)}  # a result with no day yet counts as used today
        live = {key: day for key, day in days.items() if day >= today - STALE_AFTER_DAYS}
        self.folder.mkdir(parents=True, exist_ok=True)
        changed = any(key in kept and kept[key] != text for key, text in new.items())  # a result found stale
        if len(live) < len(days) or self._lines.get(kind, 0) > len(kept) or changed:  # or lines twice
            _write_whole(data, "".join(f"{key} {text}\n" for key, text in {**kept, **new}.items() if key in live))
        elif any(key not in kept for key in new):
            with open(data, "a", encoding="utf-8") as file:  # one write: builds side by side never interleave a line
                file.write("".join(f"{key} {text}\n" for key, text in new.items() if key not in kept))
        if live != before:
            _write_whole(days_file, json.dumps(live, separators=(",", ":")))

    def listing(self) -> dict[tuple[str, str], int]:
        """(kind, key) -> the day (days since 1970) a build last used it, for every result kept."""
        found = {}
        for path in sorted(self.folder.glob("*.jsonl")):
            kind = path.name[:-len(".jsonl")]
            try:
                days = json.loads((self.folder / f"{kind}.used.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                days = {}
            found.update({(kind, key): days.get(key, -1) for key in _read_lines(path)[0]})
        return found

    def _kept_of(self, kind: str) -> dict[str, str]:
        if kind not in self._kept:
            self._kept[kind], self._lines[kind] = _read_lines(self.folder / f"{kind}.jsonl")
        return self._kept[kind]


def _read_lines(path: Path) -> tuple[dict[str, str], int]:
    """key -> JSON text of every whole line, and how many lines there were."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}, 0
    kept, lines = {}, text.split("\n")[:-1]  # what follows the last line break is a torn write
    for line in lines:
        key, _, value = line.partition(" ")
        if len(key) == 64 and value:
            kept[key] = value
    return kept, len(lines) + (not text.endswith("\n") and text != "")


def _write_whole(path: Path, text: str) -> None:
    """A reader sees the whole file or the one before it."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def _drop_stale_files_of_old_layout(folder: Path, today: int) -> None:
    """Earlier versions kept a file per result in a folder per kind; theirs go after STALE_AFTER_DAYS."""
    oldest = (today - STALE_AFTER_DAYS) * 86400
    for path in folder.glob("*/*.json"):
        try:
            if path.stat().st_mtime < oldest:
                path.unlink()
        except OSError:
            pass


def fingerprint(settings: object) -> str:
    """The code that produces what is cached: this package's Python files and schemas, the Markdown settings,
    the parsers."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted([*CODE.rglob("*.py"), *CODE.rglob("*.yaml")]):
        digest.update(path.relative_to(CODE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in PACKAGES:
        digest.update(f"{name}={version(name)}".encode())
    digest.update(json.dumps(settings, sort_keys=True, default=_name_of).encode())
    return digest.hexdigest()


def _name_of(value) -> str:
    """Settings hold functions (a custom fence's formatter): named by where they live, never by address."""
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    return f"{getattr(value, '__module__', '')}.{name}"
