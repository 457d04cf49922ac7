"""A page as Python-Markdown parsed it, kept between builds (model/build_cache.py, kind ``tree``). The block
and inline stages are a pure function of the lines and the raw HTML set aside before them, so the last
preprocessor looks that input up and a kept tree is put back right after the inline stage; every other
step runs on every page. A parse that reported a problem or set aside real HTML is never kept.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..model.build_cache import BuildCache


class ConvertedPages(Extension):
    """Registered from define_env for every page."""

    def __init__(self, cache: BuildCache, findings):
        super().__init__()
        self.cache, self.findings = cache, findings

    def extendMarkdown(self, md):
        md.preprocessors.register(_Lookup(md, self.cache, self.findings), "jobdesc_cache_lookup", 1)  # after every other one
        md.treeprocessors.register(_Keep(md, self.cache, self.findings), "jobdesc_cache_keep", 19)  # right after "inline" (20)


class _Lookup(Preprocessor):
    """Last of the preprocessors: a page parsed before gets an empty text to parse, and its tree back at _Keep."""

    def __init__(self, md, cache: BuildCache, findings):
        super().__init__(md)
        self.cache, self.findings = cache, findings

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash
        self.md.jobdesc_tree = None
        if self.cache.folder is None or stash.tag_counter or not all(isinstance(b, str) for b in stash.rawHtmlBlocks):
            return lines
        key = self.cache.key("\n".join(lines), *stash.rawHtmlBlocks)
        entry = self.cache.get("tree", key)
        self.md.jobdesc_tree = {"key": key, "entry": entry, "stashed": len(stash.rawHtmlBlocks),
                                "reports": self.findings.reports}
        return [] if entry is not None else lines


class _Keep(Treeprocessor):
    """Right after the inline stage: put a kept tree back, or keep this one."""

    def __init__(self, md, cache: BuildCache, findings):
        super().__init__(md)
        self.cache, self.findings = cache, findings

    def run(self, root: etree.Element) -> None:
        pending, self.md.jobdesc_tree = getattr(self.md, "jobdesc_tree", None), None
        if pending is None:
            return
        stash = self.md.htmlStash
        if pending["entry"] is not None:
            root.text = pending["entry"]["text"]
            root.extend(load_tree(child) for child in pending["entry"]["tree"])
            stash.rawHtmlBlocks.extend(pending["entry"]["stash"])
            stash.html_counter += len(pending["entry"]["stash"])
            return
        added = stash.rawHtmlBlocks[pending["stashed"]:]
        # Kept only when nothing was reported and what was set aside is plain data: a comment or an entity.
        if self.findings.reports != pending["reports"] or stash.tag_counter or not all(map(_plain_stash, added)):
            return
        tree = [dump_tree(child) for child in root]
        if None not in tree and (root.text is None or type(root.text) is str):
            self.cache.put("tree", pending["key"], {"text": root.text, "tree": tree, "stash": added})


def _plain_stash(block) -> bool:
    if not isinstance(block, str):
        return False
    text = block.strip()
    return (text.startswith("<!--") and text.endswith("-->")) or (text.startswith("&") and text.endswith(";")
                                                                  and "<" not in text)


def dump_tree(element: etree.Element):
    """[tag, attributes, text, tail, children]; text kept from further processing is [text]. None: not data."""
    if not isinstance(element.tag, str) or any(type(k) is not str or type(v) is not str
                                               for k, v in element.attrib.items()):
        return None
    children = [dump_tree(child) for child in element]
    if None in children:
        return None
    text, tail = _dump_text(element.text), _dump_text(element.tail)
    if text is False or tail is False:
        return None
    return [element.tag, element.attrib or 0, text, tail, children or 0]


def _dump_text(text):
    if text is None or type(text) is str:
        return text
    return [str(text)] if type(text) is AtomicString else False


def load_tree(data) -> etree.Element:
    tag, attributes, text, tail, children = data
    element = etree.Element(tag, attributes or {})
    element.text = AtomicString(text[0]) if isinstance(text, list) else text
    element.tail = AtomicString(tail[0]) if isinstance(tail, list) else tail
    if children:
        element.extend(load_tree(child) for child in children)
    return element
