"""`python -m macros.commands.review --base origin/main`: the review report of the current branch, in Russian.

Writes Markdown to standard output (or --output), appends it to the CI job summary when
$GITHUB_STEP_SUMMARY is set, and writes review/index.html under --site-page for the site artifact.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import facts, output, sites
from .report import Report, review
from .sites import ReviewError


def make_report(project: Path, base: str) -> Report:
    """Build the base and the head and compare every position page's printed text."""
    commit = sites.base_commit(project, base)
    head = sites.git(project, "rev-parse", "HEAD").strip()
    changed = sites.changed_files(project, commit)
    with tempfile.TemporaryDirectory(prefix="jobdesc-review-") as temp, sites.checkout(project, commit) as folder:
        before = sites.build(folder, Path(temp) / "base", f"база {base}")
        base_side = facts.read_side(folder)
        after = sites.build(project, Path(temp) / "head", "текущая ветка")
        head_side = facts.read_side(project)
    return Report(base, commit, head, review(before.pages, after.pages, base_side, head_side, changed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.commands.review",
        description="Что изменится в печатных инструкциях по сравнению с базовой веткой (отчёт для согласующего).")
    parser.add_argument("--base", default="origin/main",
                        help="с чем сравнивать: ветка или коммит (по умолчанию origin/main)")
    parser.add_argument("--output", type=Path, help="записать отчёт (Markdown) в этот файл, а не на экран")
    parser.add_argument("--site-page", type=Path, metavar="DIR",
                        help="папка собранного сайта: отчёт запишется в DIR/review/index.html")
    args = parser.parse_args(argv)
    try:
        project = sites.repository(Path.cwd())
        report = make_report(project, args.base)
    except ReviewError as error:
        print(f"Отчёт не составлен: {error}", file=sys.stderr)
        return 1
    text = output.markdown(report)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write(text + "\n")
    if args.site_page:
        target = args.site_page / "review" / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output.page(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
