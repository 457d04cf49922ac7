"""Each page's Markdown with what the site adds while converting it (clause numbers, filled references,
non-breaking spaces, the held forms) written into the text itself, for a plain Markdown renderer; what the
site refuses while it converts a page is refused here too (PlainPages.checked).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown

from ..hooks import safety
from ..model.front_matter import FRONT_MATTER
from ..model.markup import CROSS_REFERENCE, FENCE, SOURCE_REFERENCE
from ..render import plain_calls, preview, verbatim
from ..render.verbatim import is_instruction
from ..render.clauses import LABEL_AT_START, reference
from ..render.text_filters import md
from ..render.typography import typeset

HEADING = re.compile(r"^([ \t]{0,3}#{2}[ \t]+)")
ITEM = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)")
TAGS_MARKER = "<!-- material/tags -->"  # where Material puts a page's list of tags


class PlainPages:
    """The pages of one prepare run (read_site's host, forms and findings). Each is converted once with the
    site's own extensions, for the checks alone: unsafe HTML and links, stray labels, a numbering the preview
    reads differently, markup the sanitiser removes, a misplaced form."""

    def __init__(self, host, forms, findings):
        self.host, self.forms, self.blocks, self.findings = host, forms, forms.blocks, findings
        self.page_of = lambda: host.page
        self.converter = markdown.Markdown(extensions=host.conf["markdown_extensions"],
                                           extension_configs=host.conf["mdx_configs"])
        self.html = ""  # the last page as the site's first step leaves it (an edition's blocks: editions.py)

    def instruction(self, body: str, link_out: bool = True) -> str:
        """A position's or an edition's body as the site prints it: calls expanded (and checked), clauses
        numbered, typeset, the held forms back in place."""
        body = self.checked(plain_calls.expand(body, self.host.macros))
        if is_instruction(self.blocks.release(body)):
            body = number_clauses(body, self.forms.clause_numbers, link_out)
        return forms_in(typeset_markdown(body), self.blocks)

    def other(self, text: str) -> str:
        """A page that is not a position (catalog, structure, tags, guides): its calls expanded, typeset."""
        found = FRONT_MATTER.match(text)
        head, body = (text[:found.end()], text[found.end():]) if found else ("", text)
        expanded = plain_calls.expand(body, self.host.macros, skip_code=True)  # a guide shows calls in code as text
        self.checked((expanded or "").replace(TAGS_MARKER, ""))  # Material puts the tags list in its place
        return head + forms_in(typeset_markdown(expanded if expanded is not None else body), self.blocks) + "\n"

    def checked(self, text: str | None) -> str | None:
        """`text`, once converted for the checks (their problems go to render/findings.py)."""
        if text is not None:
            page_html = self.converter.reset().convert(text)
            self.html = safety.sanitise(page_html, self.page_of(), self.blocks, self.findings)  # the site's last guard
            macro = verbatim.misplaced(self.blocks.release(page_html))
            if macro:  # the build stops on the same leftover placeholder (verbatim.put_back), in the same words
                self.findings.report_on_page(self.page_of, *verbatim.misplaced_form(macro), f"{{{{ {macro}() }}}}")
        return text


def number_clauses(text: str, numbers_of: Callable, link_out: bool = True) -> str:
    """Section and clause numbers written at each heading and item («1\\.», «1.1\\.»: escaped, so no renderer
    reads them as a list of its own), labels turned into anchors and empty references filled in (without
    link_out, another position's clause is named, not linked: an archived edition's target may be gone)."""
    lines, _ = preview.read(text.split("\n"))
    _, sections = preview.read(lines)  # read again: line numbers of the rewritten text
    for number, section, clauses in preview.numbered(sections):
        lines[section.line] = _prefixed(lines[section.line], HEADING, f"{number}\\.")
        for clause_number, clause in clauses:
            lines[clause.line] = _prefixed(lines[clause.line], ITEM, f"{clause_number}\\.")
    return _fill_references("\n".join(lines), preview.label_numbers(sections), numbers_of, link_out)


def _prefixed(line: str, syntax: re.Pattern, number: str) -> str:
    found = syntax.match(line)
    head, rest = (found.group(1), line[found.end():]) if found else ("", line)
    label = LABEL_AT_START.match(rest) if syntax is ITEM else None
    anchor = f'<a id="{label.group(1)}"></a>' if label else ""
    return f"{head}{anchor}{number} {rest[label.end():] if label else rest.lstrip()}"


def _fill_references(text: str, numbers: dict[str, str], numbers_of: Callable, link_out: bool = True) -> str:
    def filled(found: re.Match) -> str:
        target = found.group(1)
        if target.startswith("#") and target[1:] in numbers:
            return f"[{numbers[target[1:]]}]({target})"
        other = CROSS_REFERENCE.match(target)
        known = reference(numbers_of, other.group(1), other.group(2), md) if other else None
        if known is None:
            return found.group(0)  # reported by checks/relations.py or render/clauses.py
        words = " ".join(filter(None, known))
        return f"[{words}]({target})" if link_out else words
    return SOURCE_REFERENCE.sub(filled, text)


def forms_in(text: str, blocks) -> str:
    """The held forms put back in place of their tokens, each as one raw HTML block."""
    return verbatim.TOKEN.sub(lambda token: one_block(blocks.release(token.group(0))), text)


def one_block(text: str) -> str:
    """HTML as one raw HTML block: no blank line inside, so every renderer keeps it whole."""
    return "\n".join(line for line in text.split("\n") if line.strip())


# --- Typography: the site's rules, over the text nodes Markdown will make of each line -------------------

HTML_BLOCK = re.compile(r"^[ \t]{0,3}<[!/A-Za-z]")
ADMONITION = re.compile(r'^([ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w -]*?")(.*)("[ \t]*)$')
# Blocks of one line (a heading, a table row) and lines that end a paragraph or make it a heading (---, ===).
ONE_LINE = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:#{1,6}(?:[ \t]|$)|\|)")
RULE = re.compile(r"^[ \t]*(?:-{3,}|={3,}|\*{3,}|_{3,})[ \t]*$")
DELIMITER_ROW = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|?)+$")  # under a table's header row
PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?")
# Where Markdown starts or ends an element inside a line; an escape or entity is one opaque character.
INLINE = re.compile(r"(?P<code>`+[^`]*`+)|(?P<html><[^>\n]+>)|(?P<close>\]\([^)\s]*\))|(?P<open>!?\[)"
                    r"|(?P<emphasis>\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w))|(?P<cell>\|)"
                    r"|(?P<br> {2,}\n)")
PLACEHOLDER = re.compile("\x02(?:wzxhzdk:)?\\d+\x03")
OPAQUE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!|>]|&(?:#\d+|#x[0-9a-fA-F]+|\w+);")


def typeset_markdown(text: str) -> str:
    """Every paragraph of prose typeset as the site typesets the text it becomes; code and raw HTML untouched.
    A paragraph's lines are typeset together: the site binds «и» at a line's end to the next line's word."""
    lines, out, fence, html, table = text.split("\n"), [], None, False, False
    index = 0
    while index < len(lines):
        line = lines[index]
        opened = FENCE.match(line)
        if fence or opened:
            fence = None if fence and opened and opened.group(1)[0] == fence else (fence or opened.group(1)[0])
            out.append(line)
            index += 1
            continue
        html = (html and bool(line.strip())) or bool(HTML_BLOCK.match(line))
        table = (table and bool(line.strip())) or ("|" in line and index + 1 < len(lines)
                                                   and "|" in lines[index + 1] and bool(DELIMITER_ROW.match(lines[index + 1])))
        title = ADMONITION.match(line)
        if html or not line.strip() or RULE.match(line):
            out.append(line)
        elif title:
            out.append(title.group(1) + _typeset_inline(title.group(2)) + title.group(3))
        elif table:
            out.append(_typeset_inline(line, table=True))
        else:
            head = PREFIX.match(line).group(0)
            run = [line[len(head):]]
            while not ONE_LINE.match(line) and index + 1 < len(lines) and _continues(lines[index + 1]):
                index += 1
                run.append(lines[index])
            out.append(head + _typeset_inline("\n".join(run)))
        index += 1
    return "\n".join(out)


def _continues(line: str) -> bool:
    """Whether a line goes on with the paragraph above it rather than starting a block of its own."""
    return bool(line.strip()) and not (FENCE.match(line) or HTML_BLOCK.match(line) or ITEM.match(line)
                                       or ONE_LINE.match(line) or RULE.match(line) or ADMONITION.match(line))


def _typeset_inline(text: str, table: bool = False) -> str:
    """One line's inline Markdown, each text run typeset with the first character of the element after it
    (as render/typography.py binds «п. » to a link reading «2.7»). Outside a table a pipe is text."""
    parts, emphasis_open, end = [], False, 0
    for found in INLINE.finditer(text):
        kind = found.lastgroup
        if kind == "cell" and not table:
            continue
        parts.append(("text", text[end:found.start()]))
        if kind == "emphasis":
            kind, emphasis_open = ("close" if emphasis_open else "open"), not emphasis_open
        parts.append((kind, found.group(0)))
        end = found.end()
    parts.append(("text", text[end:]))
    return "".join(_typeset_run(value, _following(parts, index)) if kind == "text" else value
                   for index, (kind, value) in enumerate(parts))


def _following(parts: list, index: int) -> str:
    """The first character the next element shows, when the next thing on the line opens one."""
    after = index + 1
    while after < len(parts) and parts[after][0] == "open":
        after += 1
    return parts[after][1][:1] if index + 1 < after < len(parts) and parts[after][0] == "text" else ""


def _typeset_run(text: str, following: str) -> str:
    """Python-Markdown keeps escapes and entities as placeholders while the site typesets: so does this."""
    if not text or text.isspace():
        return text
    held: list[str] = []

    def hold(found: re.Match) -> str:
        held.append(found.group(0))
        escaped = found.group(0)[1] if found.group(0).startswith("\\") else None
        return f"\x02{ord(escaped)}\x03" if escaped else f"\x02wzxhzdk:{len(held) - 1}\x03"
    done = typeset(OPAQUE.sub(hold, text), following)
    back = iter(held)  # typesetting changes only spaces: the placeholders come back in their order
    return PLACEHOLDER.sub(lambda found: next(back), done)
