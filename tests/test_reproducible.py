"""Two builds of the same commit are byte for byte the same; dates come from the commit, not the clock."""

from __future__ import annotations

import datetime as dt
import os
import struct
import subprocess

from conftest import ROOT, run_mkdocs_build


def site_files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_commit_are_identical(site, tmp_path):
    """Pages, sitemap, search index, assets and PDFs (when the build makes them)."""
    again = run_mkdocs_build(ROOT, tmp_path / "again")
    assert again.returncode == 0, again.output
    first, second = site_files(site.site), site_files(again.site)
    assert sorted(first) == sorted(second), (
        f"the two builds have different files: only in the first {sorted(set(first) - set(second))}, "
        f"only in the second {sorted(set(second) - set(first))}")
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"these files differ between two builds of the same commit: {differing}"
    assert any(name.endswith(".html") for name in first) and "search/search_index.json" in first


def test_the_sitemap_is_dated_by_the_last_commit_not_by_the_clock(site):
    """sitemap.xml.gz carries a date in its gzip header: it must be the commit's day."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        epoch = int(os.environ["SOURCE_DATE_EPOCH"])
    else:
        epoch = int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                                   text=True, check=True).stdout)
    day = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date()
    header = (site.site / "sitemap.xml.gz").read_bytes()[:8]
    stamped = dt.datetime.fromtimestamp(struct.unpack("<I", header[4:8])[0], dt.timezone.utc).date()
    assert stamped == day, f"the sitemap is dated {stamped}, the last commit is of {day}"


def test_a_copy_outside_git_is_dated_by_the_latest_approval(scratch, tmp_path, monkeypatch):
    """Without git history (an exported copy) the date comes from the content: the latest approval."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 0, build.output
    header = (build.site / "sitemap.xml.gz").read_bytes()[:8]
    stamped = dt.datetime.fromtimestamp(struct.unpack("<I", header[4:8])[0], dt.timezone.utc).date()
    approvals = []
    for path in (scratch / "docs" / "positions").glob("[!_]*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("approved:"):
                approvals.append(dt.date.fromisoformat(line.split(":", 1)[1].strip()))
    assert stamped == max(approvals), f"the copy is dated {stamped}, the latest approval is {max(approvals)}"
