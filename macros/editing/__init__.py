"""Editing locally: the console kept to what tells HR something (build_log.py), `mkdocs serve` that shows a failed
rebuild's messages on every page (live_preview.py), `--dirty` rebuilds of stale pages only (incremental.py).

May import: model, render. Imported by: the site's plugin (macros/plugin.py).
"""
