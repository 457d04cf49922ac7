"""HR's messages, read word for word as HR reads them (issue 26): one message for a missing position with
every place that refers to it, the line to fix in broken YAML, a title answered with its file name.

The prepare stage runs in-process on a scratch copy of the project: the same checks `mkdocs build` runs
before any page is written (macros/checks/run.py) and the same page conversion; tests/test_hr_checks.py
proves the wiring with real builds.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from conftest import copy_project
from edition_history import git
from edits import RECRUITER, line_of, replace
from macros.editing.build_log import closing_line
from macros.model.problems import PositionsError
from macros.prepare import prepare

POSITIONS = ["client-manager", "commercial-director", "development-director", "hr-head", "key-account-manager",
             "recruiter", "sales-head"]


def report(project: Path) -> str:
    """What the build prints about HR's files, without building: the prepare stage's refusal."""
    try:
        prepare(project)
    except PositionsError as error:
        return str(error)
    return ""


def test_a_deleted_position_is_one_message_listing_every_place_that_names_it(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs/positions/general-director.md").unlink()
    places = [f"docs/positions/{slug}.md:{line_of(f'docs/positions/{slug}.md', field + ':')} — поле «{field}»"
              for slug in POSITIONS for field in ("appointed_by", "reports_to")
              if f"{field}: general-director" in (project / f"docs/positions/{slug}.md").read_text(encoding="utf-8")]
    officials, approver = line_of("mkdocs.yml", "general-director: И. И. Иванов"), line_of("mkdocs.yml", "official: g")
    places += [f"mkdocs.yml:{officials} — поле «extra.officials.general-director»",
               f"mkdocs.yml:{approver} — поле «extra.approval.official»"]
    assert len(places) == 13
    expected = (
        "Найдено ошибок в должностях: 1. Сайт не собран, прежняя версия не тронута.\n"
        "  1. docs/positions/general-director.md: должности «general-director» нет: такого файла нет; "
        "ссылок на неё: 13\n" + "".join(f"       {place}\n" for place in places) +
        "    Как исправить: укажите имя файла существующей должности без .md, одно из: " + ", ".join(POSITIONS) +
        "; если файл удалён или переименован по ошибке, верните его")
    assert report(project) == expected
    assert "commercial-director;" not in report(project), "no «did you mean» pointing at another real position"


def test_a_position_deleted_in_git_is_named_as_deleted_once_with_the_way_to_abolish_it(tmp_path):
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Инструкции")
    git(project, "rm", "-q", "docs/positions/general-director.md")
    lines = report(project).splitlines()
    assert lines[1] == (
        "  1. docs/positions/general-director.md: должность «general-director» удалена: файл "
        f"docs/positions/general-director.md удалён {dt.date.today():%d.%m.%Y} (не закоммичено); ссылок на неё: 13")
    assert lines[-1] == (
        "    Как исправить: укажите другую должность (например, вышестоящую) или верните файл; чтобы упразднить "
        "должность, файл не удаляют, а пишут в нём status: упразднена (CONTRIBUTING.md, «Упразднить должность»)")
    assert len(lines) == 1 + 1 + 13 + 1, "one message: the head line, the thirteen places, the fix"


def test_a_typo_in_one_place_is_still_one_message_with_the_likely_name(tmp_path):
    project = copy_project(tmp_path / "project")
    replace(RECRUITER, "reports_to: hr-head", "reports_to: hr-hed")(project)
    assert report(project) == (
        "Найдено ошибок в должностях: 1. Сайт не собран, прежняя версия не тронута.\n"
        f"  1. {RECRUITER}:{line_of(RECRUITER, 'reports_to:')}: поле «reports_to»: должности «hr-hed» нет: "
        "нет файла docs/positions/hr-hed.md\n"
        "    Как исправить: возможно, имелось в виду hr-head; укажите имя файла существующей должности без .md, "
        "одно из: " + ", ".join(sorted(POSITIONS + ["general-director"])))


def test_a_title_instead_of_a_file_name_is_answered_with_the_file_name(tmp_path):
    project = copy_project(tmp_path / "project")
    replace(RECRUITER, "reports_to: hr-head", "reports_to: Руководитель отдела персонала")(project)
    assert report(project).splitlines()[1:] == [
        f"  1. {RECRUITER}:{line_of(RECRUITER, 'reports_to:')}: поле «reports_to»: «Руководитель отдела персонала» "
        "— наименование должности, а здесь пишут имя её файла",
        "    Как исправить: напишите reports_to: hr-head"]


YAML_FIX = ("    Как исправить: проверьте эту строку: после имени поля — двоеточие и пробел; значение с двоеточием "
            "или #, а также начинающееся со знака * & @ ` % ? или «- », "
            "возьмите в кавычки и закройте кавычку в конце той же строки; отступы только пробелами")


def _yaml_report(tmp_path, old: str, new: str) -> list[str]:
    project = copy_project(tmp_path / "project")
    replace(RECRUITER, old, new)(project)
    return report(project).splitlines()[1:]


def test_a_field_without_its_colon_is_reported_on_its_own_line(tmp_path):
    line = line_of(RECRUITER, "aliases:")
    assert _yaml_report(tmp_path, "aliases: [", "aliases [") == [
        f"  1. {RECRUITER}:{line}: данные должности (front matter) не читаются как YAML: после имени поля нет "
        "двоеточия (could not find expected ':')", YAML_FIX]


def test_a_colon_without_its_space_is_named(tmp_path):
    line = line_of(RECRUITER, "aliases:")
    assert _yaml_report(tmp_path, "aliases: [", "aliases:[")[0] == (
        f"  1. {RECRUITER}:{line}: данные должности (front matter) не читаются как YAML: после двоеточия нет "
        "пробела (could not find expected ':')")


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    assert _yaml_report(tmp_path, "title: Менеджер по подбору персонала", 'title: "Менеджер по подбору персонала') == [
        f"  1. {RECRUITER}:2: данные должности (front matter) не читаются как YAML: не закрыта кавычка: значение "
        "продолжается на следующих строках (expected <block end>, but found '<scalar>')", YAML_FIX]


def test_an_unclosed_bracket_is_reported_where_it_opens(tmp_path):
    line = line_of(RECRUITER, "aliases:")
    assert _yaml_report(tmp_path, "специалист по подбору]", "специалист по подбору")[0] == (
        f"  1. {RECRUITER}:{line}: данные должности (front matter) не читаются как YAML: не закрыта квадратная "
        "скобка: список [ … ] пишется в одну строку (expected ',' or ']', but got ':')")


def test_a_heading_without_its_space_is_named_with_its_line(tmp_path):
    line = line_of(RECRUITER, "## Права")
    assert _yaml_report(tmp_path, "\n## Права\n", "\n##Права\n") == [
        f"  1. {RECRUITER}:{line}: «##Права» не читается как заголовок: после ## нет пробела",
        "    Как исправить: напишите «## Права» (пробел между ## и названием раздела)"]


def test_mkdocs_closing_lines_are_said_in_russian():
    from mkdocs.exceptions import Abort
    strict = closing_line(Abort("Aborted with 2 warnings in strict mode!"))
    assert strict.format_message() == (
        "Сборка прервана: в строгом режиме (strict) предупреждения считаются ошибками — предупреждений: 2. "
        "Исправьте их (они перечислены выше, строки WARNING).")
    assert closing_line(PositionsError([])).format_message() == "Сборка прервана: исправьте ошибки, перечисленные выше."
    assert closing_line(SystemExit(100)) is None, "a plugin's own exit keeps its code and its message"


# --- The commands CONTRIBUTING.md and the site's guide give HR work where they are shown -----------------

ROOT = Path(__file__).resolve().parent.parent
COMMAND = re.compile(r"^(?:\.venv/bin/)?(?:python3? -m macros\.|mkdocs )")


def _commands() -> list[str]:
    """Every command line of CONTRIBUTING.md and docs/guide/ that runs the project's tools: code blocks and inline code."""
    text = "\n".join(path.read_text(encoding="utf-8")
                     for path in [ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs" / "guide").glob("*.md"))])
    shown = [line.strip() for block in re.findall(r"```bash\n(.*?)```", text, re.S) for line in block.splitlines()]
    shown += re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S))
    return [command for command in shown if COMMAND.match(command)]


