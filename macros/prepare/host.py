"""The macros' host without mkdocs-macros: the few names of its ``env`` (conf, Jinja env, macro(),
filter(), page) set up the way mkdocs.yml sets up the plugin.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page


class MacroHost:
    """Registers macros and filters like mkdocs-macros does, and renders templates the same way."""

    def __init__(self, config_file: Path):
        self.conf = load_config(config_file=str(config_file))
        self.config = self.conf["plugins"]["macros"].config  # the `macros:` options, as the plugin reads them
        project = Path(self.conf["config_file_path"]).parent
        options = {"loader": FileSystemLoader(str(project / (self.config["include_dir"] or "macros/templates"))),
                   "undefined": StrictUndefined}
        options.update({key[3:]: value for key, value in self.config.items() if key.startswith("j2_") and value})
        self.env = Environment(**options)
        self.macros: dict = {}
        self.variables: dict = {}
        self.page: Page | None = None

    def macro(self, function, name: str = ""):
        self.macros[name or function.__name__] = function
        self.env.globals[name or function.__name__] = function
        return function

    def filter(self, function, name: str = ""):
        self.env.filters[name or function.__name__] = function
        return function

    def at(self, src_uri: str) -> Page:
        """Make `src_uri` (relative to docs/) the page being prepared: the macros read it from `page`."""
        file = File(src_uri, self.conf["docs_dir"], self.conf["site_dir"], self.conf["use_directory_urls"])
        self.page = Page(None, file, self.conf)
        return self.page
