"""General provisions, common rights and standard liability: what the macros already say, found in a document.

Section 1 of a company's instruction states the facts our front matter holds (category,
who appoints, the supervisor, the stand-in, education and experience, governing documents); each
clause that states them is read into fields and replaced by {{ general_provisions() }}. A clause
whose wording the template would not reproduce (words of it the rendered template lacks) is named
in the report. Rights and liability clauses that say what the shared templates say are replaced by
{{ common_rights() }} and {{ standard_liability() }}; everything else stays the position's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ...render import text_filters
from . import matching
from .structure import Clause

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
CATEGORIES = {"руководител": "руководители", "специалист": "специалисты", "служащ": "служащие",
              "рабоч": "рабочие", "технических исполнител": "служащие"}
STANDARD_DOCUMENTS = re.compile(
    r"законодател|нормативн\w* правов|^устав|уставом|правил\w* внутреннего трудового|локальн\w* нормативн"
    r"|нормативн\w* акт\w* (?:организации|компании|предприятия|общества)|настоящ\w* (?:должностн\w* )?инструкци",
    re.I)
SAME_AS_TEMPLATE = 0.5  # Dice similarity of content stems above which a clause says what a template item says


@dataclass
class Provisions:
    fields: dict = field(default_factory=dict)
    replaced: list[tuple[Clause, str]] = field(default_factory=list)   # clause, what replaced it
    kept: list[Clause] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def template_items(name: str) -> list[str]:
    """The "- " items of a shared template with no Jinja in them (common_rights.md, standard_liability.md)."""
    text = re.sub(r"\{##.*?##\}", "", (TEMPLATES / name).read_text(encoding="utf-8"), flags=re.S)
    return [line[2:].strip() for line in text.splitlines() if line.startswith("- ")]


def whole(clause: Clause) -> str:
    return " ".join([clause.text, *[i.text for i in clause.items], *clause.more])


def general_provisions(clauses: list[Clause], staff) -> Provisions:
    found = Provisions()
    for clause in clauses:
        text = " ".join(whole(clause).lower().replace("ё", "е").split())
        reader = next((r for key, r in READERS if re.search(key, text)), None)
        outcome = reader(clause, text, staff, found.fields) if reader else None
        if outcome:
            found.replaced.append((clause, outcome))
        else:
            found.kept.append(clause)
    return found


def _category(clause, text, staff, fields):
    match = re.search(r"(?:относится к категории|категория(?: должности)?\s*[:—–-]?)\s*[«\"“]?(\w+(?: \w+)?)", text)
    kind = next((ours for stem, ours in CATEGORIES.items() if match and match.group(1).startswith(stem)), None)
    if not kind:
        return None
    fields["category"] = kind
    title = re.split(r"\s+относится\s", clause.text, maxsplit=1)[0].strip(" ,")
    if 2 < len(title) < 120 and "относится" in clause.text:
        fields["title"] = title[:1].upper() + title[1:]
    return f"категория: {kind}" + (f"; наименование: {fields['title']}" if "title" in fields else "")


def _appointment(clause, text, staff, fields):
    decision = re.search(r"\b(решением [^.;]+)", clause.text, re.I)
    by_order = re.search(r"приказом ([^.;]+?)(?:,? изданн\w+)?(?: по представлению ([^.;]+))?(?:[.;]|$)", text)
    if by_order:
        appointer = matching.find_position(by_order.group(1), staff)
        proposer = matching.find_position(by_order.group(2), staff) if by_order.group(2) else None
        if not appointer or (by_order.group(2) and not proposer):
            return None  # someone the site does not know: the clause stays as the document has it
        fields["appointed_by"] = appointer
        if proposer:
            fields["proposed_by"] = proposer
        return f"назначает: {appointer}" + (f", по представлению: {proposer}" if proposer else "")
    if decision:
        fields["appointment_note"] = decision.group(1).strip()
        fields["appointed_by"] = None
        return f"назначается: {fields['appointment_note']}"
    return None


def _supervisor(clause, text, staff, fields):
    direct = re.search(r"непосредственн\w* руководител\w* [^—–-]*[—–-]\s*([^;.(]+)", text)
    reports = re.search(r"(?:подчиня\w+|подотчет\w*|находится в (?:непосредственном )?подчинении)"
                        r"\s*[:—–-]?\s+(?:непосредственно )?([^;.(,]+)", text)
    phrase = direct.group(1) if direct else reports.group(1) if reports else None
    boss = matching.find_position(phrase, staff) if phrase else None
    if not boss:
        return None
    also_text = re.search(r"(?:также|\()\s*([^;.)]+)", text[(direct or reports).end():])
    also = []
    if also_text:
        for name in re.split(r",| и ", also_text.group(1)):
            slug = matching.find_position(name, staff)
            if not slug:
                return None
            also.append(slug)
    fields["reports_to"] = boss
    if also:
        fields["reports_to_also"] = also
    return f"руководитель: {boss}" + (f"; также: {', '.join(also)}" if also else "")


def _stand_in(clause, text, staff, fields):
    # «… может быть поручено другому работнику только с письменного согласия …» (the template's own wording).
    match = re.search(r"(?:передаются|переходят к|возлагаются на|исполняет|исполняются|замещает|поручено)"
                      r"\s+([^;.,:]+?)(?=\s+только\b|[;.,:]|$)", text)
    if not match:
        return None
    phrase = match.group(1)
    if re.search(r"(другому|иному|назначенному|должностному) лицу|лицо|работник", phrase):
        fields["stand_in"] = None
        return "замещает: другой работник с его согласия"
    slug = matching.find_position(phrase, staff)
    if not slug:
        return None
    fields["stand_in"] = slug
    return f"замещает: {slug}"


def _requirements(clause, text, staff, fields):
    education = (re.search(r"((?:высшее|среднее|начальное|неполное)[^,;]*?)\s+образовани", text)
                 or re.search(r"образовани\w*\s*[:—–-]?\s*((?:высшее|среднее|начальное|неполное)[^,;.]*)", text))
    if not education:
        return None
    fields["education"] = education.group(1).strip()
    _experience(clause, text, staff, fields)
    return f"образование: {fields['education']}" + (f"; стаж: {fields['experience']}" if "experience" in fields else "")


def _experience(clause, text, staff, fields):
    """«стаж работы не менее 1 года», «Стаж работы: не менее 2 лет» (a row of a requirements table)."""
    experience = re.search(r"(?:стаж\w*|опыт\w*)(?: работы)?(?:\s*[:—–-]\s*|\s+)((?!не предъявля)[^;]+?)\s*(?:[;.]|$)", text)
    if not experience or re.search(r"без (?:предъявления )?требовани|без предъявления|не предъявля", text):
        return None
    fields["experience"] = experience.group(1).strip()
    return f"стаж: {fields['experience']}"


def _governing(clause, text, staff, fields):
    items = [i.text for i in clause.items] or re.split(r"\s*;\s*", clause.text.split(":", 1)[-1])
    own = []
    for item in items:
        item = item.strip(" ;.,—-")
        if item and not STANDARD_DOCUMENTS.search(item):
            own.append(item)  # as written: «Федеральным законом …» keeps its capital
    fields["governing_documents"] = own
    return "документы: " + ("; ".join(own) if own else "только общие")


def _purpose(clause, text, staff, fields):
    return "вводный пункт о назначении инструкции: на сайте его заменяет заголовок документа"


READERS = (
    (r"относится к категории|^категория", _category),
    (r"настоящая должностная инструкция (?:определяет|устанавливает|регламентирует)", _purpose),
    (r"(?:назнача|назначени|принима|прием)\w*.*(?:освобожд|увольня|увольнени)", _appointment),
    (r"подчиня|подотчет|находится в (?:непосредственном )?подчинении|непосредственн\w* руководител", _supervisor),
    (r"отсутстви", _stand_in),
    (r"образовани", _requirements),
    (r"^(?:стаж|опыт)", _experience),
    (r"руководству\w+", _governing),
)


def shared_clauses(clauses: list[Clause], template: str) -> tuple[list[Clause], list[tuple[Clause, str]], list[str]]:
    """(own clauses, clauses the template replaces, template items the document did not have)."""
    items = template_items(template)
    own, replaced, matched = [], [], set()
    for clause in clauses:
        scores = [(matching.similarity(whole(clause), item), index) for index, item in enumerate(items)]
        best, index = max(scores, default=(0.0, -1))
        if best >= SAME_AS_TEMPLATE and index not in matched and not clause.items:
            matched.add(index)
            replaced.append((clause, items[index]))
        else:
            own.append(clause)
    missing = [item for index, item in enumerate(items) if index not in matched]
    return own, replaced, missing


def render_general_provisions(fields: dict, staff) -> str:
    """Our section 1 for these fields, to compare with the document's wording."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), comment_start_string="{##",
                             comment_end_string="##}", autoescape=False)
    # The build's own filters, except that `md` keeps plain words: the result is compared, never published.
    env.filters.update(lcfirst=text_filters.lcfirst, and_list=text_filters.and_list,
                       md=lambda value: " ".join(str(value).split()))
    meta = {key: fields.get(key) for key in ("education", "experience", "governing_documents", "appointment_note")}
    position = _Named(fields.get("title") or "", fields.get("genitive") or "", fields.get("dative") or "",
                      fields.get("category") or "специалисты", meta)
    related = {key: staff.positions.get(fields.get(key) or "") for key in
               ("appointed_by", "proposed_by", "reports_to", "stand_in")}
    try:
        return env.get_template("general_provisions.md").render(
            position=position, appointer=related["appointed_by"], proposer=related["proposed_by"],
            supervisor=related["reports_to"], stand_in=related["stand_in"],
            also=[staff.positions[s] for s in fields.get("reports_to_also") or [] if s in staff.positions])
    except jinja2.TemplateError:
        return ""


@dataclass
class _Named:
    title: str
    genitive: str
    dative: str
    category: str
    meta: dict
