"""``python3 -m macros.new_position "Бухгалтер" --department "Бухгалтерия"``: HR's command, kept at
its documented address; the tool itself is macros/commands/new_position.py."""

import sys

from .commands.new_position import main

if __name__ == "__main__":
    sys.exit(main())
