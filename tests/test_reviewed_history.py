"""The archive publishes only states somebody reviewed, and never runs an old commit's template as code.

A scratch repository (tests/edition_history.py: the recruiter's editions 1.0, 1.1 and 1.2) is published
once by a publishing build (JOBDESC_PUBLISH=1), which leaves its ledger in the site. Each case then
clones the repository, adds history the way a pull request could reach main, and builds into a copy of
that published site, as the publish job on the intranet runner would.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jinja2
import pytest
from jinja2.sandbox import SecurityError

from conftest import ROOT, run_mkdocs_build
from edition_history import CHANGED_NEW, RECRUITER, edit, git, make_repository, new_edition

LEDGER = ".published-editions.json"
EARLIER = [("1.2", "2026-09-01", "№ 77-ОД от 01.09.2026"), ("1.1", "2026-05-10", "№ 40-ОД от 10.05.2026"),
           ("1.0", "2026-02-16", "№ 21-ОД от 16.02.2026")]
TEXT_13 = "Разрабатывает анкеты, тесты и кейсы для оценки кандидатов и опросов работников."
TEXT_14 = "Разрабатывает тесты и кейсы для оценки кандидатов."
TEMPLATE = "macros/templates/general_provisions.md"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The repository and the site its first publishing build wrote (with the ledger)."""
    root = tmp_path_factory.mktemp("reviewed")
    repo = make_repository(root)
    with pytest.MonkeyPatch.context() as env:
        _publishing(env, root)
        build = run_mkdocs_build(repo, root / "site")
    assert build.returncode == 0, build.output
    return repo, build.site


@pytest.fixture
def publish(published, tmp_path, monkeypatch):
    """A clone of the published repository, and a function that builds it into a copy of the published site."""
    repo, site = published
    _publishing(monkeypatch, site.parent)
    clone = tmp_path / "repo"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    shutil.copytree(site, tmp_path / "site")
    return clone, lambda target=tmp_path / "site": run_mkdocs_build(clone, target)


def _publishing(env, root: Path) -> None:
    env.setenv("JOBDESC_PUBLISH", "1")
    env.setenv("JOBDESC_ARCHIVE", "1")
    env.setenv("JOBDESC_PDF", "0")
    env.setenv("JOBDESC_DOCX", "0")
    env.setenv("JOBDESC_ARCHIVE_CACHE", str(root / "archive-cache"))  # shared: each case renders only its own
    env.delenv("GITHUB_BASE_REF", raising=False)


def _edition_13(repo: Path, text: str) -> None:
    edit(repo, RECRUITER, CHANGED_NEW, text)
    new_edition(repo, "1.3", "2026-11-02", "№ 90-ОД от 02.11.2026", "уточнены материалы оценки", EARLIER)


def _head(repo: Path) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def _text(build, url: str) -> str:
    return " ".join(build.page(url).select_one("article").get_text(" ").split())


def test_the_first_publish_starts_the_ledger_of_what_it_published(published):
    repo, site = published
    ledger = json.loads((site / LEDGER).read_text(encoding="utf-8"))
    assert ledger["reviewed_until"] == _head(repo), "the first ledger takes the whole main line as reviewed"
    editions = ledger["editions"]
    assert {url: e["current"] for url, e in editions.items() if "recruiter" in url} == {
        "positions/recruiter/editions/1.0/": False, "positions/recruiter/editions/1.1/": False,
        "positions/recruiter/editions/1.2/": True}
    assert all(len(e["printed"]) == 64 for e in editions.values()), "each edition's printed text has its digest"


