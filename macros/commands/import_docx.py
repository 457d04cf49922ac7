"""A company's Word instructions as position files, in one command; a report for each file.

    python3 -m macros.import_docx FILE.docx [FOLDER …] [--department "Отдел продаж"] [--report report.txt]
    python3 -m macros.import_docx FILE.docx --position SLUG     # a revised instruction: the next edition of SLUG

Each .docx becomes docs/positions/<slug>.md (the steps are in macros/commands/word_import/). The
file is checked with the build's own rules right away; the report says what was recognised, what
HR must check or fill (with the file's line or the document's paragraph), and whether the file
builds. A file that cannot be read gets a message in Russian and no traceback; the exit code is 1
when any document could not be imported or an imported file does not pass the checks yet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shlex
import sys
from pathlib import Path

from ..checks.run import validate_staff
from ..model.loading import load_staff
from ..model.positions import POSITIONS_DIR, Position
from .word_import import edition
from .word_import.convert import Result, convert
from .word_import.reading import UnreadableDocument

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
FIELD_IN_MESSAGE = re.compile(r"\b(title|genitive|dative|department|category|appointed_by|reports_to|education"
                              r"|approved|approval|tags)\b")


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    docs_dir = Path(args.docs_dir)
    if not (docs_dir / POSITIONS_DIR).is_dir():
        print(f"Нет папки {docs_dir / POSITIONS_DIR}: запустите команду из корня проекта или задайте --docs-dir",
              file=sys.stderr)
        return 2
    files, missing = _documents(args.paths)
    for path in missing:
        print(f"{path}: нет такого файла или папки", file=sys.stderr)
    if not files:
        print("Нет ни одного файла .docx для импорта.", file=sys.stderr)
        return 2
    for option, value in (("--slug", args.slug), ("--position", args.position)):
        if value and len(files) > 1:
            print(f"{option} задаётся только для одного файла", file=sys.stderr)
            return 2
    if args.slug and args.position:
        print("Задайте что-то одно: --position (новая редакция существующей должности) или --slug (новая "
              "должность)", file=sys.stderr)
        return 2
    # A file name, never a path: «--position ../index» must not overwrite a page outside docs/positions/.
    if args.position and not (SLUG.fullmatch(args.position)
                              and (docs_dir / POSITIONS_DIR / f"{args.position}.md").is_file()):
        known = ", ".join(sorted(p.stem for p in (docs_dir / POSITIONS_DIR).glob("*.md")))
        print(f"--position {args.position}: нет файла {(docs_dir / POSITIONS_DIR).as_posix()}/{args.position}.md. "
              f"Укажите имя файла должности без .md, одно из: {known}", file=sys.stderr)
        return 2
    foreseen = _foresee(files, docs_dir, args.department)
    reports, failed = [], bool(missing)
    for path in files:
        report, ok = _import_one(path, docs_dir, args, foreseen)
        reports.append(report)
        failed |= not ok
        print(report, flush=True)
    summary = (f"Итого: документов {len(files)}, импортировано {sum(r.startswith('Импорт:') for r in reports)}. "
               "Заполните отмеченное в отчётах и проверьте сборкой: mkdocs build --strict")
    print(summary)
    if args.report:
        Path(args.report).write_text("\n".join(reports + [summary]) + "\n", encoding="utf-8")
    return 1 if failed else 0


def _documents(paths: list[str]) -> tuple[list[Path], list[str]]:
    files, missing = [], []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in (".docx", ".doc", ".docm")
                            and not p.name.startswith("~$") and p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            missing.append(name)
    return files, missing


def _foresee(files: list[Path], docs_dir: Path, department: str | None) -> dict[Path, Position]:
    """First pass over a folder: each document's position, so one can name another as its supervisor in any order."""
    if len(files) < 2:
        return {}
    staff, _ = load_staff(docs_dir)
    foreseen = {}
    for path in files:
        try:
            result = convert(path, staff, department)
        except Exception:  # reported in the second pass
            continue
        meta = {k: result.fields.get(k) for k in ("title", "genitive", "dative", "department", "reports_to")}
        foreseen[path] = Position(result.slug, f"{POSITIONS_DIR}/{result.slug}.md", meta, "", 1)
    return foreseen


def _import_one(path: Path, docs_dir: Path, args, foreseen: dict[Path, Position]) -> tuple[str, bool]:
    staff, _ = load_staff(docs_dir)
    for other, position in foreseen.items():
        if other != path and position.slug not in staff.positions:
            staff.positions[position.slug] = position
    try:
        result = convert(path, staff, args.department)
    except UnreadableDocument as error:
        return f"Не импортирован {path}: {error}", False
    except Exception as error:  # never a traceback for HR: say what failed and where
        return (f"Не импортирован {path}: документ не удалось разобрать ({type(error).__name__}: {error}). "
                "Пересохраните его в Word как .docx; если не поможет, передайте файл разработчикам"), False
    if args.position:
        return _new_edition(path, docs_dir, args.position, result)
    slug = args.slug or result.slug
    target = docs_dir / POSITIONS_DIR / f"{slug}.md"
    same = [p for p in staff.positions.values() if result.fields["title"].lower() in
            {str(name).lower() for name in [p.meta.get("title", ""), *(p.meta.get("aliases") or [])]}]
    if target.exists() or same:
        return f"Не импортирован {path}: {_refusal(path, docs_dir, result, target, same)}", False
    if not slug or not SLUG.fullmatch(slug):
        return (f"Не импортирован {path}: из наименования не получилось имя файла; задайте его латиницей: "
                f"{_command(path, '--slug', 'imya-fayla')}"), False
    target.write_text(result.text, encoding="utf-8")
    problems = _problems(docs_dir, target)
    return _report(result, target, problems), not problems


