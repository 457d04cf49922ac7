"""Editing locally: what the person running `mkdocs build` or `mkdocs serve` sees.

Belongs here: the build's console output kept to the lines that tell HR something
(build_log.py), and `mkdocs serve` that keeps answering when a rebuild fails and shows the
failure's messages on every page until they are fixed (live_preview.py), and `mkdocs serve --dirty`
that renders again only the pages an edit makes stale (incremental.py). Nothing here changes what a
successful build writes.

May import: model, render. Imported by: the site's plugin (macros/plugin.py).
"""
