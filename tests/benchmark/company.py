"""A generated company: N positions with the real schema, spread over departments with a reporting tree.

Every generated file is derived from a real position file (the key account manager, the
largest one): its front matter keeps every field the real file has (so fields other helpers
add to the schema come along), and its body keeps the real skeleton (macro calls, headings,
intro sentences) with the clauses and the «Справка» block replaced by generated text of the
same size.
"""

from __future__ import annotations

import copy
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

import wording as w

TEMPLATE_SLUG = "key-account-manager"
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*\r?\n", re.S)
GROUP_SIZE = 8  # a group leader and seven people
# A department with a hundred specialists (a third of the company below 300 positions): the largest
# menu and head's card a page can get.
LARGE_SIZE, LARGE_PREFIX = 100, "contact-"
REPLACED_SECTIONS = ("Должностные обязанности", "Права", "Ответственность")


@dataclass
class Role:
    slug: str
    title: str
    genitive: str
    dative: str
    category: str
    department: str
    reports_to: str
    proposed_by: str | None = None
    stand_in: str | None = None


def real_positions(positions_dir: Path) -> list[Path]:
    return sorted(p for p in positions_dir.glob("*.md") if not p.name.startswith("_"))


def generate(positions_dir: Path, total: int, seed: int = 7) -> list[str]:
    """Add generated positions to the folder so that it holds `total` positions; return their slugs."""
    real = real_positions(positions_dir)
    template = positions_dir / f"{TEMPLATE_SLUG}.md"
    text = template.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    base_meta, base_body = yaml.safe_load(match.group(1)), text[match.end():]
    rng = random.Random(seed)
    roles = plan_company(max(0, total - len(real)))
    for role in roles:
        meta = front_matter(base_meta, role, rng)
        body = body_text(base_body, base_meta["title"], role, rng)
        dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        (positions_dir / f"{role.slug}.md").write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")
    return [r.slug for r in roles]


