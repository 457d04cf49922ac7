"""Rendering: what a page shows, from the validated model.

Belongs here: the macros HR calls (boilerplate), clause numbering and references, the org
chart, catalog and navigation, Jinja filters for Russian text, the fast path for pages of plain
macro calls, the finished HTML blocks held out of Markdown, and the one answer to "is this page
an instruction". Wording stays in macros/templates/; this layer only gathers what templates need.

May import: model, checks. Imported by: search, exports, hooks, commands, define_env.
"""
