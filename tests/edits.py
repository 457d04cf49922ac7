"""Edits HR (or an attacker with HR's rights) makes to a scratch copy of the project, and what the
build must say about them: shared by the corpora of mistakes (test_hr_checks.py) and of hostile
input (test_hostile_input*.py).

Every case is checked twice: in-process against the prepare stage (macros/prepare: the build's own
checks and page conversion, a fraction of a second) in every run, and by a real `mkdocs build` into a
published site — a few representative cases in every run, the rest marked slow (run by .ci/run)."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

RECRUITER = "docs/positions/recruiter.md"
HR_HEAD = "docs/positions/hr-head.md"
KAM = "docs/positions/key-account-manager.md"


@dataclass
class BadInput:
    """One mistake HR can make, and what the build must say about it."""

    name: str
    edit: Callable[[Path], None]
    expected: list[str]  # parts of the message, e.g. "docs/positions/recruiter.md:9", "reports_to"
    exit_code: int = 1
    # False where only the built site shows the mistake (MkDocs' own link check): then every run builds it.
    in_process: bool = True

    def __str__(self) -> str:
        return self.name


def replace(file: str, old: str, new: str, count: int = 1):
    def edit(project: Path) -> None:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the test's edit does not apply: {old!r} is not in {file}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")
    return edit


def write(file: str, content: str | bytes):
    def edit(project: Path) -> None:
        path = project / file
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return edit


def copy(source: str, target: str, old: str = "", new: str = ""):
    def edit(project: Path) -> None:
        text = (project / source).read_text(encoding="utf-8")
        (project / target).write_text(text.replace(old, new) if old else text, encoding="utf-8")
    return edit


def front_matter_only(file: str):
    def edit(project: Path) -> None:
        path = project / file
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index("\n---\n", 4) + 5], encoding="utf-8")
    return edit


def line_of(file: str, text: str) -> int:
    """The line in the real project's file where ``text`` first appears (so tests follow edits to it)."""
    from conftest import ROOT
    lines = (ROOT / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def recruiter_text() -> str:
    from conftest import ROOT
    return (ROOT / RECRUITER).read_text(encoding="utf-8")


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*.html"))}


def good_site(tmp_path_factory, plain_site) -> tuple[Path, dict[str, str]]:
    """A good site (a copy of the session's plain build, for a module's fixture); every refused build of that
    module targets it."""
    import shutil
    site = tmp_path_factory.mktemp("published") / "site"
    shutil.copytree(plain_site.site, site, symlinks=True)
    return site, digest(site)


def refused_build(bad: BadInput, published: tuple[Path, dict[str, str]], tmp_path: Path):
    """`bad` applied to a scratch copy built into the published site: the build names the problem, shows HR no
    traceback and leaves the published site as it was. Returns the build for a test's own further checks."""
    from conftest import copy_project, run_mkdocs_build
    site, before = published
    project = copy_project(tmp_path / "project")
    bad.edit(project)
    build = run_mkdocs_build(project, site)
    assert build.returncode == bad.exit_code, f"exit code {build.returncode}:\n{build.output}"
    missing = [part for part in bad.expected if part not in build.output]
    assert not missing, f"the message lacks {missing}:\n{build.output}"
    assert "Traceback" not in build.output or bad.exit_code == 100, f"HR sees a traceback:\n{build.output}"
    assert digest(site) == before, "the refused build changed the published site"
    return build


# What prepare() reads of a project: the pages, the theme overrides, the shared wording and the hooks file
# mkdocs.yml names (MkDocs loads it with the configuration). The Python code is the checkout's own.
PREPARE_PARTS = ("docs", "overrides", "macros/templates", "macros/mkdocs_hooks.py", "mkdocs.yml")


def prepare_copy(target: Path) -> Path:
    from conftest import ROOT
    for part in PREPARE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    return target


def refused_by_prepare(bad: BadInput, tmp_path: Path) -> str:
    """`bad` applied to a scratch copy, prepared in-process: refused with every part of the expected message
    (file:line, what is wrong, the fix) and no other exception. Returns the message for further checks."""
    from macros.model.problems import PositionsError
    from macros.prepare import prepare
    project = prepare_copy(tmp_path / "project")
    bad.edit(project)
    with pytest.raises(PositionsError) as raised:
        prepare(project)
    shown = str(raised.value)
    missing = [part for part in bad.expected if part not in shown]
    assert not missing, f"the message lacks {missing}:\n{shown}"
    return shown


def in_process(corpus: list[BadInput]) -> list[BadInput]:
    return [bad for bad in corpus if bad.in_process]


def end_to_end(corpus: list[BadInput], every_run: set[str]) -> list:
    """Every case of `corpus` as a real build: those named in `every_run` (one or two of each kind of check)
    and those prepare cannot see in every run, the rest only in the slow run."""
    unknown = every_run - {bad.name for bad in corpus}
    assert not unknown, f"no such cases: {unknown}"
    return [bad if bad.name in every_run or not bad.in_process
            else pytest.param(bad, marks=pytest.mark.slow, id=str(bad)) for bad in corpus]
