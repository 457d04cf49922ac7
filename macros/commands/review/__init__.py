"""The review report of a pull request: what changes in the printed instructions against a base branch.

Both sides are built by the real `mkdocs build` (base in a temporary git worktree), so the report shows
what will be printed, not the Markdown diff. Run as ``python -m macros.commands.review --base origin/main``.
"""
