"""Facts of section 1 read from the sentences companies write, as the Word import reads them (in-process).

The supervisor, who appoints and proposes, category, education and experience: each sentence below is
one clause of «Общие положения», and the field it must give. Positions are named in any case form.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from macros.commands.word_import.provisions import general_provisions
from macros.commands.word_import.reading import Line
from macros.commands.word_import.structure import Clause
from macros.model.loading import load_staff

SENTENCES = [
    ("Специалист по кадрам подчиняется руководителю отдела персонала.", {"reports_to": "hr-head"}),
    ("Подчиняется непосредственно Руководителю отдела персонала.", {"reports_to": "hr-head"}),
    ("Непосредственный руководитель — руководитель отдела продаж.", {"reports_to": "sales-head"}),
    ("Находится в непосредственном подчинении коммерческого директора.", {"reports_to": "commercial-director"}),
    ("Подотчётен директору по развитию.", {"reports_to": "development-director"}),
    ("На должность назначается лицо, имеющее высшее образование и стаж работы не менее 1 года.",
     {"education": "высшее", "experience": "не менее 1 года"}),
    ("Образование: среднее профессиональное", {"education": "среднее профессиональное"}),
    ("Стаж работы: не менее 2 лет", {"experience": "не менее 2 лет"}),
    ("Лицо, имеющее высшее образование, без предъявления требований к стажу работы.",
     {"education": "высшее", "experience": None}),
    ("Назначение на должность и освобождение от неё производится приказом генерального директора.",
     {"appointed_by": "general-director"}),
    ("Принимается на работу и увольняется приказом генерального директора по представлению руководителя "
     "отдела персонала.", {"appointed_by": "general-director", "proposed_by": "hr-head"}),
    ("Экономист относится к категории «Специалисты».", {"category": "специалисты"}),
    ("Категория должности: руководители", {"category": "руководители"}),
]


@pytest.fixture(scope="module")
def staff():
    return load_staff(Path(ROOT / "docs"))[0]


@pytest.mark.parametrize("sentence, expected", SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_a_usual_sentence_of_section_1_gives_its_field(staff, sentence, expected):
    found = general_provisions([Clause(sentence, Line(1, sentence), "1.1")], staff)
    assert found.replaced, f"«{sentence}» was not recognised"
    for field, value in expected.items():
        assert found.fields.get(field) == value, f"«{sentence}»: {field} is {found.fields.get(field)!r}"


def test_a_position_the_site_does_not_have_stays_as_written(staff):
    sentence = "Подчиняется начальнику транспортного цеха."
    found = general_provisions([Clause(sentence, Line(1, sentence), "1.1")], staff)
    assert not found.replaced and found.kept and "reports_to" not in found.fields
