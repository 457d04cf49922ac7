"""The archive of editions, and the check that no edition changed silently; run by macros/plugin.py.

Every edition's page and comparison the archive's cache lacks is a page of this build (added in on_files,
macros/exports/archive_pages.py), the comparisons filled in from the editions' rendered text; after the
build the cached pages join them, the editions get their PDF and .docx, the change sheets their PDF, and a
position whose printed text changed since the base commit is judged (macros/checks/editions.py). Thin on
purpose: the logic lives in the layers.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

# The plugin calls these functions at its events, in its own order: the priorities below, left from when this
# was a hooks file of its own, have no effect; nor has the path below (the plugin imports this as a package).
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from macros.exports import archive, archive_run, pdf, word  # noqa: E402
from macros.exports.draft_pages import DraftPages  # noqa: E402
from macros.model import history as git, published  # noqa: E402
from macros.render import qr  # noqa: E402
from macros.render.archive_links import found, links  # noqa: E402

log = logging.getLogger("mkdocs.hooks.editions")
run: dict = {"command": "build", "settings": None, "archive": None, "publishing": False, "drafts": None}


def on_startup(command, dirty):
    # Before any plugin's on_config: define_env (mkdocs-macros) reads what the archive will publish.
    run["command"] = command
    links.pages = archive.Settings.for_command(command, Path.cwd()).enabled
    links.pdfs = links.pages and pdf.Settings.for_command(command, Path.cwd()).enabled
    links.docx = links.pages and word.Settings.for_command(command, Path.cwd()).enabled
    # serve publishes no archive, yet refuses a silent change of an approved edition (JOBDESC_ARCHIVE=0: not even that).
    links.checks = command == "serve" and not links.pages and os.environ.get("JOBDESC_ARCHIVE") != "0"
    qr.disabled_reason = ("QR-код: при mkdocs serve адрес сайта — адрес этого компьютера, печатные формы "
                          "выходят без QR-кода" if command == "serve" else None)


@event_priority(110)  # the plugin calls it before staging moves site_dir: the last site is still there
def on_config(config):
    # The publishing build reads what the site it replaces published (model/published.py), before define_env.
    run["publishing"] = run["command"] == "build" and published.publishing()
    found["ledger"] = published.read(Path(config.site_dir)) if run["publishing"] else None
    run["settings"] = archive.Settings.for_command(run["command"], Path(config.config_file_path).parent)
    qr.forget()
    return config


def on_files(files, config):
    # Every edition and comparison: a page of this build, its text from its own commit.
    run["archive"] = None
    if links.pages and found.get("archive") is not None and found.get("staff") is not None:
        run["archive"] = archive_run.plan(found["archive"], found["staff"], config, found["forms"], files, run["settings"])
    # A draft of a new edition set aside by define_env: its own page and its comparison with the edition in force.
    run["drafts"] = None
    if found.get("drafts"):
        pdfs = pdf.Settings.for_command(run["command"], Path(config.config_file_path).parent)
        run["drafts"] = DraftPages(found["drafts"], found["staff"], config, pdfs.enabled and not pdfs.links_only)
        run["drafts"].add_files(files)
    return files


def on_page_read_source(page, config):
    # The position's page of a draft set aside is the edition in force, as committed (None: read the file).
    return run["drafts"].source(page.file.src_uri) if run["drafts"] else None


@event_priority(50)  # the plugin: after the tags are text, before the tags plugin (-50)
def on_page_markdown(markdown, page, config, files):
    if run["drafts"]:
        run["drafts"].mark(page, files)
    return markdown


@event_priority(-90)  # after every other step has changed the page body
def on_page_content(html, page, config, files):
    if run["archive"]:
        run["archive"].page_content(page.file.src_uri, html)
    if run["drafts"]:
        run["drafts"].page_content(page.file.src_uri, html)
    return html


@event_priority(-20)  # the plugin: after the held blocks are back (forms.put_back)
def on_page_context(context, page, config, nav):
    if run["archive"]:
        run["archive"].page_context(page)
    if run["drafts"]:
        run["drafts"].page_context(page)
    return context


@event_priority(-50)  # the plugin: after the position PDFs and .docx, before publishing
def on_post_build(config):
    pdfs = pdf.Settings.for_command(run["command"], Path(config.config_file_path).parent)
    if run["drafts"] and pdfs.enabled:
        log.info(run["drafts"].sheets(Path(config.site_dir), pdfs))
    editions, staff = found["archive"], found["staff"]
    if editions is None or staff is None:
        _record(config, None, {})
        return
    if links.checks:  # `mkdocs serve` without the archive: only the check that no edition changed silently
        archive_run.check_only(editions, staff, config, found["forms"], run["settings"]).raise_problems()
        return
    if run["archive"] is None:
        _record(config, None, {})
        return
    report = archive_run.finish(run["archive"], config, run["command"])
    for line in report.lines:
        log.info(line)
    for line in report.warnings:
        log.warning(line)
    report.raise_problems()
    _record(config, editions, report.printed)


def _record(config, editions, printed: dict) -> None:
    """The publishing build's ledger, into the site it publishes; kept as it was when there is no archive."""
    if not run["publishing"]:
        return
    previous = found["ledger"]
    if editions is not None and editions.complete:
        head = git.resolve(Path(config.config_file_path).parent, "HEAD")
        published.write(Path(config.site_dir), published.next_ledger(previous, head, printed))
    elif previous is not None:
        published.write(Path(config.site_dir), previous)
