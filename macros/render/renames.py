"""A renamed position keeps its old address: after the build a page at every `renamed_from` address
sends the reader on (the page mkdocs-redirects writes, without its dependency).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

from ..model.positions import POSITIONS_DIR, Staff

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # as the schema allows: never a path out of positions/

# A refresh and a plain link work without JavaScript; the script only keeps a clause's #anchor.
PAGE = """<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Страница переехала</title>
<link rel="canonical" href="{href}">
<meta http-equiv="refresh" content="0; url={href}">
<script>location.replace({script} + location.hash)</script>
</head>
<body>
<p>Инструкция теперь по новому адресу: <a href="{href}">{title}</a>.</p>
</body>
</html>
"""


def page(link: str, title: str) -> str:
    """The redirect page; the link is relative (never another host) and escaped wherever it stands."""
    if link.startswith(("/", "\\")) or ":" in link.split("/")[0]:
        raise ValueError(f"a redirect leads only to a page of this site, not to {link!r}")
    script = json.dumps(link).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return PAGE.format(href=html.escape(link, quote=True), script=script, title=html.escape(title))


def write_redirects(site_dir: Path, staff: Staff) -> None:
    """After the build: a redirect page at every old address of a renamed position."""
    for old, position in staff.renamed().items():
        if old in staff:  # an earlier name in use again is a mistake macros/checks/relations.py reports
            continue
        if not SLUG.fullmatch(old):
            raise ValueError(f"renamed_from: {old!r} is not a file name (the schema check should have stopped the build)")
        old_url = f"{POSITIONS_DIR}/{old}/"
        target = site_dir / old_url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page(posixpath.relpath(position.url, old_url) + "/", position.title), encoding="utf-8")
