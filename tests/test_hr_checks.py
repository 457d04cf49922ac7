"""HR's mistakes stop the build with a message that says where and how to fix it, and the last
good site stays as it was.

Each bad input below is refused in-process by the prepare stage (the build's own checks and page
conversion) with the same message. It is also built from a fresh copy of the project into the SAME
folder that holds a previously built good site, and after the failed build that site must be byte for
byte unchanged: in every run for one mistake of each kind, for all of them in the slow run.
"""

from __future__ import annotations

import re

import pytest

from conftest import run_mkdocs_build
from edits import (HR_HEAD, KAM, RECRUITER, BadInput, copy, end_to_end, front_matter_only, good_site, in_process,
                   line_of, recruiter_text, refused_build, refused_by_prepare, replace, write)


BAD_INPUTS = [
    BadInput("unknown field", replace(RECRUITER, "reports_to: hr-head", "reprots_to: hr-head"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'reports_to:')}", "reprots_to", "такого поля нет",
              "возможно, имелось в виду reports_to"]),
    BadInput("missing required field", replace(RECRUITER, "genitive: менеджера по подбору персонала\n", ""),
             [RECRUITER, "поле «genitive»", "обязательное поле не заполнено", "genitive: менеджера"]),
    BadInput("number instead of text", replace(RECRUITER, 'version: "1.1"', "version: 1.1"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'version:')}", "поле «version»", "возьмите значение в кавычки"]),
    BadInput("category not in the list", replace(RECRUITER, "category: специалисты", "category: специалист"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'category:')}", "поле «category»", "«специалист» не из списка",
              "руководители, специалисты, служащие, рабочие"]),
    BadInput("date written the Russian way", replace(RECRUITER, "approved: 2026-12-04", "approved: 04.12.2026"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'approved:')}", "поле «approved»", "ожидается дата",
              "approved: 2026-02-02 (год-месяц-день)"]),
    BadInput("a date that does not exist", replace(RECRUITER, "approved: 2026-12-04", "approved: 2026-02-30"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'approved:')}", "такой даты не бывает"]),
    BadInput("a picture addressed from the site's root", replace(RECRUITER, "{{ signatures() }}", "![Схема](/images/plan.png)\n\n{{ signatures() }}"),
             [f"{RECRUITER}:70", "адрес «/images/plan.png» начинается с «/»", "../images/plan.png"]),
    BadInput("a link addressed from the site's root", replace(RECRUITER, "{{ signatures() }}", "См. [процедуру](/procedure/).\n\n{{ signatures() }}"),
             [f"{RECRUITER}:70", "адрес «/procedure/» начинается с «/»", "именем её файла .md"]),
    BadInput("supervisor that does not exist", replace(RECRUITER, "reports_to: hr-head", "reports_to: hr-hed"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'reports_to:')}", "поле «reports_to»", "должности «hr-hed» нет",
              "возможно, имелось в виду hr-head"]),
    BadInput("stand-in that does not exist", replace(RECRUITER, "stand_in: null", "stand_in: recruter"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'stand_in:')}", "поле «stand_in»", "«recruter»",
              "возможно, имелось в виду recruiter"]),
    BadInput("appointed by a position that does not exist",
             replace(RECRUITER, "appointed_by: general-director", "appointed_by: ceo"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'appointed_by:')}", "поле «appointed_by»", "«ceo» нет"]),
    BadInput("also reports to a position that does not exist",
             replace(KAM, "reports_to_also: [development-director, commercial-director]",
                     "reports_to_also: [development-director, comercial-director]"),
             [f"{KAM}:{line_of(KAM, 'reports_to_also:')}", "поле «reports_to_also»", "«comercial-director»",
              "commercial-director"]),
    BadInput("reporting cycle", replace(HR_HEAD, "reports_to: general-director", "reports_to: recruiter"),
             ["подчинение замкнуто в круг", "hr-head → recruiter → hr-head", "поле «reports_to»"]),
    BadInput("duplicate title", copy(RECRUITER, "docs/positions/recruiter-copy.md"),
             ["docs/positions/recruiter-copy.md", "docs/positions/recruiter.md:2", "поле «title»", "уже описана"]),
    BadInput("same page twice, differing by case", copy(RECRUITER, "docs/positions/Recruiter.md"),
             ["docs/positions/Recruiter.md", "одну и ту же страницу /positions/recruiter/",
              "латинских строчных букв"]),
    BadInput("reference to an unknown label", replace(RECRUITER, "\n## Права\n", "\n- См. п. [](#interviews).\n\n## Права\n"),
             [f"{RECRUITER}:", "[](#interviews) ведёт на несуществующую метку", "{#interviews}"]),
    BadInput("label used twice", replace(KAM, "- Выполняет работу по мерчендайзингу.",
                                         "- {#consult} Выполняет работу по мерчендайзингу."),
             [f"{KAM}:{line_of(KAM, 'Выполняет работу по мерчендайзингу.')}", "{#consult}",
              f"уже стоит у пункта в строке {line_of(KAM, '{#consult}')}"]),
    BadInput("no duties", write(RECRUITER, re.sub(r"(## Должностные обязанности\n).*?(?=\n## )", r"\1\nТекст.\n",
                                                  recruiter_text(), flags=re.S)),
             [f"{RECRUITER}:{line_of(RECRUITER, '## Должностные обязанности')}", "нет ни одной обязанности"]),
    BadInput("nothing below the front matter", front_matter_only(RECRUITER),
             [f"{RECRUITER}:{line_of(RECRUITER, 'tags:') + 2}", "нет текста инструкции", "macros.new_position"]),
    BadInput("broken YAML", replace(RECRUITER, "title: Менеджер по подбору персонала",
                                    "title: Менеджер: по подбору персонала"),
             [f"{RECRUITER}:2", "не читаются как YAML", "двоеточие внутри значения", "в кавычки"]),
    BadInput("front matter is a list", write(RECRUITER, "---\n- title: Рекрутер\n- department: Отдел\n---\n\nТекст\n"),
             [f"{RECRUITER}:2", "списком полей «имя: значение»", "а здесь список"]),
    BadInput("file in Windows-1251", write(RECRUITER, recruiter_text().encode("cp1251")),
             [f"{RECRUITER}:2", "не в кодировке UTF-8", "Windows-1251 (cp1251)", "iconv -f cp1251 -t utf-8"]),
    BadInput("field written twice", replace(RECRUITER, "department: Отдел персонала",
                                            "department: Отдел персонала\ndepartment: Отдел кадров"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'department:') + 1}", "поле «department»", "указано дважды"]),
    BadInput("misspelt macro", replace(RECRUITER, "{{ approval_stamp() }}", "{{ approvl_stamp() }}"),
             [f"{RECRUITER}:{line_of(RECRUITER, '{{ approval_stamp() }}')}", "неизвестный макрос «approvl_stamp()»",
              "возможно, имелось в виду approval_stamp()"]),
    BadInput("history newer than the current version",
             replace(RECRUITER, "history:\n", "history:\n  - version: \"0.9\"\n    approved: 2027-03-01\n"
                                             "    approval: {number: 3-ОД}\n"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'history:') + 1}", "поле «history»", "не раньше действующей"]),
    BadInput("tags left from the old department", replace(RECRUITER, "department: Отдел персонала",
                                                          "department: Отдел продаж"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'tags:')}", "поле «tags»", "нет «Отдел продаж»",
              "лишние «Отдел персонала»", "напишите tags: [Отдел продаж, специалисты]"]),
    BadInput("two departments at once", replace(RECRUITER, "department: Отдел персонала",
                                                "department: [Отдел персонала, Отдел продаж]"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'department:')}", "поле «department»", "ожидается текст",
              "Найдено ошибок в должностях: 1."]),
    BadInput("a template variable in a position", replace(RECRUITER, "{{ signatures() }}",
                                                          "{{ signatures() }}\n\n{{ company.adress.city }}"),
             [f"{RECRUITER}:{line_of(RECRUITER, '{{ signatures() }}') + 2}", "{{ company.adress.city }}",
              "только вызов макроса сайта"]),
    # Failures MkDocs meets only while writing pages: the staging folder protects the site.
    BadInput("a form macro inside a code block", replace(RECRUITER, "{{ signatures() }}",
                                                         "```\n{{ signatures() }}\n```"),
             [RECRUITER, "{{ signatures() }}", "на отдельную строку без отступа"]),
    # Approval and signatures (macros/checks/signatories.py).
    BadInput("the old approval_order field", replace(RECRUITER, "approval:\n  number: 152-ОД\n",
                                                     'approval_order: "№ 152-ОД от 04.12.2026"\n'),
             [f"{RECRUITER}:{line_of(RECRUITER, 'approval:')}", "поле approval_order заменено полем approval",
              "напишите approval: {number: 152-ОД}"]),
    BadInput("approved by an order without its number", replace(RECRUITER, "approval:\n  number: 152-ОД\n", ""),
             [RECRUITER, "поле «approval»", "а его номер не указан", "approval: {number: 14-ОД}"]),
    BadInput("both forms of the approval stamp", replace(KAM, "  number: 152-ОД\n", "  number: 152-ОД\n  form: official\n"),
             [f"{KAM}:{line_of(KAM, 'approval:')}", "поле «approval»", "гриф был бы в двух формах сразу"]),
    BadInput("the head approves his own instruction",
             replace("docs/positions/general-director.md",
                     "approval:\n  document: решением общего собрания участников общества\n  protocol: \"2\"\n", ""),
             ["docs/positions/general-director.md", "не утверждает собственную инструкцию", "protocol"]),
    BadInput("the drafter is the approver", replace(KAM, "stand_in: null\n", "stand_in: null\ndrafted_by: general-director\n"),
             [f"{KAM}:{line_of(KAM, 'stand_in:') + 1}", "поле «drafted_by»", "разрабатывает тот же, кто её утверждает"]),
    BadInput("one person drafts and agrees", replace(RECRUITER, "stand_in: null\n",
                                                     "stand_in: null\nagreed_by: [hr-head, Юрисконсульт]\n"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'stand_in:') + 1}", "поле «agreed_by»",
              "Руководитель отдела персонала и разрабатывает, и согласует", "уберите hr-head из agreed_by"]),
    BadInput("the company's drafter is the approver", replace("mkdocs.yml", "    drafted_by: hr-head", "    drafted_by: general-director"),
             [f"mkdocs.yml:{line_of('mkdocs.yml', 'drafted_by:')}", "поле «extra.signatories.drafted_by»",
              "тот же, кто их утверждает"]),
    BadInput("an official that is no position", replace("mkdocs.yml", "agreed_by: [hr-head, Юрисконсульт]",
                                                       "agreed_by: [hr-haed, Юрисконсульт]"),
             [f"mkdocs.yml:{line_of('mkdocs.yml', 'agreed_by:')}", "должности «hr-haed» нет",
              "возможно, имелось в виду hr-head"]),
    BadInput("broken link: a strict-mode warning after every page is written",
             replace("docs/procedure.md", "## Кто разрабатывает инструкцию", "[образец](missing.md)\n\n"
                     "## Кто разрабатывает инструкцию"),
             ["procedure.md", "missing.md", "Сайт не опубликован",
              "Сборка прервана: в строгом режиме (strict) предупреждения считаются ошибками — предупреждений: 1."],
             in_process=False),  # MkDocs' own link check: only the render stage sees it
]


