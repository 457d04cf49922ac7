"""Checks that need more than one position: references, reporting cycles, duplicates, page addresses."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..model.company import SLUG
from ..model.history import deleted
from ..model.markup import CROSS_REFERENCE, source_labels, source_references
from ..model.positions import LIST_REFERENCE_FIELDS, POSITIONS_DIR, REFERENCE_FIELDS, Position, Staff, position_files
from ..model.problems import REFERRER, Problem, did_you_mean
from .pages import MARKDOWN, page_address

# "Did you mean …" only for a likely typo: general-director is not a misspelt commercial-director (0.7).
CLOSE_ENOUGH = 0.8


def check_relations(staff: Staff, docs_dir: Path | None) -> list[Problem]:
    problems: list[Problem] = []
    # Files that exist but could not be read have their own problem; references to them are fine.
    existing = set(staff.positions) | ({p.stem for p in position_files(docs_dir)} if docs_dir else set())
    for position in staff.positions.values():
        problems += _check_slug(position)
        for field in REFERENCE_FIELDS + LIST_REFERENCE_FIELDS:
            values = position.meta.get(field)
            listed = ([((field, i), value) for i, value in enumerate(values if isinstance(values, list) else [])]
                      if field in LIST_REFERENCE_FIELDS else [((field,), values)])
            for path, value in listed:
                problems += _missing_target(position, staff, existing, path, value, docs_dir)
        problems += _twice_superior(position)
        problems += _check_clause_references(position, staff)
    problems += _check_renames(staff) + _check_cycles(staff) + _check_duplicate_titles(staff) + _check_departments(staff)
    return problems + (_check_page_files(docs_dir) if docs_dir is not None else [])


def _check_slug(position: Position) -> list[Problem]:
    if SLUG.match(position.slug):
        return []
    suggestion = re.sub(r"[^a-z0-9]+", "-", position.slug.lower()).strip("-") or "new-position"
    return [position.problem(
        "имя файла должности должно состоять из латинских строчных букв, цифр и дефисов: "
        "из него получается адрес страницы",
        f"переименуйте файл в {suggestion}.md и поправьте ссылки на него в других должностях")]


def _check_clause_references(position: Position, staff: Staff) -> list[Problem]:
    """[](other.md#label): the other position exists and has that label."""
    problems = []
    for target, line in source_references(position.body):
        found = CROSS_REFERENCE.match(target)
        if not found:
            continue
        slug, label = found.groups()
        line = position.body_line + line - 1
        if slug not in staff:
            problems.append(position.problem(
                f"ссылка на пункт [](…{target}) ведёт в должность, которой нет: нет файла docs/{POSITIONS_DIR}/{slug}.md",
                f"{guess(slug, staff, '.md')}укажите имя файла существующей должности", line=line))
        elif label not in (known := {name for name, _ in source_labels(staff[slug].body)}):
            labels = ", ".join(sorted(known)) or "меток нет"
            problems.append(position.problem(
                f"ссылка [](…{target}) ведёт на метку, которой нет в {staff[slug].shown}",
                f"поставьте метку {{#{label}}} в начале нужного пункта того файла или исправьте ссылку "
                f"(метки того файла: {labels})", line=line))
    return problems


def _missing_target(position: Position, staff: Staff, existing: set[str], path: tuple, value,
                    docs_dir: Path | None) -> list[Problem]:
    field = path[0]
    if value == position.slug and field in ("stand_in", "reports_to_also", "appointed_by"):
        what = {"stand_in": "замещает сама себя", "reports_to_also": "подчиняется сама себе",
                "appointed_by": "назначается сама собой"}[field]
        return [position.problem(f"должность {what}: здесь записано имя её собственного файла «{value}»",
                                 f"уберите «{value}» из списка {field}" if field in LIST_REFERENCE_FIELDS else
                                 f"укажите в {field} другую должность или null, если её нет", *path)]
    if not isinstance(value, str) or not value or value in existing:
        return []
    if value == position.slug and field == "reports_to":
        return []  # reported as a cycle of one
    renamed = staff.renamed().get(value)
    if renamed is not None:
        return [position.problem(f"должность «{value}» переименована: теперь это {renamed.shown}",
                                 f"напишите новое имя: {field}: {renamed.slug}", *path)]
    gone = deleted(docs_dir, f"{POSITIONS_DIR}/{value}.md") if docs_dir is not None else None
    if gone:
        when, commit = gone
        return [position.problem(
            f"должность «{value}» удалена: файл docs/{POSITIONS_DIR}/{value}.md удалён "
            f"{when:%d.%m.%Y} ({commit}){REFERRER}",
            "укажите другую должность (например, вышестоящую) или верните файл; чтобы упразднить должность, "
            "файл не удаляют, а пишут в нём status: упразднена (CONTRIBUTING.md, «Упразднить должность»)",
            *path, missing=value)]
    titled = _by_title(staff, value)
    if titled is not None:
        return [position.problem(f"«{value}» — наименование должности, а здесь пишут имя её файла",
                                 f"напишите {field}: {titled.slug}" if field in REFERENCE_FIELDS else
                                 f"напишите {titled.slug} вместо «{value}»", *path)]
    known = ", ".join(sorted(staff.positions))
    return [position.problem(
        f"должности «{value}» нет: нет файла docs/{POSITIONS_DIR}/{value}.md",
        f"{guess(value, staff)}укажите имя файла существующей должности без .md, одно из: {known}", *path,
        missing=value)]


def _twice_superior(position: Position) -> list[Problem]:
    """reports_to_also lists superiors besides reports_to: each once, or the general provisions print it twice."""
    also = position.meta.get("reports_to_also")
    seen = {position.ref("reports_to"): "reports_to"}
    problems = []
    for index, slug in enumerate(also if isinstance(also, list) else []):
        if isinstance(slug, str) and slug in seen:
            problems.append(position.problem(
                f"«{slug}» уже указана в {seen[slug]}: в общих положениях подчинение было бы напечатано дважды",
                f"уберите «{slug}» из reports_to_also", "reports_to_also", index))
        seen.setdefault(slug, f"reports_to_also (запись {index + 1})")
    return problems


def guess(slug: str, staff: Staff, suffix: str = "") -> str:
    return did_you_mean(slug.lower(), staff.positions, suffix, cutoff=CLOSE_ENOUGH)  # HR-head meant hr-head


def _by_title(staff: Staff, value: str) -> Position | None:
    """The position whose title (in any of its written case forms) is `value`: HR wrote the name, not the file."""
    def plain(text: str) -> str:
        return " ".join(text.lower().replace("ё", "е").split())

    for candidate in staff.positions.values():
        forms = [candidate.meta.get(key) for key in ("title", "genitive", "dative")]
        if plain(value) in {plain(form) for form in forms if isinstance(form, str)}:
            return candidate
    return None


def _check_renames(staff: Staff) -> list[Problem]:
    """An earlier name may not be the name of another position, nor of two positions at once."""
    problems, seen = [], {}
    for position in staff.positions.values():
        for index, old in enumerate(position.renamed_from):
            if old in staff:
                problems.append(position.problem(f"прежнее имя «{old}» носит другая должность: {staff[old].shown}",
                                                 "в renamed_from пишут только имена файлов, которых больше нет",
                                                 "renamed_from", index))
            elif old in seen:
                problems.append(position.problem(
                    f"прежнее имя «{old}» уже указано в {seen[old].shown}: со старого адреса "
                    "нельзя перенаправить на две страницы", "оставьте его в одном файле", "renamed_from", index))
            seen.setdefault(old, position)
    return problems


def _check_cycles(staff: Staff) -> list[Problem]:
    problems, reported = [], set()
    for start in sorted(staff.positions):
        chain, slug = [], start
        while slug in staff and slug not in chain:
            chain.append(slug)
            slug = staff[slug].ref("reports_to")
        if slug in chain and slug not in reported:
            loop = chain[chain.index(slug):]
            reported.update(loop)
            path = " → ".join(loop + [slug])
            problems.append(staff[slug].problem(
                f"подчинение замкнуто в круг: {path}", "у одной из этих должностей укажите в reports_to вышестоящую "
                "должность вне круга (у высшей должности reports_to не указывается)", "reports_to"))
    return problems


def _check_departments(staff: Staff) -> list[Problem]:
    """One department written two ways («Отдел персонала.», «отдел  персонала»): the menu would show two departments.
    The way fewer positions write it (or the untidier, as many each) is the slip."""
    def plain(name: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", name.casefold().replace("ё", "е")).split())

    written: dict[str, dict[str, list[Position]]] = {}
    for position in staff.positions.values():
        name = position.meta.get("department")
        if isinstance(name, str):
            written.setdefault(plain(name), {}).setdefault(name, []).append(position)
    problems = []
    for forms in written.values():
        usual = max(forms, key=lambda name: (len(forms[name]), name == " ".join(name.split()), name[:1].isupper(),
                                             name[-1:].isalnum(), name))  # as many each: the tidier form
        for name, positions in forms.items():
            if name != usual:
                problems += [position.problem(
                    f"подразделение «{name}» записано не так, как у других должностей: «{usual}» "
                    f"({forms[usual][0].shown}); в меню это были бы два подразделения",
                    f"напишите department: {usual}", "department") for position in positions]
    return problems


def _check_duplicate_titles(staff: Staff) -> list[Problem]:
    seen: dict[str, Position] = {}
    problems = []
    for position in sorted(staff.positions.values(), key=lambda p: p.src_path):
        title = position.meta.get("title")
        if not isinstance(title, str):
            continue
        key = " ".join(unicodedata.normalize("NFKC", title).casefold().replace("ё", "е").split())
        if key in seen:
            problems.append(position.problem(f"должность «{title}» уже описана в docs/{seen[key].src_path}",
                                             "переименуйте должность или объедините два файла в один", "title"))
        else:
            seen[key] = position
    return problems


def _check_page_files(docs_dir: Path) -> list[Problem]:
    """Two files that become one page address (recruiter.md and Recruiter.md, or recruiter.markdown) would overwrite
    each other; Markdown in docs/positions that is not <slug>.md directly there is not read as a position, but
    MkDocs would still build it, and its macros would fail mid-build."""
    pages: dict[str, list[str]] = {}
    stray = []
    for path in sorted(docs_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in MARKDOWN:
            continue
        relative = path.relative_to(docs_dir).as_posix()
        pages.setdefault(page_address(relative), []).append(relative)
        if relative.startswith(f"{POSITIONS_DIR}/") and (relative.count("/") > 1 or path.suffix != ".md"
                                                         or path.name.startswith("_")):
            stray.append(Problem(
                f"docs/{relative}", "файл должности лежит не там или называется не так: его не прочтут как должность",
                f"положите файл прямо в docs/{POSITIONS_DIR}/ с расширением .md (строчными), "
                f"например docs/{POSITIONS_DIR}/{path.stem.lower().lstrip('_')}.md"))
    problems = []
    for address, files in pages.items():
        files.sort(key=lambda name: (name != name.lower() or not name.endswith(".md"), name))  # blame the odd one
        for other in files[1:]:
            problems.append(Problem(
                f"docs/{other}", f"этот файл и docs/{files[0]} дают одну и ту же страницу /{address}",
                "оставьте один из файлов; имена файлов пишите строчными латинскими буквами с расширением .md"))
    return problems + stray
