"""Shortcuts that make the build cheaper give exactly the answers of the slow way (tests/benchmark/README.md).

- Typography runs each group of rules only where the text has what the group needs, with patterns
  spelled to be tried at fewer places (macros/render/typography.py): on every line the site is made of,
  and on lines made to trip each rule, the result equals running every rule as first written.
- The offline check looks closely only at resource attributes whose value could leave the site
  (macros/checks/offline.py): every way of spelling another host is still found, plain relative
  addresses are not even candidates.
- Compacting finds the elements whose whitespace stays (pre, textarea, script, style) with a pattern tried
  only at each "<" (macros/hooks/compact.py): the same elements as the pattern as first written.
- The sanitiser's verdict «nothing removed» takes a shortcut when the only difference is how U+00A0
  is written (macros/render/safe_html.py); a removed attribute is still noticed.
- The checks of many files run on both cores (macros/model/two_cores.py): the same problems in the same
  order as in one process, and a copy that fails costs time, never an answer.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.checks import offline
from macros.model import two_cores
from macros.checks.run import CheckedPositions
from macros.hooks import compact
from macros.render import typography
from macros.render.safe_html import sanitise, sanitised

ROOT = Path(__file__).resolve().parent.parent


SPACE, NBSP, ONE = typography.SPACE, typography.NBSP, typography.ONE_LETTER_WORDS
# The rules as first written, each pattern looking behind before its first character; typography.RULES
# spells them to be tried at fewer positions of the text.
FIRST_WRITTEN = [
    (rf"\b([иИвВ]){SPACE}(?=т\.\s*[пдечк]\.)", rf"\1{NBSP}"),
    (rf"\b([тТ])\.{SPACE}([пдечк])\.", rf"\1.{NBSP}\2."),
    (rf"(?<![\w.])([А-ЯЁ])\.{SPACE}([А-ЯЁ])\.{SPACE}(?=[А-ЯЁ][а-яё])", rf"\1.{NBSP}\2.{NBSP}"),
    (rf"(?<![\w.])([А-ЯЁ])\.{SPACE}(?=[А-ЯЁ]\.)", rf"\1.{NBSP}"),
    (rf"([А-ЯЁ][а-яё]+){SPACE}(?=[А-ЯЁ]\.{NBSP}?[А-ЯЁ]\.)", rf"\1{NBSP}"),
    (rf"([№§]){SPACE}(?=\S)", rf"\1{NBSP}"),
    (rf"\b(пп|п|ст|ч|гл|разд|абз|подп|табл|рис)\.{SPACE}(?=\d)", rf"\1.{NBSP}"),
    (rf"(\d){SPACE}(?=[а-яё])", rf"\1{NBSP}"),
    (rf"(?<=\S){SPACE}(?=[—–]\s)", NBSP),
    (rf"(?<![\w.\-])([{ONE}]){SPACE}(?=\S)", rf"\1{NBSP}"),
    (rf"\b([оО]т){SPACE}(?=\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}})", rf"\1{NBSP}"),
]


def _every_rule(text: str, following: str = "") -> str:
    """The rules as they ran before the shortcuts: all of them, as first written, in order, on any text."""
    if not text:
        return text
    joined = text + following[:1]
    for pattern, replacement in FIRST_WRITTEN:
        joined = re.sub(pattern, replacement, joined)
    return joined[: len(joined) - len(following[:1])] if following else joined


TRICKY = [
    "и т. п.", "и т.п.", "т. е. так", "в т. ч. премии", "И. И. Иванов", "Иванов И. И.", "И. Иванов",
    "А. Б. В. Г.", "№ 14-ОД", "§ 2", "п. 2.7", "пп. 3", "ст. 22 и ч. 1", "табл. 4", "5 лет", "2026 г.",
    "текст — дальше", "текст – дальше", "текст —", "1 январь", "3.\tлет", "т.\nп.", "a  — b", "х\u00a0— у",
    "Иванов\u00a0И. И.", "ИВАНОВ И. И.", "т. к. А. Б. Петров, № 5 и 6 дней — всё",
    "в связи с работой", "закон «О персональных данных»", "приказ от 16.02.2026 № 21-ОД", "от\u00a01.2.26",
    "к-в отчёт", "А. С. Кузнецова и я", "строка и", "о\tклиентах",
    # what stands right before a rule's first character decides: a letter, a digit, a dot, a hyphen, a start
    "ви т. п.", "5т. п.", "x.т. п.", "ХИ. И. Иванов", ".И. И. Иванов", "5И. Иванов", "пот 16.02.2026",
    "1от 16.02.2026", "приказ от  16.02.2026", ".в отчёт", "5в отчёт", "в отчёт", "ав отчёт", "-И. И. Иванов", "_т. е.",
]


def _lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "macros" / "templates").glob("*")]
    return [line for text in texts for line in text.splitlines() if line.strip()] + TRICKY


def test_typography_shortcut_gives_what_every_rule_gives():
    lines = _lines()
    assert len(lines) > 300
    changed = 0
    for line in lines:
        for following in ("", "2", "И", " "):
            expected = _every_rule(line, following)
            assert typography.typeset(line, following) == expected, (line, following)
            changed += expected != line
    assert changed > 50, "the lines exercise the rules"


def test_text_of_spaces_only_is_never_changed():
    """The tree walk passes such text over without asking the rules (typography.Typography._element)."""
    for spaces in (" ", "\n", "\n    ", " \t ", "\u00a0", " \u00a0 "):
        for following in ("", "2", "—", "И", "т", ".", " ", "п"):
            assert _every_rule(spaces, following) == spaces, (spaces, following)


LEAVING = [
    '<img src="https://evil.example/x.png">', '<img src="//evil.example/x.png">', "<img src='//evil.example/x.png'>",
    "<img src=//evil.example/x.png>", '<img SRC="HTTPS://evil.example/x.png">', '<img/src="//evil.example/x.png">',
    '<img alt=""src="//evil.example/x.png">', '<img src=" //evil.example/x.png">', '<img src="/\t/evil.example/x.png">',
    '<img src="\\\\evil.example\\x.png">', '<img src="/\\evil.example/x.png">', '<img src="&#47;&#47;evil.example/x">',
    '<img src="https&#58;//evil.example/x">', '<img srcset="a.png 1x, //evil.example/b.png 2x">',
    '<link rel="stylesheet" href="https://evil.example/x.css">', '<video poster="//evil.example/p.png"></video>',
    '<svg><use xlink:href="https://evil.example/s.svg#a"></use></svg>', '<object data="https://evil.example/o"></object>',
    '<div style="background: url(//evil.example/b.png)"></div>', '<style>@import "https://evil.example/x.css";</style>',
    '<img src' + ' ' * 40 + '=\n"//evil.example/x.png">', '<image href="//evil.example/i.png"/>',
]
STAYING = [
    '<img src="../assets/x.png">', '<img src="/assets/x.png">', '<a href="https://example.org/">ссылка</a>',
    '<a href="../positions/recruiter/#p2-3">п. 2.3</a>', '<link rel="stylesheet" href="../assets/stylesheets/x.css">',
    '<img src="data:image/png;base64,AAAA">', '<p>src="//evil.example/x.png" — это текст</p>',
    '<link rel="canonical" href="https://intranet.example/x/">', '<script>var a = "<img src=//evil.example>";</script>',
]


@pytest.mark.parametrize("markup", LEAVING)
def test_every_spelling_of_another_host_is_found(markup):
    assert offline.outside_resources(markup), markup


@pytest.mark.parametrize("markup", STAYING)
def test_the_site_itself_and_plain_links_are_allowed(markup):
    assert offline.outside_resources(markup) == [], markup


def test_relative_addresses_are_not_looked_at_closely():
    page = "".join(f'<a href="../positions/p{n}/">x</a><img src="../assets/i{n}.png">' for n in range(100))
    assert not list(offline.candidates(page)), "a relative address cannot leave the site"


def test_the_sanitiser_verdict_shortcut_still_notices_a_removal():
    clean = "<p>Иванов\u00a0И. И., <a href=\"../x/\">ссылка</a></p>"
    assert sanitise(clean) != clean, "nh3 writes U+00A0 as &nbsp;"
    assert sanitised(clean)[1], "nothing was removed"
    dirty = "<p onclick=\"alert(1)\">Иванов\u00a0И. И.</p>"
    assert not sanitised(dirty)[1], "a removed attribute is noticed"


@pytest.mark.parametrize("text", ["Ведёт учёт кадров", "{#label}  Ведёт учёт кадров и табелей", "1.2. Ведёт 5 раз",
                                  "", "{#x}", "— т. е. всегда", "ведёт_учёт_кадров", "İx y z", "Straße ǅem ẞ",
                                  "один", "a1b2c3d4", " {#a} {#b} Текст", "«Ведёт» (учёт); [кадров]"])
def test_a_clause_opening_read_in_one_match_is_its_first_three_words(text):
    """The clause outlines compare openings (macros/render/preview.py): one regular expression match
    gives the first three words of the label-less, lower-cased text, as a walk over all its words does."""
    from macros.render import preview

    words = re.findall(r"[^\W\d_]+", re.sub(r"^\s*\{#[^}]*\}", "", text, count=1).lower())
    assert preview._opening(text) == " ".join(words[:3])


VERBATIM_FIRST_WRITTEN = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)


def test_compacting_keeps_the_same_verbatim_elements_as_first_written():
    import random
    pieces = ["<pre>", "</pre>", "<PRE ", "</Pre >", "<script>", "</script\n>", "<", ">", "a", " ", "\n", "<style>",
              "</style>", "</", "<textarea>", "</TextArea>", "<ſtyle>", "<prex>", "</pre\t>", "<pré>"]
    chosen = random.Random(24)
    texts = ["".join(chosen.choice(pieces) for _ in range(chosen.randint(1, 15))) for _ in range(20000)]
    texts += [path.read_text(encoding="utf-8") for path in (ROOT / "overrides").rglob("*.html")]
    assert any(len(VERBATIM_FIRST_WRITTEN.split(text)) > 1 for text in texts)
    for text in texts:
        assert compact.VERBATIM.split(text) == VERBATIM_FIRST_WRITTEN.split(text), text


TWO_CORES = len(os.sched_getaffinity(0)) > 1



@pytest.mark.skipif(not TWO_CORES, reason="one core: the checks never fork")
def test_the_second_half_of_many_checks_is_answered_by_another_process_in_order():
    # In a process of its own: a test worker may hold threads of other tests (a served site), and then no copy is made.
    code = ("import os, json; from macros.model import two_cores; "
            "print(json.dumps([os.getpid(), two_cores.each(lambda item: (item * item, os.getpid()), list(range(150)))]))")
    shown = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    parent, answers = json.loads(shown)
    assert [value for value, _ in answers] == [item * item for item in range(150)]
    assert {pid for _, pid in answers[:75]} == {parent}
    assert parent not in {pid for _, pid in answers[75:]}


def test_few_checks_stay_in_this_process():
    assert {pid for _, pid in two_cores.each(lambda item: (item, os.getpid()), list(range(20)))} == {os.getpid()}


def test_a_check_that_fails_in_the_copy_fails_here_as_in_one_process():
    def check(item):
        if item == 140:
            raise ValueError("bad file")
        return item

    with pytest.raises(ValueError, match="bad file"):
        two_cores.each(check, list(range(150)))


def test_answers_the_copy_cannot_hand_over_are_found_here():
    answers = two_cores.each(lambda item: (lambda: item), list(range(150)))  # a function does not pickle
    assert [answer() for answer in answers] == list(range(150))


def test_checking_many_positions_on_two_cores_finds_what_one_process_finds(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "tests" / "benchmark"))
    import company

    positions = tmp_path / "docs" / "positions"
    shutil.copytree(ROOT / "docs" / "positions", positions)
    company.generate(positions, 160)
    files = sorted(positions.glob("*.md"))
    broken_files = [files[5], files[100], files[150]]  # in both halves
    for broken in broken_files:
        text = broken.read_text(encoding="utf-8")
        broken.write_text(text.replace("title:", "titel:", 1) + "\n# Лишний заголовок\n", encoding="utf-8")
    on_two_cores = CheckedPositions().load(tmp_path / "docs")[1]
    monkeypatch.setattr(two_cores, "FEWEST", 10 ** 9)
    in_one_process = CheckedPositions().load(tmp_path / "docs")[1]
    assert on_two_cores == in_one_process
    assert {problem.file for problem in in_one_process} >= {f"docs/positions/{f.name}" for f in broken_files}


def test_many_pages_read_on_two_cores_are_kept_for_the_next_build(tmp_path):
    from macros.model.build_cache import BuildCache

    pages = [(f"<img src='//host{number}.example/x.png'>" if number % 7 == 0 else f"<p>{number}</p>",)
             for number in range(150)]
    cache = BuildCache(tmp_path, "settings")
    found = cache.remembered_each("offline", pages, offline.outside_resources)
    assert found == [offline.outside_resources(page) for page, in pages]
    cache.finish()

    def never(_):
        raise AssertionError("a kept answer was worked out again")

    assert BuildCache(tmp_path, "settings").remembered_each("offline", pages, never) == found