@pytest.fixture(scope="module")
def published(tmp_path_factory, plain_site):
    """A good site built once; every bad build below targets this very folder."""
    return good_site(tmp_path_factory, plain_site)


def test_the_corpus_covers_at_least_fifteen_mistakes():
    assert len(BAD_INPUTS) >= 15


@pytest.mark.parametrize("bad", in_process(BAD_INPUTS), ids=str)
def test_a_mistake_is_reported_before_any_page_is_written(bad, tmp_path):
    refused_by_prepare(bad, tmp_path)


# In every run, a real build for a mistake found before any page is converted, and for one found after
# (a form's block that cannot be put back; the broken link builds in every run anyway).
EVERY_RUN = {"unknown field", "a form macro inside a code block"}


@pytest.mark.parametrize("bad", end_to_end(BAD_INPUTS, EVERY_RUN), ids=str)
def test_a_mistake_is_reported_and_the_last_good_site_stays(bad, published, tmp_path):
    site, _ = published
    build = refused_build(bad, published, tmp_path)
    assert "Aborted" not in build.output, f"MkDocs' English closing line reached HR:\n{build.output}"
    leftovers = [p.name for p in site.parent.iterdir() if ".staging-" in p.name or ".old-" in p.name]
    assert not leftovers, f"the failed build left {leftovers} next to the site"


