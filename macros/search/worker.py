"""The search worker as one file: the parts search-ru.js would load one by one with importScripts
(the slowest step of a first query) written in, in its order. Without this step it loads them itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

WORKER = Path("assets") / "javascripts" / "workers" / "search-ru.js"
PARTS = re.compile(r"^const PARTS = (\[.*?\])$", re.M)
LOADER = re.compile(r"^importScripts\(.*// jobdesc: parts$", re.M)


def bundle(site_dir: Path) -> None:
    """Write the parts into the built worker in place of its importScripts line (once)."""
    worker = site_dir / WORKER
    if not worker.is_file():
        return
    source = worker.read_text(encoding="utf-8")
    parts, loader = PARTS.search(source), LOADER.search(source)
    if not parts or not loader:
        return  # bundled already (a `mkdocs serve --dirty` rebuild keeps the built file)
    texts = [(worker.parent / part).read_text(encoding="utf-8") for part in json.loads(parts.group(1))]
    # A part may end without a semicolon and the next begin with "(": keep them apart.
    inlined = "".join(f";\n{text}\n" for text in texts) + ";"
    worker.write_text(source[:loader.start()] + inlined + source[loader.end():], encoding="utf-8")
