"""The benchmark runs at N = 100 and reports every metric. It reports; it does not judge times."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import CHROMIUM, ROOT, require_tool

sys.path.insert(0, str(ROOT / "tests" / "benchmark"))
from report import ROWS, with_derived  # noqa: E402

# The benchmark's own run at N = 100: minutes; .ci/run runs it (`pytest -m slow`).
pytestmark = pytest.mark.slow

SIZE = 100


@pytest.fixture(scope="module")
def benchmark_run(tmp_path_factory):
    require_tool(CHROMIUM, "the benchmark times search in Chromium")
    out = tmp_path_factory.mktemp("benchmark")
    run = subprocess.run(
        [sys.executable, "tests/benchmark/run.py", "--sizes", str(SIZE), "--repeat", "1",
         "--json", str(out / "results.json"), "--output", str(out / "benchmark.md")],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"the benchmark failed:\n{run.stdout}\n{run.stderr[-4000:]}"
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return run.stdout, data, (out / "benchmark.md").read_text(encoding="utf-8")


@pytest.mark.browser
def test_benchmark_reports_every_metric(benchmark_run):
    _, data, _ = benchmark_run
    result = with_derived(data["results"][str(SIZE)])
    assert result["positions"] == SIZE, f"asked for {SIZE} positions, measured {result['positions']}"
    for label, key, _, _ in ROWS:
        assert result.get(key) is not None, f"the benchmark does not report «{label}» ({key})"
        assert key == "forgiving" or result[key] > 0, f"«{label}» is {result[key]}: nothing was measured"
    assert result["forgiving_found"] == result["forgiving_total"], (
        f"misspelled, wrong-layout or Latin queries missed their position: {result['forgiving']}")
    assert result["pdf_files"] == SIZE, "every position has its PDF"
    assert result["rebuild_pdfs"] == 1, "changing one position regenerates exactly one PDF"


@pytest.mark.browser
def test_benchmark_prints_the_table_and_writes_the_docs_page(benchmark_run):
    stdout, data, page = benchmark_run
    for label, *_ in ROWS:
        assert f"| {label} |" in stdout, f"the printed table has no row «{label}»"
    assert page.startswith("---\ntitle: Производительность"), "the docs page has no title"
    assert f"N = {SIZE}" in page and str(data["machine"]["nproc"]) in page, "the page lacks the table or the machine"


def test_the_archive_benchmark_builds_three_editions_of_every_position(tmp_path):
    """`--editions`: the benchmark's company, given two more editions in git, builds with its archive;
    the warm build makes nothing anew and every edition and comparison has its page."""
    run = subprocess.run(
        [sys.executable, "tests/benchmark/run.py", "--sizes", "10", "--editions", "10", "--repeat", "1",
         "--no-browser", "--no-serve", "--no-pdf", "--json", str(tmp_path / "results.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"the archive benchmark failed:\n{run.stdout}\n{run.stderr[-4000:]}"
    result = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["results"]["10"]
    # Three editions of each position in force: two superseded ones and three comparisons, at least.
    assert result["editions_pages"] >= 5 * result["positions"], result
    assert result["editions_rerendered_warm"] == 0, "a warm build makes no page of the archive anew"
    assert 0 < result["editions_warm_s"] and 0 < result["editions_off_s"]
    assert "Архив редакций" in run.stdout and "Тёплая с архивом / без архива" in run.stdout
