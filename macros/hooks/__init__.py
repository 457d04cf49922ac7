"""The build's steps that are not macros, as plain functions and small objects the site's plugin
(macros/plugin.py) calls at MkDocs' events; the work itself is done in the other layers.

May import: every layer. Imported by: macros/plugin.py and macros/prepare/ (the same safety and compaction).
"""
