"""The Word import's steps (python3 -m macros.import_docx): reading -> structure (outline) -> header -> provisions
-> writing (markdown), orchestrated by convert.py; edition.py turns the result into a position's next edition.
Each module says what it must not do."""
