"""What a labour lawyer checks in the sample instructions and the pages staff read (issue 25, item 6).

Every clause an employee signs must be lawful and checkable: covering for a colleague only with consent and
extra pay, representation only by power of attorney, no duty too vague to discipline under ТК РФ ст. 192,
no weekend work without ст. 113, no managing powers for a specialist; one word for each thing.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

# Every sample position, not only the three of the source material: the wording lawyers check is shared.
ALL = sorted(path.stem for path in (ROOT / "docs" / "positions").glob("*.md"))

def signed_text(site, slug: str) -> str:
    """The clauses of sections 1–4 as the employee signs them (the «Справка» is not part of the document)."""
    page = site.position(slug)
    return " ".join(li.get_text(" ", strip=True) for li in page.select("li[data-clause]"))


def clause(site, slug: str, number: str) -> str:
    item = site.position(slug).select_one(f"li[data-clause='{number}']")
    return re.sub(r"\s+", " ", item.get_text(" ", strip=True))


def article(site, url: str) -> str:
    return re.sub(r"\s+", " ", site.page(url).select_one("article").get_text(" "))


@pytest.mark.parametrize("slug", ALL)
def test_duties_of_an_absent_colleague_are_given_only_with_consent_and_extra_pay(site, slug):
    text = next(re.sub(r"\s+", " ", li.get_text(" ", strip=True))
                for li in site.position(slug).select("li[data-clause^='1.']") if "На период отсутствия" in li.get_text())
    assert "объявляется приказом" not in text and "передаются" not in text, text
    for needed in ("письменного согласия", "с доплатой", "статьи 60.2 и 151", "статья 72.2"):
        assert needed in text, f"{slug} 1.4 lacks «{needed}»: {text}"


@pytest.mark.parametrize("slug", ALL)
def test_whoever_represents_the_company_does_so_by_power_of_attorney(site, slug):
    for item in site.position(slug).select("li[data-clause^='3.']"):
        text = item.get_text(" ", strip=True)
        if re.search(r"\bПредставлять (интересы )?обществ", text):
            assert "доверенност" in text, f"{slug} {item['data-clause']}: representation without a power of attorney"


def test_key_account_managers_provisions_name_documents_not_practice_and_leave_bonuses_to_the_pay_rules(site):
    governing = clause(site, "key-account-manager", "1.6")
    assert "практик" not in governing and "положением об оплате труда и премировании" in governing
    bonus = clause(site, "key-account-manager", "1.7")
    assert "положением об оплате труда и премировании" in bonus and "зависит от выполнения плана" not in bonus


@pytest.mark.parametrize("number, checkable", [
    ("2.13", ["не позднее следующего рабочего дня", "в течение двух рабочих дней", "служебную записку"]),
    ("2.16", ["сообщает руководителю отдела продаж", "не позднее следующего рабочего дня"]),
    ("2.22", ["по их запросу в течение рабочего дня", "перед уходом в отпуск"]),
])
def test_key_account_managers_duties_say_what_to_do_and_by_when(site, number, checkable):
    text = clause(site, "key-account-manager", number)
    for vague in ("все доступные меры", "адекватно", "конструктивн", "немедленного"):
        assert vague not in text, f"{number}: «{vague}» cannot be checked under ТК РФ ст. 192"
    for words in checkable:
        assert words in text, f"{number} lacks «{words}»: {text}"


def test_the_recruiter_organises_team_events_in_working_time(site):
    page = site.position("recruiter")
    # As HR wrote it: the no-break space after «в» is the typography's (render/typography.py), not wording.
    events = next(li.get_text(" ", strip=True).replace("\u00a0", " ") for li in page.select("li[data-clause^='2.']")
                  if "сплочение коллектива" in li.get_text())
    assert "отдых в выходные" not in events and "в пределах своего рабочего времени" in events.lower(), events
    assert "только в порядке, установленном статьёй 113" in events, "work on a day off needs ТК РФ ст. 113"


def test_the_client_manager_is_a_specialist_and_manages_nobody(site):
    text = signed_text(site, "client-manager")
    assert "Координирует работу отдела" not in text and "ротаци" not in text, "ТК РФ ст. 72.1: transfers are the employer's"


def test_the_key_account_managers_note_speaks_of_liability_as_the_law_does(site):
    note = re.sub(r"\s+", " ", site.position("key-account-manager").select_one(".admonition.reference").get_text(" "))
    for struck in ("трудности и недоразумения", "За трудности", "Равнодушные", "было как можно меньше"):
        assert struck not in note, f"the «Справка» still says «{struck}»"
    for article_no in ("статьи 192 и 193", "глава 39", "статья 239", "статья 241", "статья 1068"):
        assert article_no in note, f"the «Справка» does not name {article_no}"


def test_the_procedure_page_describes_the_stamp_the_documents_bear_and_what_a_signature_means(site):
    text = article(site, "procedure/")
    assert "общий отдел" not in text
    assert "УТВЕРЖДЕНА приказом генерального директора" in text
    assert "(статья 72)" in text and "дополнительное соглашение" in text
    assert "по статье 74" in text and "не его согласие на новые обязанности" in text


@pytest.mark.parametrize("url", [f"positions/{slug}/" for slug in ALL] + ["", "procedure/"])
def test_one_word_for_each_thing(site, url):
    """The employer is «общество», a person «работник» (ТК РФ's word), what is sold «товар»."""
    text = article(site, url).lower()
    text = re.sub(r"«[^»]*»", "", text)  # quoted words: the history says what was replaced
    for word in ("сотрудник", "компани", "предприяти", "продукци", "продукт"):
        assert word not in text, f"{url or 'index'}: «{word}…» where the site says otherwise"
