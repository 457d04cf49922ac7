"""The company's settings (`extra:` in mkdocs.yml), and approval and signatures a lawyer would accept.

Every position prints `extra:`, so a missing key or a string where a list belongs would surface as a traceback
or a signature row per letter. One form of approval per edition (a document needs its number); nobody approves
his own instruction, drafts and approves, drafts and agrees, or approves and agrees; every official named exists.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..model.company import BY_DOCUMENT, BY_OFFICIAL, SLUG, Approval, Company
from ..model.front_matter import collect_lines
from ..model.positions import Position, Staff, nearest_line
from ..model.problems import Problem
from .fields import Checked, schema_problems
from .relations import guess

CONFIG = "mkdocs.yml"


def check_company(conf) -> list[Problem]:
    """Every problem of `extra:` in the site's configuration file against its schema."""
    config_file = Path(conf["config_file_path"])
    lines = _lines(config_file)
    checked = Checked(
        config_file.name, "company_schema.yaml", lambda *path: nearest_line(lines, ("extra", *path)),
        lambda path: ".".join(["extra", *map(str, path)]),
        "в раздел extra:", "такого ключа нет в настройках компании (extra)")
    return schema_problems(_plain(conf.get("extra") or {}), checked)


def _lines(config_file: Path) -> dict[tuple, int]:
    """The line of every key of the configuration file (composed, not constructed: its tags stay unread)."""
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    lines: dict[tuple, int] = {}
    if node is not None:
        collect_lines(node, (), lines, [], first_line=1)
    return lines


def _plain(value):
    """MkDocs' config objects as plain dicts and lists, the way the schema sees YAML."""
    if hasattr(value, "items"):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def check_signatories(staff: Staff, conf) -> list[Problem]:
    company, lines = Company(conf["extra"], staff), _lines(Path(conf["config_file_path"]))  # ("extra", …) -> line
    problems = _company_signatories(staff, company, lines)
    for position in staff.positions.values():
        problems += _check_position(staff, company, position, lines)
    return problems


def _config_problem(lines: dict, keys: tuple, message: str, fix: str, missing: str | None = None) -> Problem:
    field = "extra." + ".".join(str(key) for key in keys if not isinstance(key, int))
    return Problem(CONFIG, message, fix, field=field, line=nearest_line(lines, ("extra", *keys)), missing=missing)


def _company_signatories(staff: Staff, company: Company, lines: dict) -> list[Problem]:
    def problem(keys: tuple, message: str, fix: str, missing: str | None = None) -> Problem:
        return _config_problem(lines, keys, message, fix, missing)

    problems = []  # missing keys and wrong types: the schema (company_schema.yaml) says so
    if company.form == BY_DOCUMENT and not company.document:
        problems.append(problem(("approval",), "не указано, каким документом утверждаются инструкции",
                                "добавьте в extra.approval строку document: приказом генерального директора"))
    refs = [(("approval", "official"), company.approver_ref), (("signatories", "drafted_by"), company.drafter_ref)]
    refs += [(("signatories", "agreed_by", i), ref) for i, ref in enumerate(company.agreed_refs)]
    refs += [(("officials", ref), ref) for ref in company.officials]
    problems += [problem(keys, *missing, missing=ref) for keys, ref in refs if (missing := _missing_position(staff, ref))]
    approver = company.approver_ref
    if approver and approver == company.drafter_ref:
        problems.append(problem(("signatories", "drafted_by"), "инструкции разрабатывает тот же, кто их утверждает",
                                "укажите в drafted_by должность отдела персонала, например hr-head"))
    if approver and approver in company.agreed_refs:
        problems.append(problem(("signatories", "agreed_by"), "инструкции согласует тот же, кто их утверждает",
                                f"уберите {approver} из agreed_by: утверждающий не согласует свой же документ"))
    return problems


