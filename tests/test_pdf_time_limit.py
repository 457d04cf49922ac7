"""Every page gets a bounded time to become a PDF (issue 23, item 9).

A page WeasyPrint cannot lay out in time (a word of tens of thousands of letters, an SVG of nested
<use>) must stop the build with a message naming the page's file and the fix — not keep a renderer
busy for hours. The limit is the module constant pdf.PAGE_TIME_LIMIT; the build below runs the real
MkDocs CLI in a process that first lowers it below what any real position takes.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import require_tool

# Lowered limit, in seconds: a real position with Material's stylesheets takes about a second.
TINY_LIMIT = 0.2
# Marks the build's processes (the renderers are forks of it and share its command line).
MARKER = "jobdesc-time-limit-test"


def test_a_page_past_its_time_limit_stops_the_build_naming_the_file(scratch, tmp_path):
    require_tool("pdftotext", "PDF rendering needs the same system libraries as the PDF tests")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    program = (f"# {MARKER}\nimport sys\nimport macros.exports.pdf as pdf\npdf.PAGE_TIME_LIMIT = {TINY_LIMIT}\n"
               "from mkdocs.__main__ import cli\ncli(sys.argv[1:])")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JOBDESC_PDF="1", JOBDESC_PDF_WORKERS="2", JOBDESC_DOCX="0",
               JOBDESC_ARCHIVE="0", JOBDESC_PDF_CACHE=str(tmp_path / "cold-cache"))
    started = time.monotonic()
    built = subprocess.run([sys.executable, "-c", program, "build", "--strict", "--site-dir", str(site)],
                           cwd=scratch, env=env, capture_output=True, text=True, timeout=600)
    output = built.stdout + built.stderr

    assert built.returncode != 0, "a page past the time limit did not stop the build"
    assert "Traceback" not in output, output
    assert "страница не превратилась в PDF за 0.2 с" in output, output
    positions = sorted(f"docs/positions/{path.name}" for path in (scratch / "docs" / "positions").glob("*.md"))
    assert any(f"{name}: страница не превратилась" in output for name in positions), \
        f"the message does not name the position's file:\n{output}"
    assert "Как исправить: найдите такое место в файле" in output, output
    assert time.monotonic() - started < 300
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site", "the last good site was touched"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("site.")] == [], "a staging folder was left"
    assert not list((tmp_path / "cold-cache").glob("*.part")), "a half-written PDF stayed in the cache"
    time.sleep(0.5)
    assert _processes_with(MARKER) == [], "a PDF renderer outlived the stopped build"


def test_a_renderer_stuck_on_a_page_is_killed_at_the_limit(tmp_path, monkeypatch):
    """An SVG of nested <use>, ten to a level, six levels: a million squares, minutes of WeasyPrint's time.
    In the build's own process: the renderers are gone when the call returns, not when the build exits."""
    require_tool("pdftotext", "PDF rendering needs the same system libraries as the PDF tests")
    from macros.exports import cache, pdf

    levels = "".join(f"<g id='l{n}'>" + f"<use href='#l{n - 1}'/>" * 10 + "</g>" for n in range(1, 7))
    site = tmp_path / "site"
    site.mkdir()
    (site / "nested.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><defs>"
                                     f"<rect id='l0' width='1' height='1'/>{levels}</defs><use href='#l6'/></svg>")
    (site / "slow.html").write_text("<html><body><article><img src='nested.svg'></article></body></html>")
    (site / "quick.html").write_text("<html><body><article><p>Должностная инструкция</p></article></body></html>")
    work = [(cache.Job(site / f"{name}.html", site / f"{name}.pdf", dt.date(2026, 2, 9),
                       f"docs/positions/{name}.md"), tmp_path / f"{name}.pdf") for name in ("quick", "slow")]
    monkeypatch.setattr(pdf, "PAGE_TIME_LIMIT", 2.0)
    # Children the session already has (Playwright's driver of the shared browser) are not renderers.
    before = set(_children_of(os.getpid()))
    started = time.monotonic()
    with pytest.raises(pdf.PageTooSlow) as stopped:
        pdf.render_all(work, site, workers=2)
    assert time.monotonic() - started < 30, "the renderer was waited for instead of stopped"
    assert str(stopped.value).startswith("docs/positions/slow.md: страница не превратилась в PDF за 2 с")
    # HR's pages hold no SVG (checks/files.py) and no word over 300 letters (checks/text.py): what remains is a table.
    assert "широкой или длинной таблицы" in str(stopped.value) and "SVG" not in str(stopped.value)
    assert set(_children_of(os.getpid())) - before == set(), "a renderer process outlived the stopped call"
    assert (tmp_path / "quick.pdf").read_bytes().startswith(b"%PDF"), "the page within the limit was not made"
    assert not (tmp_path / "slow.pdf").exists()


def _children_of(parent: int) -> list[int]:
    """Processes whose parent is `parent`, zombies included (a killed child must also be reaped)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().split(")")[-1].split()[1]) == parent:
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _processes_with(marker: str) -> list[int]:
    """Live processes (not zombies) whose command line carries the marker."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                if (entry / "stat").read_text().split(")")[-1].split()[0] != "Z":
                    found.append(int(entry.name))
        except OSError:
            continue
    return found
