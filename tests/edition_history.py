"""A scratch repository with real commits: three editions of the recruiter's instruction.

- commit 1: the project as it is, with a site_url (for the QR codes): edition 1.0;
- commit 2: edition 1.1 — duty «Разрабатывает анкеты…» reworded, a duty added after «Участвует в
  поддержании…», and the shared template of common rights reworded in the same commit;
- commit 3: edition 1.2 — duty «Организует совместные праздники…» removed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import copy_project

SITE_URL = "https://intranet.example.local/jobs/"
RECRUITER = "docs/positions/recruiter.md"
RIGHTS = "macros/templates/common_rights.md"
CHANGED_OLD = "Разрабатывает анкеты, опросные листы и другие материалы для оценки кандидатов и опросов работников."
CHANGED_NEW = "Разрабатывает анкеты, тесты и другие материалы для оценки кандидатов и опросов работников."
ADDED = "Ведёт учёт кандидатов в электронной системе подбора и хранит результаты их оценки."
AFTER = "Участвует в поддержании корпоративной культуры в коллективе."
REMOVED = "Организует совместные праздники, совместный отдых в выходные дни, поездки и другие мероприятия, направленные на сплочение коллектива."
RIGHT_OLD = "Взаимодействовать с работниками всех структурных подразделений общества."
RIGHT_NEW = "Взаимодействовать по рабочим вопросам с работниками всех подразделений общества."


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Отдел персонала", GIT_AUTHOR_EMAIL="hr@example.local",
               GIT_COMMITTER_NAME="Отдел персонала", GIT_COMMITTER_EMAIL="hr@example.local")
    env.pop("GITHUB_BASE_REF", None)
    env.pop("JOBDESC_BASE", None)
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"git {' '.join(args)} failed: {result.stderr}"
    return result.stdout


def edit(repo: Path, file: str, old: str, new: str) -> None:
    path = repo / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the test's edit does not apply: {old!r} is not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def new_edition(repo: Path, version: str, approved: str, order: str, changes: str, earlier: list[tuple]) -> None:
    path = repo / RECRUITER
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\nversion:", 1)
    rest = rest.split("\ntags:", 1)[1]
    # `order` is «№ 40-ОД от 10.05.2026»; the file keeps its number in `approval`, its date in `approved`.
    history = "".join(f'\n  - version: "{v}"\n    approved: {a}\n    approval: {{number: {o.split()[1]}}}' for v, a, o in earlier)
    path.write_text(f'{head}\nversion: "{version}"\napproved: {approved}\napproval: {{number: {order.split()[1]}}}\n'
                    f"changes: {changes}\nhistory:{history}\ntags:{rest}", encoding="utf-8")


def make_repository(root: Path) -> Path:
    repo = copy_project(root / "repo")
    (repo / ".gitignore").write_text("/site*/\n/.cache/\n__pycache__/\n", encoding="utf-8")
    edit(repo, "mkdocs.yml", "site_name: Должностные инструкции\n",
         f"site_name: Должностные инструкции\nsite_url: {SITE_URL}\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Редакция 1.0", "--date", "2026-02-16T10:00:00")

    edit(repo, RECRUITER, CHANGED_OLD, CHANGED_NEW)
    edit(repo, RECRUITER, AFTER, f"{AFTER}\n- {ADDED}")
    edit(repo, RIGHTS, RIGHT_OLD, RIGHT_NEW)
    new_edition(repo, "1.1", "2026-05-10", "№ 40-ОД от 10.05.2026", "уточнены обязанности по оценке кандидатов",
                [("1.0", "2026-02-16", "№ 21-ОД от 16.02.2026")])
    git(repo, "commit", "-qam", "Редакция 1.1")

    edit(repo, RECRUITER, f"- {REMOVED}\n", "")
    new_edition(repo, "1.2", "2026-09-01", "№ 77-ОД от 01.09.2026", "исключены корпоративные мероприятия",
                [("1.1", "2026-05-10", "№ 40-ОД от 10.05.2026"), ("1.0", "2026-02-16", "№ 21-ОД от 16.02.2026")])
    git(repo, "commit", "-qam", "Редакция 1.2")
    return repo
