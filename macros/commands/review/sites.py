"""The two sides of a review: the base commit built in a throw-away git worktree, the head built where it is.

Real `mkdocs build --strict` runs, PDFs, Word files and the archive switched off: the report needs only each
position page's printed text, and the archive's pages and checks would only add to the wait.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ARTICLE = '<article class="md-content__inner md-typeset">'


class ReviewError(Exception):
    """A problem the person running the report can fix: printed as one message, no traceback."""


def git(project: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True)
    if result.returncode != 0:
        raise ReviewError(f"git {' '.join(args)}: {result.stderr.strip() or 'ошибка'}")
    return result.stdout


def repository(folder: Path) -> Path:
    try:
        return Path(git(folder, "rev-parse", "--show-toplevel").strip())
    except ReviewError:
        raise ReviewError(f"папка {folder} — не git-репозиторий: запустите команду в папке репозитория "
                          "с инструкциями") from None


def base_commit(project: Path, ref: str) -> str:
    """Where the branch left the base: the same point a pull request's diff starts from."""
    try:
        git(project, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except ReviewError:
        raise ReviewError(f"нет ветки или коммита «{ref}»: проверьте --base (например, --base origin/main; "
                          "сначала выполните git fetch)") from None
    return git(project, "merge-base", ref, "HEAD").strip()


def changed_files(project: Path, base: str) -> list[str]:
    """Files changed since the base: commits of the branch, uncommitted edits and new files alike."""
    names = git(project, "diff", "--name-only", "--no-renames", base).splitlines()
    names += git(project, "ls-files", "--others", "--exclude-standard").splitlines()
    return sorted(set(names))


@contextlib.contextmanager
def checkout(project: Path, commit: str):
    """The base commit as a folder of its own, removed afterwards whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix="jobdesc-review-base-"))
    git(project, "worktree", "add", "--detach", "--quiet", str(folder), commit)
    try:
        yield folder
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=project, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Built:
    """One built side: where its site is and each position page's document body (HTML of the article)."""

    project: Path
    site: Path
    pages: dict[str, str]


def build(project: Path, site: Path, side: str) -> Built:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JOBDESC_PDF="0", JOBDESC_DOCX="0", JOBDESC_ARCHIVE="0")
    for name in ("JOBDESC_BASE", "GITHUB_BASE_REF"):  # the build's own edition check is not this report's concern
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise ReviewError(f"сборка сайта ({side}) не удалась — сначала исправьте ошибки сборки:\n{tail}")
    return Built(project, site, position_pages(site))


def position_pages(site: Path) -> dict[str, str]:
    """slug -> the document body of positions/<slug>/index.html (what blocks() and printed_text() read)."""
    pages = {}
    folder = site / "positions"
    for page in sorted(folder.glob("*/index.html")) if folder.is_dir() else []:
        html = page.read_text(encoding="utf-8")
        start, end = html.find(ARTICLE), html.rfind("</article>")
        if start >= 0 and end > start:
            pages[page.parent.name] = html[start + len(ARTICLE):end]
    return pages
