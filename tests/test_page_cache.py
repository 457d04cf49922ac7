"""The page cache (macros/render/page_cache.py) saves work, never changes a page and never hides a problem.

A build keeps, per page, what the git preview reads in it and the tree Python-Markdown parsed from it;
the next build takes them from `.cache/pages/` instead of parsing again. These tests build a scratch
copy cold and warm and compare the two sites byte for byte, change each kind of input (a position's
text, a wording template, the code) and see the page or the cache follow, and check that a page
whose conversion found a problem fails the second build just as it failed the first.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from markdown.util import AtomicString

from conftest import run_mkdocs_build
from macros.model import build_cache
from macros.model.build_cache import BuildCache
from macros.render.page_cache import dump_tree, load_tree

RECRUITER = "docs/positions/recruiter.md"


def _entries(project: Path) -> dict[Path, float]:
    return {path: path.stat().st_mtime for path in (project / ".cache" / "pages").glob("*/*.json")}


def _site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def _build(project: Path, site: Path):
    build = run_mkdocs_build(project, site)
    assert build.returncode == 0, build.output[-3000:]
    return build


@pytest.mark.slow  # cold and warm builds of a scratch copy
def test_a_warm_build_takes_every_page_from_the_cache_and_writes_the_same_site(scratch, tmp_path):
    _build(scratch, tmp_path / "cold")
    kept = _entries(scratch)
    positions = list((scratch / "docs" / "positions").glob("*.md"))
    trees = [path for path in kept if path.parent.name == "tree"]
    assert len(trees) >= len(positions), "every position's parsed page is kept after the first build"
    assert any(path.parent.name == "preview" for path in kept), "the preview's reading is kept"
    assert any(path.parent.name == "search" for path in kept), "the search entries are kept"
    long_ago = time.time() - 3 * 86400
    for path in kept:
        os.utime(path, (long_ago, long_ago))

    _build(scratch, tmp_path / "warm")
    after = _entries(scratch)
    assert set(after) == set(kept), "a build with nothing changed parses no page anew"
    assert all(after[path] > long_ago for path in trees), "the warm build used the kept pages"
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
    new = [path for path in set(_entries(scratch)) - before if path.parent.name == "tree"]
    assert len(new) >= len(list((scratch / "docs" / "positions").glob("*.md"))), \
        "a change to the code parses every page anew"


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


def test_kept_data_comes_back_as_it_was():
    value = {"title": "Менеджер", "approved": dt.date(2026, 2, 2), "at": dt.datetime(2026, 2, 2, 10, 30),
             1: True, "n": 1, "x": 1.5, "none": None, "list": [1, "2", [dt.date(2020, 1, 1)]],
             ("history", 0, "approved"): 7, dt.date(2021, 1, 1): {"nested": {"k": (1, 2)}}}
    again = build_cache.from_data(json.loads(build_cache.as_json(value)))
    assert again == value
    assert [type(k) for k in again] == [type(k) for k in value]
    assert type(again[1]) is bool and type(again["n"]) is int and type(again["at"]) is dt.datetime
    with pytest.raises(build_cache.NotPlainData):
        build_cache.as_json({"set": {1, 2}})


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
    cache = BuildCache(tmp_path, {"settings": 1})
    for name in ("used", "young", "old"):
        cache.put("tree", cache.key(name), {"name": name})
    now = time.time()
    month_ago = now - 30 * 86400
    paths = {name: tmp_path / "tree" / f"{cache.key(name)}.json" for name in ("used", "young", "old")}
    for name in ("used", "old"):
        os.utime(paths[name], (month_ago, month_ago))
    later = BuildCache(tmp_path, {"settings": 1})
    assert later.get("tree", later.key("used")) == {"name": "used"}
    later.finish(now)
    assert paths["used"].is_file() and paths["young"].is_file()
    assert not paths["old"].exists()
    assert BuildCache(tmp_path, {"settings": 2}).key("used") != later.key("used"), "the settings are part of every key"


def test_the_cache_can_be_moved_and_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("JOBDESC_PAGE_CACHE", "0")
    off = BuildCache.for_project(tmp_path, {})
    assert off.folder is None and off.get("tree", "x") is None
    off.put("tree", "x", {})
    assert not (tmp_path / ".cache").exists()
    monkeypatch.setenv("JOBDESC_PAGE_CACHE", str(tmp_path / "elsewhere"))
    assert BuildCache.for_project(tmp_path, {}).folder == tmp_path / "elsewhere"
    monkeypatch.delenv("JOBDESC_PAGE_CACHE")
    assert BuildCache.for_project(tmp_path, {}).folder == tmp_path / ".cache" / "pages"
    assert build_cache.STALE_AFTER_DAYS == 14


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
