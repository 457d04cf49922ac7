"""``python3 -m macros.new_position "Бухгалтер" --department "Бухгалтерия"``: HR's command, kept at
its documented address; the tool itself is macros/commands/new_position.py."""

from .environment import run

if __name__ == "__main__":
    run("new_position")
