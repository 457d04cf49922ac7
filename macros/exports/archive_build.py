"""Inside the archive build: the pages of editions and comparisons, rendered by today's code.

exports/archive.py writes a temporary project (today's code and config, a docs folder of generated
pages) and a plan, and runs ``mkdocs build`` on it with JOBDESC_ARCHIVE_PLAN pointing to the plan.
In that build ``define_env`` calls ``register`` below instead of loading the positions: the same
macros render each edition page, but each answers from the edition's commit, its position file,
the positions it names, its printed templates and its company requisites (a *snapshot*, written
by the parent as plain files). Everything else is the usual pipeline: Markdown, clause numbering,
the same hooks, theme and checks. The page bodies are HR's text of that commit; they are expanded
only as plain ``{{ name() }}`` calls, never as Jinja templates (the parent checked that already); the
commit's printed templates render in Jinja's sandbox (``PastTemplates``), never in mkdocs-macros' own environment.
"""

from __future__ import annotations

import json
import os
from functools import cached_property
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from ..model.company import Company
from ..model.loading import load_staff, position_from_bytes
from ..model.positions import POSITIONS_DIR, Position, Staff
from ..render import qr
from ..render.boilerplate import Boilerplate
from . import change_sheet, compare, document_text

PLAN_VARIABLE = "JOBDESC_ARCHIVE_PLAN"
COMPARISON_MARKER = '<div class="edition-comparison-slot"></div>'


_plans: dict[str, dict] = {}


def load_plan() -> dict | None:
    """The plan of the archive build this process runs, or None in an ordinary build."""
    path = os.environ.get(PLAN_VARIABLE)
    if not path:
        return None
    if path not in _plans:
        _plans[path] = json.loads(Path(path).read_text(encoding="utf-8"))
    return _plans[path]


class Snapshot:
    """The files an edition is made of, as of one commit (or the work tree): read on first use."""

    def __init__(self, folder: str | None, docs_dir: Path, env):
        self.folder = Path(folder) if folder else None
        self.docs_dir, self.env = docs_dir, env

    @cached_property
    def staff(self) -> Staff:
        if self.folder is None:
            return load_staff(self.docs_dir)[0]
        staff = Staff()
        for path in sorted((self.folder / POSITIONS_DIR).glob("*.md")):
            position, _ = position_from_bytes(path.read_bytes(), path.name, f"{POSITIONS_DIR}/{path.name}")
            if position is not None:
                staff.positions[position.slug] = position
        return staff

    @cached_property
    def extra(self) -> dict:
        if self.folder is None:
            return self.env.conf["extra"]
        return json.loads((self.folder / "extra.json").read_text(encoding="utf-8"))

    @cached_property
    def templates(self) -> jinja2.Environment:
        if self.folder is None:
            return self.env.env
        # The commit's printed templates first, today's for everything else (screen parts, new forms).
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(self.folder / "templates")), self.env.env.loader])
        return sandboxed(self.env.env, loader)


class PastTemplates(ImmutableSandboxedEnvironment):
    """A past commit's templates were reviewed only as part of their pull request's diff, if at all: they
    render sandboxed (no `_` attributes, no mutation), and an unsafe attribute stops the build instead
    of printing as empty text."""

    def unsafe_undefined(self, obj, attribute):
        raise SecurityError(f"обращение к {attribute!r} объекта {type(obj).__name__} запрещено")


LEXER_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                 "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                 "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "autoescape",
                 "undefined", "finalize")


def sandboxed(today: jinja2.Environment, loader) -> PastTemplates:
    """Today's syntax, filters and tests; of the globals only Jinja's own: mkdocs-macros' globals (its
    `context()`, the config and plugins) lead back to the unsandboxed environment."""
    env = PastTemplates(loader=loader, extensions=list(today.extensions),
                        **{name: getattr(today, name) for name in LEXER_OPTIONS})
    env.filters.update(today.filters)
    env.tests.update(today.tests)
    return env


