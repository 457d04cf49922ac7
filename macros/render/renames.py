"""A renamed position keeps its old address: the page at positions/<old>/ sends the reader on.

When HR renames a position's file (its slug, and so its address), links in mail, bookmarks and
printed QR codes still point at the old address. The position lists its earlier names in
`renamed_from`, and the mkdocs-redirects plugin (documented, from the MkDocs project) writes a
redirect page at every old address; its map is filled here from the data, so nobody edits
mkdocs.yml for a rename.
"""

from __future__ import annotations

from ..model.positions import POSITIONS_DIR, Staff

PLUGIN = "redirects"


def redirect_maps(staff: Staff) -> dict[str, str]:
    """positions/<old>.md -> positions/<new>.md for every earlier name of every position."""
    return {f"{POSITIONS_DIR}/{old}.md": position.src_path for old, position in staff.renamed().items()
            if old not in staff}


def register(conf, staff: Staff) -> None:
    plugin = conf["plugins"].get(PLUGIN)
    if plugin is not None:  # read by the plugin at on_files, after define_env
        plugin.config["redirect_maps"] = {**plugin.config.get("redirect_maps", {}), **redirect_maps(staff)}
