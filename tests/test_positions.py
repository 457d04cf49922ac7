"""What an employee reads on a position page: four numbered sections with every fact of the source."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import POSITIONS

SECTIONS = ["1. Общие положения", "2. Должностные обязанности", "3. Права", "4. Ответственность"]

# Facts of the source material that must survive the rewording, per position.
SEED_FACTS = {
    "key-account-manager": [
        "категории специалистов", "приказом генерального директора", "по представлению коммерческого директора",
        "руководитель отдела продаж", "директору по развитию", "коммерческому директору",
        "другому работнику", "высшее образование", "в области сбыта не менее 2 лет",
        "законодательством Российской Федерации", "правилами внутреннего трудового распорядка",
        "договоров поставки товаров", "настоящей должностной инструкцией",
        "активной клиентской базы", "график", "кредитоспособност", "отдел", "поддержки продаж",
        "колонку прайс-листа", "мерчендайзинг", "возврат", "дебиторской задолженности", "пересортиц",
        "конкурент", "скидок и бонусов", "коммерческую тайну", "непосредственного руководителя",
        # Material liability is the labour code's (ТК РФ, глава 39); civil law names offences at work.
        "трудовым законодательством Российской Федерации", "материального ущерба",
        "гражданским законодательством", "новых клиентов",
        # Not a kind of liability: the variable pay follows the pay regulation, to which 1.7 refers.
        "переменной части заработной платы", "положением об оплате труда и премировании",
    ],
    "recruiter": [
        "категории специалистов", "собеседовани", "кадров", "обучени", "корпоративн", "праздник",
        "сплочени", "адаптаци", "в установленные сроки", "заработной плат", "анкет", "беспристрастн",
    ],
    "client-manager": [
        "категории специалистов", "генеральному директору", "генеральный директор", "переговор",
        "нестандартн", "новых клиентов", "постоянных", "преимуществ", "клиентскую базу",
        "командообразовани", "ротаци", "ресурс", "поддержк", "качеств", "смежными подразделениями",
    ],
}


def clauses(page, section: int) -> list[str]:
    return [li["data-clause"] for li in page.select(f"li[data-clause^='{section}.']")]


@pytest.mark.parametrize("slug", POSITIONS)
def test_position_page_has_the_four_numbered_sections(site, slug):
    page = site.position(slug)
    headings = [h.get_text(" ", strip=True) for h in page.select("article h2[id^='section-']")]
    assert headings == SECTIONS, f"{slug}: sections shown are {headings}"


@pytest.mark.parametrize("slug", POSITIONS)
def test_position_page_shows_its_title_and_the_document_header(site, slug):
    page = site.position(slug)
    assert page.find("h1").get_text(strip=True) == POSITIONS[slug]
    header = page.select_one(".doc-header").get_text(" ", strip=True)
    assert ("УТВЕРЖДАЮ" in header) != ("УТВЕРЖДЕНА" in header), f"{slug}: not exactly one form of approval"
    assert "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" in header


def test_key_account_manager_has_every_clause_of_the_source(site):
    page = site.position("key-account-manager")
    assert clauses(page, 1) == [f"1.{i}" for i in range(1, 8)]  # 1.7: the plan and the variable pay
    assert clauses(page, 2) == [f"2.{i}" for i in range(1, 24)]
    assert clauses(page, 3) == [f"3.{i}" for i in range(1, 7)]
    assert clauses(page, 4) == ["4.1", "4.2", "4.3"]  # disciplinary, material, offences at work


@pytest.mark.parametrize("slug, duties", [("recruiter", 7), ("client-manager", 7)])
def test_other_positions_are_full_instructions(site, slug, duties):
    page = site.position(slug)
    assert len(clauses(page, 1)) >= 5, f"{slug}: general provisions are missing"
    assert len(clauses(page, 2)) >= duties, f"{slug}: only {len(clauses(page, 2))} duties"
    assert len(clauses(page, 3)) >= 4, f"{slug}: rights are missing"
    assert len(clauses(page, 4)) >= 2, f"{slug}: liability is missing"


@pytest.mark.parametrize("slug", POSITIONS)
def test_every_fact_of_the_source_is_on_the_page(site, slug):
    text = re.sub(r"\s+", " ", site.position(slug).select_one("article").get_text(" "))
    missing = [fact for fact in SEED_FACTS[slug] if fact.lower() not in text.lower()]
    assert not missing, f"{slug}: the page lacks {missing}"


def test_clause_two_eight_refers_to_clause_two_seven(site):
    page = site.position("key-account-manager")
    item = page.select_one("li[data-clause='2.8']")
    link = item.select_one("a.clause-ref")
    assert link is not None and link.get_text() == "2.7"
    assert page.select_one(link["href"])["data-clause"] == "2.7"


def test_no_page_shows_raw_template_syntax(site):
    """Template syntax reaches a page only as code a guide page shows HR (and never on a position's page)."""
    for html in site.site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        guide = html.relative_to(site.site).parts[0] == "guide"
        for code in (page.find_all(["code", "pre"]) if guide else []):
            code.decompose()
        text = str(page)
        assert "{{" not in text and "{%" not in text, f"{html.relative_to(site.site)} shows template syntax"


def test_interface_is_russian(site):
    page = site.position("key-account-manager")
    assert page.find("html")["lang"] == "ru"
    assert page.select_one("input.md-search__input")["placeholder"] == "Поиск"


def test_procedure_page_follows_the_current_standard(site):
    text = site.page("procedure/").select_one("article").get_text(" ")
    for fact in ("ГОСТ Р 7.0.97-2025", "ГОСТ Р 7.0.97-2016", "18.08.2025", "Статья 22 Трудового кодекса", "Статья 68 Трудового кодекса", "юрисконсульт"):
        assert fact in text, f"the procedure page does not mention {fact}"
