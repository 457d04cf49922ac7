"""HR writes plain lists; the build numbers clauses and keeps cross-references pointing at their target."""

from __future__ import annotations

import pytest

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


LAST_DUTY = ("- Исполняет служебные задания руководителя отдела продаж, а по вопросам их ведения — директора по "
             "развитию и коммерческого директора.\n")


@pytest.mark.slow  # a scratch copy built
def test_labels_and_references_work_in_loose_and_mixed_lists(scratch, tmp_path):
    """A blank line between items makes a loose list (each item's text in a <p>): its labels must still
    name the clause, and references to them show its number, never the raw label or an empty link."""
    path = scratch / KAM
    text = path.read_text(encoding="utf-8")
    assert LAST_DUTY in text
    path.write_text(text.replace(LAST_DUTY, LAST_DUTY + "\n- {#loose} Пункт после пустой строки.\n\n"
                                 "- Второй пункт, ссылается на п. [](#loose) и на п. [](#consult).\n"), encoding="utf-8")
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.position("key-account-manager")
    loose = page.select_one("li#loose")
    assert loose is not None and loose["data-clause"] == "2.24", "the label of a loose item named no clause"
    assert "{#" not in page.select_one("article").get_text(), "a label was printed as text"
    refs = [a.get_text() for a in page.select("li[data-clause='2.25'] a.clause-ref")]
    assert refs == ["2.24", "2.7"], f"references in a loose list: {refs}"


def test_a_label_that_names_no_clause_stops_the_build(scratch, tmp_path):
    path = scratch / KAM
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(LAST_DUTY, LAST_DUTY.rstrip(".\n") + ":\n    - {#urgent} срочные.\n"
                                 "- Выполняет срочные поручения (п. [](#urgent)).\n"), encoding="utf-8")
    build = run_mkdocs_build(scratch, tmp_path / "site")
    lines = path.read_text(encoding="utf-8").splitlines()
    label_line = next(i for i, line in enumerate(lines, 1) if "{#urgent}" in line)
    assert build.returncode == 1, build.output
    for part in (f"{KAM}:{label_line}", "метка «{#urgent}» стоит не у пункта раздела",
                 f"{KAM}:{label_line + 1}", "ссылка [](#urgent) ведёт на метку, которая не стала пунктом"):
        assert part in build.output, f"the message lacks «{part}»:\n{build.output}"
