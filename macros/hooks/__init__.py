"""MkDocs hooks: the thin files `mkdocs.yml` lists under `hooks:`.

MkDocs loads each file by its path, not as part of this package, so each one puts the project
root on sys.path and imports what it needs from the layers (publishing.py imports nothing).
Each file answers one MkDocs event or two and keeps no logic of its own beyond wiring; the work
is done in model/, checks/, render/, search/ and exports/. Nothing imports these files.

May import: every layer. Imported by: nobody (MkDocs loads them).
"""
