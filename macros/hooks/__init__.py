"""The build's steps that are not macros, called by the site's plugin (macros/plugin.py) at MkDocs' events.

Each module does one job over a page or the built site (sanitise, search entries, forms, downloads,
publishing…) as plain functions and small objects; the plugin decides when, passes what they need, and
keeps what a build remembers. The work itself is done in model/, checks/, render/, search/ and exports/.
editions.py still has the shape of an MkDocs hook; the plugin calls its functions.

May import: every layer. Imported by: macros/plugin.py.
"""
