"""A scratch repository with real commits: three editions of the recruiter's instruction.

- commit 1: the project as it is, with a site_url (for the QR codes), the recruiter's file written as
  edition 1.0 (approved 16.02.2026) whatever edition the sample is at now;
- commit 2: edition 1.1 — duty «Разрабатывает анкеты…» reworded, a duty added after «Участвует в
  поддержании…», and the shared template of common rights reworded in the same commit;
- commit 3: edition 1.2 — duty «Организует совместные праздники…» removed.
"""

from __future__ import annotations

import os
import re
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
REMOVED = ("В пределах своего рабочего времени организует корпоративные праздники, поездки и другие мероприятия, "
           "направленные на сплочение коллектива; к работе в выходные и нерабочие праздничные дни привлекается "
           "только в порядке, установленном статьёй 113 Трудового кодекса Российской Федерации.")
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
                    f"changes: {changes}\n" + (f"history:{history}\n" if earlier else "") + f"tags:{rest}",
                    encoding="utf-8")


def supersede(repo: Path, file: str, approved: str, number: str, changes: str) -> tuple[str, str]:
    """CONTRIBUTING «Новая редакция»: the edition in force goes to the top of `history` (its corrections stay
    in its archive), the next version takes its place. Returns the versions superseded and new."""
    path = repo / file
    text = path.read_text(encoding="utf-8")
    current = re.search(r'\nversion: "(.*?)"\napproved: (\S+)\napproval:\n  number: (\S+)\n(?:changes: (.*)\n)?', text)
    assert current, f"{file}: no edition approved by an order number"
    entry = (f'  - version: "{current.group(1)}"\n    approved: {current.group(2)}\n'
             f'    approval: {{number: {current.group(3)}}}\n' + (f"    changes: {current.group(4)}\n" if current.group(4) else ""))
    text = re.sub(r"\ncorrections:\n(?:  .*\n)+", "\n", text)
    old_version = current.group(1)
    version = ".".join(old_version.split(".")[:-1] + [str(int(old_version.split(".")[-1]) + 1)])
    new = f'\nversion: "{version}"\napproved: {approved}\napproval: {{number: {number}}}\nchanges: {changes}\n'
    if "\nhistory:\n" in text:
        text = text.replace(current.group(0), new, 1).replace("\nhistory:\n", "\nhistory:\n" + entry, 1)
    else:
        text = text.replace(current.group(0), new + "history:\n" + entry, 1)
    path.write_text(text, encoding="utf-8")
    return old_version, version


def make_repository(root: Path) -> Path:
    repo = copy_project(root / "repo")
    (repo / ".gitignore").write_text("/site*/\n/.cache/\n__pycache__/\n", encoding="utf-8")
    edit(repo, "mkdocs.yml", "site_name: Должностные инструкции\n",
         f"site_name: Должностные инструкции\nsite_url: {SITE_URL}\n")
    new_edition(repo, "1.0", "2026-02-16", "№ 21-ОД от 16.02.2026", "первая редакция", [])
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


def build_with_archive(repo: Path, root: Path, site: str = "site"):
    """The scratch repository built strictly with the archive, PDFs and .docx on, each cache private to `root`."""
    import pytest
    from conftest import run_mkdocs_build
    with pytest.MonkeyPatch.context() as env:
        for name, value in (("JOBDESC_ARCHIVE", "1"), ("JOBDESC_PDF", "1"), ("JOBDESC_DOCX", "1")):
            env.setenv(name, value)
        for name in ("ARCHIVE", "PDF", "DOCX"):
            env.setenv(f"JOBDESC_{name}_CACHE", str(root / f"{name.lower()}-cache"))
        env.delenv("GITHUB_BASE_REF", raising=False)
        build = run_mkdocs_build(repo, root / site)
    assert build.returncode == 0, build.output[-3000:]
    return build
