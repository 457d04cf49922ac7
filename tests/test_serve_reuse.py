"""`mkdocs serve` reads and checks again only the position files that changed since its last rebuild, yet the
checks across positions still see every file: an edit of one position that breaks another position's reference,
or closes a circle of subordination, is reported with the other file and its line, and fixing it clears it.
The served tests run a real `mkdocs serve --dirty` on a scratch copy, over HTTP (test_serve.py's helpers, slow).
"""

from __future__ import annotations

import re
import time

import pytest

from conftest import copy_project
from test_serve import CLIENT, CONSULT, KEY_ACCOUNT, serving, text_of

REFERENCE = "- Соблюдает порядок п. [](key-account-manager.md#consult).\n\n## Права"
RELABELLED = ((CONSULT, "- {#advise} В случае необходимости"), ("[](#consult)", "[](#advise)"))
DIRECTOR = "docs/positions/commercial-director.md"
SAID = re.compile(r"Соблюдает порядок п\. \d+(?:\.\d+)+")  # the clause number, as the page prints it
FAILED = "Сайт не пересобран"  # serve's console line after each failed rebuild
CIRCLE = ("reports_to: general-director\n", "reports_to: sales-head\n")


def problems_on(live, path: str = "positions/client-manager/") -> list[tuple[str, str]]:
    """(where, what) of every message on the error page that a failed rebuild serves."""
    return [(item.select_one(".where").get_text(" ", strip=True), item.select_one(".what").get_text(" ", strip=True))
            for item in live.error_page(path).select("ol li")]


def relabel(live, undo: bool = False) -> None:
    for old, new in RELABELLED:
        live.edit(KEY_ACCOUNT, *((new, old) if undo else (old, new)))


@pytest.mark.slow  # a real `mkdocs serve`
def test_an_edit_that_breaks_another_positions_reference_is_reported_until_fixed(tmp_path):
    project = copy_project(tmp_path / "project")
    with serving(project) as live:
        live.edit(CLIENT, "\n\n## Права", "\n" + REFERENCE)
        line = (project / CLIENT).read_text(encoding="utf-8").splitlines().index(REFERENCE.splitlines()[0]) + 1
        live.page_when("positions/client-manager/", lambda h: SAID.search(text_of(h)), "the reference")

        relabel(live)  # client-manager.md is not touched: its own reading is reused, its reference is not
        found = problems_on(live)
        assert any(f"{CLIENT}" in where and f"строка {line}" in where and "#consult" in what and
                   "метку, которой нет в docs/positions/key-account-manager.md" in what for where, what in found), found
        assert all(CLIENT in where for where, _ in found), f"only the reference is wrong: {found}"

        relabel(live, undo=True)
        html = live.page_when("positions/client-manager/", lambda h: SAID.search(text_of(h)),
                              "the reference again")
        assert "<title>Сайт не собран" not in html


@pytest.mark.slow  # a real `mkdocs serve`
def test_a_circle_of_subordination_closed_by_one_file_is_reported_until_fixed(tmp_path):
    with serving(copy_project(tmp_path / "project")) as live:
        live.real_page("positions/sales-head/")  # a first rebuild of nothing: every file is read once
        live.edit(DIRECTOR, *CIRCLE)  # sales-head.md, unchanged, reports to commercial-director
        found = problems_on(live, "positions/sales-head/")
        assert any("подчинение замкнуто в круг" in what and "строка" in where and "docs/positions/" in where
                   for where, what in found), found
        live.edit(DIRECTOR, CIRCLE[1], CIRCLE[0])
        assert live.real_page("positions/sales-head/").h1 is not None


