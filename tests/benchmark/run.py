#!/usr/bin/env python3
"""Benchmark: the site with N generated positions against plain Material on the same number of pages.

    python3 tests/benchmark/run.py --sizes 10,100,300,1000 [--output docs/benchmark.md] [--json out.json]

Each size is built in its own temporary folder (removed afterwards). Times are wall-clock seconds
of a real `mkdocs build --strict`, including Python's start-up, and its CPU time. Not part of the
test run: it reports, it does not assert (see tests/test_benchmark_smoke.py for the CI smoke run).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import shutil
from pathlib import Path

import browser_search
import company
import editions
import measure
import plain
import preview
import report

CHANGE = "\n- Выполняет разовые поручения руководителя, связанные с проверкой скорости сборки.\n"


def run_size(size: int, scratch: Path, options: argparse.Namespace, log) -> dict:
    pristine = measure.copy_project(scratch / "pristine")
    generated = company.generate(pristine / "docs" / "positions", size)
    departments = company.departments(pristine / "docs" / "positions")
    slugs = list(departments)
    result = {"positions": len(slugs)}
    result.update(compare_builds(size, scratch, pristine, departments, options, log))
    project = scratch / f"project-{options.repeat - 1}"
    site, positions_dir = project / "site", project / "docs" / "positions"
    result.update(measure.page_sizes(site, slugs))
    result.update(measure.page_sizes(site, [s for s in slugs if s.startswith(company.LARGE_PREFIX)], "page_large"))
    result.update(measure.search_index_sizes(site, slugs))

    if not options.no_browser:
        log(f"[{size}] search in Chromium")
        result.update(browser_search.search_timings(site))

    if not options.no_pdf:
        log(f"[{size}] build with every PDF (empty PDF cache)")
        with_pdfs = measure.mkdocs_build(project, site, pdf=True)
        result["build_pdf_s"] = with_pdfs.seconds
        result.update(measure.pdf_report(with_pdfs, site))
        if result.get("pdf_seconds") is not None and result.get("pdf_files"):
            result["pdf_each_s"] = result["pdf_seconds"] / result["pdf_files"]

    if str(size) in options.editions.split(","):  # the archive: three editions per position, cold and warm
        result.update(editions.measure(pristine, scratch, log))

    log(f"[{size}] rebuild after changing one position")
    changed = positions_dir / f"{(generated or slugs)[0]}.md"
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original.replace("\n\n## Права", CHANGE + "\n## Права", 1), encoding="utf-8")
    rebuild = measure.mkdocs_build(project, site, pdf=not options.no_pdf)
    result["rebuild_s"] = rebuild.seconds
    result["rebuild_pdfs"] = measure.regenerated(rebuild)
    changed.write_text(original, encoding="utf-8")

    if not options.no_serve:
        log(f"[{size}] preview: an edit seen through mkdocs serve")
        result.update(preview.preview_timings(project, (generated or slugs)[0]))
    return result


def compare_builds(size: int, scratch: Path, pristine: Path, departments: dict, options, log) -> dict:
    """Our build, plain Material as a competent user sets it up (`fair`) and in one section (`flat`),
    taking turns `repeat` times each; the fastest of each counts. On a shared machine the speed
    drifts by tens of percent within minutes: builds run one after the other would compare two
    different machines."""
    log(f"[{size}] our build, plain Material by departments, plain Material in one section, {options.repeat}x in turns")
    times: dict[str, list] = {"build": [], "warm": [], "plain": [], "flat": []}
    baselines = {}
    for attempt in range(options.repeat):  # each in a fresh copy: no cache from an earlier build helps
        project = shutil.copytree(pristine, scratch / f"project-{attempt}")
        times["build"].append(measure.mkdocs_build(project, project / "site"))
        # The publishing runner keeps `.cache/` between builds (.github/workflows/site.yml): the next build
        # after a merge has the previous one's cache, with one position changed.
        times["warm"].append(_build_after_one_change(project, departments))
        if not baselines:  # plain Material's pages hold the text of our built pages
            baselines = {"plain": plain.project(scratch / "plain", project / "site", departments, fair=True),
                         "flat": plain.project(scratch / "flat", project / "site", departments, fair=False)}
        for name, baseline in baselines.items():
            times[name].append(measure.mkdocs_build(baseline, baseline / "site"))
    result = {"repeat": options.repeat}
    for name, builds in times.items():
        result[f"{name}_s"] = min(b.seconds for b in builds)
        result[f"{name}_cpu_s"] = min(b.cpu_seconds for b in builds)
    for name in ("plain", "flat"):
        prefix = "" if name == "plain" else "flat_"
        result[f"{prefix}ratio"] = result["build_s"] / result[f"{name}_s"]
        result[f"{prefix}cpu_ratio"] = result["build_cpu_s"] / result[f"{name}_cpu_s"]
    result["warm_ratio"] = result["warm_s"] / result["plain_s"]
    result["warm_cpu_ratio"] = result["warm_cpu_s"] / result["plain_cpu_s"]
    return result


def _build_after_one_change(project: Path, departments: dict) -> measure.Build:
    """A build of `project` (built once already, so its `.cache/` is warm) after one position's text changed;
    the text is put back afterwards."""
    changed = project / "docs" / "positions" / f"{sorted(departments)[-1]}.md"
    original = changed.read_text(encoding="utf-8")
    if "\n\n## Права" not in original:
        raise RuntimeError(f"{changed}: no «## Права» section to add a duty before")
    changed.write_text(original.replace("\n\n## Права", CHANGE + "\n## Права", 1), encoding="utf-8")
    try:
        return measure.mkdocs_build(project, project / "site")
    finally:
        changed.write_text(original, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,300,1000", help="numbers of positions, comma-separated")
    parser.add_argument("--output", type=Path, help="also write the table as a Markdown page (docs/benchmark.md)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers as JSON")
    parser.add_argument("--repeat", type=int, default=3,
                        help="builds of each kind, taken in turns; the fastest counts (default 3)")
    parser.add_argument("--no-browser", action="store_true", help="skip the search timing in Chromium")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF measurements")
    parser.add_argument("--no-serve", action="store_true", help="skip the preview latency of mkdocs serve")
    parser.add_argument("--editions", default="", metavar="SIZES",
                        help="also measure the archive of editions (3 editions per position, cold and warm) "
                             "at these sizes, comma-separated (it prints every edition: minutes per 100 positions)")
    options = parser.parse_args(argv)
    sizes = [int(s) for s in options.sizes.split(",") if s.strip()]
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    results = {}
    for size in sizes:
        scratch = Path(tempfile.mkdtemp(prefix=f"jobdesc-bench-{size}-"))
        try:
            results[size] = run_size(size, scratch, options, log)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    table = report.table(results)
    more = "".join(f"\n**Архив редакций**, {size} должностей по 3 редакции:\n\n{editions.table(result)}\n"
                   for size, result in results.items() if "editions_warm_s" in result)
    print(table + more)
    if options.output:
        options.output.write_text(report.page(table, options.repeat, more), encoding="utf-8")
    if options.json:
        options.json.write_text(json.dumps({"machine": report.machine(), "results": results},
                                        ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
