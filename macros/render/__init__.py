"""Rendering: what a page shows, from the validated model (macros, clauses, org, catalog, navigation,
filters). Wording stays in macros/templates/.

May import: model, checks. Imported by: search, exports, hooks, commands, define_env.
"""
