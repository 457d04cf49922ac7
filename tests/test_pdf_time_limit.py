"""Every page gets a bounded time to become a PDF (issue 23, item 9).

A page WeasyPrint cannot lay out in time (a word of tens of thousands of letters, an SVG of nested
<use>) must stop the build with a message naming the page's file and the fix — not keep a renderer
busy for hours. The limit is the module constant pdf.PAGE_TIME_LIMIT; the build below runs the real
MkDocs CLI in a process that first lowers it below what any real position takes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

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
