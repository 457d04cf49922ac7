"""Checks of the text below the front matter: clause labels, headings written without their space («##Права»,
which Markdown reads as text), GitHub's own Markdown (a line broken with «\\», ~~struck~~ text, «[ ]» tasks),
hand-typed clause numbers and clauses begun with «•», which the site would print otherwise; the skeleton of an
instruction is skeleton.py's."""

from __future__ import annotations

import re

from ..model.markup import (CROSS_REFERENCE, GENERATED_ID, VALID_LABEL, source_labels,
                            source_references, without_code)
from ..model.positions import Position
from ..model.problems import Problem
from .skeleton import check_skeleton, file_line as _line, split_clauses
from .tables import check_tables

MARKER = r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+"


class _Struck:
    """~struck~ text: the pattern, tried on a line only from the first opening run of each length that has a closing
    run of that length after it (tried from every «~», a line of «~a ~a ~a…» that never closes took seconds)."""

    RUNS = [(re.compile(rf"(?<![~\\]){run}(?=[^\s~])"), re.compile(rf"(?<=[^\s~\\]){run}(?!~)")) for run in ("~", "~~")]

    def __init__(self, pattern: str):
        self.pattern = re.compile(pattern)
        self.match = self.pattern.match

    def finditer(self, text: str):
        at = text.find("~")
        while at >= 0:
            start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
            end = len(text) if end < 0 else end
            for opening, closing in self.RUNS:
                opener = opening.search(text, start, end)
                closer = opener and closing.search(text, opener.end() + 1, end)
                found = closer and self.pattern.search(text, opener.start(), closer.end())
                if found:
                    yield found
            at = text.find("~", end)


# What the git preview reads as markup and the site as text (or the other way round), with the message and the fix.
READ_OTHERWISE = (
    (re.compile(r"^(?P<marks>#{1,6})(?P<title>[^\W\d_][^\n]*?)[ \t]*$", re.M),
     "«{found}» не читается как заголовок: после {marks} нет пробела",
     "напишите «{marks} {title}» (пробел между {marks} и названием раздела)"),
    (re.compile(r"(?<!\\)(?:\\\\)*\\\n(?![ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|[#>|\n]|$))"),
     "обратная косая черта «\\» в конце строки: предпросмотр git переносит на ней строку, а сайт и печать "
     "покажут знак «\\» и продолжат текст в той же строке",
     "уберите «\\»; новую мысль начните отдельным пунктом «- » или абзацем после пустой строки"),
    (_Struck(r"(?<![~\\])(~~?)(?=[^\s~])[^\n]*?(?<=[^\s~\\])\1(?!~)"),
     "«{found}»: предпросмотр git показывает текст между знаками «~» зачёркнутым, а сайт и печать — со знаками «~»",
     "удалите текст, который больше не действует (прежние редакции хранит история); знак «~» как текст пишите "
     "через обратную косую черту: \\~"),
    (re.compile(MARKER + r"\[[ xX]\](?=[ \t]|$)", re.M),
     "«{found}»: предпросмотр git показывает «[ ]» в начале пункта флажком задачи, а сайт и печать — скобками",
     "уберите «[ ]» или «[x]»: пункт инструкции пишется как «- Текст»"),
    (re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?\\?[1-9]\d?(?:\\?\.\d{1,3})+\\?\.?(?=[ \t])", re.M),
     "«{found}»: номер пункта написан вручную; сборка ставит номера сама, и на сайте и в печати у пункта было бы "
     "два номера (или номер стал бы частью предыдущего пункта)",
     "начните пункт с «- » без номера; чтобы сослаться на пункт, поставьте метку «- {{#метка}} Текст» и "
     "пишите «п. [](#метка)»"),
    (re.compile(r"^[ \t]*+(?:(?:[-*+]|\d{1,9}[.)])[ \t]++)++\{\{-?[ \t]*+\w++\([^\n]*", re.M),
     "«{found}»: строка макроса стоит в пункте списка: предпросмотр git показал бы её пунктом, а сайт — частями "
     "инструкции, которые пишет макрос",
     "уберите «- » (или номер) перед макросом: строка макроса пишется отдельно, с начала строки, "
     "с пустыми строками до и после"),
    (re.compile(r"^[ \t]++\{\{-?[ \t]*+\w++\([ \t]*+\)[ \t]*+-?\}\}[ \t]*+$", re.M),
     "«{found}»: строка макроса с отступом: предпросмотр git покажет её кодом или частью пункта выше, а сайт — "
     "частями инструкции, которые пишет макрос",
     "уберите отступ: строка макроса пишется с начала строки, с пустыми строками до и после"),
    (re.compile(r"^ {0,3}#{1,6}[ \t]*$", re.M),
     "«{found}»: заголовок без названия — предпросмотр git покажет пустой заголовок, а сайт — строку «{found}» "
     "(после «##» — ещё и с номером раздела, и номера следующих разделов сдвинулись бы)",
     "удалите эту строку или допишите название: «## Название раздела»"),
    (re.compile(r"^ {0,3}>[^\n]{0,40}", re.M),
     "«{found}»: строка начинается с «>» — это цитата: ни в предпросмотре git, ни на сайте она не пункт и стоит без "
     "номера, а список пунктов она разрывает",
     "уберите «>»: пункт начинается с «- », обычный текст — без знаков в начале строки"),
    # A clause begun with a sign Word or a keyboard gives instead of «- »: both read it as text glued to the line above.
    (re.compile(r"^[ \t]*+(?P<mark>[•·▪◦●○■□‣⁃]|[–—](?=[ \t])|-(?=[^\W\d_]))[^\n]{0,30}", re.M),
     "«{found}»: строка начинается с «{mark}», а пункт списка — с дефиса и пробела; предпросмотр git и сайт "
     "приклеят эту строку к пункту или абзацу выше, отдельного пункта не будет",
     "начните пункт с дефиса и пробела: «- Текст»; вложенный пункт — с двух пробелов и «- »"),
    (re.compile(r"^#{1,6}[ \t]+.*?[^\s#\\]#+[ \t]*$", re.M),
     "«{found}»: предпросмотр git покажет знаки # в конце заголовка как часть названия, а сайт их уберёт",
     "уберите знаки # в конце: заголовок раздела — «## Название»"),
    (re.compile(r"^ {1,3}#{1,6}(?:[ \t].*)?$", re.M),
     "«{found}»: заголовок с отступом — предпросмотр git покажет его заголовком, а сайт и печать — строкой текста",
     "пишите заголовок с начала строки: «## Название»; внутри пункта заголовков не бывает — нужные слова выделите "
     "**жирным**"),
)
RARE = {READ_OTHERWISE[1][0]: "\\\n", READ_OTHERWISE[2][0]: "~"}  # the sign each of these cannot match without
# Rules about how a line begins, tried only on lines that begin with one of their signs (a pattern anchored at every
# line start of every page would be tried at each of its characters): the rule, its signs after the indent.
LINE_START = {READ_OTHERWISE[5][0]: "-*+0123456789", READ_OTHERWISE[6][0]: "{", READ_OTHERWISE[7][0]: "#",
              READ_OTHERWISE[8][0]: ">", READ_OTHERWISE[9][0]: "•·▪◦●○■□‣⁃–—-"}
