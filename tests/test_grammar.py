"""The general provisions read as correct Russian for every combination of optional fields (issue 13, item 5).

Section 1 of every instruction is assembled from the front matter by macros/templates/
general_provisions.md. Its sentences change with the optional fields: who appoints and on whose
proposal (or a body such as the general meeting), the supervisor and others the position also
reports to, the stand-in, the required experience, extra governing documents. A scratch site gets
one position per combination — 128 of them — built once; every clause of section 1 is checked. A plain test run
builds a pairwise few (every value of each field beside every value of each other), `-m slow` all of them.
"""

from __future__ import annotations

import itertools
import json
import re

import pytest

from conftest import copy_project, run_mkdocs_build

APPOINTMENT = {"none": {}, "appointer": {"appointed_by": "general-director"},
               "proposed": {"appointed_by": "general-director", "proposed_by": "hr-head"},
               "body": {"appointment_note": "решением общего собрания участников"}}
SUPERVISION = {"top": {}, "one": {"reports_to": "commercial-director"},
               "also one": {"reports_to": "commercial-director", "reports_to_also": ["development-director"]},
               "also two": {"reports_to": "commercial-director",
                            "reports_to_also": ["development-director", "hr-head"]}}
COMBINATIONS = list(itertools.product([True, False], APPOINTMENT, SUPERVISION, [True, False], [True, False]))


def pairwise(combinations: list[tuple]) -> set[tuple]:
    """Few combinations that still put every value of each field next to every value of each other field."""
    def pairs(combination):
        return {(i, a, j, b) for i, a in enumerate(combination) for j, b in enumerate(combination) if i < j}
    left, chosen = set().union(*map(pairs, combinations)), set()
    while left:
        best = max(combinations, key=lambda c: len(pairs(c) & left))
        chosen.add(best)
        left -= pairs(best)
    return chosen


# Every test run checks the pairwise few (one build of ~20 positions); `-m slow` every combination (128 positions).
QUICK = pairwise(COMBINATIONS)
BODY = """
{{ approval_stamp() }}

## Общие положения

{{ general_provisions() }}

## Должностные обязанности

- Выполняет поручения руководителя.

## Права

{{ common_rights() }}

## Ответственность

{{ standard_liability() }}

{{ signatures() }}

{{ acknowledgement_sheet() }}
"""


def front_matter(number: int, experience: bool, appointment: str, supervision: str, stand_in: bool,
                 documents: bool) -> dict:
    data = {"title": f"Специалист проверки {number}", "genitive": f"специалиста проверки {number}",
            "dative": f"специалисту проверки {number}", "department": "Отдел проверки", "category": "специалисты",
            "education": "высшее", "version": "1.0", "approved": "2026-03-02",
            "approval": {"number": "30-ОД"}, "tags": ["Отдел проверки", "специалисты"],
            **APPOINTMENT[appointment], **SUPERVISION[supervision]}
    if experience:
        data["experience"] = "в аналогичной должности не менее 1 года"
    if stand_in:
        data["stand_in"] = "sales-head"
    if documents:
        data["governing_documents"] = ["положением об отделе проверки", "регламентом проверок"]
    return data


def build_with(tmp_path_factory, chosen) -> object:
    project = copy_project(tmp_path_factory.mktemp("grammar") / "project")
    for number, combination in enumerate(COMBINATIONS, 1):
        if combination not in chosen:
            continue
        fields = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}"
                           for key, value in front_matter(number, *combination).items())
        (project / "docs" / "positions" / f"check-{number}.md").write_text(
            f"---\n{fields.replace(chr(34) + '2026-03-02' + chr(34), '2026-03-02')}\n---\n{BODY}", encoding="utf-8")
    build = run_mkdocs_build(project, project.parent / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def few(tmp_path_factory):
    return build_with(tmp_path_factory, QUICK)


@pytest.fixture(scope="module")
def every(tmp_path_factory):
    return build_with(tmp_path_factory, set(COMBINATIONS))


def provisions(build, number: int) -> list[str]:
    page = build.position(f"check-{number}")
    return [" ".join(item.get_text(" ").split()) for item in page.select('li[data-clause^="1."]')]


@pytest.mark.parametrize("number,combination", [
    pytest.param(number, combination, marks=() if combination in QUICK else pytest.mark.slow,
                 id=f"{number}-" + "-".join(map(str, combination)))
    for number, combination in enumerate(COMBINATIONS, 1)])
def test_general_provisions_are_grammatical(request, number, combination):
    combinations = request.getfixturevalue("few" if combination in QUICK else "every")
    experience, appointment, supervision, stand_in, documents = combination
    clauses = provisions(combinations, number)
    text = " ".join(clauses)
    assert clauses and all(re.match(r"^1\.\d+\. [А-ЯЁ]", clause) for clause in clauses), clauses
    assert all(clause.rstrip().endswith((".", ":")) or "руководствуется" in clause for clause in clauses), clauses
    for wrong in ("  ", " ,", " .", ",.", "..", ";.", " и и ", "требуются высшее образование;",
                  "требуется высшее образование и"):
        assert wrong not in text, f"«{wrong}» in: {text}"
    education = next(clause for clause in clauses if "образование" in clause)
    if experience:
        assert "требуются высшее образование и стаж работы в аналогичной должности не менее 1 года." in education
    else:
        assert "требуется высшее образование; требования к стажу работы не предъявляются." in education
    reporting = next((clause for clause in clauses if "Непосредственный руководитель" in clause), "")
    if supervision == "top":
        assert not reporting
    elif supervision == "also one":
        assert reporting.endswith("по вопросам, отнесённым к его ведению, специалист проверки "
                                  f"{number} подчиняется также директору по развитию.")
    elif supervision == "also two":
        assert reporting.endswith("к их ведению, специалист проверки "
                                  f"{number} подчиняется также директору по развитию и руководителю отдела персонала.")
    appointed = next((clause for clause in clauses if clause.split(". ", 1)[1].startswith("Приём на должность")), "")
    assert bool(appointed) == (appointment != "none")
    if appointment == "proposed":
        assert appointed.endswith("приказом генерального директора, изданным по представлению руководителя "
                                  "отдела персонала.")
    absence = next(clause for clause in clauses if "На период отсутствия" in clause)
    # Covering for an absent colleague is offered, never imposed: written consent and extra pay (ТК РФ ст. 60.2, 72.2, 151).
    assert ("поручено руководителю отдела продаж только" if stand_in else "поручено другому работнику только") in absence
    assert "с письменного согласия этого работника" in absence and "с доплатой" in absence
    assert "объявляется приказом" not in absence
    governed = " ".join(clauses[-1:])
    assert ("регламентом проверок" in text) == documents and governed.endswith("настоящей должностной инструкцией.")
