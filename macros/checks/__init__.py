"""HR's checks: everything wrong with the positions, found before a page is written.

Belongs here: the JSON Schema of a position and its messages, rules across files (references,
cycles, duplicates), rules about the text below the front matter, the check of macro calls in
pages, and the one run that collects every problem and stops the build with all of them.
Every check returns Problems (model/problems.py) naming the file, the line and the fix.

May import: model. Imported by: hooks, commands and macros/__init__.py (define_env).
"""
