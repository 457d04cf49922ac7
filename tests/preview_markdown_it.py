"""The reading the build used before cmark-gfm (markdown-it-py, CommonMark + GFM tables), kept only as the
oracle of tests/test_preview_cmark.py: every text both read alike must give the same rewriting and outline.
It walks markdown-it's tokens the way macros/render/preview.py did and shares the rest of that module."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core.text_join import _join_text_tokens

from macros.render.preview import (INDENT, LABEL, Clause, Section, _content_column, _Edits, _interrupts,
                                   _opening, after_blocks)

PARSER = MarkdownIt("commonmark").enable("table")


def read(lines: list[str]) -> tuple[list[str], list[Section]]:
    tokens = PARSER.parse("\n".join(lines))
    root = _tree(tokens)
    edits = _Edits()
    for node in root["children"]:
        _visit(node, lines, edits, 0)
    return edits.apply(lines), _outline(root)


def _tree(tokens) -> dict:
    root = {"type": "root", "children": []}
    stack = [root]
    for token in tokens:
        if token.nesting == 1:
            node = {"type": token.type[:-5], "tag": token.tag, "map": token.map, "children": []}
            stack[-1]["children"].append(node)
            stack.append(node)
        elif token.nesting == -1:
            stack.pop()
        else:
            stack[-1]["children"].append({"type": token.type, "tag": token.tag, "map": token.map, "children": [],
                                          "inline": token if token.type == "inline" else None})
    return root


def _text(node) -> str:
    """Top-level "text" tokens after text_join: code, images, raw HTML and line breaks left out."""
    parts = []
    for child in node["children"]:
        if child.get("inline") is not None:
            joined = _join_text_tokens(child["inline"].children or [])
            parts.append("".join(part.content for part in joined if part.type == "text"))
    return "".join(parts).strip()


def _outline(root) -> list[Section]:
    sections: list[Section] = []
    for node in root["children"]:
        if node["type"] == "heading" and node["tag"] == "h2":
            sections.append(Section(_text(node), node["map"][0]))
        elif node["type"] in ("bullet_list", "ordered_list") and sections:
            for item in node["children"]:
                paragraph = next((child for child in item["children"] if child["type"] == "paragraph"), None)
                text = _text(paragraph) if paragraph is not None else ""
                label = LABEL.match(text)
                sections[-1].clauses.append(Clause(item["map"][0], _shape(item), _opening(text),
                                                   label and label.group(1)))
    return sections


def _shape(item) -> tuple:
    return tuple(("list", tuple(_shape(sub) for sub in child["children"]))
                 if child["type"] in ("bullet_list", "ordered_list") else ("table",)
                 for child in item["children"] if child["type"] in ("bullet_list", "ordered_list", "table"))


def _visit(node, lines: list[str], edits: _Edits, depth: int) -> None:
    if node["type"] == "blockquote":
        return
    if node["type"] in ("bullet_list", "ordered_list", "table") and node["map"] and _interrupts(lines, node["map"][0]):
        if node["type"] == "table" or depth == 0:
            edits.blank_before.add(node["map"][0])
    if node["type"] in ("bullet_list", "ordered_list"):
        after_blocks(lines, [item["map"][0] for item in node["children"]], edits)
    if node["type"] != "list_item":
        for child in node["children"]:
            _visit(child, lines, edits, depth)
        return
    start, end = node["map"]
    marker = lines[start]
    content = _content_column(marker)
    edits.indent[start] = " " * (4 * depth) + marker.lstrip(" \t")
    nested = [range(*child["map"]) for sub in node["children"] if sub["type"] in ("bullet_list", "ordered_list")
              for child in sub["children"]]
    for number in range(start + 1, end):
        if any(number in span for span in nested) or not lines[number].strip():
            continue
        own = len(INDENT.match(lines[number]).group(0).expandtabs(4))
        edits.indent[number] = " " * (4 * (depth + 1) + max(0, own - content)) + lines[number].lstrip(" \t")
    for child in node["children"]:
        _visit(child, lines, edits, depth + 1)
