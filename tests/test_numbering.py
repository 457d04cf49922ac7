"""HR writes plain lists; the build numbers clauses and keeps cross-references pointing at their target."""

from __future__ import annotations

from conftest import run_mkdocs_build

KAM = "docs/positions/key-account-manager.md"


def test_inserting_a_duty_renumbers_the_following_clauses_and_references(scratch, tmp_path):
    path = scratch / KAM
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # Insert a new duty before the third one.
    duties = [i for i, line in enumerate(lines) if line.startswith("- ")]
    first_duty = next(i for i in duties if i > next(j for j, l in enumerate(lines) if "## Должностные" in l))
    lines.insert(first_duty + 2, "- Ведёт учёт новых обязанностей.\n")
    path.write_text("".join(lines), encoding="utf-8")

    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.position("key-account-manager")
    assert page.select_one("li[data-clause='2.3']").get_text(" ", strip=True).endswith("Ведёт учёт новых обязанностей.")
    assert page.select_one("li[data-clause='2.24']") is not None, "the last duty is now 2.24"
    consult = page.select_one("li#consult")
    assert consult["data-clause"] == "2.8", "the labelled clause moved from 2.7 to 2.8"
    reference = page.select_one("li[data-clause='2.9'] a.clause-ref")
    assert reference.get_text() == "2.8" and reference["href"] == "#consult"


def test_clause_numbers_are_text_on_the_page(site):
    item = site.position("key-account-manager").select_one("li[data-clause='2.10']")
    assert item.get_text(" ", strip=True).startswith("2.10.")


def test_pages_that_are_not_instructions_are_not_numbered(site):
    assert not site.page("procedure/").select("[data-clause]")