def _check_position(staff: Staff, company: Company, position: Position, lines: dict) -> list[Problem]:
    meta = position.meta

    def problem(field: str, message: str, fix: str, *path, missing: str | None = None) -> Problem:
        # A missing `approval` is reported at `approved`, the date it belongs with.
        return position.problem(message, fix, field, *path, line=position.line_of("approved"), missing=missing)

    own, agreed = meta.get("approval"), meta.get("agreed_by")
    refs = [("approval", ("official",), own.get("official") if isinstance(own, dict) else None),
            ("drafted_by", (), meta.get("drafted_by"))]
    refs += [("agreed_by", (index,), ref) for index, ref in enumerate(agreed if isinstance(agreed, list) else [])]
    problems = [problem(field, *missing, *path, missing=ref) for field, path, ref in refs
                if (missing := _missing_position(staff, ref))]
    if problems:
        return problems  # the rules below would only repeat the missing reference
    approval = company.approval(position)
    if "approval_order" not in meta:  # the former field has its own message (fields.py)
        problems += [problem("approval", message, fix) for message, fix in _edition_rules(approval)]
    for index, entry in position.entries("history"):
        past = company.edition_approval(entry.get("approval"), entry.get("approved"))
        problems += [problem("history", f"запись {index + 1}: {message}", fix, index)
                     for message, fix in _edition_rules(past)]
    if approval.official and approval.official.ref == position.slug:
        problems.append(problem(
            "approval", "должностное лицо не утверждает собственную инструкцию",
            "укажите орган, который назначает на эту должность, и номер его протокола, например: approval: "
            "{document: решением общего собрания участников общества, protocol: 1}"))
    return problems + _signatory_rules(company, position, approval, lines)


def _edition_rules(approval: Approval) -> list[tuple[str, str]]:
    """One form of the approval requisite: a document has a number, an official's signature has none."""
    if approval.form == BY_OFFICIAL:
        if approval.number or approval.protocol:
            return [("инструкция утверждается подписью должностного лица (УТВЕРЖДАЮ), а указан номер документа: "
                     "гриф был бы в двух формах сразу",
                     "уберите number/protocol или утвердите документом: approval: {form: document, number: …}")]
        if approval.official is None:
            return [("не указано должностное лицо, которое подписывает гриф УТВЕРЖДАЮ",
                     "добавьте в approval строку official: general-director (имя файла должности)")]
        return []
    if approval.number and approval.protocol:
        return [("указаны и номер документа (number), и номер протокола (protocol)",
                 "оставьте одно: number — номер приказа; protocol — номер протокола собрания, принявшего решение")]
    if not (approval.number or approval.protocol):
        return [("инструкция утверждается документом, а его номер не указан",
                 "добавьте номер приказа: approval: {number: 14-ОД} (или protocol: 1 для решения собрания)")]
    return []


def _signatory_rules(company: Company, position: Position, approval: Approval, lines: dict) -> list[Problem]:
    signatories = company.signatories(position)
    drafter, approver = signatories.drafter, approval.official
    own_drafter = bool(position.meta.get("drafted_by"))
    own_agreed = position.meta.get("agreed_by") is not None
    problems = []
    # The company's own drafter being its approver is reported once, at mkdocs.yml (_check_company).
    company_wide = not own_drafter and drafter is not None and drafter.ref == company.drafter_ref == company.approver_ref
    if drafter and approver and drafter.ref == approver.ref and not company_wide:
        said = (f"инструкцию {position.meta.get('genitive', position.slug)} разрабатывает тот же, кто её утверждает "
                f"({drafter.title})",
                "укажите разработчиком другое лицо: drafted_by: hr-head (или имя файла руководителя подразделения)")
        problems.append(position.problem(*said, "drafted_by") if own_drafter
                        else _config_problem(lines, ("signatories", "drafted_by"), *said))
    agreed = [official.ref for official in signatories.agreed]
    if drafter and drafter.ref in agreed:
        problems.append(position.problem(
            f"{drafter.title} и разрабатывает, и согласует инструкцию",
            f"уберите {drafter.ref} из agreed_by: разработчик подписывает инструкцию один раз", "agreed_by"))
    if approver and approver.ref in agreed and own_agreed:
        problems.append(position.problem(
            f"{approver.title} и согласует, и утверждает инструкцию",
            f"уберите {approver.ref} из agreed_by: утверждающий не согласует свой же документ", "agreed_by"))
    return problems


def _missing_position(staff: Staff, ref) -> tuple[str, str] | None:
    """A reference written as a file name must name a position; a title (Юрисконсульт) may be anything."""
    if not isinstance(ref, str) or not SLUG.match(ref) or ref in staff.positions:
        return None
    return (f"должности «{ref}» нет: нет файла docs/positions/{ref}.md",
            f"{guess(ref, staff)}укажите имя файла должности без .md или наименование должности, у которой нет файла "
            "(с заглавной буквы, например Юрисконсульт)")
