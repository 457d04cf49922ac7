"""The one answer to "is this page an instruction?": its HTML carries approval_stamp()'s marker.
Only such pages get numbered clauses, «Печать» and «Скачать PDF», and a PDF.
"""

from __future__ import annotations

# Written by macros/templates/approval_stamp.html on the document header.
MARKER = "data-instruction"


def is_instruction(html: str | None) -> bool:
    """Whether a page's HTML (or a block of it) is, or carries the header of, an instruction."""
    return bool(html) and MARKER in html