def _refusal(path: Path, docs_dir: Path, result: Result, target: Path, same: list) -> str:
    """Why nothing was written, with commands that work as printed: the next edition, or another file name."""
    positions = docs_dir / POSITIONS_DIR
    if same:  # the site cannot have two positions of one title: the only way in is a new edition
        return (f"должность «{result.fields['title']}» уже есть ({positions.as_posix()}/{same[0].slug}.md). Если "
                f"документ — новая редакция её инструкции, выполните: {_command(path, '--position', same[0].slug)} "
                "(текст станет проектом следующей редакции, история сохранится). Двух должностей с одним "
                "наименованием на сайте быть не может: если это другая должность, сначала переименуйте одну из них")
    free = next(f"{target.stem}-{n}" for n in range(2, 1000) if not (positions / f"{target.stem}-{n}.md").exists())
    return (f"файл {target.as_posix()} уже есть (должность «{_title_of(target)}»). Если документ — новая "
            f"редакция её инструкции, выполните: {_command(path, '--position', target.stem)}. Если это другая "
            f"должность, дайте ей своё имя файла: {_command(path, '--slug', free)}")


def _title_of(path: Path) -> str:
    try:
        return str(edition.read_front_matter(path)[0].get("title", path.stem))
    except Exception:  # a broken file still gets its name in the message
        return path.stem


def _command(path: Path, option: str, value: str) -> str:
    return f"python3 -m macros.import_docx {shlex.quote(path.as_posix())} {option} {value}"


def _new_edition(path: Path, docs_dir: Path, slug: str, result: Result) -> tuple[str, bool]:
    target = docs_dir / POSITIONS_DIR / f"{slug}.md"
    text, notes, version = edition.next_edition(target, result, dt.date.today())
    before = target.read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    problems = _problems(docs_dir, target)
    if problems:  # the position was valid before: never leave it broken
        target.write_text(before, encoding="utf-8")
    # What the position keeps from its file needs no attention; what is new to this edition does.
    kept = set(edition.KEPT) | result.guessed | {"approved", "approval"}
    result.attention = [m for m in result.attention if not m.startswith("пока не вписаны")
                        and not (FIELD_IN_MESSAGE.search(m) and FIELD_IN_MESSAGE.search(m).group(1) in kept)]
    result.attention += notes
    result.recognised = [r if not r.startswith("утверждена") else re.sub(r"редакция [\d.]+$", f"редакция {version}", r)
                         for r in result.recognised]
    result.text = text
    report = _report(result, target, problems).replace(
        f"Импорт: {result.source} → {target.as_posix()}",
        f"Импорт: {result.source} → {target.as_posix()} (новая редакция {version}, проект; прежняя — в history)", 1)
    if problems:
        report += "\n  Файл должности оставлен как был: исправьте документ или впишите новую редакцию вручную."
    return report, not problems


def _problems(docs_dir: Path, target: Path) -> list:
    staff, problems = load_staff(docs_dir)
    shown = f"{POSITIONS_DIR}/{target.name}"
    return [p for p in problems + validate_staff(staff, docs_dir) if shown in str(p)]


def _report(result: Result, target: Path, problems: list) -> str:
    lines = result.text.splitlines()
    out = [f"Импорт: {result.source} → {target.as_posix()}", f"  Обязанностей: {result.duties}", "  Распознано:"]
    out += [f"    - {item}" for item in result.recognised]
    attention = [_with_line(message, lines) for message in result.attention]
    unknown = next((i + 1 for i, line in enumerate(lines) if line.startswith("!!! reference \"Не распознано")), None)
    if unknown:
        attention.append(f"строка {unknown}: блок «Не распознано при импорте» — текст, который не удалось отнести "
                         "к разделам; перенесите нужное в инструкцию, блок удалите")
    out.append("  Требует внимания:" if attention else "  Требует внимания: ничего")
    out += [f"    - {item}" for item in attention]
    if result.doubts:
        out.append("  Проверьте пункты — здесь импорт не уверен, где пункт, а где подпункт, или не нашёл их:")
        out += [f"    - {item}" for item in result.doubts]
    if problems:
        out.append("  Сборка остановится на этом файле, пока не исправлено:")
        out += [f"    - {problem}" for problem in problems]
    elif result.doubts:
        out.append("  Проверка сборки: файл собирается как проект; пока пункты не сверены с документом, "
                   "обязанности могут быть прочитаны неверно.")
    else:
        out.append("  Проверка сборки: файл проходит все проверки.")
    return "\n".join(out)


def _with_line(message: str, lines: list[str]) -> str:
    field = FIELD_IN_MESSAGE.search(message)
    if field:
        number = next((i + 1 for i, line in enumerate(lines) if line.startswith(field.group(1) + ":")), None)
        if number:
            return f"строка {number}: {message}"
    return message


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python3 -m macros.import_docx",
                                     description="Импортировать должностные инструкции из файлов Word (.docx).")
    parser.add_argument("paths", nargs="+", help="файлы .docx или папки с ними")
    parser.add_argument("--department", help="подразделение для всех импортируемых должностей")
    parser.add_argument("--slug", help="имя файла должности латиницей без .md (только для одного документа)")
    parser.add_argument("--position", help="имя файла существующей должности без .md: документ станет проектом её "
                        "следующей редакции (только для одного документа)")
    parser.add_argument("--report", help="сохранить отчёт ещё и в этот файл")
    parser.add_argument("--docs-dir", default="docs", help="папка с документами сайта (по умолчанию docs)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
