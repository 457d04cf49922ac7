"""MkDocs hook: write Material's search index as UTF-8 instead of \\u-escapes.

Material serialises the index with Python's default ``ensure_ascii``: every Cyrillic letter
becomes six bytes (``\\u0434``) instead of two, so a Russian index is about three times the
size of its text and takes that much longer to download and parse. The JSON is the same;
only its encoding changes. Runs after every other plugin has written its output.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-100)
def on_post_build(config, **kwargs) -> None:
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_bytes())
        index.write_bytes(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
