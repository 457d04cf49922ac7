"""HR's Markdown publishes no active content. Inside the conversion of every page (so it sees what the site
publishes): raw HTML and comments are printed as text, links other than http(s), mailto, tel and the site lose
their link, outside images and unknown block types (their names become CSS classes) are dropped; each is
reported with file, line and fix. hooks/safety.py passes every page through nh3 as the last guard.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Extension
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor


SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
OTHER_HOST = re.compile(r"^\s*[/\\]{2}")  # browsers read "//host", "\\host" and "/\host" as another host
FROM_ROOT = re.compile(r"^\s*[/\\]")  # "/img/x.png": the git preview reads it from the repository's root
ESCAPED = re.compile("\x02(\\d+)\x03")
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
# Material's admonition types and their aliases, its layout modifiers, and the site's «Справка».
ADMONITION_TYPES = {
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
    "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
    "danger", "error", "bug", "example", "quote", "cite", "inline", "end", "reference"}
# Classes the site's own extensions write (clauses.py, admonition, details, superfences, pygments).
OWN_CLASSES = {"admonition", "admonition-title", "highlight", "clauses", "clause-number", "section-number",
               "clause-ref", "mermaid", "linenos", "filename"}
LANGUAGE = re.compile(r"^language-[\w+#.-]+$")
PAGE_FIX = ("страница пишется обычным Markdown: списки «- », **жирный**, *курсив*, ссылки [текст](адрес); "
            "если знак < нужен как текст, напишите &lt;")


class SafeHtmlExtension(Extension):
    """Registered from define_env for every page; `page_of` returns the page being converted, `blocks` knows
    the site's own HTML (render/verbatim.py), `findings` takes the problems (render/findings.py)."""

    def __init__(self, page_of: Callable[[], object], blocks, findings):
        super().__init__()
        self.page_of, self.blocks, self.findings = page_of, blocks, findings

    def extendMarkdown(self, md):
        # Only stash entries made around the html_block preprocessor (20) are HR's (superfences stashes at 25).
        md.preprocessors.register(_StashMark(md, self, False), "jobdesc_raw_html_start", 21)
        md.preprocessors.register(_StashMark(md, self, True), "jobdesc_raw_html_check", 19)
        md.jobdesc_safe_html = self  # what the guards below report to
        md.inlinePatterns.register(InlineHtmlGuard(HTML_RE, md), "html", 90)  # replaces Markdown's own
        md.treeprocessors.register(AttributeGuard(md), "jobdesc_attributes", 1)  # after clauses (6), toc (5)

    def refuse_raw(self, raw: str) -> str | None:
        """The text to print instead of raw HTML HR wrote, or None when it may stay as it is."""
        if self.blocks.is_trusted(raw):
            return None
        shown = " ".join(raw.split())
        shown = f"«{shown[:60]}{'…' if len(shown) > 60 else ''}»"
        if raw.lstrip().startswith("<!--"):
            self.report(f"HTML-комментарий в тексте не публикуется: {shown}",
                        "уберите комментарий: всё, что написано в файле, видно на странице и в печатной форме; "
                        "заметки для коллег пишите в описании pull request", raw)
        else:
            self.report(f"HTML-разметка в тексте не публикуется: {shown}", "уберите тег; " + PAGE_FIX, raw)
        return html.escape(raw, quote=False)  # quotes stay as typed, as the sanitiser writes them

    def report(self, message: str, fix: str, needle: str) -> None:
        self.findings.report_on_page(self.page_of, message, fix, needle)


class _StashMark(Preprocessor):
    """Before the html_block preprocessor: remember the stash's size; after it (check): refuse what it added."""

    def __init__(self, md, extension: SafeHtmlExtension, check: bool):
        super().__init__(md)
        self.extension, self.check = extension, check

    def run(self, lines: list[str]) -> list[str]:
        blocks = self.md.htmlStash.rawHtmlBlocks
        if not self.check:
            self.extension.stash_start = len(blocks)
            return lines
        for index in range(getattr(self.extension, "stash_start", 0), len(blocks)):
            if isinstance(blocks[index], str) and (refused := self.extension.refuse_raw(blocks[index])) is not None:
                blocks[index] = refused
        return lines


