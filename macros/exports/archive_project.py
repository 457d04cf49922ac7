"""The temporary project that renders the archive's missing pages: today's code, the editions' text.

Written by exports/archive.py when its cache lacks pages: a folder that links to today's code and
overrides, a mkdocs.yml that inherits the project's, a docs folder with one generated page per missing
edition or comparison, the snapshots of the commits they come from, and the plan that
exports/archive_build.py reads inside the build. A build that fails names the editions and the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from mkdocs.exceptions import PluginError

from ..model.markup import only_simple_calls
from ..render.archive_links import links
from .archive_build import PLAN_VARIABLE
from .workers import die_with_build

if TYPE_CHECKING:  # archive.py imports this module
    from .archive import Job, Planner, Settings

# The macros an instruction's text may call; anything else in an old edition's text is refused.
FORMS = ("approval_stamp", "general_provisions", "common_rights", "standard_liability", "signatures",
         "acknowledgement_sheet")


def _day(value) -> str:
    return value.strftime("%d.%m.%Y") if hasattr(value, "strftime") else ""


def render_missing(planner: Planner, missing: list[Job], jobs: list[Job], settings: Settings) -> None:
    with tempfile.TemporaryDirectory(prefix="jobdesc-archive-") as folder:
        work = Path(folder)
        if os.environ.get("JOBDESC_ARCHIVE_KEEP"):  # a developer looking into a failed archive build
            work = Path(tempfile.mkdtemp(prefix="jobdesc-archive-kept-"))
        plan = _write_project(planner, missing, jobs, settings, work)
        # The pages link to their PDF and .docx when this build publishes them; the parent makes the files.
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JOBDESC_ARCHIVE="0", **{PLAN_VARIABLE: str(plan)},
                   JOBDESC_PDF="links" if links.pdfs else "0", JOBDESC_DOCX="links" if links.docx else "0")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                                 str(work / "mkdocs.yml")], cwd=work, capture_output=True, text=True, env=env,
                                preexec_fn=die_with_build)  # a killed build takes its archive build with it
        if result.returncode != 0:
            raise PluginError(_failure(missing, result.stdout + result.stderr))
        models = json.loads((work / "models.json").read_text(encoding="utf-8"))
        for job in missing:
            page = work / "site" / job.dest
            if job.kind != "compare":
                model = models.get(job.src)
                if not model or not model["blocks"]:
                    raise PluginError(_failure([job], "страница собралась без пунктов инструкции: шаблоны "
                                                      "этого коммита не дают грифа с пометкой data-instruction"))
                (settings.cache_dir / f"{job.key}.json").write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
            partial = settings.cache_dir / f"{job.key}.html.{os.getpid()}.part"
            shutil.copyfile(page, partial)
            os.replace(partial, settings.cache_dir / f"{job.key}.html")


def _write_project(planner: Planner, missing: list[Job], jobs: list[Job], settings: Settings, work: Path) -> Path:
    """A project of today's code and config whose docs are the missing pages; returns the plan's path."""
    project = planner.project
    for entry in project.iterdir():
        if entry.name not in ("docs", "site", ".git", ".cache", "mkdocs.yml") and not entry.name.startswith("site."):
            (work / entry.name).symlink_to(entry)
    config = project / "mkdocs.yml"
    (work / "mkdocs.yml").write_text(
        f"INHERIT: {json.dumps(str(config))}\ndocs_dir: docs\nsite_dir: site\nedit_uri: ''\n", encoding="utf-8")
    docs = work / "docs"
    (docs / "positions").mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: Должностные инструкции\n---\n", encoding="utf-8")
    pages, by_src, rendered = {}, {job.src: job for job in jobs}, {job.src for job in missing}
    for job in missing:
        spec = dict(job.spec)
        if job.kind == "compare":
            for side in ("older", "newer"):
                source = by_src[spec[side]["src"]]
                cached = settings.cache_dir / f"{source.key}.json"
                spec[side] = dict(spec[side], model=None if source.src in rendered else str(cached))
            body = "{{ edition_comparison() }}\n"
        else:
            body = _body(job)
        pages[job.src] = spec
        _write_page(docs / job.src, spec["title"], body)
    snapshots = planner.sources.materialise([job.state for job in missing if job.state is not None], work / "snapshots")
    plan = {"project": str(project), "docs_dir": str(Path(planner.config["docs_dir"])), "pages": pages,
            "snapshots": snapshots, "models": str(work / "models.json"),
            "templates_dir": str(project / "macros" / "templates"),
            "acknowledgement_rows": planner.config["extra"].get("acknowledgement_rows", 12)}
    path = work / "plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return path


def _body(job: Job) -> str:
    """The edition's own text (HR's, untrusted): only plain macro calls may stand in it."""
    body = job.state.position.body
    if only_simple_calls(body, dict.fromkeys(FORMS)) is None:
        raise PluginError(_failure([job], "в тексте есть что-то кроме строк вида {{ имя() }} с макросами "
                                          "инструкции; такой текст не собирается"))
    return body


def _write_page(path: Path, title: str, body: str) -> None:
    meta = yaml.safe_dump({"title": title, "hide": ["navigation", "toc"], "search": {"exclude": True}},
                          allow_unicode=True, sort_keys=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{meta}---\n\n{body}", encoding="utf-8")


def _failure(jobs: list[Job], details: str) -> str:
    names = []
    for job in jobs[:10]:
        state = job.state or (job.edition.last if job.edition else None)
        if state is not None:
            commit = (f"коммит {state.commit[:10]}" + (f" от {_day(state.date)}" if state.date else "")
                      if state.commit else "рабочая копия")
            names.append(f"  - редакция {state.version} должности docs/{state.position.src_path} ({commit})")
        else:
            names.append(f"  - {job.src}")
    tail = "\n".join(details.strip().splitlines()[-25:])
    return ("Архив редакций: сегодняшний код не может собрать:\n" + "\n".join(names) + "\n" + tail +
            "\nКак исправить: прежние редакции собираются сегодняшним кодом из файлов своего коммита; поправьте "
            "код или шаблон так, чтобы они снова собирались (опубликованный сайт не изменён). Временно можно "
            "собрать сайт без архива: JOBDESC_ARCHIVE=0 mkdocs build")
