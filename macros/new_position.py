"""``python3 -m macros.new_position "Бухгалтер" --department "Бухгалтерия"``: HR's command, kept at
its documented address; the tool itself is macros/commands/new_position.py."""

import sys

try:
    from .commands.new_position import main
except ModuleNotFoundError as missing:  # a package the command needs (python-docx, …) is not installed
    from .environment import not_installed
    raise SystemExit(not_installed(missing)) from None

if __name__ == "__main__":
    sys.exit(main())
