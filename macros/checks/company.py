"""The company's settings (`extra:` in mkdocs.yml) checked like a position, before any page is built.

Every position prints them, so a missing key or a string where a list belongs would otherwise surface as
a traceback or a signature row per letter; each problem names the key, its line and the fix.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..model.front_matter import collect_lines
from ..model.positions import nearest_line
from ..model.problems import Problem
from .schema_messages import Checked, SchemaFile, schema_problems

SCHEMA = SchemaFile(Path(__file__).with_name("company_schema.yaml"))


def check_company(conf) -> list[Problem]:
    """Every problem of `extra:` in the site's configuration file."""
    config_file = Path(conf["config_file_path"])
    lines = _lines(config_file)
    checked = Checked(
        config_file.name, SCHEMA.schema, lambda *path: nearest_line(lines, ("extra", *path)),
        lambda path: ".".join(["extra", *map(str, path)]),
        "в раздел extra:", "такого ключа нет в настройках компании (extra)")
    return schema_problems(_plain(conf.get("extra") or {}), checked, SCHEMA.validator)


def _lines(config_file: Path) -> dict[tuple, int]:
    """The line of every key of the configuration file (composed, not constructed: its tags stay unread)."""
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    lines: dict[tuple, int] = {}
    if node is not None:
        collect_lines(node, (), lines, [], first_line=1)
    return lines


def _plain(value):
    """MkDocs' config objects as plain dicts and lists, the way the schema sees YAML."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value
