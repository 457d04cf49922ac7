"""The MkDocs side is one plugin (macros/plugin.py) with typed options under `extra: jobdesc:` in mkdocs.yml.

Whoever runs the build sets those options as before, through environment variables that mkdocs.yml
reads with MkDocs' own !ENV tag; a wrong value stops the build at once, naming where it is set and the fix.
"""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from conftest import ROOT, run_mkdocs_build
from macros.plugin import JobDescPlugin, of


def configured(monkeypatch, **variables):
    """mkdocs.yml as MkDocs reads it, with these environment variables set (and the others of ours unset)."""
    for name in ("JOBDESC_PDF", "JOBDESC_DOCX", "JOBDESC_PAGE_CACHE", "JOBDESC_PDF_WORKERS", "JOBDESC_ARCHIVE",
                 "JOBDESC_ARCHIVE_CACHE", "JOBDESC_BASE", "JOBDESC_PUBLISH"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return load_config(str(ROOT / "mkdocs.yml"))


def test_mkdocs_yml_runs_one_plugin_object_whose_options_come_from_the_environment(monkeypatch):
    config = configured(monkeypatch, JOBDESC_PDF="0", JOBDESC_PAGE_CACHE="/tmp/pages", JOBDESC_PDF_WORKERS="3")
    plugin = of(config)
    assert isinstance(plugin, JobDescPlugin), "mkdocs.yml must list macros/mkdocs_hooks.py under hooks:"
    assert [name for name in config.hooks] == ["macros/mkdocs_hooks.py"], "one hooks file, not one per step"
    errors, warnings = plugin.load_config(config.extra["jobdesc"], config.config_file_path)
    assert not errors and not warnings
    assert (plugin.config.pdf, plugin.config.docx, plugin.config.page_cache, plugin.config.pdf_workers) == (
        "0", "", "/tmp/pages", "3"), "JOBDESC_PDF=0 turns PDFs off; an unset JOBDESC_DOCX leaves it to the command"
    assert plugin.config.hold_forms is True


def test_the_archive_its_base_and_publishing_are_options_too(monkeypatch, tmp_path):
    config = configured(monkeypatch, JOBDESC_ARCHIVE="0", JOBDESC_ARCHIVE_CACHE=str(tmp_path / "editions"),
                        JOBDESC_BASE="origin/main", JOBDESC_PUBLISH="1")
    plugin = JobDescPlugin()
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    assert (plugin.config.archive, plugin.config.archive_cache, plugin.config.base, plugin.config.publish) == (
        "0", str(tmp_path / "editions"), "origin/main", True)
    editions = plugin.editions
    assert not editions.settings.enabled and editions.settings.cache_dir == tmp_path / "editions"
    assert not editions.links.pages and not editions.links.checks, "JOBDESC_ARCHIVE=0: serve skips even the check"
    assert not editions.publishing, "only `mkdocs build` publishes, whatever JOBDESC_PUBLISH says"
    assert editions.base == "origin/main"
    assert editions.codes.disabled_reason, "under mkdocs serve the printouts carry no QR code, and the log says why"

    config = configured(monkeypatch)
    plugin = JobDescPlugin()
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    assert plugin.config.publish is False and plugin.config.archive == ""
    assert not plugin.editions.links.pages and plugin.editions.links.checks, (
        "without JOBDESC_ARCHIVE, serve publishes no archive yet checks that no approved edition changed silently")


@pytest.mark.parametrize("option, value", [("pdf", "maybe"), ("pdf_workers", "many"), ("pfd", "0"), ("archive", "yes"),
                                           ("docx", "links"), ("archive", "links"), ("publish", "2")])
def test_a_wrong_option_names_where_it_is_set_and_the_fix(monkeypatch, option, value):
    config = configured(monkeypatch)
    config.extra["jobdesc"][option] = value
    with pytest.raises(PluginError) as refused:
        JobDescPlugin().on_config(config)
    message = str(refused.value)
    assert f"mkdocs.yml, extra.jobdesc.{option}" in message and "Исправление:" in message, message
    if option != "pfd":
        assert f"JOBDESC_{option.upper()}" in message, "the variable whoever runs the build has set"


def test_a_wrong_value_from_the_environment_stops_the_build_before_anything_is_written(scratch, tmp_path, monkeypatch):
    monkeypatch.setenv("JOBDESC_DOCX", "yes please")
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode != 0
    assert "extra.jobdesc.docx (переменная окружения JOBDESC_DOCX)" in build.output, build.output
    assert "Traceback" not in build.output, build.output
    assert not (tmp_path / "site").exists(), "the build stops before it writes anything"
