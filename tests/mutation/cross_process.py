"""pytest plugin for mutation testing with mutmut (tests/README.md «Мутационное тестирование»); never loaded otherwise.

mutmut decides which tests to run against a mutant from the functions each test called, recorded
in the pytest process. Our tests call the code where it really runs: in `mkdocs build`
subprocesses. This plugin carries those calls back, so that a mutant is tried against the tests
that build a page with it, and not reported "no tests":

- in the stats run it puts tests/mutation/ on PYTHONPATH, whose sitecustomize.py makes every
  subprocess write the functions it called to a folder, and adds them to the test that started the
  subprocess; a build made once for a session or a module (the `site` fixture) counts for every
  test that uses it;
- in every run it gives the build its own PDF, Word, archive and page caches, so that no build
  takes a file a build of another mutant left: the page cache is keyed by the code of macros/,
  and that code is the same for every mutant (mutmut chooses the active one at run time).

It reaches into mutmut's state (`mutmut.state.state()._stats`), the set mutmut's own plugin reads
when a test ends; mutmut is pinned in requirements-mutation.txt.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

HITS = "JOBDESC_MUTATION_HITS"  # the folder subprocesses write their called functions to
CACHES = ("JOBDESC_PDF_CACHE", "JOBDESC_DOCX_CACHE", "JOBDESC_ARCHIVE_CACHE", "JOBDESC_PAGE_CACHE")

_scratch: Path | None = None
_fixture_hits: dict[int, set[str]] = {}


def _collecting_stats() -> bool:
    return os.environ.get("MUTANT_UNDER_TEST") == "stats" and HITS in os.environ


def pytest_configure(config):
    global _scratch
    _scratch = Path(tempfile.mkdtemp(prefix="jobdesc-mutation-"))
    for name in CACHES:
        os.environ[name] = str(_scratch / name.lower())
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        (_scratch / "hits").mkdir()
        os.environ[HITS] = str(_scratch / "hits")
        here = str(Path(__file__).resolve().parent)
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, (here, os.environ.get("PYTHONPATH"))))


def pytest_unconfigure(config):
    for name in (*CACHES, HITS):
        os.environ.pop(name, None)
    if _scratch is not None:
        shutil.rmtree(_scratch, ignore_errors=True)


def _subprocess_hits() -> set[str]:
    names: set[str] = set()
    for path in Path(os.environ[HITS]).glob("*.hits"):
        names.update(path.read_text(encoding="utf-8").split())
        path.unlink()
    return names


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    yield
    if _collecting_stats() and fixturedef.scope != "function":
        _fixture_hits[id(fixturedef)] = _subprocess_hits()


@pytest.hookimpl(tryfirst=True)  # before mutmut's own hook reads and clears the set
def pytest_runtest_teardown(item, nextitem):
    if not _collecting_stats():
        return
    from mutmut.state import state

    names = _subprocess_hits()
    for definitions in item._fixtureinfo.name2fixturedefs.values():
        for definition in definitions:
            names |= _fixture_hits.get(id(definition), set())
    state()._stats.update(names)
