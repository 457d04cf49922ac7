"""Shared fixtures: the real site, built once per test session with the real MkDocs CLI."""

from __future__ import annotations

import functools
import http.server
import os
import threading
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
    # Build-time PDFs take seconds: the project's own site has them, scratch copies only when a test asks.
    env.setdefault("JOBDESC_PDF", "1" if project == ROOT else "0")
    # The archive of editions (its pages, PDFs and checks) costs seconds: scratch copies have it when a test asks.
    env.setdefault("JOBDESC_ARCHIVE", "1" if project == ROOT else "0")
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


@pytest.fixture(scope="session")
def plain_site(tmp_path_factory) -> Build:
    """A scratch copy of the project as it is, built once as scratch copies are (no PDFs, no archive): the
    "before" of tests that change something, and the last good site refused builds must leave alone."""
    root = tmp_path_factory.mktemp("plain")
    build = run_mkdocs_build(copy_project(root / "project"), root / "site")
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.output}"
    return build


@pytest.fixture(scope="session")
def editions(tmp_path_factory) -> Build:
    """Three editions of the recruiter's instruction in a scratch repository (tests/edition_history.py), built
    once with the archive, PDFs and .docx: read by the tests of editions and of the printed code."""
    from edition_history import build_with_archive, make_repository
    root = tmp_path_factory.mktemp("editions")
    return build_with_archive(make_repository(root), root)


@pytest.fixture
def scratch(tmp_path) -> Path:
    """A private copy of the project, for tests that edit files and rebuild."""
    return copy_project(tmp_path / "project")


# --- Browser and PDF tools -------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
]


def require_tool(path_or_name: str, why: str) -> None:
    """Skip when a Debian tool is missing; in CI (JOBDESC_REQUIRE_BROWSER=1) fail instead."""
    if shutil.which(path_or_name):
        return
    message = f"{path_or_name} is not installed ({why}); install it: apt-get install -y chromium poppler-utils"
    if os.environ.get("JOBDESC_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " — required in CI (JOBDESC_REQUIRE_BROWSER=1)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    require_tool(CHROMIUM, "browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_tool("playwright-python-missing", "pip install --require-hashes -r requirements-test.lock")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def served_site(site):
    """The built site served over HTTP on loopback; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


# --- The quick run and the slow run ------------------------------------------------------

SLOW_LEFT_OUT = pytest.StashKey[int]()


def pytest_collection_modifyitems(config, items):
    """A plain `pytest` (README's command) leaves the slow end-to-end tests out, so it takes minutes, not a
    quarter of an hour; `-m slow` runs them (.ci/run runs both). Naming files, `-k` or `-m` runs what is asked."""
    asked = config.option.markexpr or config.option.keyword or config.args_source == config.ArgsSource.ARGS
    if asked:
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        items[:] = [item for item in items if not item.get_closest_marker("slow")]
        config.hook.pytest_deselected(items=slow)
        config.stash[SLOW_LEFT_OUT] = len(slow)


def pytest_terminal_summary(terminalreporter, config):
    left_out = config.stash.get(SLOW_LEFT_OUT, 0)
    if left_out:
        terminalreporter.write_line(f"{left_out} slow tests left out: run them with `python -m pytest -m slow`")
