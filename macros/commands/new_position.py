"""A new position in one step: a valid docs/positions/<slug>.md from macros/templates/new_position.md.

    python3 -m macros.new_position "Бухгалтер" --department "Бухгалтерия" \\
        [--reports-to chief-accountant] [--category специалисты] [--slug accountant]

The file is checked with the same rules as the build before the command reports success;
the guessed genitive and dative are printed for HR to check.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import jinja2
import yaml

from ..checks.fields import schema
from ..checks.run import validate_staff
from ..model.loading import load_staff
from ..model.positions import POSITIONS_DIR
from . import russian_words

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    docs_dir = Path(args.docs_dir)
    staff, _ = load_staff(docs_dir)
    slug = args.slug or russian_words.slug(args.title)
    path = docs_dir / POSITIONS_DIR / f"{slug}.md"
    refusal = _refusal(args, staff, slug, path)
    if refusal:
        print(f"Файл не создан: {refusal}", file=sys.stderr)
        return 2
    genitive, dative = russian_words.cases(args.title)
    path.write_text(render(
        title=args.title, genitive=args.genitive or genitive, dative=args.dative or dative,
        department=args.department, category=args.category, reports_to=args.reports_to or _top(staff),
        appointed_by=_top(staff), approved=args.approved), encoding="utf-8")
    problems = [p for p in _problems(docs_dir) if f"{POSITIONS_DIR}/{path.name}" in str(p)]
    if problems:
        path.unlink()
        print("Файл не создан, в нём нашлись ошибки:\n" + "\n".join(map(str, problems)), file=sys.stderr)
        return 1
    print(f"Создан {path.as_posix()} — страница /{POSITIONS_DIR}/{slug}/\n"
          f"Проверьте падежи в начале файла: genitive: {args.genitive or genitive}; dative: {args.dative or dative}\n"
          "Затем впишите обязанности, права, номер и дату приказа и посмотрите страницу: mkdocs serve")
    return 0


def render(**values) -> str:
    """The new file's text. Values are written as YAML scalars, quoted only where YAML needs it."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True,
        variable_start_string="[[", variable_end_string="]]", block_start_string="[%", block_end_string="%]",
        comment_start_string="[#", comment_end_string="#]")
    fields = {key: _yaml(value) for key, value in values.items()}
    fields["tags"] = "[" + ", ".join(_yaml(v) for v in (values["department"], values["category"])) + "]"
    fields["title_text"] = values["title"]
    return env.get_template("new_position.md").render(**fields)


def _yaml(value) -> str:
    if value is None or isinstance(value, dt.date):
        return "null" if value is None else value.isoformat()
    text = str(value)
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text} and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML string


def _refusal(args, staff, slug: str, path: Path) -> str | None:
    categories = schema()["properties"]["category"]["enum"]
    if not slug:
        return "из названия не получилось латинское имя файла; задайте его: --slug accountant"
    if path.exists():
        return f"{path.as_posix()} уже есть; задайте другое имя файла: --slug {slug}-2"
    same = [p for p in staff.positions.values() if str(p.meta.get("title", "")).strip().lower() == args.title.strip().lower()]
    if same:
        return f"должность «{args.title}» уже описана в docs/{same[0].src_path}"
    if args.category not in categories:
        return f"категория «{args.category}» не из списка: {', '.join(categories)}"
    if args.reports_to and args.reports_to not in staff:
        return f"должности «{args.reports_to}» нет; есть: {', '.join(sorted(staff.positions))}"
    if not (path.parent.is_dir()):
        return f"нет папки {path.parent.as_posix()}: запустите команду из корня проекта или задайте --docs-dir"
    return None


def _top(staff) -> str | None:
    """The head of the company: the position that reports to no one (appoints everybody by default)."""
    tops = sorted(p.slug for p in staff.positions.values() if not p.ref("reports_to"))
    return tops[0] if tops else None


def _problems(docs_dir: Path):
    staff, problems = load_staff(docs_dir)
    return problems + validate_staff(staff, docs_dir)


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 -m macros.new_position", description="Создать файл новой должности по образцу.")
    parser.add_argument("title", help="наименование должности, например «Главный бухгалтер»")
    parser.add_argument("--department", required=True, help="подразделение, например «Бухгалтерия»")
    parser.add_argument("--reports-to", help="имя файла руководителя без .md (по умолчанию — высшая должность)")
    parser.add_argument("--category", default="специалисты", help="руководители, специалисты, служащие или рабочие")
    parser.add_argument("--slug", help="имя файла латиницей без .md (по умолчанию — транслитерация названия)")
    parser.add_argument("--genitive", help="родительный падеж, если догадка команды неверна")
    parser.add_argument("--dative", help="дательный падеж, если догадка команды неверна")
    parser.add_argument("--approved", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="дата утверждения ГГГГ-ММ-ДД (по умолчанию — сегодня; поправьте по приказу)")
    parser.add_argument("--docs-dir", default="docs", help="папка с документами сайта (по умолчанию docs)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
