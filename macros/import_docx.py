"""``python3 -m macros.import_docx FILE.docx [FOLDER …] [--department …]``: HR's Word import, kept at its
documented address next to macros/new_position.py; the tool itself is macros/commands/import_docx.py."""

import sys

try:
    from .commands.import_docx import main
except ModuleNotFoundError as missing:  # a package the command needs (python-docx, …) is not installed
    from .environment import not_installed
    raise SystemExit(not_installed(missing)) from None

if __name__ == "__main__":
    sys.exit(main())
