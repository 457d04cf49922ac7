"""The «Лист изменений» says what changed as a lawyer writes it, and sees every block that prints.

In-process: the comparison of two editions' blocks (macros/exports/compare.py), the lawyer's wording
(macros/exports/change_sheet.py) and the reading of a page's text (macros/exports/document_text.py).
The built change sheets, the draft and the .docx are checked in tests/test_editions.py.
"""

from __future__ import annotations

from macros.exports import change_sheet, compare, document_text

DUTIES = ["Ищет кандидатов на вакантные должности.", "Проводит собеседования с кандидатами.",
          "Разрабатывает анкеты и опросные листы для оценки кандидатов.", "Оформляет приглашения на работу.",
          "Ведёт отчётность по подбору.", "Участвует в адаптации новых работников.",
          "Организует совместные праздники и поездки."]


def _edition(duties: list[str]) -> list[dict]:
    return [{"kind": "heading", "number": "2", "text": "Должностные обязанности"}] + [
        {"kind": "clause", "number": f"2.{at}", "text": text} for at, text in enumerate(duties, 1)]


def test_a_reworded_clause_is_set_out_in_its_new_wording():
    newer = list(DUTIES)
    newer[2] = "Разрабатывает анкеты и тесты для оценки кандидатов."
    assert change_sheet.wording(compare.amendments(_edition(DUTIES), _edition(newer))) == [
        "Пункт 2.3 изложить в следующей редакции: «2.3. Разрабатывает анкеты и тесты для оценки кандидатов.»."]


def test_a_removed_clause_is_excluded_and_the_later_ones_renumbered():
    newer = DUTIES[:3] + DUTIES[4:]
    assert change_sheet.wording(compare.amendments(_edition(DUTIES), _edition(newer))) == [
        "Пункт 2.4 исключить.",
        "Пункты 2.5–2.7 считать соответственно пунктами 2.4–2.6."]


def test_an_added_clause_is_added_with_its_number_and_the_later_ones_renumbered():
    newer = DUTIES[:2] + ["Ведёт учёт кандидатов в системе подбора."] + DUTIES[2:]
    assert change_sheet.wording(compare.amendments(_edition(DUTIES), _edition(newer))) == [
        "Пункты 2.3–2.7 считать соответственно пунктами 2.4–2.8.",
        "Дополнить пунктом 2.3 следующего содержания: «2.3. Ведёт учёт кандидатов в системе подбора.»."]


def test_all_three_at_once_reworded_and_removed_then_renumbered_then_added():
    newer = [DUTIES[0], "Проводит собеседования с кандидатами и руководителями.", *DUTIES[2:5], DUTIES[5],
             "Готовит предложения по кадровому резерву."]
    del newer[3]  # «Оформляет приглашения на работу.» (2.4) is removed
    assert change_sheet.wording(compare.amendments(_edition(DUTIES), _edition(newer))) == [
        "Пункт 2.2 изложить в следующей редакции: «2.2. Проводит собеседования с кандидатами и руководителями.».",
        "Пункт 2.4 исключить.",
        "Пункт 2.7 исключить.",
        "Пункты 2.5–2.6 считать соответственно пунктами 2.4–2.5.",
        "Дополнить пунктом 2.6 следующего содержания: «2.6. Готовит предложения по кадровому резерву.»."]


def test_a_renumbered_clause_that_also_changed_names_both_numbers():
    newer = ["Формирует кадровый резерв.", DUTIES[0], "Проводит собеседования с кандидатами лично.", *DUTIES[2:]]
    assert change_sheet.wording(compare.amendments(_edition(DUTIES), _edition(newer))) == [
        "Пункт 2.2 (в новой редакции — пункт 2.3) изложить в следующей редакции: "
        "«2.3. Проводит собеседования с кандидатами лично.».",
        "Пункт 2.1 считать пунктом 2.2.",
        "Пункты 2.3–2.7 считать соответственно пунктами 2.4–2.8.",
        "Дополнить пунктом 2.1 следующего содержания: «2.1. Формирует кадровый резерв.»."]


def test_paragraphs_and_headings_are_named_by_their_section():
    older = [{"kind": "heading", "number": "3", "text": "Права"},
             {"kind": "text", "number": "3", "text": "Менеджер по подбору персонала вправе:"}]
    newer = [{"kind": "heading", "number": "3", "text": "Права"},
             {"kind": "text", "number": "3", "text": "Менеджер по подбору персонала вправе:"},
             {"kind": "text", "number": "3", "text": "Права осуществляются по доверенности."}]
    assert change_sheet.wording(compare.amendments(older, newer)) == [
        "Раздел 3 дополнить абзацем следующего содержания: «Права осуществляются по доверенности.»."]


NOTE = ('<div class="admonition note"><p class="admonition-title">Note</p>'
        "<p>Проверяет документы кандидатов перед собеседованием.</p></div>")
PAGE = """
<h2><span class="section-number">2.</span> Должностные обязанности</h2>
<p>Менеджер выполняет следующие обязанности:</p>
<ol class="clauses"><li data-clause="2.1"><span class="clause-number">2.1.</span> Ищет кандидатов.</li></ol>
{note}
<details class="warning"><summary>Важно</summary><p>Хранит анкеты в сейфе.</p></details>
<table><tr><td>Срок ответа</td><td>3 дня</td></tr></table>
<p>Абзац между списками.</p>
<ul><li>Первое.</li></ul>
<div class="admonition reference"><p class="admonition-title">Справка</p><p>Только на экране.</p></div>
<div class="doc-signatures"><p>Разработал: Руководитель</p></div>
""".replace("{note}", NOTE)


def test_every_block_that_prints_is_a_block_of_the_comparison():
    texts = [block["text"] for block in document_text.blocks(PAGE)]
    for printed in ("Note. Проверяет документы кандидатов перед собеседованием.", "Важно. Хранит анкеты в сейфе.",
                    "Срок ответа 3 дня",
                    "Абзац между списками.", "Первое."):
        assert printed in texts, f"«{printed}» prints but the comparison does not see it: {texts}"
    assert "Только на экране." not in texts, "the screen-only «Справка» is compared as if it printed"
    assert not any("Разработал" in text for text in texts), "the signature form is compared as a clause"


def test_a_note_added_after_a_clause_is_placed_after_it_title_first():
    before = document_text.blocks(PAGE.replace(NOTE, ""))
    assert change_sheet.wording(compare.amendments(before, document_text.blocks(PAGE))) == [
        "Раздел 2 после пункта 2.1 дополнить абзацем следующего содержания: "
        "«Note. Проверяет документы кандидатов перед собеседованием.»."]


def test_a_duty_added_inside_a_note_is_on_the_change_sheet():
    before = document_text.blocks(PAGE)
    after = document_text.blocks(PAGE.replace("Проверяет документы кандидатов перед собеседованием.",
                                              "Проверяет документы кандидатов перед собеседованием и их подлинность."))
    assert change_sheet.wording(compare.amendments(before, after)) == [
        "В разделе 2 абзац «Note. Проверяет документы кандидатов перед собеседованием.» изложить в следующей "
        "редакции: «Note. Проверяет документы кандидатов перед собеседованием и их подлинность.»."]


def test_a_clause_removed_and_another_added_under_its_number_is_set_out_anew():
    newer = DUTIES[:3] + ["Совсем другая обязанность, ничего общего с прежней."] + DUTIES[4:]
    assert change_sheet.wording(compare.amendments(_edition(DUTIES), _edition(newer))) == [
        "Пункт 2.4 изложить в следующей редакции: «2.4. Совсем другая обязанность, ничего общего с прежней.»."]