class InlineHtmlGuard(HtmlInlineProcessor):
    """Raw HTML inside a paragraph: a comment is kept, anything else is printed as text and reported."""
    extension = property(lambda self: self.md.jobdesc_safe_html)

    def handleMatch(self, m, data):
        raw = self.backslash_unescape(self.unescape(m.group(1)))
        replacement = self.extension.refuse_raw(raw)
        if replacement is None:
            return super().handleMatch(m, data)
        return replacement, m.start(0), m.end(0)


class AttributeGuard(Treeprocessor):
    """Links, images and block types that HR's Markdown may produce, checked element by element."""
    extension = property(lambda self: self.md.jobdesc_safe_html)

    def run(self, root: etree.Element) -> None:
        src_uri = getattr(getattr(self.extension.page_of(), "file", None), "src_uri", "") or ""
        for parent in list(root.iter()):
            for element in list(parent):
                # Judged as the browser will read them: backslash escapes are still placeholders here.
                if element.tag == "a" and not _allowed_link(href := _unescaped(element.get("href", ""))):
                    element.tag = "span"  # its text stays; MkDocs' link processing expects every <a> to have an href
                    element.attrib.clear()
                    self.extension.report(f"ссылка «{href[:80]}» не публикуется: разрешены адреса http://, "
                                          "https://, mailto:, tel: и страницы сайта",
                                          "исправьте адрес ссылки или уберите её", href)
                elif element.tag == "img" and not _local(src := _unescaped(element.get("src", ""))):
                    self._drop_image(parent, element, src, (
                        f"картинка «{src[:80]}» не с этого сайта: страницы не загружают ничего с других адресов",
                        "положите файл картинки в репозиторий (например, docs/assets/) и сошлитесь на него: "
                        "![подпись](../assets/файл.png)"))
                elif element.tag == "img" and not _inside_docs(src, src_uri):
                    self._drop_image(parent, element, src, (
                        f"картинка «{src[:80]}» лежит вне папки docs/: на сайт она не попадёт, на странице была "
                        "бы пустая рамка", "положите файл картинки в docs/ (например, docs/images/) и сошлитесь "
                        "на него относительно страницы: ![подпись](../images/файл.png)"))
                elif element.tag in ("a", "img") and FROM_ROOT.match(address := _unescaped(
                        element.get("href" if element.tag == "a" else "src", ""))):
                    here = posixpath.relpath(address.strip().lstrip("/\\") or ".", posixpath.dirname(src_uri) or ".")
                    self.extension.report(
                        f"адрес «{address[:80]}» начинается с «/»: предпросмотр git ищет его от корня репозитория, "
                        "а сайт — от корня сервера интранета, и они покажут разное (в подпапке сервера — ничего)",
                        f"пишите путь от этой страницы: {here[:80]}" + ("" if element.tag == "img" else
                        " — и на страницу сайта ссылайтесь именем её файла .md, например ../procedure.md"), address)
                else:
                    self._check_classes(element)

    def _drop_image(self, parent: etree.Element, element: etree.Element, src: str, problem: tuple) -> None:
        text = etree.Element("span")
        text.text, text.tail = element.get("alt", ""), element.tail
        parent[list(parent).index(element)] = text
        self.extension.report(*problem, src)

    def _check_classes(self, element: etree.Element) -> None:
        classes = element.get("class", "").split()
        if element.tag == "span" or not classes:
            return  # spans: clause numbers and syntax highlighting, never from HR's words
        foreign = [name for name in classes if name not in OWN_CLASSES and name not in ADMONITION_TYPES
                   and not LANGUAGE.match(name)]
        if foreign:
            element.set("class", " ".join(name for name in classes if name not in foreign))
            self.extension.report(
                f"тип блока «{' '.join(foreign)}» неизвестен",
                "для справочного блока пишите !!! reference \"Справка\"; другие типы: note, info, tip, warning, example",
                foreign[0])


