"""A page as our tree processors left it, kept between builds (model/build_cache.py, kind ``tree``): those steps
are a pure function of the page's lines, its set-aside HTML, its path and what its cross-references printed, so
a kept page skips them; every other step runs on every page. A page that reported a problem is never kept.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString, Registry

# The steps between the inline stage (20) and _Keep whose work a kept page carries; MkDocs' anchors and
# title only read the tree, so they run on the kept one. Any other step there turns the cache off.
SKIPPED = {"prettify", "attr_list", "jobdesc_clauses", "toc", "jobdesc_typography", "jobdesc_attributes"}
READERS = {"mkdocs_extract_anchors", "mkdocs_extract_title", "jobdesc_cache_restore"}
KEEP_AT = 0.5  # after the attribute guard (1), before unescaping and MkDocs' relative links (0)


class ConvertedPages(Extension):
    """Registered from define_env for every page, after `clauses` (render/clauses.py): its cache, findings and
    page are this one's, and it answers whether what a page's cross-references printed still holds."""

    def __init__(self, clauses):
        super().__init__()
        self.clauses, self.cache, self.findings = clauses, clauses.cache, clauses.findings
        self.page_of = clauses.page_of

    def extendMarkdown(self, md):
        md.jobdesc_pages = self
        md.preprocessors.register(_Lookup(md), "jobdesc_cache_lookup", 1)  # after every other one
        md.treeprocessors.register(_Restore(md), "jobdesc_cache_restore", 19)  # right after "inline" (20)
        md.treeprocessors.register(_Keep(md), "jobdesc_cache_keep", KEEP_AT)


class _Lookup(Preprocessor):
    """Last of the preprocessors: a page converted before gets an empty text to parse, the skipped steps
    are left out of this conversion, and its tree comes back at _Restore."""
    pages = property(lambda self: self.md.jobdesc_pages)

    def run(self, lines: list[str]) -> list[str]:
        md, cache, stash = self.md, self.pages.cache, self.md.htmlStash
        _all_steps_back(md)  # a converter used again (prepare's) starts with every step
        md.jobdesc_tree, md.jobdesc_read = None, {}
        written = getattr(md, "jobdesc_lines", None)  # the page as HR wrote it (render/clauses.py)
        if (cache.folder is None or written is None or stash.tag_counter
                or not all(isinstance(b, str) for b in stash.rawHtmlBlocks)
                or any(KEEP_AT < item.priority < 20 and item.name not in SKIPPED | READERS
                       for item in md.treeprocessors._priority)):
            return lines
        file = getattr(self.pages.page_of(), "file", None)
        key = cache.key("\n".join(lines), "\n".join(written), str(getattr(file, "src_uri", "") or ""),
                        *stash.rawHtmlBlocks)
        entry = cache.get("tree", key)
        if entry is not None and not self.pages.clauses.read_now(entry["read"]):
            entry = None  # a referenced clause was renumbered (or the page moved into the archive)
        md.jobdesc_tree = {"key": key, "entry": entry, "stashed": len(stash.rawHtmlBlocks),
                           "reports": self.pages.findings.reports}
        if entry is None:
            return lines
        md.jobdesc_all_steps, steps = md.treeprocessors, Registry()
        for item in md.treeprocessors._priority:
            if item.name not in SKIPPED:
                steps.register(md.treeprocessors[item.name], item.name, item.priority)
        md.treeprocessors = steps
        return []


def _all_steps_back(md) -> None:
    every = getattr(md, "jobdesc_all_steps", None)
    if every is not None:
        md.treeprocessors, md.jobdesc_all_steps = every, None


class _Restore(Treeprocessor):
    """Right after the inline stage: a kept page's tree, set-aside HTML and table of contents are put back."""

    def run(self, root: etree.Element) -> None:
        pending = getattr(self.md, "jobdesc_tree", None)
        entry = pending and pending["entry"]
        if entry is None:
            return
        stash = self.md.htmlStash
        root.text = entry["text"]
        root.extend(load_tree(child) for child in entry["tree"])
        stash.rawHtmlBlocks.extend(entry["stash"])
        stash.html_counter += len(entry["stash"])
        self.md.toc_tokens, self.md.toc = entry["toc_tokens"], entry["toc"]


class _Keep(Treeprocessor):
    """After the attribute guard: keep the page as our steps left it (or, for a kept page, give the
    converter its every step back)."""
    pages = property(lambda self: self.md.jobdesc_pages)

    def run(self, root: etree.Element) -> None:
        md = self.md
        pending, md.jobdesc_tree = getattr(md, "jobdesc_tree", None), None
        _all_steps_back(md)
        if pending is None or pending["entry"] is not None:
            return
        stash = md.htmlStash
        added = stash.rawHtmlBlocks[pending["stashed"]:]
        # Kept only when nothing was reported and what was set aside is plain data: a comment or an entity.
        if self.pages.findings.reports != pending["reports"] or stash.tag_counter or not all(map(_plain_stash, added)):
            return
        tree = [dump_tree(child) for child in root]
        if None not in tree and (root.text is None or type(root.text) is str):
            self.pages.cache.put("tree", pending["key"], {
                "text": root.text, "tree": tree, "stash": added, "read": getattr(md, "jobdesc_read", {}),
                "toc_tokens": getattr(md, "toc_tokens", []), "toc": getattr(md, "toc", "")})


def _plain_stash(block) -> bool:
    text = block.strip() if isinstance(block, str) else ""
    return (text.startswith("<!--") and text.endswith("-->")) or (text[:1] == "&" and text[-1:] == ";"
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


def load_tree(data, Element=etree.Element) -> etree.Element:
    """The element dump_tree kept (written for speed: a warm build builds every page's tree with it)."""
    tag, attributes, text, tail, children = data
    element = Element(tag, attributes) if attributes else Element(tag)
    if text is not None:
        element.text = AtomicString(text[0]) if type(text) is list else text
    if tail is not None:
        element.tail = AtomicString(tail[0]) if type(tail) is list else tail
    if children:
        element.extend([load_tree(child) for child in children])
    return element