def test_a_template_of_an_old_commit_runs_no_code_and_an_unreviewed_commit_is_not_rendered(publish, tmp_path):
    """The attack: a pull request adds Jinja to a printed template in one commit and reverts it in the next;
    its overall diff touches only the position, and "rebase and merge" puts both commits on main."""
    repo, build = publish
    marker = tmp_path / "jinja-ran"
    original = (repo / TEMPLATE).read_text(encoding="utf-8")
    (repo / TEMPLATE).write_text(original + "- {{ cycler.__init__.__globals__.os.popen('touch %s').read() }}\n"
                                 % marker, encoding="utf-8")
    git(repo, "commit", "-qam", "Общие положения")
    attack = _head(repo)
    (repo / TEMPLATE).write_text(original, encoding="utf-8")
    _edition_13(repo, TEXT_13)
    git(repo, "commit", "-qam", "Редакция 1.3")

    # Without a ledger (a first publish, a fresh folder) every main-line commit is an archive state: edition
    # 1.2 is rendered as of the attack commit, in Jinja's sandbox.
    fresh = build(tmp_path / "fresh-site")
    assert fresh.returncode != 0, "a template reaching into Python internals must stop the build"
    assert not marker.exists(), "the old commit's template ran a command on the publishing machine"
    assert attack[:10] in fresh.output and "песочнице" in fresh.output, fresh.output[-3000:]
    assert not (tmp_path / "fresh-site").exists(), "a failed build publishes nothing"

    # Into the published site: the attack commit was neither published nor a merge, so it is folded into the
    # next one; edition 1.2 is the published text and the template is never rendered.
    done = build()
    assert done.returncode == 0, done.output[-3000:]
    assert not marker.exists()
    assert TEXT_13 in _text(done, "positions/recruiter/editions/1.3/")
    assert CHANGED_NEW in _text(done, "positions/recruiter/editions/1.2/")
    ledger = json.loads((done.site / LEDGER).read_text(encoding="utf-8"))
    assert ledger["published"] == [_head(repo)], "the new head is recorded as published, the attack commit is not"


def test_a_rewritten_published_commit_stops_the_build(publish, published):
    repo, build = publish
    published_head = _head(repo)
    edit(repo, RECRUITER, CHANGED_NEW, TEXT_13)
    git(repo, "commit", "-qa", "--amend", "--no-edit")  # then `git push --force` to main
    before = (published[1] / LEDGER).read_bytes()

    result = build()
    assert result.returncode != 0, "a force-pushed main must not be published"
    assert "История main перезаписана" in result.output and published_head[:10] in result.output, result.output[-2000:]
    assert "force-push" in result.output and "Merge commit" in result.output, "the message says why and what to do"
    assert "Traceback" not in result.output
    assert (result.site / LEDGER).read_bytes() == before, "the published site is left as it was"


def test_an_edition_only_in_an_unreviewed_intermediate_commit_stops_the_build(publish):
    """Two commits pushed at once (fast-forward): edition 1.3 exists only between them; nobody reviewed it."""
    repo, build = publish
    _edition_13(repo, TEXT_13)
    git(repo, "commit", "-qam", "Редакция 1.3")
    intermediate = _head(repo)
    edit(repo, RECRUITER, TEXT_13, TEXT_14)
    edit(repo, RECRUITER, 'version: "1.3"', 'version: "1.4"')
    git(repo, "commit", "-qam", "Редакция 1.4")

    result = build()
    assert result.returncode != 0, "an edition nobody reviewed must not be archived"
    assert f"редакция 1.3 файла docs/positions/recruiter.md: только в коммите {intermediate[:10]}" in result.output, \
        result.output[-2000:]
    assert "коммитом слияния" in result.output and "Rebase and merge" in result.output
    assert "Traceback" not in result.output


def test_a_pull_request_merged_with_a_merge_commit_is_published(publish):
    repo, build = publish
    git(repo, "checkout", "-qb", "pr")
    _edition_13(repo, TEXT_14)
    git(repo, "commit", "-qam", "Черновик редакции 1.3")
    edit(repo, RECRUITER, TEXT_14, TEXT_13)
    git(repo, "commit", "-qam", "Редакция 1.3 после замечаний")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge pull request #7", "pr")

    result = build()
    assert result.returncode == 0, result.output[-3000:]
    assert TEXT_13 in _text(result, "positions/recruiter/editions/1.3/")
    assert TEXT_14 not in _text(result, "positions/recruiter/editions/1.3/"), "a branch commit is no edition"
    assert CHANGED_NEW in _text(result, "positions/recruiter/editions/1.2/")
    ledger = json.loads((result.site / LEDGER).read_text(encoding="utf-8"))
    assert ledger["published"] == [_head(repo)]
    assert ledger["editions"]["positions/recruiter/editions/1.2/"]["current"] is False


