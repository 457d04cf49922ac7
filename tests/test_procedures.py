"""Every procedure CONTRIBUTING.md describes, followed step by step (issue 13, item 3).

Each test below does what the section of CONTRIBUTING with the same name tells HR to do, in its order,
and checks what the section promises: which build fails and what it says, and what the site shows when
the procedure is done. A test at the end makes sure every section of CONTRIBUTING with numbered steps
has its test, so a new procedure cannot be documented without one (nor in the site's guide, docs/guide/).
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_mkdocs_build
from edition_history import git, supersede

KAM, SALES_HEAD, CLIENT = ("docs/positions/key-account-manager.md", "docs/positions/sales-head.md",
                           "docs/positions/client-manager.md")


def change(project, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the step does not apply: {old!r} is not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fails(build, *parts: str) -> None:
    assert build.returncode == 1, f"the build should have stopped:\n{build.output}"
    missing = [part for part in parts if part not in build.output]
    assert not missing, f"the message lacks {missing}:\n{build.output}"


def builds(build) -> None:
    assert build.returncode == 0, build.output


def repository(scratch):
    """The scratch copy as a git repository with one commit: HR's edits are what changed since."""
    (scratch / ".gitignore").write_text("/site*/\n/.cache/\n__pycache__/\n", encoding="utf-8")
    git(scratch, "init", "-q", "-b", "main")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-q", "-m", "Утверждённые инструкции", "--date", "2026-03-01T10:00:00")
    return scratch