class EditionForms(Boilerplate):
    """The instruction's macros for a page of the archive build: everything from the edition's snapshot."""

    def __init__(self, env, plan: dict):
        super().__init__(env, Staff())
        self.plan = plan
        self.snapshots = {key: Snapshot(folder, Path(plan["docs_dir"]), env)
                          for key, folder in plan["snapshots"].items()}

    def spec(self) -> dict:
        try:
            return self.plan["pages"][self.env.page.file.src_uri]
        except KeyError:
            raise ValueError(f"{self.env.page.file.src_uri}: страница не из плана архива") from None

    def snapshot(self) -> Snapshot:
        return self.snapshots[self.spec()["snapshot"]]

    def position(self) -> Position:
        if self.speaking_for is not None:
            return self.speaking_for
        snapshot, slug = self.snapshot(), self.spec()["slug"]
        if slug not in snapshot.staff:
            raise ValueError(f"в снимке нет файла должности {slug}")
        return snapshot.staff[slug]

    def staff_here(self) -> Staff:
        return self.snapshot().staff

    def extra(self) -> dict:
        return self.snapshot().extra

    def templates(self):
        return self.snapshot().templates

    def rules(self) -> Company:
        return Company(self.extra(), self.snapshot().staff)

    def related(self, position: Position, field: str) -> Position | None:
        slug = position.ref(field)
        return self.related_slug(slug) if slug else None

    def related_slug(self, slug: str) -> Position:
        staff = self.snapshot().staff
        if slug not in staff:
            raise ValueError(f"должность {slug}, на которую ссылается редакция, не найдена в её коммите")
        return staff[slug]

    def render(self, template: str, **context) -> str:
        context.setdefault("position", self.position())
        context.setdefault("page", self.env.page)
        try:
            return self.templates().get_template(template).render(
                company=self.extra()["company"], staff=self.snapshot().staff, **context)
        except SecurityError as error:
            commit = self.snapshot().folder.name[:10] if self.snapshot().folder else "рабочая копия"
            raise ValueError(f"шаблон macros/templates/{template} коммита {commit} отклонён: {error}. Шаблоны "
                             "прежних коммитов собираются в песочнице Jinja: код в них не выполняется") from None

    def before_header(self) -> str:
        return ""  # the summary card describes today's organisation, not the edition's

    def after_header(self) -> str:
        if not self.spec().get("notice"):
            return ""  # a state rendered only to compare its text
        return self.env.env.get_template("edition_notice.html").render(
            notice=self.spec().get("notice") or {}, href=self.href)

    def qr_target(self) -> str | None:
        return self.spec().get("qr")

    def register(self, env) -> None:
        super().register(env)

        @env.macro
        def edition_comparison() -> str:
            """The comparison of two editions; filled in once every edition page is rendered."""
            return self.hold(COMPARISON_MARKER, "edition_comparison")


# --- Hook side: the text of each rendered edition, and the comparisons filled in from it. -------------

class Collected:
    """Texts of the edition pages of this build, written to the plan's folder at the end."""

    def __init__(self, plan: dict):
        self.plan = plan
        self.blocks: dict[str, list[dict]] = {}
        self.printed: dict[str, str] = {}

    def page_content(self, src: str, html: str) -> None:
        if src in self.plan["pages"] and self.plan["pages"][src]["kind"] in ("edition", "state"):
            self.blocks[src] = document_text.blocks(html)

    def page_context(self, src: str, content: str, page_url: str) -> str:
        spec = self.plan["pages"].get(src)
        if spec is None:
            return content
        if spec["kind"] in ("edition", "state"):
            self.printed[src] = document_text.printed_text(content)
            return content
        if COMPARISON_MARKER not in content:
            raise PluginError(f"архив редакций: на странице сравнения {src} нет места для сравнения")
        return content.replace(COMPARISON_MARKER, self.comparison(spec, page_url))

    def model(self, side: dict) -> list[dict]:
        if side["src"] in self.blocks:
            return self.blocks[side["src"]]
        return json.loads(Path(side["model"]).read_text(encoding="utf-8"))["blocks"]

    def comparison(self, spec: dict, page_url: str) -> str:
        return comparison_html(_templates(self.plan), spec, self.model(spec["older"]), self.model(spec["newer"]),
                               int(self.plan.get("acknowledgement_rows", 12)), page_url)

    def write(self) -> None:
        models = {src: {"blocks": self.blocks.get(src, []), "printed": self.printed.get(src, "")}
                  for src in self.blocks}
        Path(self.plan["models"]).write_text(json.dumps(models, ensure_ascii=False), encoding="utf-8")


def comparison_html(templates: jinja2.Environment, spec: dict, older: list[dict], newer: list[dict], rows: int,
                    page_url: str) -> str:
    """The comparison of two editions' blocks and its «Лист изменений», for an archive page or a draft's."""
    changes = compare.compare(older, newer)
    target = spec.get("qr")
    return templates.get_template("comparison.html").render(
        spec=spec, changes=changes, summary=compare.summary(changes), code=qr.svg(target) if target else "",
        target=target, rows=rows, amendments=change_sheet.wording(compare.amendments(older, newer)),
        href=lambda url: get_relative_url(url, page_url))


def _templates(plan: dict) -> jinja2.Environment:
    return comparison_templates(plan["templates_dir"])


def comparison_templates(folder: str) -> jinja2.Environment:
    """Today's templates for the comparison: autoescaped, with the site's comment markers."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True,
                             undefined=jinja2.StrictUndefined, comment_start_string="{##",
                             comment_end_string="##}", trim_blocks=False)
    return env
