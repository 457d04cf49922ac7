"""Section 1 of an instruction is written from the position's front matter by the shared wording
(macros/templates/general_provisions.md with the filters of render/text_filters.py): whom the holder
reports to, in the grammar of a Russian document. These are sentences an employee reads and signs,
so they are checked word for word, with one, two and three further supervisors and with a title
that begins with an abbreviation."""

from __future__ import annotations

from conftest import run_mkdocs_build
from edits import HR_HEAD, KAM, RECRUITER, replace


def clause(build, slug: str, number: str) -> str:
    item = build.position(slug).select_one(f"li[data-clause='{number}']")
    return " ".join(item.get_text(" ", strip=True).split())


def test_the_supervisors_are_named_as_a_document_names_them(site):
    assert clause(site, "key-account-manager", "1.3") == (
        "1.3. Непосредственный руководитель менеджера по работе с ключевыми клиентами — руководитель отдела "
        "продаж; по вопросам, отнесённым к их ведению, менеджер по работе с ключевыми клиентами подчиняется "
        "также директору по развитию и коммерческому директору.")
    assert clause(site, "recruiter", "1.3") == (
        "1.3. Непосредственный руководитель менеджера по подбору персонала — руководитель отдела персонала.")


def test_one_or_three_further_supervisors_and_an_abbreviated_title(scratch, tmp_path):
    replace(KAM, "reports_to_also: [development-director, commercial-director]",
            "reports_to_also: [development-director, commercial-director, hr-head]")(scratch)
    replace(RECRUITER, "reports_to: hr-head\n", "reports_to: hr-head\nreports_to_also: [sales-head]\n")(scratch)
    replace(HR_HEAD, "title: Руководитель отдела персонала", "title: HR-директор")(scratch)
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert clause(build, "key-account-manager", "1.3").endswith(
        "подчиняется также директору по развитию, коммерческому директору и руководителю отдела персонала.")
    # An abbreviation keeps its capitals mid-sentence; one further supervisor is «его», not «их».
    assert clause(build, "recruiter", "1.3") == (
        "1.3. Непосредственный руководитель менеджера по подбору персонала — HR-директор; по вопросам, "
        "отнесённым к его ведению, менеджер по подбору персонала подчиняется также руководителю отдела продаж.")