@pytest.mark.slow  # two or three builds of a scratch repository
def test_new_position(scratch, tmp_path):
    """«Новая должность»: the command makes a draft; a draft builds; «действует» needs the real text."""
    made = subprocess.run([sys.executable, "-m", "macros.new_position", "Главный бухгалтер", "--department",
                           "Бухгалтерия", "--category", "руководители", "--reports-to", "general-director"],
                          cwd=scratch, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    file = "docs/positions/glavnyy-bukhgalter.md"
    assert "status: проект" in (scratch / file).read_text(encoding="utf-8")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOBDESC_PDF", "1")
        draft = run_mkdocs_build(scratch, tmp_path / "draft")
    builds(draft)
    page = draft.position("glavnyy-bukhgalter")
    stamp = " ".join(page.select_one(".doc-stamp").get_text(" ").split())
    assert stamp.startswith("ПРОЕКТ") and not re.search(r"\d\d\.\d\d\.\d{4}|УТВЕРЖД", stamp), stamp
    assert page.select_one(".doc-version").get_text().startswith("Проект редакции")
    assert not page.select(".doc-acknowledgement"), "a draft has no acknowledgement sheet to sign"
    printed = subprocess.run(["pdftotext", str(draft.site / "pdf" / "glavnyy-bukhgalter.pdf"), "-"],
                             capture_output=True, text=True).stdout
    assert "ПРОЕКТ" in printed and "УТВЕРЖДА" not in printed and "Лист ознакомления" not in printed, printed[:400]

    change(scratch, file, "status: проект", "status: действует")  # step 2 done too early
    fails(run_mkdocs_build(scratch, tmp_path / "early"), f"{file}:", "пункт-образец «Опишите первую обязанность",
          "незаполненным местом «___»", "status: проект")

    change(scratch, file, "- Опишите первую обязанность (замените этот пункт).", "- Ведёт бухгалтерский учёт.")
    change(scratch, file, "- Опишите вторую обязанность; каждая обязанность — отдельный пункт, начинающийся с «- ».",
           "- Составляет бухгалтерскую отчётность.")
    change(scratch, file, '  number: "___"', '  number: 31-ОД')
    done = run_mkdocs_build(scratch, tmp_path / "site")
    builds(done)
    assert "Ведёт бухгалтерский учёт." in done.position("glavnyy-bukhgalter").get_text()


def test_new_edition(scratch, tmp_path):
    """«Новая редакция»: the old edition moves into history, the new one is written, the text changes."""
    project = repository(scratch)
    # The edition in force moves into history; its corrections stay in its archive (CONTRIBUTING.md).
    text = (project / KAM).read_text(encoding="utf-8")
    approved = re.search(r"^approved: (\d{4})-(\d\d)-(\d\d)", text, re.M)
    old, new = supersede(project, KAM, "2027-02-01", "15-ОД", "добавлен пункт о работе с CRM")
    change(project, KAM, "- Выполняет работу по мерчендайзингу.\n",
           "- Выполняет работу по мерчендайзингу.\n- Ведёт историю работы с клиентом в CRM.\n")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOBDESC_ARCHIVE", "1")
        done = run_mkdocs_build(project, tmp_path / "site")
    builds(done)
    page = done.position("key-account-manager")
    text = " ".join(page.get_text(" ").split())
    assert f"Редакция {new}" in text and "от 01.02.2027 № 15-ОД" in text and "Ведёт историю работы с клиентом в CRM" in text
    history = " ".join(page.select_one(".doc-history").get_text(" ").split())
    was = f"{approved.group(3)}.{approved.group(2)}.{approved.group(1)}"
    assert old in history and was in history and "добавлен пункт о работе с CRM" in history


def test_abolish_a_position(scratch, tmp_path):
    """«Упразднить должность»: status, the build names who still reports to it, they get a new supervisor."""
    change(scratch, SALES_HEAD, "department:", "status: упразднена\ndepartment:")
    fails(run_mkdocs_build(scratch, tmp_path / "refused"), f"{KAM}:", "упразднена", SALES_HEAD, "reports_to")
    change(scratch, KAM, "reports_to: sales-head", "reports_to: commercial-director")
    # Step 3: the new supervisor was a functional one; listed in both fields, it would be printed twice.
    change(scratch, KAM, "reports_to_also: [development-director, commercial-director]",
           "reports_to_also: [development-director]")
    done = run_mkdocs_build(scratch, tmp_path / "site")
    builds(done)
    assert (done.site / "positions" / "sales-head" / "index.html").is_file(), "the abolished page must stay"
    status = done.position("sales-head").select_one(".doc-status")
    assert status is not None and "Должность упразднена" in status.get_text(), "the abolished page is not marked"
    home = done.page("")
    assert not home.select("a[href='positions/sales-head/']"), "the catalog still lists the abolished position"
    chart = done.page("structure/").select_one("pre.mermaid").get_text()
    assert "p_sales_head" not in chart, "the org chart still shows the abolished position"
    nav = [a.get("href") for a in done.position("key-account-manager").select(".md-nav a")]
    assert not any(href and "sales-head" in href for href in nav), "the menu still lists the abolished position"


@pytest.mark.slow  # two or three builds of a scratch repository
def test_rename_a_position_file(scratch, tmp_path):
    """«Переименовать файл должности»: rename, renamed_from, the build names every reference to fix."""
    (scratch / SALES_HEAD).rename(scratch / "docs/positions/head-of-sales.md")
    change(scratch, "docs/positions/head-of-sales.md", "department:", "renamed_from: [sales-head]\ndepartment:")
    fails(run_mkdocs_build(scratch, tmp_path / "refused"), f"{KAM}:", "«sales-head» переименована",
          "docs/positions/head-of-sales.md", "reports_to: head-of-sales")
    change(scratch, KAM, "reports_to: sales-head", "reports_to: head-of-sales")
    done = run_mkdocs_build(scratch, tmp_path / "site")
    builds(done)
    redirect = (done.site / "positions" / "sales-head" / "index.html").read_text(encoding="utf-8")
    assert 'url=../head-of-sales/' in redirect, "the old address does not lead to the new one"
    old_page = BeautifulSoup(redirect, "html.parser")
    assert old_page.select_one("link[rel=canonical]")["href"] == "../head-of-sales/"
    link = old_page.select_one("body a")
    assert link["href"] == "../head-of-sales/" and link.get_text() == "Руководитель отдела продаж", \
        "without JavaScript the old address shows a link to the new page, by the position's title"
    assert done.position("head-of-sales").find("h1")


@pytest.mark.slow  # two or three builds of a scratch repository
def test_move_a_position_to_another_department(scratch, tmp_path):
    """«Перевести должность в другое подразделение»: department and tags; the menu, catalog and chart follow."""
    change(scratch, CLIENT, "department: Отдел по работе с клиентами", "department: Отдел продаж")
    fails(run_mkdocs_build(scratch, tmp_path / "refused"), f"{CLIENT}:", "удалите строку tags",
          "tags: [Отдел продаж, специалисты]")
    change(scratch, CLIENT, "tags: [Отдел по работе с клиентами, специалисты]\n", "")  # «удалите её»
    done = run_mkdocs_build(scratch, tmp_path / "site")
    builds(done)
    sales = next(h for h in done.page("").select("h2") if h.get_text(strip=True) == "Отдел продаж")
    assert sales.find_next("table").find("a", href="positions/client-manager/"), "not in its new department"
    chart = done.page("structure/").select_one("pre.mermaid").get_text()
    assert re.search(r'subgraph department_\d+\["Отдел продаж"\][^e]*p_client_manager', chart)
    tags = [tag.get_text(strip=True) for tag in done.position("client-manager").select(".md-tag")]
    assert sorted(tags) == ["Отдел продаж", "специалисты"], f"the tags did not follow the department: {tags}"


@pytest.mark.slow  # two or three builds of a scratch repository
def test_change_the_supervisor(scratch, tmp_path):
    """«Сменить руководителя»: reports_to, and a new edition, since the supervisor is printed."""
    project = repository(scratch)
    change(project, CLIENT, "reports_to: general-director", "reports_to: commercial-director")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOBDESC_ARCHIVE", "1")
        fails(run_mkdocs_build(project, tmp_path / "silent"), f"{CLIENT}:", "печатный текст утверждённой редакции",
              "новую редакцию")
        supersede(project, CLIENT, "2027-02-01", "16-ОД", "руководитель — коммерческий директор")
        done = run_mkdocs_build(project, tmp_path / "site")
    builds(done)
    page = " ".join(done.position("client-manager").get_text(" ").split())
    assert "Непосредственный руководитель менеджера по работе с клиентами — коммерческий директор" in page
    card = done.position("commercial-director").select_one('[data-card="subordinates"]').get_text()
    assert "Менеджер по работе с клиентами" in card


# CONTRIBUTING's sections with numbered steps, and where each is followed step by step.
PROCEDURE_TESTS = {
    "Правка в веб-интерфейсе git": "test_hr_checks::test_a_mistake_is_reported_and_the_last_good_site_stays",
    "Новая должность": "test_procedures::test_new_position",
    "Перенос инструкций из Word": "test_word_import::test_every_document_of_the_corpus_builds_with_its_duties",
    "Новая редакция": "test_procedures::test_new_edition",
    "Упразднить должность": "test_procedures::test_abolish_a_position",
    "Переименовать файл должности": "test_procedures::test_rename_a_position_file",
    "Перевести должность в другое подразделение": "test_procedures::test_move_a_position_to_another_department",
    "Сменить руководителя": "test_procedures::test_change_the_supervisor",
    "Редакционная правка": "test_editions::test_an_editorial_correction_is_declared_and_shown",
}


def test_every_procedure_in_contributing_has_its_test():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", guide, flags=re.M)[1:]
    with_steps = [section.split("\n", 1)[0].strip() for section in sections
                  if re.search(r"^1\. ", section, flags=re.M)]
    untested = [title for title in with_steps if title not in PROCEDURE_TESTS]
    assert not untested, f"CONTRIBUTING.md describes procedures without a test: {untested}"
    for title, target in PROCEDURE_TESTS.items():
        module, name = target.split("::")
        assert title in with_steps or f"## {title}" in guide, f"CONTRIBUTING.md has no section «{title}»"
        assert hasattr(importlib.import_module(module), name), f"{target} does not exist"


def test_the_sites_guide_describes_no_procedure_without_a_test():
    """HR's guide in the site (docs/guide/) is reference; a procedure with numbered steps there needs its test too."""
    for page in sorted((ROOT / "docs" / "guide").glob("*.md")):
        sections = re.split(r"^## ", page.read_text(encoding="utf-8"), flags=re.M)[1:]
        with_steps = [section.split("\n", 1)[0].strip() for section in sections
                      if re.search(r"^1\. ", section, flags=re.M)]
        untested = [title for title in with_steps if title not in PROCEDURE_TESTS]
        assert not untested, f"docs/guide/{page.name} describes procedures without a test: {untested}"
