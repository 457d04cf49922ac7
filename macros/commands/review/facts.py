"""What each side declares, read from its files: the positions' front matter and the company settings.

The printed text says *what* changed; these files say *why* (a template, a setting, a supervisor's
title) and whether the change was declared (a new version, a draft, an editorial correction).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ...model.loading import load_staff
from ...model.positions import Staff

TEMPLATES = "macros/templates/"
SHARED_CORRECTIONS = "macros/templates/corrections.yml"
# Fields of another position that its subordinates' printouts quote.
NAMES = ("title", "genitive", "dative")


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml carries !!python and !ENV tags; the report needs only `extra:`, plain data."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass
class Side:
    staff: Staff
    extra: dict
    shared_corrections: list = field(default_factory=list)


def read_side(project: Path) -> Side:
    staff, _ = load_staff(project / "docs")  # problems: the strict build has already refused them
    return Side(staff, _extra(project / "mkdocs.yml"), _list(project / SHARED_CORRECTIONS))


def _extra(config: Path) -> dict:
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Tolerant)
    except (OSError, yaml.YAMLError):
        return {}
    extra = data.get("extra") if isinstance(data, dict) else None
    return extra if isinstance(extra, dict) else {}


def _list(path: Path) -> list:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return []
    return data if isinstance(data, list) else []


def corrections(position) -> list[dict]:
    return [c for c in position.meta.get("corrections") or [] if isinstance(c, dict)] if position else []


def changed_settings(base: Side, head: Side) -> list[str]:
    """The keys of `extra:` whose value differs, dotted one level deep (company.name, officials)."""
    keys = []
    for key in sorted(set(base.extra) | set(head.extra)):
        old, new = base.extra.get(key), head.extra.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            keys += [f"{key}.{sub}" for sub in sorted(set(old) | set(new)) if old.get(sub) != new.get(sub)]
        else:
            keys.append(key)
    return keys


def renamed_posts(base: Side, head: Side) -> dict[str, tuple[str, str]]:
    """slug -> (old title, new title) for every position whose title or its cases changed."""
    renamed = {}
    for slug, now in head.staff.positions.items():
        before = base.staff.positions.get(slug)
        if before and any(before.meta.get(name) != now.meta.get(name) for name in NAMES):
            renamed[slug] = (str(before.meta.get("title")), str(now.meta.get("title")))
    return renamed


def references(position, extra: dict) -> dict[str, str]:
    """slug -> the field that names it, for every position this one's printout quotes."""
    found = {}
    for key, value in position.meta.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item != position.slug:
                found.setdefault(item, key)
    for slug in _strings(extra.get("signatories")) + _strings(extra.get("approval")):
        found.setdefault(slug, "подписант в extra: mkdocs.yml")
    return found


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []
