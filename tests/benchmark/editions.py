"""The archive of editions at scale: N positions with three editions each, a cold and a warm build.

    python3 tests/benchmark/run.py --sizes 300,1000 --editions 300 [--no-browser]

A git repository is made of the generated company in three commits (every position in force as
generated, then its next edition with one duty reworded, then one more): two superseded editions and
one in force per position, three comparisons each. Then, with PDFs:
- a cold build (empty archive, PDF and page caches), the cost of publishing the archive the first time;
- a warm build (the same commit again), what every later build pays;
- the same warm build with JOBDESC_ARCHIVE=0, the site without its archive (its own PDFs made by a
  build before, so both warm builds find their PDFs in the cache).
Target: the warm build with the archive takes at most 1.3 times the one without.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)
DUTY = re.compile(r"^- (?!\{)(.+)$", re.M)
ARCHIVE_LINE = re.compile(r"Архив редакций: (\d+) страниц редакций и сравнений[^;\n]*; из них (\d+) собрано заново")


def measure(pristine: Path, scratch: Path, log) -> dict:
    repo = shutil.copytree(pristine, scratch / "editions-repo")
    _git(repo, "init", "-q", "-b", "main")
    (repo / ".gitignore").write_text("/site/\n/.cache/\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "1.0")
    for step in (1, 2):
        for path in sorted((repo / "docs" / "positions").glob("*.md")):
            _new_edition(path)
        _git(repo, "commit", "-qam", f"edition {step}")
    caches = {"JOBDESC_ARCHIVE_CACHE": str(scratch / "archive-cache"), "JOBDESC_PDF_CACHE": str(scratch / "pdf-cache")}
    log("[editions] cold build (empty caches), with PDFs")
    cold = _build(repo, caches, archive=True)
    log("[editions] warm builds with and without the archive")
    _build(repo, caches, archive=False)  # the site without its archive prints its own PDFs: made once here
    builds = {True: [], False: []}
    for _ in range(3):  # in turns, the fastest of each: one pair of builds is at the mercy of a busy minute
        for archive in (True, False):
            builds[archive].append(_build(repo, caches, archive=archive))
    warm, plain = (min(builds[archive], key=lambda build: build[0]) for archive in (True, False))
    pages = ARCHIVE_LINE.search(warm[1])
    return {"editions_cold_s": cold[0], "editions_warm_s": warm[0], "editions_off_s": plain[0],
            "editions_ratio": warm[0] / plain[0], "editions_pages": int(pages.group(1)) if pages else None,
            "editions_rerendered_warm": int(pages.group(2)) if pages else None}


def table(result: dict) -> str:
    rows = [("Архив: страниц редакций и сравнений", "editions_pages", "{:d}", ""),
            ("Архив: холодная сборка (пустые кэши, с PDF), с", "editions_cold_s", "{:.1f}", ""),
            ("Архив: тёплая сборка, с", "editions_warm_s", "{:.1f}", ""),
            ("Та же сборка без архива (JOBDESC_ARCHIVE=0), с", "editions_off_s", "{:.1f}", ""),
            ("Тёплая с архивом / без архива", "editions_ratio", "{:.2f}", "≤ 1,3"),
            ("Архив: собрано заново в тёплой сборке", "editions_rerendered_warm", "{:d}", "0")]
    lines = ["| Показатель | Значение | Цель |", "|---|---|---|"]
    for label, key, fmt, target in rows:
        value = result.get(key)
        shown = fmt.format(value).replace(".", ",") if value is not None else "n/a"
        lines.append(f"| {label} | {shown} | {target} |")
    return "\n".join(lines)


def _new_edition(path: Path) -> None:
    """The position's next edition (its minor version plus one), approved the same way as its current one,
    30 days after it: an edition in `history` must be approved before the one in force, whatever date the
    samples carry."""
    text = path.read_text(encoding="utf-8")
    match = FRONT.match(text)
    meta, body = yaml.safe_load(match.group(1)), text[match.end():]
    if meta.get("status", "действует") != "действует":
        return  # a draft or an abolished position gets no new edition
    earlier = {k: meta[k] for k in ("version", "approved", "approval") if k in meta}
    major, _, minor = str(meta["version"]).partition(".")
    version = f"{major}.{int(minor or 0) + 1}"
    approval = dict(meta.get("approval") or {})
    approval["protocol" if "protocol" in approval else "number"] = f"{version}-ОД"
    meta["history"] = [earlier] + list(meta.get("history") or [])
    meta.update(version=version, approved=meta["approved"] + datetime.timedelta(days=30),
                approval=approval, changes=f"редакция {version}")
    meta.pop("corrections", None)
    duty = DUTY.search(body)
    body = body[:duty.end()] + f" (ред. {version})" + body[duty.end():]
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")


def _build(repo: Path, caches: dict, archive: bool) -> tuple[float, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JOBDESC_PDF="1", JOBDESC_ARCHIVE="1" if archive else "0", **caches)
    env.pop("GITHUB_BASE_REF", None)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(repo / "site")],
                            cwd=repo, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {repo}:\n{(result.stdout + result.stderr)[-4000:]}")
    return seconds, result.stdout + result.stderr


def _git(repo: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.local",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.local")
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)
