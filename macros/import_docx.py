"""``python3 -m macros.import_docx FILE.docx [FOLDER …] [--department …]``: HR's Word import, kept at its
documented address next to macros/new_position.py; the tool itself is macros/commands/import_docx.py."""

from .environment import run

if __name__ == "__main__":
    run("import_docx")
