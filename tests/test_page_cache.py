"""The page cache (macros/render/page_cache.py) saves work, never changes a page and never hides a problem.

A build keeps, per page, what the git preview reads in it and the page as the site's steps left it
(parsed, numbered, with its table of contents and typography); the next build takes them from
`.cache/pages/` instead of doing that work again. These tests build a scratch copy cold and warm and
compare the two sites byte for byte, change each kind of input (a position's text, a wording template,
the code, a clause another page refers to) and see the page or the cache follow, and check that a page
whose conversion found a problem fails the second build just as it failed the first.
"""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown.util import AtomicString

from conftest import run_mkdocs_build
from macros.model.build_cache import STALE_AFTER_DAYS, BuildCache
from macros.render.page_cache import dump_tree, load_tree

RECRUITER = "docs/positions/recruiter.md"


def _entries(project: Path) -> dict[tuple[str, str], int]:
    """(kind, key) -> the day a build last used it, for every result kept in `.cache/pages/`."""
    return BuildCache(project / ".cache" / "pages").listing()


def _site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def _article_text(site: Path, slug: str) -> str:
    page = BeautifulSoup((site / "positions" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    return " ".join(page.select_one("article").get_text(" ").replace("\u00a0", " ").split())


def _build(project: Path, site: Path):
    build = run_mkdocs_build(project, site)
    assert build.returncode == 0, build.output[-3000:]
    return build


@pytest.mark.slow  # cold and warm builds of a scratch copy
def test_a_warm_build_takes_every_page_from_the_cache_and_writes_the_same_site(scratch, tmp_path):
    _build(scratch, tmp_path / "cold")
    kept = _entries(scratch)
    positions = list((scratch / "docs" / "positions").glob("*.md"))
    trees = [entry for entry in kept if entry[0] == "tree"]
    assert len(trees) >= len(positions), "every position's parsed page is kept after the first build"
    assert any(kind == "preview" for kind, _ in kept), "the preview's reading is kept"
    assert any(kind == "search" for kind, _ in kept), "the search entries are kept"
    assert len(list((scratch / ".cache" / "pages").iterdir())) <= 2 * len({kind for kind, _ in kept}), \
        "a file per kind of result, not one per page"
    for days in (scratch / ".cache" / "pages").glob("*.used.json"):  # as if kept three days ago
        days.write_text(json.dumps({key: day - 3 for key, day in json.loads(days.read_text()).items()}))

    _build(scratch, tmp_path / "warm")
    after = _entries(scratch)
    assert set(after) == set(kept), "a build with nothing changed parses no page anew"
    assert all(after[entry] == kept[entry] for entry in trees), "the warm build used the kept pages today"
    cold, warm = _site_files(tmp_path / "cold"), _site_files(tmp_path / "warm")
    assert sorted(cold) == sorted(warm)
    changed = [name for name in cold if cold[name] != warm[name]]
    assert not changed, f"pages taken from the cache differ from pages parsed anew: {changed[:5]}"


@pytest.mark.slow  # cold and warm builds of a scratch copy
def test_a_changed_text_template_or_code_is_never_served_from_the_cache(scratch, tmp_path):
    _build(scratch, tmp_path / "first")
    position = scratch / RECRUITER
    text = position.read_text(encoding="utf-8")
    duty = next(line for line in text.splitlines() if line.startswith("- ") and "{#" not in line)
    position.write_text(text.replace(duty, "- Проверяет, что кэш страниц не подменяет правку.", 1), encoding="utf-8")
    template = scratch / "macros" / "templates" / "common_rights.md"
    template.write_text(template.read_text(encoding="utf-8").replace("\n- ", "\n- Кроме того, ", 1), encoding="utf-8")

    _build(scratch, tmp_path / "second")
    page = (tmp_path / "second" / "positions" / "recruiter" / "index.html").read_text(encoding="utf-8")
    assert "кэш страниц не подменяет правку" in page, "the edited clause is on the page"
    assert duty[2:40] not in page, "the old clause is gone"
    assert "Кроме того," in page, "a changed wording template reaches every page at once"

    before = set(_entries(scratch))
    code = scratch / "macros" / "render" / "typography.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n# a change to the code\n", encoding="utf-8")
    _build(scratch, tmp_path / "third")
    new = [entry for entry in set(_entries(scratch)) - before if entry[0] == "tree"]
    assert len(new) >= len(list((scratch / "docs" / "positions").glob("*.md"))), \
        "a change to the code parses every page anew"


@pytest.mark.slow  # cold, warm and uncached builds of a scratch copy
def test_a_reference_to_a_renumbered_clause_is_never_served_from_the_cache(scratch, tmp_path, monkeypatch):
    """One page names another position's clause; that position gets a clause above it while the page
    stays as it was: the warm build prints the new number, exactly as a build without the cache."""
    client = scratch / "docs" / "positions" / "client-manager.md"
    text = client.read_text(encoding="utf-8")
    client.write_text(text.replace("\n## Права\n", "\nСоблюдает п. [](key-account-manager.md#consult).\n\n## Права\n", 1),
                      encoding="utf-8")
    _build(scratch, tmp_path / "cold")
    said = "Соблюдает п. 2.{} должностной инструкции менеджера по работе с ключевыми клиентами"
    assert said.format(7) in _article_text(tmp_path / "cold", "client-manager")

    manager = scratch / "docs" / "positions" / "key-account-manager.md"
    text = manager.read_text(encoding="utf-8")
    manager.write_text(text.replace("\n- {#consult} ", "\n- Сверяет заказ клиента с договором.\n- {#consult} ", 1),
                       encoding="utf-8")
    _build(scratch, tmp_path / "warm")
    assert said.format(8) in _article_text(tmp_path / "warm", "client-manager"), "the reference follows its clause"
    monkeypatch.setenv("JOBDESC_PAGE_CACHE", "0")
    _build(scratch, tmp_path / "uncached")
    warm, uncached = _site_files(tmp_path / "warm"), _site_files(tmp_path / "uncached")
    assert sorted(warm) == sorted(uncached)
    changed = [name for name in warm if warm[name] != uncached[name]]
    assert not changed, f"the warm build differs from a build without the cache: {changed[:5]}"


PROBLEMS = {
    "raw HTML in a clause": (("\n## Права\n", "\nТекст с <b onclick=\"alert(1)\">разметкой</b>.\n\n## Права\n"),
                             "HTML-разметка в тексте не публикуется"),
    "a field the schema refuses": (("\ncategory: ", "\ncategory: Начальство\nold_category: "), "category"),
}


@pytest.mark.slow  # cold and warm builds of a scratch copy
@pytest.mark.parametrize("problem", PROBLEMS, ids=list(PROBLEMS))
def test_a_problem_fails_the_warm_build_too(problem, scratch, tmp_path):
    (old, new), said = PROBLEMS[problem]
    position = scratch / RECRUITER
    text = position.read_text(encoding="utf-8")
    assert old in text
    position.write_text(text.replace(old, new, 1), encoding="utf-8")
    outputs = []
    for attempt in ("first", "second"):  # the second build has the first one's cache
        build = run_mkdocs_build(scratch, tmp_path / attempt)
        assert build.returncode != 0, f"the {attempt} build must fail"
        assert RECRUITER in build.output and said in build.output, build.output[-2000:]
        assert "Traceback" not in build.output
        outputs.append([line for line in build.output.splitlines() if RECRUITER in line])
    assert outputs[0] == outputs[1], "the warm build names the same problems at the same lines"


def test_a_result_is_computed_once_and_taken_back_by_the_next_build(tmp_path):
    calls = []

    def work():
        calls.append(1)
        return ["чистый текст", True]

    first = BuildCache(tmp_path, {"settings": 1})
    assert first.remembered("sanitised", ("<p>страница</p>",), work) == ["чистый текст", True]
    first.finish()
    later = BuildCache(tmp_path, {"settings": 1})
    assert later.remembered("sanitised", ("<p>страница</p>",), work) == ["чистый текст", True]
    assert len(calls) == 1, "the second build takes the kept result"
    assert later.remembered("sanitised", ("<p>другая</p>",), work) and len(calls) == 2, "other input: computed"
    nothing = BuildCache.for_project(tmp_path, {}, "0")
    nothing.remembered("sanitised", ("<p>страница</p>",), work)
    assert len(calls) == 3, "a build without a cache computes every time"


def test_a_sanitised_page_is_kept_without_a_copy_of_itself_and_comes_back_the_same(tmp_path):
    from macros.render.safe_html import sanitised
    page = "<p>Права и\u00a0обязанности</p>\n" * 200
    cold = sanitised(page, BuildCache(None))
    first = BuildCache(tmp_path)
    assert sanitised(page, first) == cold == (page.replace("\u00a0", "&nbsp;"), True)
    first.finish()
    assert (tmp_path / "sanitised.jsonl").stat().st_size < len(page) / 10, "the page itself is not kept again"
    assert sanitised(page, BuildCache(tmp_path)) == cold, "the next build gets the same page back"
    dirty = '<p onclick="x()">Текст</p>'
    first = BuildCache(tmp_path)
    assert sanitised(dirty, first) == ("<p>Текст</p>", False)
    first.finish()
    assert sanitised(dirty, BuildCache(tmp_path)) == ("<p>Текст</p>", False), "what nh3 changed is kept as it made it"


def test_a_kept_tree_is_the_tree_that_was_kept():
    root = etree.Element("div")
    paragraph = etree.SubElement(root, "p", {"class": "x"})
    paragraph.text = "Текст "
    code = etree.SubElement(paragraph, "code")
    code.text = AtomicString("<не трогать>")
    code.tail = " и\u00a0хвост"
    data = dump_tree(paragraph)
    again = load_tree(data)
    assert etree.tostring(again, encoding="unicode") == etree.tostring(paragraph, encoding="unicode")
    assert type(again[0].text) is AtomicString, "text kept from inline processing stays so"
    assert dump_tree(etree.Comment("x")) is None, "anything but plain elements is not kept"


def test_unused_entries_go_after_two_weeks_and_used_ones_stay(tmp_path):
    now = time.time()
    month_ago = now - 30 * 86400
    first = BuildCache(tmp_path, {"settings": 1})
    for name in ("used", "old"):
        first.put("tree", first.key(name), {"name": name})
    first.finish(month_ago)
    later = BuildCache(tmp_path, {"settings": 1})
    assert later.get("tree", later.key("used")) == {"name": "used"}
    later.put("tree", later.key("young"), {"name": "young"})
    later.finish(now)
    again = BuildCache(tmp_path, {"settings": 1})
    assert again.get("tree", again.key("used")) == {"name": "used"}, "used today: it stays"
    assert again.get("tree", again.key("young")) == {"name": "young"}, "put today: it stays"
    assert again.get("tree", again.key("old")) is None, "no build used it for a month: it is gone"
    assert len((tmp_path / "tree.jsonl").read_text(encoding="utf-8").splitlines()) == 2, "and gone from the file"
    assert BuildCache(tmp_path, {"settings": 2}).key("used") != later.key("used"), "the settings are part of every key"


def test_a_torn_or_garbled_line_is_only_work_done_again(tmp_path):
    """A build killed mid-write leaves half a line; the next build does that work again and mends the file."""
    cache = BuildCache(tmp_path, {"settings": 1})
    for name in ("a", "b"):
        cache.put("tree", cache.key(name), {"name": name})
    cache.finish()
    data = tmp_path / "tree.jsonl"
    whole = data.read_text(encoding="utf-8")
    data.write_text(whole.replace('"b"}', '"b', 1)[:-1], encoding="utf-8")
    later = BuildCache(tmp_path, {"settings": 1})
    assert later.get("tree", later.key("a")) == {"name": "a"}
    assert later.get("tree", later.key("b")) is None
    later.put("tree", later.key("b"), {"name": "b"})
    later.finish()
    assert data.read_text(encoding="utf-8") == whole, "the file is whole again"


def test_the_cache_can_be_moved_and_turned_off(tmp_path):
    """Option page_cache (JOBDESC_PAGE_CACHE through mkdocs.yml, tests/test_plugin.py): 0 keeps nothing,
    a folder moves the cache, nothing set keeps it in .cache/pages."""
    off = BuildCache.for_project(tmp_path, {}, "0")
    assert off.folder is None and off.get("tree", "x") is None
    off.put("tree", "x", {})
    assert not (tmp_path / ".cache").exists()
    assert BuildCache.for_project(tmp_path, {}, str(tmp_path / "elsewhere")).folder == tmp_path / "elsewhere"
    assert BuildCache.for_project(tmp_path, {}, "").folder == tmp_path / ".cache" / "pages"
    assert STALE_AFTER_DAYS == 14


@pytest.mark.slow  # cold and warm builds of a scratch copy
def test_a_resource_on_another_host_stops_the_warm_build_too(scratch, tmp_path):
    """The verdicts of the last guards (sanitiser, outside requests) are kept too: a page that loads a
    stylesheet from another host fails the second build just as the first."""
    config = scratch / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nextra_css:\n  - https://cdn.example.org/site.css\n",
                      encoding="utf-8")
    for attempt in ("first", "second"):
        build = run_mkdocs_build(scratch, tmp_path / attempt)
        assert build.returncode != 0, f"the {attempt} build published a page that loads from another host"
        assert "ресурс с другого сервера: https://cdn.example.org/site.css" in build.output, build.output[-2000:]
        assert "Traceback" not in build.output


def test_a_result_put_again_under_its_key_replaces_the_kept_one(tmp_path):
    """A kept page whose references no longer hold is converted anew under the same key: the file
    then holds the new page, not the stale one next to it."""
    first = BuildCache(tmp_path, {"settings": 1})
    first.put("tree", first.key("page"), {"number": "2.7"})
    first.finish()
    later = BuildCache(tmp_path, {"settings": 1})
    assert later.get("tree", later.key("page")) == {"number": "2.7"}
    later.put("tree", later.key("page"), {"number": "2.8"})
    later.finish()
    assert BuildCache(tmp_path, {"settings": 1}).get("tree", later.key("page")) == {"number": "2.8"}
    assert len((tmp_path / "tree.jsonl").read_text(encoding="utf-8").splitlines()) == 1