def plan_company(count: int) -> list[Role]:
    """`count` positions over up to 16 departments; heads report to the real directors. One more
    department holds LARGE_SIZE positions of one category (fewer in a small company): the
    worst case for a page's menu (and for its head's card)."""
    if count <= 0:
        return []
    roles: list[Role] = []
    if count >= 30:
        roles = plan_large_department(w.LARGE_DEPARTMENT, min(LARGE_SIZE, count // 3), w.DIRECTORS[0])
        count -= len(roles)
    departments = w.DEPARTMENTS[:min(len(w.DEPARTMENTS), max(1, round(count / 9)))]
    sizes = [count // len(departments) + (i < count % len(departments)) for i in range(len(departments))]
    for index, (department, size) in enumerate(zip(departments, sizes)):
        roles += plan_department(department, size, w.DIRECTORS[index % len(w.DIRECTORS)])
    return roles


def plan_department(department: tuple, size: int, director: str) -> list[Role]:
    name, dslug, dgen = department
    head = _role(w.HEAD, f"{dslug}-head", f" {dgen}", name, director)
    roles, leader, number = [head], None, 0
    for index in range(1, size):
        if (index - 1) % GROUP_SIZE == 0:
            group = (index - 1) // GROUP_SIZE + 1
            leader = _role(w.LEADER, f"{dslug}-group-{group}-lead", f" {group} {dgen}", name, head.slug)
            leader.proposed_by, leader.stand_in = head.slug, head.slug
            roles.append(leader)
            continue
        number += 1
        kind = w.ROLES[number % len(w.ROLES)]
        person = _role(kind, f"{dslug}-{kind[4]}-{number}", f" {dgen} № {number}", name, leader.slug)
        person.proposed_by, person.stand_in = head.slug, leader.slug
        roles.append(person)
    return roles


def plan_large_department(department: tuple, size: int, director: str) -> list[Role]:
    """A head, a leader per ten people and `size` people of one category (specialists)."""
    name, dslug, dgen = department
    head = _role(w.HEAD, f"{dslug}-head", f" {dgen}", name, director)
    roles = [head]
    for number in range(1, size + 1):
        if number % 10 == 1:
            group = number // 10 + 1
            leader = _role(w.LEADER, f"{dslug}-group-{group}-lead", f" {group} {dgen}", name, head.slug)
            leader.proposed_by, leader.stand_in = head.slug, head.slug
            roles.append(leader)
        person = _role(w.OPERATOR, f"{dslug}-operator-{number}", f" {dgen} № {number}", name, leader.slug)
        person.proposed_by, person.stand_in = head.slug, leader.slug
        roles.append(person)
    return roles


def departments(positions_dir: Path) -> dict[str, str]:
    """Slug -> department of every position file in the folder."""
    found = {}
    for path in real_positions(positions_dir):
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        found[path.stem] = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["department"]
    return found


def _role(kind: tuple, slug: str, suffix: str, department: str, reports_to: str) -> Role:
    nominative, genitive, dative, category, _ = kind
    return Role(slug, nominative + suffix, genitive + suffix, dative + suffix, category, department, reports_to)


def front_matter(base: dict, role: Role, rng: random.Random) -> dict:
    meta = copy.deepcopy(base)
    # Approved in the year before the real file: never in the future, whatever checks validation adds.
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), base["approved"].year - 1
    meta.update({
        "title": role.title, "genitive": role.genitive, "dative": role.dative,
        "aliases": [role.title.split(" № ")[0]],
        "department": role.department, "category": role.category,
        "appointed_by": "general-director", "proposed_by": role.proposed_by,
        "reports_to": role.reports_to, "reports_to_also": [], "stand_in": role.stand_in,
        "education": rng.choice(w.EDUCATION), "experience": rng.choice(w.EXPERIENCE),
        "governing_documents": rng.sample(w.DOCUMENTS, 2),
        "version": f"1.{rng.randint(0, 3)}",
        "approved": base["approved"].replace(year=year, month=month, day=day),
        "approval": {"number": f"{rng.randint(1, 99)}-ОД"},
        "tags": [role.department, role.category],
    })
    # The real file's history and change note belong to its own editions, not to a generated position.
    return {key: value for key, value in meta.items() if value is not None and key not in ("history", "changes")}


def body_text(base_body: str, base_title: str, role: Role, rng: random.Random) -> str:
    """The real body with its clauses and reference block replaced; macros and headings stay."""
    out, section, in_list = [], "", False
    lines = base_body.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("!!! "):
            out.append(line)
            out += reference_block(rng)
            out += [rest for rest in lines[index + 1:] if rest and not rest.startswith((" ", "\t"))]
            break
        if line.startswith("## "):
            section = line[3:].strip()
        if line.startswith(("- ", "* ")) and "{{" not in line and section in REPLACED_SECTIONS:
            if not in_list:
                out += clauses(section, rng)
            in_list = True
            continue
        if in_list and line.startswith((" ", "\t")) and line.strip():
            continue  # a sub-item of a replaced clause
        in_list = False
        out.append(line.replace(base_title, role.title))
    return "\n".join(out) + "\n"


def clauses(section: str, rng: random.Random) -> list[str]:
    if section == "Должностные обязанности":
        return duties(rng)
    if section == "Права":
        return ["- " + right for right in rng.sample(w.RIGHTS, rng.randint(3, 5))]
    return ["- " + item for item in rng.sample(w.LIABILITY, rng.randint(1, 2))]


def duties(rng: random.Random) -> list[str]:
    """20-24 duties; two carry labels, two later ones refer to them."""
    count = rng.randint(20, 24)
    labels = rng.sample(w.LABELS, 2)
    items = []
    for number in range(count):
        text = f"{rng.choice(w.VERBS)} {rng.choice(w.OBJECTS)} {rng.choice(w.QUALIFIERS)}; {rng.choice(w.TAILS)}."
        if number in (1, 4):
            text = f"{{#{labels[number == 4]}}} {text}"
        if number in (9, 15):
            text = f"С учётом п. [](#{labels[number == 15]}) {text[0].lower()}{text[1:]}"
        items.append("- " + text)
    return items


def reference_block(rng: random.Random) -> list[str]:
    lines = [""]
    for heading in rng.sample(w.REFERENCE_HEADINGS, 3):
        lines += [f"    ### {heading}", ""]
        for _ in range(2):
            lines += ["    " + " ".join(rng.sample(w.REFERENCE_SENTENCES, 5)), ""]
    return lines
