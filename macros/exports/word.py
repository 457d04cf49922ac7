"""Word (.docx) of every instruction, made from its built page and print.css, cached like the PDFs.

``docx_from_html(html)`` is the whole export; its fingerprint holds the libraries' versions and this
export's own source, so a change to the code makes every .docx anew.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from importlib.metadata import version
from pathlib import Path

from . import cache
from .cache import Job, Settings

# The export itself (python-docx, lxml, the HTML and CSS readers) is imported when a .docx is made:
# every build loads this module for its settings and links, most builds make no .docx.
DOCX_DIR = "docx"
SOURCES = ("word.py", "word_writer.py", "word_tables.py", "word_document.py", "print_style.py")
LIBRARIES = ("python-docx", "lxml", "tinyhtml5", "cssselect2", "tinycss2")
AUTO_CLAUSE_ID = re.compile(r"^p\d+-\d+$")


def build_docx(jobs: list[Job], site_dir: Path, settings: Settings) -> str:
    """Copy every job's .docx from the cache into the site, making the missing ones first."""
    def render(work):
        from . import print_style
        style = print_style.load()
        for job, target in work:
            cache.atomic_write(target, docx_from_html(job.html_path.read_text(encoding="utf-8"), job.date, style))

    return cache.build_cached("Word", jobs, site_dir, settings.cache_dir, ".docx", fingerprint(), render)


def docx_from_html(html: str, date: dt.date | None = None, style=None) -> bytes:
    """The .docx of a built page: its article as it prints, dated `date` (the same page gives the same bytes)."""
    import cssselect2
    import tinyhtml5

    from . import print_style
    from .word_document import WordDocument
    from .word_writer import Writer
    style = style or print_style.load()
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    article = next(root.iter("article"), None)
    if article is None:
        article = next(root.iter("body"), root)
    wrapper = next(w for w in cssselect2.ElementWrapper.from_html_root(root).iter_subtree()
                   if w.etree_element is article)
    outer = _inherited(style, wrapper)
    fonts = [f.strip().strip("'\"") for f in outer.get("font-family", "Times New Roman").split(",")]
    size = print_style.length_pt(outer.get("font-size")) or 12.0
    word = WordDocument(style.page, fonts, size)
    Writer(word, style, size, _bookmarks(article)).container(wrapper, outer, word.doc, 0)
    return word.to_bytes(date, _title(article), _text_of_class(article, "doc-org") or "")  # the file's author


def _inherited(style, wrapper) -> dict:
    """An element's print style with what it inherits from its ancestors (fonts, alignment)."""
    return style.computed(wrapper, {} if wrapper.parent is None else _inherited(style, wrapper.parent))


def _bookmarks(article) -> dict[str, str]:
    """Clauses that get a bookmark, HR's labels and those a reference points to, by Word's bookmark name:
    letters, digits and underscores, at most 40, each its own; "_Ref" hides it from the user."""
    referenced = {a.get("href", "")[1:] for a in article.iter("a") if "clause-ref" in (a.get("class") or "")}
    names: dict[str, str] = {}
    taken: set[str] = set()
    for item in article.iter("li"):
        ident = item.get("id") or ""
        if item.get("data-clause") and ident and (ident in referenced or not AUTO_CLAUSE_ID.match(ident)):
            # «a-b» and «a_b», or two long labels, would share a name, and Word and LibreOffice would number both
            # references after one clause: a name already given gets a number.
            name = base = ("_Ref_" + re.sub(r"\W", "_", ident, flags=re.A))[:40]
            number = 1
            while name in taken:
                number += 1
                name = f"{base[:39 - len(str(number))]}_{number}"
            names[ident] = name
            taken.add(name)
    return names


def _title(article) -> str:
    title = _text_of_class(article, "doc-title")
    if title is not None:
        return title.capitalize()
    heading = next(article.iter("h1"), None)
    return " ".join("".join(heading.itertext()).split()) if heading is not None else "Должностная инструкция"


def _text_of_class(article, css_class: str) -> str | None:
    element = next((e for e in article.iter() if css_class in (e.get("class") or "").split()), None)
    return " ".join(" ".join(element.itertext()).split()) if element is not None else None


def fingerprint() -> str:
    """The libraries' versions and this export's own code: a change to either makes every .docx anew."""
    digest = hashlib.sha256(" ".join(f"{name}={version(name)}" for name in LIBRARIES).encode("utf-8"))
    here = Path(__file__).resolve().parent
    for name in SOURCES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()
