"""Which pages a `mkdocs serve --dirty` rebuild renders again, so that the fast rebuild is a correct one.

MkDocs alone re-renders only pages older than their source, leaving menus and cross-references stale. Here
only a change to positions' bodies is rebuilt page by page (with every page naming them); any other, all.
"""

from __future__ import annotations

import hashlib
import logging
import subprocess
from dataclasses import dataclass
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs import utils

from ..model.front_matter import FRONT_MATTER
from ..model.positions import POSITIONS_DIR

# mkdocs/commands/build.py, logged on every dirty build; strict mode would count it as a failure.
DIRTY_WARNING = "A 'dirty' build is being performed"
# What Jinja reads when it compiles a template, besides its source.
COMPILE_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                   "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                   "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                   "is_async", "finalize", "autoescape")


@dataclass(frozen=True)
class Fingerprint:
    """What one build was made from: everything but the positions' bodies (settings, templates, theme,
    other pages, front matter, git HEAD, the list of pages) as one digest, and each body separately."""

    rest: str
    bodies: dict[str, str]  # position src_uri -> digest of its body
    texts: dict[str, str]   # every Markdown page's source text, to find the pages naming a position


def fingerprint(config, src_uris: list[str]) -> Fingerprint:
    """Read in a few milliseconds at 300 positions: stat for files, text only for Markdown pages."""
    project, docs = Path(config.config_file_path).parent, Path(config.docs_dir)
    rest = hashlib.sha256()
    for uri in sorted(src_uris):  # a page added or removed (a draft's pages included)
        rest.update(f"page {uri}\n".encode())
    rest.update(_git_head(project).encode())
    theme = [Path(folder) for folder in config.theme.dirs if "site-packages" not in Path(folder).parts]  # overrides/
    bodies, texts = {}, {}
    for path in _files([Path(config.config_file_path), project / "macros" / "templates", *theme, docs]):
        if path.suffix != ".md" or docs not in path.parents:
            stat = path.stat()
            rest.update(f"{path} {stat.st_mtime_ns} {stat.st_size}\n".encode())
            continue
        name = path.relative_to(docs).as_posix()
        texts[name] = text = path.read_text(encoding="utf-8", errors="replace")
        if name.startswith(f"{POSITIONS_DIR}/") and name.count("/") == 1:  # docs/positions/<slug>.md
            found = FRONT_MATTER.match(text)
            head_end = found.end() if found else 0
            rest.update(f"{name} front matter {_digest(text[:head_end])}\n".encode())
            bodies[name] = _digest(text[head_end:])
        else:
            rest.update(f"{name} {_digest(text)}\n".encode())
    return Fingerprint(rest.hexdigest(), bodies, texts)


def stale_pages(previous: Fingerprint | None, current: Fingerprint) -> set[str] | None:
    """The pages (src_uri) to render again, or None for every page."""
    if previous is None or previous.rest != current.rest:  # else the same positions: their names are in `rest`
        return None
    changed = {name for name, body in current.bodies.items() if previous.bodies[name] != body}
    # Cross-references `[](other.md#label)` name the file; so would any other link.
    return changed | {other for name in changed for other, text in current.texts.items()
                      if name.rsplit("/", 1)[-1] in text}


def render_again(config, files, stale: set[str] | None) -> None:
    """Make MkDocs' dirty build render these pages: an output that is missing is always rebuilt
    (File.is_modified); for every page, the whole site folder is emptied. A rebuild for bodies keeps the last
    404.html, which shows only the menu (titles come from front matter)."""
    if stale is None:
        utils.clean_directory(config.site_dir)
        return
    for name in stale:
        file = files.get_file_from_path(name)
        if file is not None:
            Path(file.abs_dest_path).unlink(missing_ok=True)
    if (Path(config.site_dir) / "404.html").is_file():
        config.theme.static_templates.discard("404.html")


class TemplateCode(BytecodeCache):
    """Compiled theme templates kept across rebuilds: MkDocs makes a new Jinja environment for each build,
    which compiled Material's fifty templates again every time. Jinja checks each template's source
    checksum, so an edited template is compiled anew."""

    def __init__(self):
        self.code: dict[str, bytes] = {}
        self.options = ""

    def used_by(self, env) -> None:
        """Serve `env`'s compiled templates from here; code compiled under other syntax options (mkdocs.yml
        may change mkdocs-macros' delimiters while serving) is dropped, since Jinja checks only the source."""
        values = [getattr(env, name, None) for name in COMPILE_OPTIONS]  # a function by its name: each build
        options = repr([getattr(value, "__qualname__", value) if callable(value) else value  # makes a new closure
                        for value in values] + sorted(env.extensions))
        if options != self.options:
            self.code, self.options = {}, options
        env.bytecode_cache = self

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def drop_dirty_notice(record: logging.LogRecord) -> bool:
    """A logging filter: MkDocs' warning that a dirty build leaves pages stale is not true with stale_pages,
    and strict mode would fail every rebuild on it. Any other warning passes."""
    return not (record.levelno == logging.WARNING and record.getMessage().startswith(DIRTY_WARNING))


def _files(roots: list[Path]):
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from sorted(path for path in root.rglob("*") if path.is_file() and "__pycache__" not in path.parts)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _git_head(project: Path) -> str:
    """The commit the history checks compare with: a commit or checkout changes what every page may say."""
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True,
                              timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