def test_every_command_of_the_guide_names_the_projects_python():
    commands = _commands()
    assert len(commands) >= 5, commands
    bare = [command for command in commands if not command.startswith(".venv/bin/")]
    assert not bare, f"these fail with «No module named …» unless .venv was activated: {bare}"


def test_the_new_position_command_works_as_printed(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / ".venv").symlink_to(Path(sys.prefix))  # the environment the guide's setup line creates
    line = next(c for c in _commands() if "macros.new_position" in c and "--department" in c)
    done = subprocess.run(["bash", "-c", line], cwd=project, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "docs/positions/glavnyy-bukhgalter.md").is_file()


def test_a_command_run_without_the_projects_packages_says_how_to_run_it(tmp_path):
    project = copy_project(tmp_path / "project")
    # -S: this Python without its site-packages, as a system python3 outside .venv would be.
    done = subprocess.run([sys.executable, "-S", "-m", "macros.import_docx", "бухгалтер.docx"], cwd=project,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.splitlines() == [
        "Не установлен пакет «jinja2»: команда запущена не тем Python, в котором стоят зависимости проекта.",
        "Окружения .venv ещё нет: создайте его один раз командой",
        "    python3 -m venv .venv && .venv/bin/pip install -r requirements.txt",
        "Запускайте команды через окружение проекта, из корня репозитория: .venv/bin/python -m macros.import_docx …",
        "(или откройте окружение в этом окне терминала командой . .venv/bin/activate — после этого годятся и "
        "python3 -m …, и mkdocs …)"]
