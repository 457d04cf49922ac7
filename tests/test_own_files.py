"""Only the repository's own files (checks/files.py) in setups other than the usual one; the hostile-input
corpus covers symlinks in the usual one.

- A checkout reached through a linked folder: a home directory moved to another disk, a CI runner's
  workspace link. The build names the configuration by that path (`mkdocs build -f /link/mkdocs.yml`),
  while the project's own folder is known by its real path.
- A site without theme overrides (no `custom_dir` in mkdocs.yml).

In both a symlink must still be found, named by its path and refused without a traceback."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import run_mkdocs_build


def build_through_link(project, tmp_path):
    linked = tmp_path / "linked-checkout"
    linked.symlink_to(project, target_is_directory=True)
    return run_mkdocs_build(linked, tmp_path / "site", "-f", str(linked / "mkdocs.yml"))


def test_the_project_builds_through_a_linked_folder(scratch, tmp_path):
    build = build_through_link(scratch, tmp_path)
    assert build.returncode == 0, build.output
    assert (tmp_path / "site" / "positions" / "recruiter" / "index.html").is_file()


def test_a_symlink_is_named_and_refused_through_a_linked_folder(scratch, tmp_path):
    os.symlink("/etc/passwd", scratch / "docs" / "passwd.txt")
    build = build_through_link(scratch, tmp_path)
    assert build.returncode == 1, build.output
    named = [line for line in build.output.splitlines() if "docs/passwd.txt: символическая ссылка" in line]
    assert named and "(указывает на /etc/passwd)" in named[0], f"the link is not named:\n{build.output}"
    assert "Traceback" not in build.output, f"HR sees a traceback:\n{build.output}"
    assert not (tmp_path / "site").exists(), "a refused build wrote a site"


def test_a_symlink_is_refused_in_a_site_without_theme_overrides(scratch, tmp_path):
    config = scratch / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  custom_dir: overrides\n" in text
    config.write_text(text.replace("  custom_dir: overrides\n", ""), encoding="utf-8")
    os.symlink("/etc/passwd", scratch / "docs" / "passwd.txt")
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 1, build.output
    assert "docs/passwd.txt: символическая ссылка (указывает на /etc/passwd)" in build.output, build.output
    assert "Traceback" not in build.output, f"HR sees a traceback:\n{build.output}"


@pytest.mark.slow  # a scratch repository built twice
def test_a_committed_build_cache_is_refused(scratch, tmp_path):
    """A pull request could commit a crafted `.cache/` file under a key anyone can compute: the build would
    publish it as finished work. A tracked file there stops the build, named, with the fix."""
    def git(*args):
        subprocess.run(["git", *args], cwd=scratch, check=True, capture_output=True,
                       env=dict(os.environ, GIT_AUTHOR_NAME="x", GIT_AUTHOR_EMAIL="x@x", GIT_COMMITTER_NAME="x",
                                GIT_COMMITTER_EMAIL="x@x"))
    planted = scratch / ".cache" / "pages" / "sanitised" / "0000.json"
    planted.parent.mkdir(parents=True)
    planted.write_text('{"value": {"list": ["<script>alert(1)</script>", true]}}', encoding="utf-8")
    git("init", "-q")
    git("add", "-A")
    git("add", "-f", ".cache")
    git("commit", "-qm", "x")
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 1, build.output
    assert ".cache/pages/sanitised/0000.json: файл кэша сборки в репозитории" in build.output, build.output
    assert "git rm -r --cached .cache" in build.output
    assert "Traceback" not in build.output
    git("rm", "-r", "-q", "--cached", ".cache")
    git("commit", "-qm", "y")
    assert run_mkdocs_build(scratch, tmp_path / "site2").returncode == 0, "the fix it names works"
