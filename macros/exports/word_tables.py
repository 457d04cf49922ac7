"""Tables of a printed page as real Word tables, with print.css's widths, borders and merged cells;
blocks print.css floats side by side become one borderless row (Word has no safe floats).
"""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.table import _Cell

from .print_style import length_pt

SIDES = ("top", "left", "bottom", "right")
VERTICAL = {"middle": WD_CELL_VERTICAL_ALIGNMENT.CENTER, "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM,
            "top": WD_CELL_VERTICAL_ALIGNMENT.TOP}
AFTER_BORDERS = ("shd", "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers",
                 "cellIns", "cellDel", "cellMerge", "tcPrChange")
DEFAULT_BORDER = "0.5pt solid #000"  # a table print.css says nothing about is ruled, as in a printed document


def write_table(writer, wrapper, style: dict, target) -> None:
    rows = [row for row in wrapper.query_all("tr") if _own_row(wrapper, row) and not _hidden(writer, row, style)]
    if not rows:
        return
    cells = [[cell for cell in row.iter_children() if cell.etree_element.tag in ("td", "th")] for row in rows]
    columns = max(sum(_span(cell) for cell in row) for row in cells) or 1
    table = target.add_table(rows=len(rows), cols=columns)
    widths = _column_widths(writer, cells, columns, style, _available(writer, target))
    # Rows and cells taken once: python-docx's table.rows[r] and table.cell(r, c) walk the whole table on every
    # call, and a long table (a 4,500-row table of 215 KB) took minutes (tests/test_hostile_input_round_three.py).
    for word_row, row, row_cells in zip(table.rows, rows, cells):
        grid = [_Cell(tc, table) for tc in word_row._tr.tc_lst]
        row_style = writer.style.computed(row, writer.style.computed(row.parent, style))
        if row.parent.etree_element.tag == "thead":
            _row_flag(word_row, "w:tblHeader")  # repeated at the top of every page, as thead prints
        if row_style.get("break-inside") == "avoid":
            _row_flag(word_row, "w:cantSplit")
        column = 0
        for cell in row_cells:
            span = _span(cell)
            word_cell = grid[column]
            if span > 1 and column + span - 1 < columns:
                word_cell = word_cell.merge(grid[column + span - 1])
            cell_style = writer.style.computed(cell, row_style)
            _cell_properties(word_cell, cell_style)
            height = length_pt(cell_style.get("height"), writer.size(cell_style))
            if height:
                word_row.height, word_row.height_rule = Pt(height), WD_ROW_HEIGHT_RULE.AT_LEAST
            writer.block_into_cell(cell, row_style, word_cell)
            column += span
    _set_widths(table, widths)
    if style.get("break-inside") == "avoid" or style.get("break-before") == "avoid":
        for row in table.rows:
            _row_flag(row, "w:cantSplit")


def write_side_by_side(writer, floats: list, style: dict, target) -> None:
    """Left floats, free space, right floats: one row of a table without borders."""
    lefts = [f for f in floats if f[1].get("float") == "left"]
    rights = [f for f in floats if f[1].get("float") == "right"]
    available = _available(writer, target)
    widths = [length_pt(s.get("width"), writer.size(s)) or available / len(floats) for _, s in lefts + rights]
    gap = max(0.0, available - sum(widths))
    layout = lefts + ([None] if gap else []) + rights
    table = target.add_table(rows=1, cols=len(layout))
    sized = iter(widths)
    _set_widths(table, [gap if item is None else next(sized) for item in layout])
    for index, item in enumerate(layout):
        cell = table.cell(0, index)
        _borders(cell, {side: "none" for side in SIDES})
        if item is not None:
            writer.block_into_cell(item[0], style, cell)


def _set_widths(table, widths: list[float]) -> None:
    """Word reads the cells' widths, LibreOffice the table grid's: both are set (and kept: no autofit)."""
    table.autofit = False
    for index, width in enumerate(widths):
        table.columns[index].width = Pt(width)
    for row in table._tbl.tr_lst:  # a merged cell as its last column (not table.columns[i].cells: quadratic)
        column = 0
        for tc in row.tc_lst:
            column += tc.grid_span
            _Cell(tc, table).width = Pt(widths[min(column, len(widths)) - 1])


