"""Editing locally: what the person running `mkdocs build` or `mkdocs serve` sees — the console kept to
what tells HR something (build_log.py), `mkdocs serve` that keeps answering and shows a failed rebuild's
messages on every page (live_preview.py), and `--dirty` rebuilds that render only stale pages
(incremental.py). Nothing here changes what a successful build writes.

May import: model, render. Imported by: the site's plugin (macros/plugin.py).
"""