# One of each kind of check (fields, relations, references, labels, macros), by name: the corpus grows.
ALL_AT_ONCE = [bad for bad in BAD_INPUTS if bad.name in {
    "category not in the list", "stand-in that does not exist", "also reports to a position that does not exist",
    "reporting cycle", "reference to an unknown label", "label used twice", "misspelt macro"}]


def test_every_problem_is_reported_in_one_prepare_run(tmp_path):
    shown = refused_by_prepare(BadInput("all at once", lambda project: [bad.edit(project) for bad in ALL_AT_ONCE],
                                        [part for bad in ALL_AT_ONCE for part in bad.expected]), tmp_path)
    count = int(re.search(r"Найдено ошибок в должностях: (\d+)", shown).group(1))
    assert len(ALL_AT_ONCE) == 7 and count >= len(ALL_AT_ONCE), shown


@pytest.mark.slow
def test_every_problem_is_reported_in_one_run(scratch, tmp_path):
    edits = ALL_AT_ONCE
    for bad in edits:
        bad.edit(scratch)
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 1
    for bad in edits:
        missing = [part for part in bad.expected if part not in build.output]
        assert not missing, f"{bad.name}: the message lacks {missing}:\n{build.output}"
    count = int(re.search(r"Найдено ошибок в должностях: (\d+)", build.output).group(1))
    assert count >= len(edits), build.output
    assert not (tmp_path / "site").exists(), "a failed first build must not leave a half-written site"


def test_a_successful_build_replaces_the_site_and_leaves_no_staging(scratch, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("old page", encoding="utf-8")
    (tmp_path / "site.staging-999999999").mkdir()  # left by a killed build
    build = run_mkdocs_build(scratch, site)
    assert build.returncode == 0, build.output
    assert (site / "positions" / "recruiter" / "index.html").is_file()
    assert not (site / "stale.html").exists(), "the new site still carries a page of the old one"
    # What HR reads of a good build is Russian: no MkDocs sentence («Documentation built in 1.43 seconds»).
    english = [line for line in build.output.splitlines() if re.search(r"\b[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}\b", line)]
    assert not english, english
    assert re.search(r"INFO    -  Сайт собран за [\d.]+ с\n", build.output), build.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]
