"""Word layouts the import had never seen keep their structure, or the report says what HR must check.

Each document of word_corpus_layouts.py, word_corpus_unseen.py and word_corpus_round_three.py states what a careful HR person expects: the duties with their
sub-items in the document's order, no doubt where the document is unambiguous, and a message naming the
paragraph where something could not be carried over. Then the whole folder is imported with the command
and the site built strictly, as HR does it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
import yaml

from conftest import ROOT, copy_project, run_mkdocs_build
from macros.commands.word_import.convert import convert
from macros.commands.word_import.reading import UnreadableDocument
from macros.model.loading import load_staff
from word_corpus_layouts import MAKERS as FIRST_ROUND
from word_corpus_round_three import MAKERS as THIRD_ROUND
from word_corpus_unseen import MAKERS as SECOND_ROUND

MAKERS = {**FIRST_ROUND, **SECOND_ROUND, **THIRD_ROUND}

SEVERAL = "povar-i-oficiant.docx"


@pytest.fixture(scope="module")
def staff():
    return load_staff(ROOT / "docs")[0]


def duties_of(text: str) -> list[tuple[str, list[str]]]:
    """The duties of a position file as (clause, [sub-items at any depth])."""
    section = text.split("## Должностные обязанности\n")[1].split("\n## ")[0]
    duties = []
    for line in section.splitlines():
        if line.startswith("- "):
            duties.append((line[2:], []))
        elif line.strip().startswith("- "):
            duties[-1][1].append(line.strip()[2:])
    return duties


@pytest.mark.parametrize("name", [name for name in MAKERS if name != SEVERAL])
def test_each_layout_keeps_its_duties_sub_items_and_order(name, staff, tmp_path):
    expect = MAKERS[name](tmp_path / name)
    result = convert(tmp_path / name, staff)
    assert duties_of(result.text) == expect.duties
    report = "\n".join(result.recognised + result.attention + result.doubts)
    assert (result.doubts == []) == expect.sure, f"{name}: doubts {result.doubts}"
    assert ("Не распознано" in result.text) == expect.unknown, result.text.split("!!! reference")[-1]
    for phrase in expect.report:
        assert phrase in report, f"{name}: «{phrase}» is not in the report:\n{report}"
    for phrase in expect.text:
        assert phrase in result.text
    for phrase in expect.absent:
        assert phrase not in result.text, f"{name}: «{phrase}» is in the file"
    for key, value in expect.fields.items():
        assert result.fields.get(key) == value, f"{name}: {key} is {result.fields.get(key)!r}"


def test_a_file_with_two_instructions_is_refused_naming_both_titles(staff, tmp_path):
    MAKERS[SEVERAL](tmp_path / SEVERAL)
    with pytest.raises(UnreadableDocument, match=r"несколько должностных инструкций .*абзацах 6, 21.*Разделите"):
        convert(tmp_path / SEVERAL, staff)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("layouts")
    project = copy_project(root / "project")
    (root / "corpus").mkdir()
    expected = {name: maker(root / "corpus" / name) for name, maker in MAKERS.items()}
    result = subprocess.run([sys.executable, "-m", "macros.import_docx", str(root / "corpus")], cwd=project,
                            capture_output=True, text=True, timeout=300)
    return SimpleNamespace(project=project, expected=expected, result=result,
                           build=run_mkdocs_build(project, root / "site"))


@pytest.mark.slow
def test_the_folder_imports_with_the_command_and_the_site_builds_strictly(imported):
    output = imported.result.stdout + imported.result.stderr
    assert "Traceback" not in output
    assert imported.result.returncode == 1, "one document could not be imported: the exit code says so"
    assert re.search(rf"Не импортирован \S+/{SEVERAL}: в документе несколько должностных инструкций", output)
    assert imported.build.returncode == 0, imported.build.output
    written = dict(re.findall(r"^Импорт: \S+/([\w-]+\.docx) → (\S+)$", imported.result.stdout, re.M))
    assert set(written) == set(MAKERS) - {SEVERAL}
    for name, path in written.items():
        page = imported.build.position((imported.project / path).stem)
        text = (imported.project / path).read_text(encoding="utf-8")
        number = re.findall(r"^## (.+)$", text, re.M).index("Должностные обязанности") + 1  # «Функции» may be 2
        duties = [li for li in page.select("li[data-clause]") if li["data-clause"].count(".") == 1
                  and li["data-clause"].startswith(f"{number}.")]
        assert len(duties) == len(imported.expected[name].duties), name
        front = yaml.safe_load(text.split("---")[1])
        assert front["title"] and front["department"]


@pytest.mark.parametrize("line", ["а" * 10_000 + ":", "Экспедитор " * 900 + "обязан" + " x" * 500 + ":",
                                  "-" * 10_000 + " обязан:", "а." + " " * 10_000, "ааа " * 2_500 + "вправе:"])
def test_the_third_round_patterns_read_a_hostile_line_in_linear_time(line):
    """A clause announcing its list («… обязан:») and a lettered item («а. …») are found by patterns on HR's text:
    a 10,000-character line must not make them backtrack."""
    import time

    from macros.commands.word_import.outline import LETTER_ITEM
    from macros.commands.word_import.structure import ANNOUNCING
    started = time.perf_counter()
    for _ in range(20):
        ANNOUNCING.match(line), LETTER_ITEM.match(line)
    assert time.perf_counter() - started < 0.5
