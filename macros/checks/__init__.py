"""HR's checks: everything wrong with the positions, found before a page is written, as Problems
naming the file, the line and the fix (model/problems.py).

May import: model. Imported by: hooks, commands and macros/__init__.py (define_env).
"""
