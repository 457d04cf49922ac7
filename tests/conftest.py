"""Shared fixtures: the real site, built once per test session with the real MkDocs CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# What a scratch copy of the project needs to build.
PROJECT_PARTS = ("docs", "macros", "overrides", "mkdocs.yml")

# The three positions of the source material, with their page paths.
POSITIONS = {
    "key-account-manager": "Менеджер по работе с ключевыми клиентами",
    "recruiter": "Менеджер по подбору персонала",
    "client-manager": "Менеджер по работе с клиентами",
}


@dataclass
class Build:
    """The outcome of one `mkdocs build`: exit code, output and the site folder."""

    project: Path
    site: Path
    returncode: int
    output: str

    def page(self, url: str) -> BeautifulSoup:
        path = self.site / url.strip("/") / "index.html" if not url.endswith(".html") else self.site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def position(self, slug: str) -> BeautifulSoup:
        return self.page(f"positions/{slug}/")


def run_mkdocs_build(project: Path, site: Path, *extra: str) -> Build:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), *extra],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )
    return Build(project, site, result.returncode, result.stdout + result.stderr)


def copy_project(target: Path) -> Path:
    """A scratch copy of the project that a test may change freely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The project's own site, built strictly once for the whole test session."""
    build = run_mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.output}"
    return build


@pytest.fixture
def scratch(tmp_path) -> Path:
    """A private copy of the project, for tests that edit files and rebuild."""
    return copy_project(tmp_path / "project")
