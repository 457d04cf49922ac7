"""Offline is enforced by the build: no page embeds anything from another host. HR's content changes with
every pull request, so the final HTML of every page (and the org chart's source) is searched for resources
on another host (src, srcset, poster, data, background, <link href>, SVG href, CSS url() and @import); plain
links stay allowed. Regular expressions, not a parser: an address needs only to be found, never rewritten.
"""

from __future__ import annotations

import html
import re


# A value reaches another host only with a scheme, a backslash, two slashes (spaces between them dropped) or an
# entity spelling one. The search takes whole values from "=" (each character read a bounded number of times),
# then asks whether the value could leave and whether its attribute fetches (ATTRIBUTE_BEFORE).
LEAVING = re.compile(r"[:\\&]|/[/\x00-\x20\x7f]")
VALUE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
# A resource attribute's name right before its "=", after whitespace, "/" or the previous value's quote.
ATTRIBUTE_BEFORE = re.compile(r"""[ \t\n\r\f/"'](src|srcset|poster|data|background|href|xlink:href)\Z""", re.I)
TAG_START = re.compile(r"<([A-Za-z][\w:-]*)")
FETCHING_HREF = {"link", "use", "image", "base", "feimage"}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""",
                     re.I)
CANONICAL = re.compile(r"""\srel\s*=\s*["']?canonical\b""", re.I)
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.S | re.I)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*("[^"]*"|'[^']*')""", re.I)
MERMAID = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.S)
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Control characters and spaces that browsers strip from a URL before reading it.
STRIPPED = re.compile(r"[\x00-\x20\x7f]+")


def outside_resources(page_html: str) -> list[str]:
    """Every URL on another host that this HTML (with its Mermaid sources) would fetch."""
    found = _in_markup(page_html)
    if 'class="mermaid"' in page_html:
        for source in MERMAID.findall(page_html):
            found += _in_markup(html.unescape(source))
    return list(dict.fromkeys(found))


def _in_markup(text: str) -> list[str]:
    found: list[str] = []
    scripts = None
    for attribute, at, value in candidates(text):
        tag = _enclosing_tag(text, at)
        if tag is None or (attribute == "href" and tag not in FETCHING_HREF):
            continue  # text, not a tag (HR's "<" is escaped), or a plain link
        if tag == "link" and CANONICAL.search(text, text.rfind("<", 0, at), text.find(">", at)):
            continue  # <link rel="canonical">, written by MkDocs when site_url is set, is a name, not a fetch
        scripts = scripts if scripts is not None else [m.span() for m in SCRIPT.finditer(text)]
        if any(start < at < end for start, end in scripts):
            continue  # a string inside a script
        url = html.unescape(value)
        urls = [part.strip().split(" ")[0] for part in url.split(",")] if attribute == "srcset" else [url]
        found += [u for u in urls if is_outside(u)]
    if "url(" in text or "@import" in text:
        for css in _stylesheets(text):
            for match in CSS_URL.finditer(css):
                url = next((g for g in match.groups() if g is not None), "").strip("\"' ")
                if is_outside(url):
                    found.append(url)
    return found


def candidates(text: str):
    """(attribute name, where it stands, its value) of every resource attribute whose value could leave the site."""
    leaving = LEAVING.search
    for match in VALUE.finditer(text):
        value = match[match.lastindex]  # the one alternative that matched: quoted '…', "…" or bare
        if not leaving(value):
            continue
        end = match.start()
        while end and text[end - 1].isspace():
            end -= 1
        name = ATTRIBUTE_BEFORE.search(text, max(0, end - 12), end)
        if name:
            yield name.group(1).lower(), name.start(), value


def _stylesheets(text: str) -> list[str]:
    """CSS of <style> elements and style attributes (not text that merely mentions url())."""
    return STYLE.findall(text) + [html.unescape(match.group(1)[1:-1]) for match in STYLE_ATTRIBUTE.finditer(text)
                                  if _enclosing_tag(text, match.start()) is not None]


def _enclosing_tag(text: str, position: int) -> str | None:
    """The name of the tag `position` is inside, or None when it is in text."""
    start = text.rfind("<", 0, position)
    if start < 0 or text.find(">", start, position) >= 0:
        return None
    name = TAG_START.match(text, start)
    return name.group(1).lower() if name else None


def is_outside(url: str) -> bool:
    """Whether fetching `url` from a page of this site would contact another host."""
    url = STRIPPED.sub("", url)
    scheme = SCHEME.match(url)
    if scheme:
        return scheme.group(1).lower() not in ("data", "blob", "about", "javascript")
    return re.match(r"^[/\\]{2}", url) is not None  # //host, \\host, /\host: another host