@pytest.mark.slow  # a real `mkdocs serve`
def test_a_page_left_broken_is_reported_on_every_rebuild_while_other_files_change(tmp_path):
    """A page's own check is reused while its text stays the same: its message must come back with it."""
    project = copy_project(tmp_path / "project")
    with serving(project) as live:
        page = project / "docs" / "procedure.md"
        good = page.read_text(encoding="utf-8")
        page.write_text(good + "\n{{ no_such_macro() }}\n", encoding="utf-8")
        line = len((good + "\n").splitlines()) + 1
        wanted = lambda found: any("docs/procedure.md" in where and f"строка {line}" in where and
                                   "неизвестный макрос «no_such_macro()»" in what for where, what in found)
        assert wanted(problems_on(live, "procedure/")), problems_on(live, "procedure/")
        duty = "- Ведёт учёт обращений клиентов.\n\n## Права"
        failed = live.output().count(FAILED)
        live.edit(CLIENT, "\n\n## Права", "\n" + duty)  # procedure.md is not touched
        deadline = time.monotonic() + 60
        while live.output().count(FAILED) == failed:  # the rebuild after this edit has failed too
            assert time.monotonic() < deadline, live.output()[-3000:]
            time.sleep(0.2)
        assert wanted(problems_on(live, "procedure/")), "the message of the unchanged page is said again"
        page.write_text(good, encoding="utf-8")
        assert "Ведёт учёт обращений" in text_of(live.page_when(
            "positions/client-manager/", lambda h: "<title>Сайт не собран" not in h and "<h1" in h, "the page"))


def test_an_unchanged_position_file_is_reused_and_its_problems_are_said_again(tmp_path):
    """What the next rebuild takes from the last one: the same position for the same bytes, with its problems."""
    from macros.checks.run import CheckedPositions

    docs = copy_project(tmp_path / "project") / "docs"
    positions = CheckedPositions()
    first, problems = positions.load(docs)
    assert problems == [], problems
    client = docs.parent / CLIENT
    client.write_text(client.read_text(encoding="utf-8").replace("\n\n## Права", "\n- Новый пункт.\n\n## Права", 1),
                      encoding="utf-8")
    second, _ = positions.load(docs)
    assert second["key-account-manager"] is first["key-account-manager"], "an unchanged file is not read again"
    assert "Новый пункт." in second["client-manager"].body and second["client-manager"] is not first["client-manager"]
    client.write_text(client.read_text(encoding="utf-8").replace("## Права", "##Права", 1), encoding="utf-8")
    for _ in range(2):  # the unchanged broken file is explained on every rebuild, with its line
        _, problems = positions.load(docs)
        assert [(p.file, "«##Права»" in p.message, bool(p.line)) for p in problems] == [(CLIENT, True, True)], problems


@pytest.mark.parametrize("file, old, new", [
    (CLIENT, "reports_to: general-director\n", "reports_to: general-director\nreports_to: sales-head\n"),
    (CLIENT, "title:", "title: [не закрыта\nx:"),
    (CLIENT, "## Права", "##Права"),
    (KEY_ACCOUNT, CONSULT, "- {#Consult} В случае необходимости"),
    (KEY_ACCOUNT, "## Ответственность", "## Ответсвенность"),
    (DIRECTOR, "---", "--"),
])
def test_a_serve_rebuild_finds_what_a_fresh_read_finds(tmp_path, file, old, new):
    """Each edit is read by the same CheckedPositions as the one before it: the same positions and messages."""
    from macros.checks.run import CheckedPositions

    docs = copy_project(tmp_path / "project") / "docs"
    positions = CheckedPositions()
    positions.load(docs)
    path = docs.parent / file
    original = path.read_text(encoding="utf-8")
    assert old in original
    for text, broken in ((original.replace(old, new, 1), True), (original, False)):
        path.write_text(text, encoding="utf-8")
        warm, fresh = positions.load(docs), CheckedPositions().load(docs)
        assert bool(fresh[1]) == broken, fresh[1]
        assert warm[1] == fresh[1] and warm[0].positions == fresh[0].positions
    assert warm[1] == [] and positions.load(docs)[1] == []
    path.unlink()  # a removed file is forgotten
    assert positions.load(docs)[0].positions == CheckedPositions().load(docs)[0].positions