def _allowed_link(href: str) -> bool:
    scheme = SCHEME.match(href)
    return scheme.group(1).lower() in LINK_SCHEMES if scheme else not OTHER_HOST.match(href)


def _local(src: str) -> bool:
    return bool(src) and not SCHEME.match(src) and not OTHER_HOST.match(src)


def _unescaped(value: str) -> str:
    """The value with Python-Markdown's escape placeholders (STX code ETX) turned back into characters."""
    return ESCAPED.sub(lambda m: chr(int(m.group(1))), value) if "\x02" in value else value


def _inside_docs(src: str, src_uri: str) -> bool:
    """Whether a local picture's path stays inside docs/ (relative to the page's file, or to the site root)."""
    path = src.split("#")[0].split("?")[0].replace("\\", "/")
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(src_uri), path)
    normal = posixpath.normpath(joined)
    return normal != ".." and not normal.startswith("../")


# The last guard (nh3): what Markdown and the extensions above can produce; held forms come back after it.
ALLOWED_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "b", "i", "code",
                "pre", "blockquote", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "div",
                "span", "details", "summary", "sup", "sub", "del", "dl", "dt", "dd", "caption"}
ALLOWED_ATTRIBUTES = {"*": {"id", "class", "title"}, "a": {"href"}, "img": {"src", "alt", "width", "height"},
                      "li": {"data-clause"}, "th": {"align"}, "td": {"align"}, "details": {"open"},
                      "ol": {"start"}}
# Ids of headings, clauses and tag listings; Material's own parts ("__config", "__search") never come from content.
OWN_ID = re.compile(r"^(?!__)[\w:./-]{1,200}$")


def sanitise(page_html: str) -> str:
    """The page's HTML with everything outside the allowlist removed (nh3, the Rust ammonia library)."""
    import nh3  # imported on first use: pages are many, the import is once

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "id":
            return value if OWN_ID.match(value) else None
        return None if tag == "img" and attribute == "src" and not _local(value) else value

    return nh3.clean(page_html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES,
                     attribute_filter=keep, strip_comments=True, link_rel=None)


def sanitised(page_html: str, cache=None) -> tuple[str, bool]:
    """The page's HTML after the sanitiser, and whether it removed nothing; kept between builds, reported by the
    caller in every build."""
    def work() -> list:
        cleaned = sanitise(page_html)
        # Nearly always the input with its no-break spaces spelt "&nbsp;": kept as None, not as a copy of the page.
        # Else it may have rewritten markup (``<br>``) and removed nothing: tags and attribute names are compared.
        if cleaned == page_html.replace(NBSP, "&nbsp;"):
            return [None, True]
        return [cleaned, cleaned == page_html or _skeleton(page_html) == _skeleton(cleaned)]
    cleaned, nothing_removed = cache.remembered("sanitised", (page_html,), work) if cache else work()
    return page_html.replace(NBSP, "&nbsp;") if cleaned is None else cleaned, nothing_removed


NBSP = "\u00a0"
TAG = re.compile(r"<(/?[A-Za-z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTRIBUTE_NAME = re.compile(r"([^\s=/\"']+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")


def removed_markup(original: str, cleaned: str) -> tuple[str, str]:
    """(the first thing the sanitiser removed, shown as a tag; a piece of it to find in the source). Tags are
    walked in order; tags it added (a closing tag, an implied <tbody>) are stepped over."""
    kept, at = _skeleton(cleaned), 0
    for match, tag in zip(TAG.finditer(original), _skeleton(original)):
        ahead = kept[at:at + 8]
        if ahead[:1] == [tag]:
            at += 1
            continue
        if ahead and ahead[0][0] != tag[0] and tag in ahead:
            at += ahead.index(tag) + 1
            continue
        value = re.search(r"""=\s*["']?([^"'\s>]+)""", match.group(2))
        return match.group(0)[:80], value.group(1) if value else f"<{tag[0]}"
    return "", ""


def _skeleton(page_html: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(tag.lower(), tuple(sorted(ATTRIBUTE_NAME.findall(attributes))))
            for tag, attributes in TAG.findall(page_html)]
