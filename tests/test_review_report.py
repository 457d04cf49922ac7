"""The review report of a pull request (`python -m macros.commands.review --base main`), as the approver reads it.

A scratch repository: `main` is the project as it is; branch `changes` carries, in different positions,
a reworded and a removed clause under a new edition (recruiter), a shared template change that reaches
every printout, a supervisor renamed in a new edition of their own (sales-head, so key-account-manager
changes without its file changing), a reworded duty with no new edition (client-manager) and an
editorial correction (general-director); branch `reference-only` changes only the screen-only «Справка».
Each branch is reported once by the real command (two real builds each), and the tests read its outputs.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from edition_history import (CHANGED_NEW, CHANGED_OLD, REMOVED, RIGHT_NEW, RIGHT_OLD, RIGHTS, edit, git,
                             supersede)
from conftest import copy_project

# The reviewers' report of a CI job: two runs of the command over a repository with editions, end to end,
# run by .ci/run.
pytestmark = pytest.mark.slow

RECRUITER = "docs/positions/recruiter.md"
SALES_HEAD = "docs/positions/sales-head.md"
CLIENT_MANAGER = "docs/positions/client-manager.md"
GENERAL_DIRECTOR = "docs/positions/general-director.md"
DUTY_OLD = "Ищет и привлекает новых клиентов."
DUTY_NEW = "Ищет и привлекает новых клиентов, в том числе на отраслевых выставках."
CORRECTION = "уточнена формулировка общих прав"


def make_repository(root: Path) -> Path:
    repo = copy_project(root / "repo")
    (repo / ".gitignore").write_text("/site*/\n/.cache/\n__pycache__/\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Базовая ветка")

    git(repo, "checkout", "-q", "-b", "changes")
    edit(repo, RECRUITER, CHANGED_OLD, CHANGED_NEW)
    edit(repo, RECRUITER, f"- {REMOVED}\n", "")
    assert supersede(repo, RECRUITER, "2027-02-01", "40-ОД", "уточнены обязанности") == ("1.1", "1.2")
    edit(repo, RIGHTS, RIGHT_OLD, RIGHT_NEW)
    for field, old, new in (("title", "Руководитель отдела продаж", "Директор по продажам"),
                            ("genitive", "руководителя отдела продаж", "директора по продажам"),
                            ("dative", "руководителю отдела продаж", "директору по продажам")):
        edit(repo, SALES_HEAD, f"{field}: {old}\n", f"{field}: {new}\n")
    edit(repo, SALES_HEAD, "Руководитель отдела продаж выполняет", "Директор по продажам выполняет")
    assert supersede(repo, SALES_HEAD, "2027-02-01", "41-ОД", "изменено наименование должности") == ("1.1", "1.2")
    edit(repo, CLIENT_MANAGER, DUTY_OLD, DUTY_NEW)
    edit(repo, GENERAL_DIRECTOR, "\ntags:", f"\ncorrections:\n  - {{date: 2027-02-03, note: {CORRECTION}}}\ntags:")
    git(repo, "commit", "-qam", "Новые редакции, общие права, правка без редакции")

    git(repo, "checkout", "-q", "-b", "reference-only", "main")
    edit(repo, CLIENT_MANAGER, "### Нормативная база", "### Нормативная база и практика")
    git(repo, "commit", "-qam", "Только справка")
    return repo


def run_review(repo: Path, branch: str, out: Path):
    """The command as HR and CI run it; its Markdown, its CI summary and its page for the site."""
    git(repo, "checkout", "-q", branch)
    out.mkdir()
    summary = out / "summary.md"
    summary.write_text("Тесты пройдены.\n", encoding="utf-8")
    env = dict(os.environ, GITHUB_STEP_SUMMARY=str(summary))
    result = subprocess.run(
        [sys.executable, "-m", "macros.commands.review", "--base", "main", "--output", str(out / "report.md"),
         "--site-page", str(out / "site")], cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    assert result.returncode == 0, f"the review command failed:\n{result.stdout}\n{result.stderr}"
    return {"markdown": (out / "report.md").read_text(encoding="utf-8"),
            "summary": summary.read_text(encoding="utf-8"),
            "page": (out / "site" / "review" / "index.html").read_text(encoding="utf-8")}


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    root = tmp_path_factory.mktemp("review")
    repo = make_repository(root)
    found = {branch: run_review(repo, branch, root / branch) for branch in ("changes", "reference-only")}
    found["repo"] = repo
    return found


def section(markdown: str, title: str) -> str:
    """One position's part of the report: from its heading to the next one."""
    match = re.search(rf"^#### {re.escape(title)}\n(.*?)(?=^#{{3,4}} |\Z)", markdown, re.M | re.S)
    assert match, f"the report has no section for «{title}»:\n{markdown}"
    return match.group(1)


