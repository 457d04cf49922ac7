"""Only the repository's own files: no symbolic links where content, theme or wording is read from.

MkDocs follows a symlink like a file (``docs/x.txt -> /etc/passwd`` would be published), and a file
committed under `.cache/` would be published as finished work: both stop the build with the path.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model.history import output
from ..model.problems import Problem
from .docs_files import check_docs_files


def check_files(conf) -> list[Problem]:
    """A problem for every symbolic link in docs/, overrides/ and the macros' templates."""
    project = Path(conf["config_file_path"]).resolve().parent
    roots = [Path(conf["docs_dir"])]
    custom_dir = getattr(conf["theme"], "custom_dir", None)
    roots += [Path(custom_dir)] if custom_dir else []
    roots.append(project / "macros" / "templates")
    problems: list[Problem] = []
    for root in roots:
        problems += _links_under(root, project)
    theme_dirs = list(getattr(conf["theme"], "dirs", []))
    return problems + check_docs_files(Path(conf["docs_dir"]), theme_dirs) + _committed_cache(project)


def _committed_cache(project: Path) -> list[Problem]:
    # No git: a copy without history has nothing committed.
    tracked = [name for name in (output(project, "ls-files", "-z", "--", ".cache") or "").split("\0") if name]
    if not tracked:
        return []
    return [Problem(tracked[0], f"файл кэша сборки в репозитории (всего таких файлов: {len(tracked)}): сборка "
                    "взяла бы его как готовую работу и опубликовала как есть",
                    "уберите кэш из репозитория: git rm -r --cached .cache (папка .cache/ есть в .gitignore)")]


def _links_under(root: Path, project: Path) -> list[Problem]:
    found = [root] if root.is_symlink() else []
    if root.is_dir() and not root.is_symlink():
        for folder, dirs, files in os.walk(root):  # does not descend into linked folders
            for name in sorted(dirs + files):
                path = Path(folder) / name
                if path.is_symlink():
                    found.append(path)
    return [_problem(path, project) for path in found]


def _problem(path: Path, project: Path) -> Problem:
    try:
        shown_as = path.absolute().relative_to(project).as_posix()
    except ValueError:
        shown_as = str(path)
    return Problem(
        shown_as, f"символическая ссылка (указывает на {os.readlink(path)}): в сайт попадают только "
        "собственные файлы репозитория",
        "удалите ссылку и положите на её место сам файл (копию), если он нужен на сайте")