# A first-level heading (# …, or a line underlined with ===), also inside a list item or a quote: the page shows
# it, while print, PDF and Word leave every h1 out (the document's title is the build's, from `title`).
FIRST_LEVEL = re.compile(r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*#(?!#)|^[^\S\n]*\S[^\n]*\n {0,3}=+[ \t]*$", re.M)
# «Справка» is the one block print, PDF and Word leave out; the screen tells it by its title alone (or by the
# title the Word import gives what it could not place, for HR to move and delete).
BLOCK = re.compile(r'^[ \t>]*(!!!|\?\?\?\+?)[ \t]+([^"\n]*?)[ \t]*(?:"([^"\n]*)")?[ \t]*$', re.M)
REFERENCE = '!!! reference "Справка"'
IMPORT_LEFTOVERS = "Не распознано при импорте: перенесите нужное в инструкцию и удалите этот блок"


def check_body(position: Position) -> list[Problem]:
    if not position.body.strip():
        return [position.problem(
            "ниже данных должности (после второй строки ---) нет текста инструкции",
            "создайте файл командой python3 -m macros.new_position или скопируйте образец со страницы сайта «Файл должности» (docs/guide/position-file.md)",
            line=position.body_line)]
    named: set[str] = set()
    text = without_code(position.body)
    return (_read_otherwise(position, text, named) + _first_level_headings(position, text)
            + _reference_blocks(position, text) + split_clauses(position, text) + check_tables(position, text)
            + check_skeleton(position, named)
            + _check_labels(position, text))


def _reference_blocks(position: Position, text: str) -> list[Problem]:
    return [position.problem(
        f"блок «{found.group(0).strip()}»: блок reference не печатается (его нет в PDF и Word), и на странице его "
        f"отличает только заголовок «Справка»", f"напишите ровно {REFERENCE}; если текст должен быть в подписанной "
        "инструкции, сделайте его обычным пунктом", line=_line(position, found.start()))
        for found in BLOCK.finditer(text) if _disguised(*found.groups())]


def _disguised(marker: str, types: str, title: str | None) -> bool:
    """A reference block not written as the one form the page marks as not printed."""
    plain = marker == "!!!" and types == "reference" and title in ("Справка", IMPORT_LEFTOVERS)
    return "reference" in types.split() and not plain


def _first_level_headings(position: Position, text: str) -> list[Problem]:
    """A line READ_OTHERWISE reports («#Права», « # Права») gets its message only."""
    return [position.problem(
        "заголовок первого уровня (строка «# …» или подчёркнутая «===») в тексте инструкции: на странице он "
        "заменяет заголовок должности, а в печати, PDF и Word его нет — заголовок документа пишет сборка",
        "разделы пишутся «## Название раздела»; если строка должна начинаться со знака #, поставьте перед ним "
        "обратную косую черту: \\#", line=_line(position, found.start()) + found.group(0).count("\n"))
        for found in FIRST_LEVEL.finditer(text)
        if not any(pattern.match(text, found.start()) for pattern, *_ in READ_OTHERWISE)]


def _read_otherwise(position: Position, text: str, sections: set[str]) -> list[Problem]:
    """GitHub's Markdown the site does not read (or reads unlike the preview) in `text`, the body without code;
    `sections` gains the titles of headings reported here, so a section is not also reported missing."""
    problems, starts = [], _line_starts(text)
    for pattern, message, fix in READ_OTHERWISE:
        if RARE.get(pattern, "") not in text:
            continue  # a scan of every page's every character for a sign most pages lack
        signs = LINE_START.get(pattern)
        found_all = pattern.finditer(text) if signs is None else \
            [found for offset, sign in starts if sign and sign in signs and (found := pattern.match(text, offset))]
        for found in found_all:
            shown = found.group(0).strip()
            words = {"found": shown[:60], **found.groupdict()}
            problems.append(position.problem(message.format(**words), fix.format(**words),
                                             line=_line(position, found.start())))
            if shown.startswith("#"):
                sections.add(shown.strip("# \t"))
    return problems


def _line_starts(text: str) -> list[tuple[int, str]]:
    """(offset, first sign after the indent) of every line."""
    starts, offset = [], 0
    for line in text.split("\n"):
        starts.append((offset, line.lstrip(" \t")[:1]))
        offset += len(line) + 1
    return starts


STRAY_LABEL = re.compile(r"\{#([^}\n]{0,40})\}")  # anywhere but at a clause's start, a label is text

def _check_labels(position: Position, text: str) -> list[Problem]:
    """`text`: the body without code."""
    problems, declared, labels = [], {}, set()
    first = position.body_line
    for label, line in source_labels(position.body):
        labels.add(first + line - 1)
        line = first + line - 1
        if not VALID_LABEL.match(label):
            problems.append(position.problem(
                f"метка пункта «{{#{label}}}» недопустима", line=line,
                fix="метка — латинские буквы, цифры и дефис, начиная с буквы, например {#consult}"))
        elif GENERATED_ID.match(label):
            problems.append(position.problem(
                f"метка пункта «{{#{label}}}» совпадает с адресом, который сборка сама даёт "
                "разделу или пункту: ссылки вели бы не туда", line=line,
                fix="дайте метке слово по смыслу пункта, например {#consult}, и поправьте ссылки на неё"))
        elif label in declared:
            problems.append(position.problem(
                f"метка пункта «{{#{label}}}» уже стоит у пункта в строке {declared[label]}",
                "дайте этому пункту другую метку и поправьте ссылки [](#…), которые должны вести на него", line=line))
        else:
            declared[label] = line
    for stray in STRAY_LABEL.finditer(text):
        line = _line(position, stray.start())
        if line not in labels or text.count("{#", text.rfind("\n", 0, stray.start()) + 1, stray.start()):
            name = re.sub(r"\s", "", stray.group(1)) or "метка"
            problems.append(position.problem(
                f"«{stray.group(0)}»: метка пункта стоит не в начале пункта или с пробелом — на сайте и в печати "
                "она была бы видна как текст", f"напишите метку в начале пункта без пробелов: «- {{#{name}}} Текст»",
                line=line))
    for target, line in source_references(position.body):
        problems += _check_reference(position, target, first + line - 1, declared)
    return problems


def _check_reference(position: Position, target: str, line: int, declared: dict) -> list[Problem]:
    """An empty link is a clause reference; anything else would print as an empty link."""
    if target.startswith("#"):
        if target[1:] in declared:
            return []
        options = ", ".join(sorted(declared)) or "в этом файле меток нет"
        return [position.problem(
            f"ссылка на пункт [](#{target[1:]}) ведёт на несуществующую метку",
            f"поставьте метку {{#{target[1:]}}} в начале нужного пункта или исправьте ссылку (метки файла: {options})",
            line=line)]
    if CROSS_REFERENCE.match(target):
        return []  # a clause of another position: checked with all positions in relations.py
    return [position.problem(
        f"ссылка [](…{target[-40:]}) без текста: на странице была бы пустой",
        "напишите текст ссылки в квадратных скобках: [текст](адрес); ссылка на пункт — [](#метка), "
        "на пункт другой должности — [](имя-файла.md#метка)", line=line)]