def test_a_reworded_and_a_removed_clause_read_as_an_amending_order(reports):
    part = section(reports["changes"]["markdown"], "Менеджер по подбору персонала")
    assert "- Файл: `docs/positions/recruiter.md`; редакция: 1.1 → 1.2" in part
    assert ("- **Объявлено:** новая редакция 1.2 вместо 1.1, документ об утверждении: "
            "приказ от 01.02.2027 № 40-ОД") in part
    assert f"1. Пункт 2.2 изложить в следующей редакции: «2.2. {CHANGED_NEW}»." in part
    assert "2. Пункт 2.9 исключить." in part
    # The clauses after the removed one move up; the approver sees it in one sentence, before section 3.
    assert "3. Пункты 2.10–2.13 считать соответственно пунктами 2.9–2.12." in part
    assert f"4. Пункт 3.4 изложить в следующей редакции: «3.4. {RIGHT_NEW}»." in part
    assert "Причина: изменён файл должности docs/positions/recruiter.md; изменён общий шаблон " \
           "macros/templates/common\\_rights.md" in part


def test_a_template_change_reaches_every_position_and_says_why(reports):
    markdown = reports["changes"]["markdown"]
    titles = re.findall(r"^#### (.+)$", markdown, re.M)
    assert len(titles) == 8, f"every position's printout changes with the common rights: {titles}"
    assert "**Печатный текст меняется у 8 должностей: напрямую — 4, косвенно — 4. Не объявлено изменений: 5.**" \
        in markdown
    indirect = markdown.split("### Косвенно изменённые инструкции", 1)[1]
    part = section(indirect, "Коммерческий директор")
    assert "- **⚠️ НЕ ОБЪЯВЛЕНО:** печатный текст меняется, а редакция прежняя (1.1)." in part
    assert "- Причина: изменён общий шаблон macros/templates/common\\_rights.md" in part
    assert part.endswith(f"\n1. Пункт 3.4 изложить в следующей редакции: «3.4. {RIGHT_NEW}».\n\n"), part


def test_a_renamed_supervisor_changes_the_subordinates_printout(reports):
    markdown = reports["changes"]["markdown"]
    part = section(markdown, "Менеджер по работе с ключевыми клиентами")
    assert "изменено наименование должности «Руководитель отдела продаж» → «Директор по продажам» " \
           "(reports\\_to: sales-head)" in part
    assert re.search(r"Пункт 1\.\d+ изложить в следующей редакции: «1\.\d+\. Непосредственный руководитель [^»]*"
                     r"— директор по продажам", part), part
    assert "наименование должности" not in section(markdown, "Менеджер по работе с клиентами")
    head = section(markdown, "Директор по продажам")
    assert ("- **Объявлено:** новая редакция 1.2 вместо 1.1, документ об утверждении: "
            "приказ от 01.02.2027 № 41-ОД") in head


def test_a_change_without_a_new_edition_is_flagged(reports):
    part = section(reports["changes"]["markdown"], "Менеджер по работе с клиентами")
    assert "- Файл: `docs/positions/client-manager.md`; редакция: 1.1 (прежняя)" in part
    assert ("- **⚠️ НЕ ОБЪЯВЛЕНО:** печатный текст меняется, а редакция прежняя (1.1). Объявите новую редакцию "
            "(version, approved, approval) или, если смысл не меняется, редакционную правку (corrections)") in part
    assert re.search(rf"изложить в следующей редакции: «2\.\d+\. {re.escape(DUTY_NEW)}»\.", part), part


def test_an_editorial_correction_is_declared(reports):
    part = section(reports["changes"]["markdown"], "Генеральный директор")
    assert f"- **Объявлено:** редакционная правка редакции 1.1: «{CORRECTION}»" in part


