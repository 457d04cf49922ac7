"""HR's command-line tools, run as ``python3 -m macros.<command>`` (see the shims next to
macros/__init__.py): a new position, an import from Word; and the reviewers' report run in CI,
``python -m macros.commands.review`` (review/).

Belongs here: argument parsing, writing files HR will edit, and reports printed for HR.
Small language helpers only these tools use (transliteration, cases) live here too.

May import: every layer. Imported by: nothing but its entry-point shims (review/ is run directly).
"""
