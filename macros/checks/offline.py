"""Offline is enforced by the build: no page embeds anything from another host.

The intranet promises that opening a page requests nothing outside the site: fonts, scripts,
Mermaid and the search index are served from the site itself. The browser tests check our own
pages, but HR's content changes with every pull request, so the build itself reads the final HTML
of every page, the search index excerpts and the org chart's source, and fails naming the page
and the address if anything would be fetched from another host: ``src``, ``srcset``, ``poster``,
``data``, ``background``, ``<link href>``, SVG ``href``, CSS ``url()`` and ``@import``.
Plain links to outside pages (``<a href>``) stay allowed: following one is the reader's choice.

Patterns, not a parser: a few regular expressions over pages that are already in memory cost
almost nothing, and an address needs only to be *found* here, never rewritten.
"""

from __future__ import annotations

import html
import re

# An attribute that makes the browser fetch its URL, in any tag (href only in the tags below).
RESOURCE = re.compile(
    r"""\s(src|srcset|poster|data|background|href|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)
FETCHING_HREF = {"link", "use", "image", "base", "feimage"}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""",
                     re.I)
CANONICAL = re.compile(r"""\srel\s*=\s*["']?canonical\b""", re.I)
TAG_NAME = re.compile(r"<\s*([A-Za-z][\w:-]*)")
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
    found = []
    if "//" in text or "\\" in text or ":" in text:
        for match in RESOURCE.finditer(text):
            name, url = match.group(1).lower(), html.unescape(next(g for g in match.groups()[1:] if g is not None))
            if name == "href" and (_tag_before(text, match.start()) not in FETCHING_HREF
                                   or _canonical(text, match.start())):
                continue
            urls = [part.strip().split(" ")[0] for part in url.split(",")] if name == "srcset" else [url]
            found += [u for u in urls if is_outside(u)]
    if "url(" in text.lower() or "@import" in text.lower():
        for match in CSS_URL.finditer(text):
            url = html.unescape(next((g for g in match.groups() if g is not None), ""))
            if is_outside(url):
                found.append(url)
    return found


def _canonical(text: str, position: int) -> bool:
    """<link rel="canonical" href=…>: MkDocs writes the page's own address under site_url; nothing fetches it."""
    start, end = text.rfind("<", 0, position), text.find(">", position)
    return CANONICAL.search(text[start:end if end >= 0 else None]) is not None


def _tag_before(text: str, position: int) -> str:
    start = text.rfind("<", 0, position)
    name = TAG_NAME.match(text, start) if start >= 0 else None
    return name.group(1).lower() if name else ""


def is_outside(url: str) -> bool:
    """Whether fetching `url` from a page of this site would contact another host."""
    url = STRIPPED.sub("", url)
    scheme = SCHEME.match(url)
    if scheme:
        return scheme.group(1).lower() not in ("data", "blob", "about", "javascript")
    return re.match(r"^[/\\]{2}", url) is not None  # //host, \\host, /\host: another host