def test_the_ci_summary_and_the_site_page_carry_the_same_report(reports):
    report = reports["changes"]
    assert report["summary"].startswith("Тесты пройдены.\n"), "the report is appended, earlier steps' lines stay"
    assert report["markdown"] in report["summary"]
    page = report["page"]
    assert page.startswith("<!doctype html>") and '<html lang="ru">' in page
    assert "<script" not in page
    assert html.escape(f"Пункт 2.2 изложить в следующей редакции: «2.2. {CHANGED_NEW}».") in page
    assert "НЕ ОБЪЯВЛЕНО" in page and page.count("<section") == 8


def test_a_branch_that_changes_no_printed_text_says_so_in_one_line(reports):
    report = reports["reference-only"]
    assert re.fullmatch(r"Печатный текст инструкций не меняется \(сравнение с main, [0-9a-f]{7}\)\.\n",
                        report["markdown"]), report["markdown"]
    assert "Печатный текст инструкций не меняется" in report["page"]


def test_an_unknown_base_is_named_with_the_fix(reports):
    result = subprocess.run([sys.executable, "-m", "macros.commands.review", "--base", "origin/nonexistent"],
                            cwd=reports["repo"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip() == ("Отчёт не составлен: нет ветки или коммита «origin/nonexistent»: проверьте "
                                     "--base (например, --base origin/main; сначала выполните git fetch)")


def test_addresses_and_mentions_in_hr_text_are_neither_links_nor_notifications():
    """GitHub's job summary links bare addresses and e-mails (GFM autolinks) and notifies «@name»: in HR's
    text they show as written, linking and notifying no one."""
    import cmarkgfm
    from macros.commands.review.output import markdown
    from macros.commands.review.report import Report, Review

    clause = ("Пункт 2.1: сообщает @octocat и @hr/heads, пишет на boss@evil.example, смотрит http://evil.example, "
              "задачу #12, HTTPS://EVIL.example/x, www.evil.example и ftp://evil.example.")
    report = Report("main", "a" * 40, "b" * 40, [Review(
        "recruiter", "Рекрутер @octocat www.evil.example", "docs/positions/recruiter.md", "1.0", "1.1", True, True,
        "новая редакция 1.1 вместо 1.0", [clause], ["изменён файл должности docs/positions/recruiter.md"])])
    shown = cmarkgfm.github_flavored_markdown_to_html(markdown(report))
    assert "<a " not in shown
    assert not re.search(r"(?<![\w`])[@#][A-Za-z0-9]", shown)  # what GitHub would link as a mention or an issue
    assert "смотрит http:\u2060//evil.example" in shown and "boss@\u2060evil.example" in shown


def test_hr_text_reaches_the_report_as_text():
    """A clause is HR's text: in the CI summary and on the page it can become neither markup nor a link."""
    from macros.commands.review.output import markdown, page
    from macros.commands.review.report import Report, Review

    hostile = ("Пункт 2.1 изложить в следующей редакции: "
               "«<script>alert(1)</script> [ссылка](http://evil.example) **жирно**».")
    report = Report("main", "a" * 40, "b" * 40, [Review(
        "recruiter", "Менеджер <b>по подбору</b>", "docs/positions/recruiter.md", "1.0", "1.1", True, True,
        "новая редакция 1.1 вместо 1.0", [hostile], ["изменён файл должности docs/positions/recruiter.md"])])
    text, html_page = markdown(report), page(report)
    assert "<script>" not in text and "<b>" not in text
    assert "[ссылка](http" not in text and "**жирно**" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "\\[ссылка\\](http:\u2060//evil.example)" in text
    assert "<script" not in html_page and "<b>" not in html_page
    assert "Менеджер &lt;b&gt;по подбору&lt;/b&gt;" in html_page and "&lt;script&gt;alert(1)" in html_page


ROOT = Path(__file__).resolve().parent.parent
# Who must approve a change of each kind of file (issue: HR's head for the text, a developer for code).
OWNERS = {
    "docs/positions/recruiter.md": "@hr/heads",
    "docs/index.md": "@hr/heads",
    "macros/templates/common_rights.md": "@hr/heads",
    "macros/templates/signatures.html": "@hr/heads",
    "macros/__init__.py": "@hr/developers",
    "macros/commands/review/report.py": "@hr/developers",
    "overrides/main.html": "@hr/developers",
    "overrides/assets/stylesheets/print.css": "@hr/developers",
    ".github/workflows/site.yml": "@hr/developers",
    ".github/CODEOWNERS": "@hr/developers",
    ".gitea/CODEOWNERS": "@hr/developers",
    ".ci/run": "@hr/developers",
    "mkdocs.yml": "@hr/developers",
    "requirements.txt": "@hr/developers",
}


def _rules(path: str) -> list[tuple[str, list[str]]]:
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    return [(line.split()[0], line.split()[1:]) for line in lines if line.strip() and not line.startswith("#")]


def test_github_codeowners_send_text_to_hr_and_code_to_developers():
    def matches(pattern: str, path: str) -> bool:
        # The only forms the file uses; a new form must be taught here before it counts.
        assert pattern == "*" or pattern.startswith("/") and "*" not in pattern, f"unexpected pattern {pattern}"
        if pattern == "*":
            return True
        return path.startswith(pattern[1:]) if pattern.endswith("/") else path == pattern[1:]

    rules = _rules(".github/CODEOWNERS")
    for path, owner in OWNERS.items():
        owners = [found for pattern, found in rules if matches(pattern, path)][-1]  # GitHub: the last match wins
        assert owners == [owner], f"{path}: {owners}, expected {owner}"


def test_gitea_codeowners_send_text_to_hr_and_code_to_developers():
    def owners_of(path: str) -> list[str]:
        found = []
        for pattern, owners in _rules(".gitea/CODEOWNERS"):  # Gitea: every matching rule, regexps, ! negates
            negative = pattern.startswith("!")
            if bool(re.fullmatch(pattern.lstrip("!"), path)) != negative:
                found += owners
        return found

    for path, owner in OWNERS.items():
        assert owners_of(path) == [owner], f"{path}: {owners_of(path)}, expected {owner}"


def _position(version: str, extra: str = ""):
    from macros.model.loading import position_from_text
    text = f'---\ntitle: Юрист\nversion: "{version}"\napproved: 2026-05-10\napproval:\n  number: 40-ОД\n{extra}---\nТекст\n'
    position, problems = position_from_text(text, "docs/positions/lawyer.md", "positions/lawyer.md")
    assert position is not None and not problems, problems
    return position


def test_each_way_of_declaring_a_change_is_named():
    from macros.commands.review.report import _declaration
    correction = [{"date": "2026-05-12", "note": "исправлена опечатка в общих правах"}]
    assert _declaration(_position("1.0"), _position("1.1", "status: проект\n"), True, []) == (
        True, "проект (status: проект): текст ещё не утверждён, подписывать пока нечего")
    assert _declaration(_position("1.0"), _position("1.0"), False, correction) == (
        True, "редакционная правка общих шаблонов (macros/templates/corrections.yml): "
              "«исправлена опечатка в общих правах»")
    # A shared correction covers the templates, never the position's own text.
    declared, text = _declaration(_position("1.0"), _position("1.0"), True, correction)
    assert not declared and text.startswith("НЕ ОБЪЯВЛЕНО: печатный текст меняется, а редакция прежняя (1.0).")
    assert _declaration(None, _position("1.0"), True, []) == (True, "новая инструкция, редакция 1.0")


def test_an_added_clause_reads_as_an_amending_order():
    """The clauses after the new one move down first, then the freed number takes the new clause."""
    from macros.exports import change_sheet, compare

    def clause(number, text):
        return {"kind": "clause", "number": number, "text": text}

    older = [{"kind": "heading", "number": "2", "text": "Обязанности"}, clause("2.1", "Ведёт учёт."),
             clause("2.2", "Готовит отчёты."), clause("2.3", "Исполняет поручения."),
             {"kind": "heading", "number": "3", "text": "Права"}, clause("3.1", "Запрашивать сведения.")]
    newer = older[:2] + [clause("2.2", "Ведёт кадровый резерв."), clause("2.3", "Готовит отчёты."),
                         clause("2.4", "Исполняет поручения.")] + older[4:]
    assert change_sheet.wording(compare.amendments(older, newer)) == [
        "Пункты 2.2–2.3 считать соответственно пунктами 2.3–2.4.",
        "Дополнить пунктом 2.2 следующего содержания: «2.2. Ведёт кадровый резерв.».",
    ]
