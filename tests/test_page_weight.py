"""Pages carry no whitespace that renders as nothing, and whitespace that is content survives."""

from __future__ import annotations

import re
import sys

from conftest import POSITIONS, ROOT

sys.path.insert(0, str(ROOT / "macros" / "hooks"))
import compact as compact_html  # noqa: E402  (an MkDocs hook: a plain module, as MkDocs loads it)

VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)


def test_built_pages_have_no_indentation_outside_code(site):
    for slug in POSITIONS:
        html = (site.site / "positions" / slug / "index.html").read_text(encoding="utf-8")
        outside = VERBATIM.sub("<code-kept-as-is>", html)
        runs = re.findall(r"\n[ \t\n]+", outside)
        assert not runs, f"{slug}: {len(runs)} runs of indentation or blank lines are left in the page"


def test_whitespace_inside_pre_and_textarea_is_kept():
    page = ("<nav>\n    <ul>\n      <li>Пункт</li>\n\n    </ul>\n</nav>\n"
            "<pre><code>строка 1\n    отступ\n\n\nпосле пустых строк</code></pre>\n   "
            "<textarea>\n  поле\n</textarea>")
    assert compact_html.compact(page) == (
        "<nav>\n<ul>\n<li>Пункт</li>\n</ul>\n</nav>\n"
        "<pre><code>строка 1\n    отступ\n\n\nпосле пустых строк</code></pre>\n"
        "<textarea>\n  поле\n</textarea>")