def test_an_archived_edition_that_would_print_other_text_stops_the_build(publish):
    """Edition 1.1 issued again with other text would replace the archived 1.1 that was published. Its history lists
    1.2 under 1.1, so the front matter's check refuses it first, as an edition numbered back (checks/fields.py)."""
    repo, build = publish
    edit(repo, RECRUITER, CHANGED_NEW, TEXT_13)
    new_edition(repo, "1.1", "2026-11-02", "№ 90-ОД от 02.11.2026", "уточнены материалы оценки",
                [EARLIER[0], EARLIER[2]])
    git(repo, "commit", "-qam", "Редакция 1.1 ещё раз")

    result = build()
    assert result.returncode != 0, "an archived edition's published text must not change"
    assert "recruiter.md:" in result.output and "редакция 1.2 — номер больше, чем у действующей (1.1)" in result.output, \
        result.output[-2000:]
    assert "Traceback" not in result.output
    assert TEXT_13 not in _text(result, "positions/recruiter/editions/1.1/"), "the published site is unchanged"


def test_a_code_change_that_would_print_an_archived_edition_otherwise_stops_the_build(publish):
    """Old editions are rendered by today's code: a developer's change to how clauses are numbered would print the
    published 1.1 otherwise. The ledger's printed text refuses it, naming the edition, and the published site stays."""
    repo, build = publish
    clauses = repo / "macros" / "render" / "clauses.py"
    code = clauses.read_text(encoding="utf-8")
    assert 'f"{number}.", "clause-number"' in code
    clauses.write_text(code.replace('f"{number}.", "clause-number"', 'f"{number})", "clause-number"'), encoding="utf-8")
    git(repo, "commit", "-qam", "Номера пунктов со скобкой")

    result = build()
    assert result.returncode != 0, "an archived edition's published text must not change"
    assert "напечаталась бы иначе" in result.output and "positions/recruiter/editions/1.1/" in result.output, \
        result.output[-2000:]
    assert "Traceback" not in result.output
    assert "2.1)" not in _text(result, "positions/recruiter/editions/1.1/"), "the published site is unchanged"


def test_the_publish_job_builds_as_the_publishing_build():
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    publish = workflow.split("\n  publish:", 1)[1]
    assert "JOBDESC_PUBLISH=1 .venv/bin/mkdocs build" in publish, "only the publish job keeps and checks the ledger"
    assert "JOBDESC_PUBLISH" not in workflow.split("\n  publish:", 1)[0], "a pull request's check never publishes"


@pytest.mark.parametrize("template", [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ position.__dict__ }}",
    "{% set x = position.duties.append('вписано') %}",
])
def test_a_past_template_reaching_into_python_is_refused_not_printed_as_nothing(template):
    from macros.exports.archive_forms import sandboxed
    today = jinja2.Environment(loader=jinja2.DictLoader({}), undefined=jinja2.StrictUndefined,
                               comment_start_string="{##", comment_end_string="##}")
    past = sandboxed(today, jinja2.DictLoader({"t.md": template}))
    with pytest.raises(SecurityError):
        past.get_template("t.md").render(position=_Position())


def test_a_past_template_keeps_todays_syntax_and_filters_but_not_the_macros_plugins_globals():
    from macros.exports.archive_forms import sandboxed
    today = jinja2.Environment(loader=jinja2.DictLoader({}), undefined=jinja2.StrictUndefined,
                               comment_start_string="{##", comment_end_string="##}")
    today.filters["lcfirst"] = lambda text: text[:1].lower() + text[1:]
    today.globals["context"] = lambda: {"config": "the unsandboxed environment is reachable from here"}
    past = sandboxed(today, jinja2.DictLoader({"ok.md": "{## note ##}- {{ position.title | lcfirst }} {#label}",
                                              "globals.md": "{{ context() }}"}))
    assert past.get_template("ok.md").render(position=_Position()) == "- менеджер {#label}"
    with pytest.raises(jinja2.UndefinedError):
        past.get_template("globals.md").render()


class _Position:
    title = "Менеджер"
    duties = ["Ведёт учёт"]
