"""Measurements of one built site: build times, page and index sizes, PDFs, search in Chromium."""

from __future__ import annotations

import gzip
import html
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Never copied into a scratch project: tests, VCS data, caches and earlier outputs (a warm PDF cache
# would make the "full build" a rebuild).
SKIPPED = {"tests", ".git", ".ci", "site", "bench-out", "__pycache__", ".pytest_cache", ".venv", ".cache"}
PDF_LINE = re.compile(r"PDF: (\d+) сделано заново(?:[^\n]*?([\d.]+) ?с\b)?")
TAGS = re.compile(r"<[^>]+>")


@dataclass
class Build:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system time of the build process: steadier on a shared machine
    output: str


def copy_project(target: Path) -> Path:
    """The project's files as git sees them (tracked and new, not ignored), without tests."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=ROOT, capture_output=True, text=True)
    names = [n for n in listed.stdout.split("\0") if n] if listed.returncode == 0 else []
    if not names:  # not a git checkout: the parts a build needs
        names = [str(p.relative_to(ROOT)) for part in ("docs", "macros", "overrides", "mkdocs.yml")
                 for p in ([ROOT / part] if (ROOT / part).is_file() else (ROOT / part).rglob("*"))]
    for name in names:
        source = ROOT / name
        if name.split("/")[0] in SKIPPED or "__pycache__" in name or not source.is_file():
            continue
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name)
    return target


def mkdocs_build(project: Path, site: Path, pdf: bool = False) -> Build:
    """One real `mkdocs build --strict`; PDFs and .docx only when asked (plain Material makes none)."""
    # The archive of editions is measured on its own (run.py --editions, editions.py); Word files go
    # with the PDFs (plain Material makes neither).
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JOBDESC_PDF="1" if pdf else "0", JOBDESC_DOCX="1" if pdf else "0",
               JOBDESC_ARCHIVE="0")
    started, cpu_before = time.perf_counter(), _children_cpu()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True, env=env)
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{output[-4000:]}")
    return Build(seconds, cpu, output)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def page_sizes(site: Path, slugs: list[str], prefix: str = "page") -> dict:
    sizes = [(site / "positions" / slug / "index.html").stat().st_size for slug in slugs]
    if not sizes:
        return {}
    return {f"{prefix}_median_kb": statistics.median(sizes) / 1024, f"{prefix}_max_kb": max(sizes) / 1024}


def article_text_bytes(page: Path) -> int:
    """UTF-8 bytes of the text a reader sees in the page's article (tags stripped, spaces collapsed)."""
    source = page.read_text(encoding="utf-8")
    start, end = source.find("<article"), source.rfind("</article>")
    text = html.unescape(TAGS.sub(" ", source[start:end]))
    return len(" ".join(text.split()).encode("utf-8"))


def search_index_sizes(site: Path, slugs: list[str]) -> dict:
    """The whole search index (every file under search/) against the text of the position pages;
    what a page downloads on opening and on a first query is measured in the browser."""
    text = sum(article_text_bytes(site / "positions" / slug / "index.html") for slug in slugs)
    result = {"text_mb": text / 2**20}
    files = [path for path in (site / "search").rglob("*") if path.is_file()]
    if files:
        raw = sum(path.stat().st_size for path in files)
        packed = sum(len(gzip.compress(path.read_bytes(), 6)) for path in files)
        result.update(index_mb=raw / 2**20, index_gz_mb=packed / 2**20, index_ratio=raw / text,
                      index_files=len(files))
    return result


def pdf_report(build: Build, site: Path) -> dict:
    """PDF count and time as the print step reports them ("PDF: N сделано заново … (S с)"), or nothing."""
    match = PDF_LINE.search(build.output)
    files = list(site.rglob("*.pdf"))
    if not match and not files:
        return {}
    report = {"pdf_files": len(files), "pdf_regenerated": int(match.group(1)) if match else None}
    if match and match.group(2):
        report["pdf_seconds"] = float(match.group(2))
    return report


def regenerated(build: Build) -> int | None:
    match = PDF_LINE.search(build.output)
    return int(match.group(1)) if match else None
