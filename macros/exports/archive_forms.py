"""The instruction's macros on the archive's pages: each answers from the edition's own commit (a *snapshot*:
its position file, that commit's positions, printed templates and requisites). HR's old text is expanded
only as plain ``{{ name() }}`` calls; the commit's templates render in Jinja's sandbox (``PastTemplates``).
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import cache, cached_property
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from mkdocs.utils import get_relative_url

from ..model.loading import load_staff, position_from_bytes
from ..model.positions import POSITIONS_DIR, Position, Staff
from ..render import qr
from ..render.boilerplate import Boilerplate
from . import change_sheet, compare

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


class Snapshot:
    """The files an edition is made of, as of one commit (files None: the work tree): read on first use."""

    def __init__(self, commit: str | None, files: dict | None, docs_dir: Path, env, parsed: dict):
        # parsed: position files read once for all the commits that hold them (most hold the same files).
        self.commit, self.files, self.docs_dir, self.env, self.parsed = commit, files, docs_dir, env, parsed

    @cached_property
    def staff(self) -> Staff:
        if self.files is None:
            return load_staff(self.docs_dir)[0]
        staff = Staff()
        for name, content in sorted(self.files["positions"].items()):
            if (name, content) not in self.parsed:
                self.parsed[name, content] = position_from_bytes(content, name, f"{POSITIONS_DIR}/{name}")[0]
            position = self.parsed[name, content]
            if position is not None:
                staff.positions[position.slug] = position
        return staff

    @cached_property
    def extra(self) -> dict:
        return self.env.conf["extra"] if self.files is None else self.files["extra"]

    @cached_property
    def templates(self) -> jinja2.Environment:
        if self.files is None:
            return self.env.env
        # The commit's printed templates first, today's for everything else (screen parts, new forms).
        own = {name: content.decode("utf-8") for name, content in self.files["templates"].items()}
        return sandboxed(self.env.env, jinja2.ChoiceLoader([jinja2.DictLoader(own), self.env.env.loader]))


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


class ArchiveForms(Boilerplate):
    """The site's instruction macros; on a page of the archive, everything comes from the edition's snapshot."""

    def __init__(self, env, staff: Staff, archive=None, links=None, codes=None):
        super().__init__(env, staff, archive, links, codes)
        self.pages: dict = {}  # src_uri -> the archive's Job (exports/archive.py): its spec and snapshot

    def here(self):
        page = self.env.page
        return self.pages.get(page.file.src_uri) if page is not None else None

    def position(self) -> Position:
        here = self.here()
        if here is None or self.speaking_for is not None:
            return super().position()
        return _in(here, here.spec["slug"], "в снимке нет файла должности {}")

    def related_slug(self, slug: str) -> Position:
        here = self.here()
        return super().related_slug(slug) if here is None else _in(
            here, slug, "должность {}, на которую ссылается редакция, не найдена в её коммите")

    def staff_here(self) -> Staff:
        return self.here().snapshot.staff if self.here() else super().staff_here()

    def extra(self) -> dict:
        return self.here().snapshot.extra if self.here() else super().extra()

    def templates(self):
        return self.here().snapshot.templates if self.here() else super().templates()

    def render(self, template: str, **context) -> str:
        try:
            return super().render(template, **context)
        except SecurityError as error:  # only a past commit's templates are sandboxed
            commit = self.here().snapshot.commit
            raise ValueError(f"шаблон macros/templates/{template} коммита {commit[:10] if commit else 'рабочая копия'} "
                             f"отклонён: {error}. Шаблоны прежних коммитов собираются в песочнице Jinja: код в них "
                             "не выполняется") from None

    def before_header(self) -> str:
        # The summary card describes today's organisation, not the edition's.
        return "" if self.here() else super().before_header()

    def after_header(self) -> str:
        here = self.here()
        if here is None:
            return super().after_header()
        if not here.spec.get("notice"):
            return ""  # a state rendered only to compare its text
        return self.env.env.get_template("edition_notice.html").render(notice=here.spec["notice"], href=self.href)

    def qr_target(self) -> str | None:
        return self.here().spec.get("qr") if self.here() else super().qr_target()

    @contextmanager
    def rendering(self, page):
        """The macros answer for `page` while a text is rendered outside MkDocs' page loop (the checks)."""
        previous = getattr(self.env, "_page", None)  # mkdocs-macros' current page, which env.page reads
        self.env._page = page
        try:
            yield
        finally:
            self.env._page = previous


def _in(here, slug: str, missing: str) -> Position:
    if slug not in here.snapshot.staff:
        raise ValueError(missing.format(slug))
    return here.snapshot.staff[slug]


def comparison_html(spec: dict, older: list[dict], newer: list[dict], config, page_url: str) -> str:
    """The comparison of two editions' blocks and its «Лист изменений», for an archive page or a draft's."""
    found, target = compare.compare(older, newer, renumbered=True), spec["qr"]  # one walk for both
    changes = [change for change in found if change.kind != "renumbered"]
    return comparison_templates().get_template("comparison.html").render(
        spec=spec, changes=changes, summary=compare.summary(changes), code=qr.svg(target) if target else "",
        target=target, rows=int(config["extra"].get("acknowledgement_rows", 12)),
        amendments=change_sheet.wording(compare.amendments(older, newer, found)),
        href=lambda url: get_relative_url(url, page_url))


@cache
def comparison_templates() -> jinja2.Environment:
    """Today's templates for the comparison (one environment a process): autoescaped, with the site's comment markers."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, comment_start_string="{##",
                              comment_end_string="##}", trim_blocks=False)
