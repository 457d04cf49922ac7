"""Edits HR (or an attacker with HR's rights) makes to a scratch copy of the project, and what the
build must say about them: shared by the corpora of mistakes (test_hr_checks.py) and of hostile
input (test_hostile_input.py)."""

from __future__ import annotations

import hashlib
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

    def __str__(self) -> str:
        return self.name


def one_per_kind(cases: list, quick: set[str]) -> list:
    """A corpus as pytest parameters: the cases named in `quick` (one of each kind of refusal) run in every
    test run; each of the others costs a build of its own and runs with `pytest -m slow` (.ci/run runs both)."""
    unknown = quick - {case.name for case in cases}
    assert not unknown, f"no such case in the corpus: {unknown}"
    return [pytest.param(case, id=case.name, marks=() if case.name in quick else pytest.mark.slow) for case in cases]


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


def found_before_rendering(project: Path) -> str:
    """What the build's first step (`checked_staff` in macros/checks/run.py) says about `project`, run
    in-process: the same checks on the same files, in milliseconds instead of a build. The message HR reads."""
    from types import SimpleNamespace

    from mkdocs.utils import yaml_load

    from macros.checks import company, files, signatories
    from macros.checks.pages import check_templates
    from macros.checks.run import validate_staff
    from macros.model.company import Company
    from macros.model.loading import load_staff
    from macros.model.problems import PositionsError
    config_file = project / "mkdocs.yml"
    with config_file.open("rb") as text:
        conf = yaml_load(text)
    conf.update(config_file_path=str(config_file), docs_dir=str(project / "docs"),
                theme=SimpleNamespace(custom_dir=str(project / "overrides"), dirs=[str(project / "overrides")]))
    problems = files.check_files(conf) + company.check_company(conf) + check_templates(project)
    staff, found = load_staff(project / "docs")
    problems += found + validate_staff(staff, project / "docs")
    problems += signatories.check_signatories(staff, Company(conf["extra"], staff), str(config_file))
    return str(PositionsError(problems)) if problems else ""


def found_before_rendering_cases(cases: list, found_while_rendering: set[str]) -> list:
    """The cases of a corpus that the first step finds (the others are found while a page is rendered)."""
    unknown = found_while_rendering - {case.name for case in cases}
    assert not unknown, f"no such case in the corpus: {unknown}"
    return [case for case in cases if case.name not in found_while_rendering]


def refused_in_process(bad: BadInput, bench: Path) -> None:
    """`bad` applied to a fresh copy of what the first step reads (at the same path every time, so its caches
    of unchanged files work as between builds) is reported with every part `bad` expects."""
    import shutil

    from conftest import ROOT
    shutil.rmtree(bench, ignore_errors=True)
    shutil.rmtree(bench.parent / "templates-outside", ignore_errors=True)
    for part in ("docs", "overrides", "macros/templates"):
        shutil.copytree(ROOT / part, bench / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", bench / "mkdocs.yml")
    bad.edit(bench)
    message = found_before_rendering(bench)
    missing = [part for part in bad.expected if part not in message]
    assert message and not missing, f"the message lacks {missing}:\n{message}"


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
