"""The build's own settings: `extra: jobdesc:` in mkdocs.yml, typed like a MkDocs plugin's options, read once
and handed down as parameters. mkdocs.yml fills each from the environment with ``!ENV`` (``JOBDESC_PDF=0
mkdocs build``), which reads a variable as YAML and runs no code (tests/test_supply_chain.py).
"""

from __future__ import annotations

from mkdocs.config import base, config_options as c

PLACE = "extra.jobdesc"  # where mkdocs.yml holds these options, for messages
PREFIX = "JOBDESC_"  # an option's environment variable: JOBDESC_ and its name in capitals


class Text(c.BaseConfigOption[str]):
    """A folder or a number from the environment, as text; '' when not set. The others narrow it down."""

    def run_validation(self, value: object) -> str:
        return "" if value is None else str(value)


class Switch(Text):
    """'' (the command decides: on in a build, off in `mkdocs serve`), '0' or '1'; ``!ENV`` reads ``0``
    as a number and an empty value as null."""

    values = "возможные: '0', '1' или пусто (решает команда: mkdocs build — да, mkdocs serve — нет)"

    def run_validation(self, value: object) -> str:
        text = "1" if value is True else "0" if value is False else super().run_validation(value)
        if text not in ("", "0", "1"):
            raise base.ValidationError(f"значение {value!r} не подходит; {self.values}")
        return text


class Flag(Switch):
    """On with '1', off with '0' or nothing: a step no command takes by itself (publishing the site)."""

    values = "возможные: '1' (да), '0' или пусто (нет)"

    def run_validation(self, value: object) -> bool:
        return super().run_validation(value) == "1"


class Count(Text):
    """A number of workers from the environment, as text; '' when not set (the default)."""

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if text and not (text.isdigit() and int(text) >= 1):
            raise base.ValidationError(f"значение {value!r} не подходит: нужно целое число от 1")
        return text


class JobDescConfig(base.Config):
    """What `mkdocs.yml` may say under `extra: jobdesc:`; each option's environment variable in brackets."""

    pdf = Switch()                  # a PDF of every position (JOBDESC_PDF)
    pdf_cache = Text()              # where made PDFs are kept (JOBDESC_PDF_CACHE; default .cache/pdf)
    pdf_workers = Count()           # PDFs made at once (JOBDESC_PDF_WORKERS; default 2)
    docx = Switch()                 # a .docx of every position (JOBDESC_DOCX)
    docx_cache = Text()             # JOBDESC_DOCX_CACHE (default .cache/docx)
    docx_workers = Count()          # JOBDESC_DOCX_WORKERS (default 2)
    page_cache = Text()             # work of earlier builds (JOBDESC_PAGE_CACHE; default .cache/pages, 0: none)
    archive = Switch()              # the archive of editions (JOBDESC_ARCHIVE); 0 in mkdocs serve: not even its check
    archive_cache = Text()          # its rendered pages (JOBDESC_ARCHIVE_CACHE; default .cache/editions)
    base = Text()                   # the branch or commit edits are checked against (JOBDESC_BASE)
    publish = Flag()                # this build publishes the site: its ledger (JOBDESC_PUBLISH; the CI publish job)
    # The stamp, signatures and acknowledgement sheet skip Markdown and search and are put back per page
    # (render/verbatim.py); false writes them inline, as a build without this plugin does (slower, same page).
    hold_forms = c.Type(bool, default=True)


OPTIONS = sorted(name for name, value in vars(JobDescConfig).items() if isinstance(value, c.BaseConfigOption))
FROM_ENVIRONMENT = {name for name, value in vars(JobDescConfig).items() if isinstance(value, Text)}


def problem(name: str, error) -> str:
    """A wrong option as the person running the build reads it: where it is set, what is wrong, the fix."""
    if name not in OPTIONS:
        return (f"mkdocs.yml, {PLACE}.{name}: такой настройки нет ({error}). Исправление: уберите её или "
                f"исправьте имя; есть: {', '.join(OPTIONS)}")
    if name not in FROM_ENVIRONMENT:
        return f"mkdocs.yml, {PLACE}.{name}: {error}. Исправление: впишите там подходящее значение"
    variable = PREFIX + name.upper()
    return (f"mkdocs.yml, {PLACE}.{name} (переменная окружения {variable}): {error}. "
            f"Исправление: задайте {variable} подходящим значением или уберите переменную")
