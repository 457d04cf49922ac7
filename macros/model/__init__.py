"""The model: positions and the company as data, read from HR's files once per build, with the source
grammar of a page. Nothing here renders or checks rules across files.

May import: nothing of ours (standard library, PyYAML, MkDocs' exception type). Imported by every layer.
"""
