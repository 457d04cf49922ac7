"""Two builds of the same commit are byte for byte the same; dates come from the commit, not the clock."""

from __future__ import annotations

import datetime as dt
import os
import struct
import subprocess

import pytest

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


def stamped_day(site_dir) -> dt.date:
    """The build date MkDocs writes into the gzip header of sitemap.xml.gz (it keeps the day only)."""
    seconds = struct.unpack("<I", (site_dir / "sitemap.xml.gz").read_bytes()[4:8])[0]
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()


def test_the_build_is_dated_by_the_last_commit_not_by_the_clock(scratch, tmp_path, monkeypatch):
    """A repository whose last commit is years old: a build dated by the clock could never pass, whatever
    day the test runs on."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = dict(os.environ, GIT_AUTHOR_NAME="HR", GIT_AUTHOR_EMAIL="hr@example.local", GIT_COMMITTER_NAME="HR",
               GIT_COMMITTER_EMAIL="hr@example.local", GIT_COMMITTER_DATE="2020-01-15T12:00:00+00:00",
               GIT_AUTHOR_DATE="2020-01-15T12:00:00+00:00")
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Инструкции"]):
        subprocess.run(["git", *command], cwd=scratch, env=env, check=True, capture_output=True)
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert stamped_day(build.site) == dt.date(2020, 1, 15), f"the build is dated {stamped_day(build.site)}"


@pytest.mark.slow  # a scratch copy built
def test_a_copy_outside_git_is_dated_by_the_latest_approval(scratch, tmp_path, monkeypatch):
    """Without git history (an exported copy) the date comes from the content: the latest approval."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 0, build.output
    stamped = stamped_day(build.site)
    approvals = []
    for path in (scratch / "docs" / "positions").glob("[!_]*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("approved:"):
                approvals.append(dt.date.fromisoformat(line.split(":", 1)[1].strip()))
    assert stamped == max(approvals), f"the copy is dated {stamped}, the latest approval is {max(approvals)}"
