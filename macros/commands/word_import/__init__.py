"""The Word import's steps (python3 -m macros.import_docx): reading -> structure -> header -> provisions
-> writing (markdown), orchestrated by convert.py. Each module says what it must not do."""