def _own_row(table, row) -> bool:
    """A row of this table, not of one nested in its cells."""
    return next(a for a in reversed(row.ancestors) if a.etree_element.tag == "table").etree_element is table.etree_element


def _hidden(writer, row, style: dict) -> bool:
    """A row print.css hides, itself or by its group (the signature block's column heads): not on paper."""
    return any(writer.style.computed(node, style).get("display") == "none"
               for node in (row, row.parent) if node.etree_element.tag != "table")


def _span(cell) -> int:
    try:
        return max(1, int(cell.etree_element.get("colspan") or 1))
    except ValueError:
        return 1


def _available(writer, target) -> float:
    width = getattr(target, "width", None)
    return width.pt if width else writer.text_width_pt


def _column_widths(writer, cells, columns: int, style: dict, total: float) -> list[float]:
    """Widths from the first row without merged cells (CSS percentages or lengths; the rest share what is left);
    a column of text print.css keeps on one line (white-space: nowrap) borrows room from the roomiest column."""
    full = [row for row in cells if len(row) == columns]
    widths: list = [None] * columns
    for index, cell in enumerate(full[0] if full else []):
        value = (writer.style.computed(cell, style).get("width") or "").strip()
        widths[index] = total * float(value[:-1]) / 100 if value.endswith("%") else length_pt(value, writer.size(style))
    known, free = sum(w for w in widths if w), sum(1 for w in widths if not w)
    widths = [float(w) if w else max(total - known, 20.0 * free) / free for w in widths]
    needed, natural = [0.0] * columns, [0.0] * columns
    for row in full:
        for index, cell in enumerate(row):
            cell_style = writer.style.computed(cell, style)
            text = " ".join("".join(cell.etree_element.itertext()).split())
            estimate = len(text) * writer.size(cell_style) * 0.5 + 12 if text else 0.0
            natural[index] = max(natural[index], estimate)
            if cell_style.get("white-space") == "nowrap":
                needed[index] = max(needed[index], estimate)
    for index, need in enumerate(needed):
        short = need - widths[index]
        if short > 0:
            donor = max(range(columns), key=lambda i: widths[i] - natural[i])
            if donor != index and widths[donor] - natural[donor] > short:
                widths[donor] -= short
                widths[index] += short
    return widths


def _row_flag(row, tag: str) -> None:
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn(tag)) is None:
        properties.append(parse_xml(f'<{tag} {nsdecls("w")}/>'))


def _cell_properties(cell, style: dict) -> None:
    declared = {side: style.get(f"border-{side}") or style.get("border") for side in SIDES}
    if not any(declared.values()):
        declared = {side: DEFAULT_BORDER for side in SIDES}
    _borders(cell, declared)
    if style.get("vertical-align") in VERTICAL:
        cell.vertical_alignment = VERTICAL[style["vertical-align"]]


def _borders(cell, sides: dict) -> None:
    properties = cell._tc.get_or_add_tcPr()
    properties.remove_all("w:tcBorders")
    parts = []
    for side in SIDES:
        value = (sides.get(side) or "none").lower()
        width = next((length_pt(token) for token in value.split() if length_pt(token) is not None), 0.5)
        if "none" in value or "hidden" in value or not width:
            parts.append(f'<w:{side} w:val="nil"/>')
        else:
            kind = "double" if "double" in value else "dashed" if "dashed" in value else "single"
            parts.append(f'<w:{side} w:val="{kind}" w:sz="{max(2, round(width * 8))}" w:space="0" w:color="000000"/>')
    borders = parse_xml(f'<w:tcBorders {nsdecls("w")}>{"".join(parts)}</w:tcBorders>')
    # The schema orders a cell's properties: borders come after width and spans, before shading and alignment.
    properties.insert_element_before(borders, *(f"w:{tag}" for tag in AFTER_BORDERS))
