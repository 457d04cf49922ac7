"""The one answer to "is this page an instruction?".

An instruction is a page whose HTML carries the marker that approval_stamp() writes
(macros/templates/approval_stamp.html). Only such pages get numbered clauses (clauses.py), the
«Печать» and «Скачать PDF» buttons (overrides/main.html, through the Jinja test the theme hook
registers) and a PDF (exports/pdf.py). Everything that needs the answer asks here.
"""

from __future__ import annotations

# Written by macros/templates/approval_stamp.html on the document header.
MARKER = "data-instruction"


def is_instruction(html: str | None) -> bool:
    """Whether a page's HTML (or a block of it) is, or carries the header of, an instruction."""
    return bool(html) and MARKER in html
