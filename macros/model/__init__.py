"""The model: positions and the company as data, read from HR's files once per build.

Belongs here: reading position files (bytes -> text -> front matter + body), the Position and
Staff types, problems found while reading, dates from git, and the source-level grammar of a
page (which macro calls and clause labels HR may write). Nothing here renders or checks rules
across files.

May import: nothing of ours (only the standard library, PyYAML and MkDocs' exception type).
Imported by every other layer.
"""
