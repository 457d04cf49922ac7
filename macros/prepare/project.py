"""The prepared pages as a complete MkDocs project (Material, its search and tags, standard extensions)
that needs nothing of ours to build; manifest.json says what each page is.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from . import Prepared

EXTENSIONS = [
    "admonition",
    {"tables": {"use_align_attribute": True}},
    {"toc": {"permalink": False}},
    "pymdownx.details",
    {"pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "class": "mermaid"}]}},
]


def write_project(prepared: Prepared, out_dir: Path) -> None:
    """Write DIR/mkdocs.yml, DIR/docs/… and DIR/manifest.json; files under docs/ that are not pages are copied."""
    out_dir, docs_dir, docs = Path(out_dir), prepared.docs_dir, Path(out_dir) / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    for src_uri, text in prepared.pages.items():
        target = docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path in sorted(docs_dir.rglob("*")) if docs_dir else []:
        if path.is_file() and not path.is_symlink() and path.suffix != ".md":
            target = docs / path.relative_to(docs_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    config = {**{key: value for key, value in prepared.site.items() if value},
              "theme": {"name": "material", "language": "ru", "font": False},
              "plugins": [{"search": {"lang": "ru"}}, "tags"],
              "markdown_extensions": EXTENSIONS, "nav": prepared.nav,
              "not_in_nav": "\n".join(f"/{src_uri}" for src_uri in prepared.pages
                                       if not _in_nav(prepared.nav, src_uri))}
    settings = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (out_dir / "mkdocs.yml").write_text(settings, encoding="utf-8")
    manifest = json.dumps(prepared.manifest, ensure_ascii=False, indent=1)
    (out_dir / "manifest.json").write_text(manifest, encoding="utf-8")


def _in_nav(nav, src_uri: str) -> bool:
    if isinstance(nav, str):
        return nav == src_uri
    items = nav.values() if isinstance(nav, dict) else nav
    return any(_in_nav(item, src_uri) for item in items)
