"""A pull request cannot seed the published site's build cache (issue 23, item 10).

The cache holds finished pages, PDFs and editions that a build copies without re-making them. Pull
requests' caches are kept apart from main's on GitHub, but not on every Gitea/Forgejo set-up, and a pull
request may edit the workflow and save under any key. So the publish job reads no actions/cache at all:
its cache is a folder of the intranet runner; the check job restores only its own pull request's keys.
"""

from __future__ import annotations

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def _jobs() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]


def _cache_steps(job: dict) -> list[dict]:
    return [step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/cache")]


def test_the_publish_job_reads_no_cache_a_pull_request_could_write():
    publish = _jobs()["publish"]
    assert publish["runs-on"] == ["self-hosted", "intranet"]
    assert _cache_steps(publish) == [], "the publish job restores an actions/cache that a pull request may write"
    runs = "\n".join(str(step.get("run", "")) for step in publish["steps"])
    assert 'ln -s "$cache" .cache' in runs and "$HOME/.cache/job-descriptions-publish" in runs, \
        "the publish job keeps its cache in a folder of its own runner"
    assert runs.index("ln -s") < runs.index("mkdocs build"), "the cache folder is linked before the build"


def test_the_check_job_restores_only_its_own_pull_requests_cache():
    (cache,) = _cache_steps(_jobs()["check"])
    own = "jobdesc-check-${{ github.event.pull_request.number || github.ref_name }}-"
    assert cache["with"]["key"] == own + "${{ github.run_id }}"
    assert cache["with"]["restore-keys"] == own, "a pull request restores another pull request's cache"
