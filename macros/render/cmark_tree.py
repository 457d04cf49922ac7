"""A page's blocks as GitHub's own parser, cmark-gfm (CommonMark + GFM tables, in C), reads them, for
render/preview.py: lists, their items and what the items hold, with their lines and the words the clause
outline reads. The tree is walked in cmark-gfm's C API, since HTML drops a tight item's paragraph bounds.
"""

from __future__ import annotations

from functools import lru_cache

# cmark-gfm's public C API (cmark-gfm.h). The cmarkgfm package compiles the library into its extension
# module but declares only the HTML path to Python; its tree is read through the same exported functions.
C_API = """
typedef struct cmark_node cmark_node;
typedef struct cmark_parser cmark_parser;
typedef struct cmark_syntax_extension cmark_syntax_extension;
void cmark_gfm_core_extensions_ensure_registered(void);
cmark_syntax_extension *cmark_find_syntax_extension(const char *name);
cmark_parser *cmark_parser_new(int options);
int cmark_parser_attach_syntax_extension(cmark_parser *parser, cmark_syntax_extension *extension);
void cmark_parser_feed(cmark_parser *parser, const char *buffer, size_t len);
cmark_node *cmark_parser_finish(cmark_parser *parser);
void cmark_parser_free(cmark_parser *parser);
void cmark_node_free(cmark_node *node);
cmark_node *cmark_node_first_child(cmark_node *node);
cmark_node *cmark_node_next(cmark_node *node);
int cmark_node_get_type(cmark_node *node);
const char *cmark_node_get_type_string(cmark_node *node);
int cmark_node_get_start_line(cmark_node *node);
int cmark_node_get_end_line(cmark_node *node);
int cmark_node_get_heading_level(cmark_node *node);
const char *cmark_node_get_literal(cmark_node *node);
"""
CONTAINERS = frozenset({"list", "item"})  # what holds the blocks the outline and the rewriting look at
LINED = frozenset({"list", "item", "table", "heading"})
# Inline parts whose words the preview does not count, and line breaks (no words, nothing inside).
UNREAD = frozenset({"image", "code", "html_inline", "softbreak", "linebreak"})


@lru_cache(maxsize=1)
def _cmark() -> "_Cmark":
    return _Cmark()


def read(text: str) -> "Node":
    """The document's blocks (below it: the lists' items and what they hold, nothing deeper)."""
    return _cmark().tree(text)


class Node:
    """A block as cmark-gfm reads it: its type ("list", "item", "table", "heading", "paragraph",
    "block_quote"…), its 0-based lines [start, end) and, where the outline needs them, its words."""

    __slots__ = ("type", "level", "map", "children", "words")

    def __init__(self, type_: str, level: int, map_: tuple, words: str = ""):
        self.type, self.level, self.map, self.children, self.words = type_, level, map_, [], words


class _Cmark:
    """cmark-gfm with GitHub's table extension, loaded on first use; a page's tree is copied into Nodes
    (only as deep as lists go, with the words the outline reads) and freed at once."""

    def __init__(self):
        import cffi
        from cmarkgfm import _cmark

        self.ffi = cffi.FFI()
        self.ffi.cdef(C_API)
        self.lib = self.ffi.dlopen(_cmark.__file__)
        self.lib.cmark_gfm_core_extensions_ensure_registered()
        self.table = self.lib.cmark_find_syntax_extension(b"table")
        self.names: dict[int, str] = {}

    def tree(self, text: str) -> Node:
        lib, data = self.lib, text.encode("utf-8", "surrogatepass")
        parser = lib.cmark_parser_new(0)
        lib.cmark_parser_attach_syntax_extension(parser, self.table)
        lib.cmark_parser_feed(parser, data, len(data))
        document = lib.cmark_parser_finish(parser)
        try:
            root = Node("document", 0, (0, 0))
            self._copy(document, root, top=True)
            return root
        finally:
            lib.cmark_node_free(document)
            lib.cmark_parser_free(parser)

    def _copy(self, parent, into: Node, top: bool) -> None:
        """`top`: the document's blocks, its lists and their items, whose words the outline reads."""
        lib, null, names, first_paragraph = self.lib, self.ffi.NULL, self.names, into.type == "item"
        type_of, following = lib.cmark_node_get_type, lib.cmark_node_next
        node = lib.cmark_node_first_child(parent)
        while node != null:
            kind = names.get(type_of(node)) or self._name(node)
            start = end = level = 0  # the outline and the rewriting need the lines of these only:
            if kind in LINED:
                start, end = lib.cmark_node_get_start_line(node) - 1, lib.cmark_node_get_end_line(node)
                if kind == "heading":
                    level = lib.cmark_node_get_heading_level(node)
                elif kind == "table":  # from its header row: cmark-gfm dates a table from the text right above it
                    start, row = end - 1, lib.cmark_node_first_child(node)
                    while row != null:
                        start, row = start - 1, following(row)
            reads = top and (level == 2 or (kind == "paragraph" and first_paragraph))
            child = Node(kind, level, (start, end), self._words(node) if reads else "")
            into.children.append(child)
            first_paragraph = first_paragraph and kind != "paragraph"
            if kind in CONTAINERS:
                self._copy(node, child, top and into.type != "item")
            node = following(node)

    def _words(self, parent) -> str:
        """Its text as the preview shows it: code spans, images and raw HTML left out, the lines' words
        joined at line breaks, emphasis and link text kept (as the outline read them with markdown-it)."""
        lib, null, names, parts = self.lib, self.ffi.NULL, self.names, []
        type_of, following = lib.cmark_node_get_type, lib.cmark_node_next
        node = lib.cmark_node_first_child(parent)
        while node != null:
            kind = names.get(type_of(node)) or self._name(node)
            if kind == "text":
                parts.append(self.ffi.string(lib.cmark_node_get_literal(node)).decode("utf-8", "surrogatepass"))
            elif kind not in UNREAD:
                parts.append(self._words(node))
            node = following(node)
        return "".join(parts)

    def _name(self, node) -> str:
        """A type's name ("item", "table"…), asked of cmark-gfm once: extensions' types are numbered as loaded."""
        kind = self.lib.cmark_node_get_type(node)
        self.names[kind] = self.ffi.string(self.lib.cmark_node_get_type_string(node)).decode()
        return self.names[kind]
