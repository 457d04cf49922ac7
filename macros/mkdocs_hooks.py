"""The one file mkdocs.yml lists under `hooks:`: it makes the site's plugin and hands MkDocs its events
(a plugin needs an installed entry point, a hooks file does not); loaded once, it lives as long as `mkdocs serve`.
"""

import sys
from pathlib import Path

# MkDocs loads this file by its path; the project root makes `macros` importable as a package, the same
# package mkdocs-macros imports for define_env.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from macros.plugin import JobDescPlugin  # noqa: E402

plugin = JobDescPlugin()
globals().update({name: getattr(plugin, name) for name in vars(JobDescPlugin) if name.startswith("on_")})
