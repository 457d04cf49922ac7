"""The one file mkdocs.yml lists under `hooks:`: it makes the site's plugin and hands MkDocs its events.

MkDocs loads a plugin only from an installed package's entry point; a hooks file needs no
installation. So this file creates the one JobDescPlugin (macros/plugin.py) and exposes each of its
event handlers under the event's name, priorities included. MkDocs loads this file once per process,
so the plugin (and what it remembers) lives as long as `mkdocs serve` does.
"""

import sys
from pathlib import Path

# MkDocs loads this file by its path; the project root makes `macros` importable as a package, the same
# package mkdocs-macros imports for define_env.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from macros.plugin import JobDescPlugin  # noqa: E402

plugin = JobDescPlugin()
globals().update({name: getattr(plugin, name) for name in vars(JobDescPlugin) if name.startswith("on_")})
