"""The archive's pages in one build. A page the archive's cache lacks is added to the build's files with
the edition's own text as Markdown, rendered by the site's own path with the macros answering from its
commit (archive_forms.py); comparisons are filled in from both editions' text. After the build the
rendered pages go into the cache, the cached ones into the site.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import yaml
from mkdocs.structure.files import File, InclusionLevel

from . import archive_sources as sources, document_text
from .archive import Job, Planner, text_of
from .archive_forms import Archived, ArchiveForms, Snapshot, comparison_html, comparison_templates
from .cache import Settings, atomic_write, place, prune_cache

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def snapshots_of(planner: Planner, env, states: list) -> dict[str, Snapshot]:
    """The snapshot of every commit these states come from (the work tree's too), each position file parsed
    once for all of them; also used by the prepare stage (macros/prepare/editions.py)."""
    docs_dir, parsed = Path(planner.config["docs_dir"]), {}
    return {key: Snapshot(None if key == sources.WORKTREE else key, files, docs_dir, env, parsed)
            for key, files in planner.sources.snapshots(states).items()}


def hidden_page(config, src: str, title: str, body: str = "", **meta) -> File:
    """A generated page outside the menu, the search and its tags: an archive's page or a draft's comparison."""
    meta = {"title": title, "hide": ["navigation", "toc"], "search": {"exclude": True}, **meta}
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=True, width=10**6)
    return File.generated(config, src, content=f"---\n{head}---\n{body}", inclusion=InclusionLevel.NOT_IN_NAV)


class ArchivePages:
    """The archive's pages of one build (MkDocs renders every body before it writes any page, so a
    comparison can be filled in from the text of both its editions)."""

    def __init__(self, planner: Planner, forms: ArchiveForms, jobs: list[Job], settings: Settings, checked: dict):
        self.planner, self.forms, self.jobs, self.settings = planner, forms, jobs, settings
        started = time.monotonic()
        settings.cache_dir.mkdir(parents=True, exist_ok=True)
        self.missing = [job for job in jobs if not self.cached(job)]
        self.by_src = {job.src: job for job in self.missing}
        self.models: dict[str, dict] = {}  # src -> {"blocks": [...], "printed": "..."} of every edition and state
        self.checked = checked  # slug -> (its state at the base, whether its own files changed): archive_run
        for job in jobs:
            if job.kind != "compare" and job.src not in self.by_src:
                self.models[job.src] = json.loads(self.path(job, ".json").read_text(encoding="utf-8"))
        self.templates = comparison_templates(str(TEMPLATES))
        states = [job.state for job in self.missing if job.state is not None]
        self.snapshots = snapshots_of(planner, forms.env, states)
        self.seconds = time.monotonic() - started  # the archive's own work, not the pages MkDocs renders for it

    def path(self, job: Job, suffix: str) -> Path:
        return self.settings.cache_dir / f"{job.key}{suffix}"

    def cached(self, job: Job) -> bool:
        """An edition's page needs its text (model) too; a state checked only its model."""
        parts = {"edition": (".html", ".json"), "compare": (".html",), "state": (".json",)}[job.kind]
        return all(self.path(job, suffix).is_file() for suffix in parts)

    def add_files(self, files, config) -> None:
        for job in self.missing:
            if job.kind == "state":
                continue  # rendered for the checks only, never published (archive_run.rendered)
            body = text_of(job) if job.kind == "edition" else ""
            self.add(job)
            # The body stands at its own lines of the committed file, so a problem names its real line.
            gap = "\n" * max(0, job.state.position.body_line - 4) if job.state is not None else "\n"
            # "archived": the archive makes its PDF and .docx (archive_run.py), not the downloads step.
            file = hidden_page(config, job.src, job.spec["title"], gap + body, sitemap=False, archived=True)
            if job.state is not None:  # messages name the file HR knows, and the edition
                file.source_file = f"docs/{job.state.position.src_path} (редакция {job.spec['version']} из истории git)"
            files.append(file)

    def add(self, job: Job) -> None:
        if job.kind != "compare":
            self.forms.pages[job.src] = Archived(job.spec, self.snapshots[job.spec["snapshot"]])

    def page_content(self, src: str, html: str) -> None:
        job = self.by_src.get(src)
        if job is not None and job.kind == "edition":
            self.models[src] = {"blocks": document_text.blocks(html), "printed": ""}

    def page_context(self, page) -> None:
        job = self.by_src.get(page.file.src_uri)
        if job is None:
            return
        if job.kind == "edition":
            self.models[job.src]["printed"] = document_text.printed_text(page.content)
            return
        spec, rows = job.spec, int(self.planner.config["extra"].get("acknowledgement_rows", 12))
        older, newer = (self.models.get(spec[side]["src"], {}).get("blocks", []) for side in ("older", "newer"))
        page.content = comparison_html(self.templates, spec, older, newer, rows, page.url)

    def keep(self, job: Job, model: dict) -> None:
        """A state rendered for the checks only: its text, kept like a page's."""
        self.models[job.src] = model
        atomic_write(self.path(job, ".json"), json.dumps(model, ensure_ascii=False).encode("utf-8"))

    def publish(self, site: Path) -> str:
        """Every page this build rendered into the cache, every other one from the cache into the site."""
        started = time.monotonic()
        for job in self.jobs:
            if job.kind == "state":
                continue
            target = site / job.dest
            if job.src in self.by_src:
                atomic_write(self.path(job, ".html"), target.read_bytes())
                if job.kind == "edition":
                    atomic_write(self.path(job, ".json"), json.dumps(self.models[job.src], ensure_ascii=False).encode())
            else:
                place(self.path(job, ".html"), target)
        for job in self.jobs:
            for suffix in (".html", ".json"):
                if self.path(job, suffix).exists():
                    os.utime(self.path(job, suffix))
        prune_cache(self.settings.cache_dir, (".html", ".json"), {job.key for job in self.jobs})
        published = sum(1 for job in self.jobs if job.kind != "state")
        checked = len(self.jobs) - published
        extra = f" и {checked} для проверки правок без новой редакции" if checked else ""
        rendered = sum(1 for job in self.jobs if job.src in self.by_src)
        return (f"Архив редакций: {published} страниц редакций и сравнений{extra}; из них {rendered} "
                f"собрано заново, {len(self.jobs) - rendered} из кэша ({self.seconds + time.monotonic() - started:.1f} с)")
