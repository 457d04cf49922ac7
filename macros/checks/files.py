"""Only the repository's own files, and under docs/ only pages and pictures.

MkDocs follows a symlink like a file (``docs/x.txt -> /etc/passwd`` would be published), publishes any file
under docs/ (over a theme file of the same path), and a file committed under `.cache/` would be taken as
finished work. SVG is refused: scripts, outside references, and nested <use> that takes the PDF renderer minutes.
"""

from __future__ import annotations

import os
import re
import warnings
from functools import cache
from pathlib import Path

from ..model.history import output
from ..model.problems import Problem
from .pages import MARKDOWN, page_address

# Pictures by extension, each recognised by its first bytes (a renamed HTML file is not a picture).
PICTURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
            ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",)}
# Folders only the theme and the build write: scripts and styles, the search index, the downloads.
RESERVED = ("assets/javascripts/", "assets/stylesheets/", "search/", "pdf/", "docx/")
MAX_BYTES = 10 * 2**20
MAX_PIXELS = 40_000_000
ALLOWED_TEXT = "страницы Markdown (.md) и картинки PNG, JPEG, GIF, WebP"
# A file's name becomes its page's address, its «edit» link and (without a title) its title, unescaped by MkDocs:
# «x" onfocus="….md» would be an attribute of that link. Nor may a name cut an address short (#, ?, %).
MARKUP_IN_NAME = re.compile(r"""[<>"'`&\\#?%]""")


def check_files(conf) -> list[Problem]:
    """A problem for every symbolic link in docs/, overrides/ and the macros' templates, every file docs/ may
    not hold, and a committed build cache."""
    project = Path(conf["config_file_path"]).resolve().parent
    custom_dir = getattr(conf["theme"], "custom_dir", None)
    problems: list[Problem] = []
    for root in [Path(conf["docs_dir"]), *([Path(custom_dir)] if custom_dir else []), project / "macros" / "templates"]:
        problems += [_problem(path, project) for path in _links_under(root)]
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


def _links_under(root: Path) -> list[Path]:
    if root.is_symlink() or not root.is_dir():
        return [root] if root.is_symlink() else []
    return [Path(folder) / name for folder, dirs, files in os.walk(root)  # does not descend into linked folders
            for name in sorted(dirs + files) if (Path(folder) / name).is_symlink()]


def _problem(path: Path, project: Path) -> Problem:
    try:
        shown_as = path.absolute().relative_to(project).as_posix()
    except ValueError:
        shown_as = str(path)
    return Problem(
        shown_as, f"символическая ссылка (указывает на {os.readlink(path)}): в сайт попадают только "
        "собственные файлы репозитория",
        "удалите ссылку и положите на её место сам файл (копию), если он нужен на сайте")


def check_docs_files(docs_dir: Path, theme_dirs: list[str]) -> list[Problem]:
    """A problem for every file under docs/ that is not a page or a picture, or takes the site's own path."""
    if not docs_dir.is_dir():
        return []
    in_theme = _theme_files(theme_dirs)
    problems = []
    for folder, dirs, names in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # MkDocs skips hidden folders and files
        for name in sorted(n for n in names if not n.startswith(".")):
            path = Path(folder) / name
            relative = path.relative_to(docs_dir).as_posix()
            # A symlink is refused above with its target; MkDocs leaves docs/templates/ out of the site.
            if not path.is_symlink() and not relative.startswith("templates/"):
                problems += [problem for problem in [_judge(path, relative, in_theme)] if problem]
    return problems


def _judge(path: Path, relative: str, in_theme) -> Problem | None:
    shown_as, suffix = f"docs/{relative}", path.suffix.lower()
    if not relative.isprintable():
        return Problem(shown_as.encode("ascii", "backslashreplace").decode(), "в имени файла невидимый символ",
                       "переименуйте файл: строчные латинские буквы, цифры и дефис")
    if (sign := MARKUP_IN_NAME.search(relative)) is not None:
        return Problem(shown_as, f"в имени файла знак «{sign.group(0)}»: имя становится адресом страницы и ссылкой "
                       "«Редактировать», где этот знак ломает адрес или разметку",
                       "переименуйте файл: строчные латинские буквы, цифры и дефис")
    if suffix not in MARKDOWN and suffix not in PICTURES:
        return Problem(shown_as, f"файл такого типа ({suffix or 'без расширения'}) не публикуется: в docs/ "
                       f"лежат только {ALLOWED_TEXT}",
                       "удалите файл; документ Word или PDF загружайте в систему документооборота, а на "
                       "сайте опишите должность страницей Markdown; схему или рисунок сохраните как PNG")
    address = page_address(relative) if suffix in MARKDOWN else relative.lower()
    reserved = next((prefix for prefix in RESERVED if address.startswith(prefix)), None)
    if reserved or in_theme(relative.lower()):
        where = f"папку /{reserved}" if reserved else f"файл /{relative}"
        return Problem(shown_as, f"сайт сам пишет {where} (оформление, поиск, файлы для скачивания): файл из "
                       "docs/ подменил бы их", "переложите файл в другую папку, например docs/images/")
    if suffix not in PICTURES:
        return None
    with path.open("rb") as file:
        head = file.read(16)
    if not any(map(head.startswith, PICTURES[suffix])) or (suffix == ".webp" and head[8:12] != b"WEBP"):
        return Problem(shown_as, f"файл называется {suffix}, но картинкой этого типа не является",
                       "сохраните картинку заново в графическом редакторе как PNG или JPEG")
    oversized = _oversized(path)
    return Problem(shown_as, f"картинка слишком велика: {oversized}",
                   f"уменьшите её до {MAX_PIXELS // 1_000_000} мегапикселей и {MAX_BYTES // 2**20} МБ "
                   "(для страницы достаточно 2000 точек по ширине) и сохраните как PNG или JPEG") if oversized else None


def _oversized(path: Path) -> str | None:
    """Why a picture is too big to render (the PDF engine decodes every pixel), or None. Only the header is
    read: a small file can declare a huge image."""
    from PIL import Image  # Pillow comes with WeasyPrint

    size = path.stat().st_size
    if size > MAX_BYTES:
        return f"{size // 2**20} МБ"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns of a large image; the size below says it for HR
            with Image.open(path) as image:
                width, height = image.size
    except Exception:  # Pillow refuses what it cannot read, decompression bombs included
        return "её не удаётся прочесть как картинку"
    return f"{width} × {height} точек" if width * height > MAX_PIXELS else None


def _theme_files(theme_dirs: list[str]):
    """Whether the theme would publish a file at this (lower-case) site path: only the folders on the path are
    listed (Material ships thousands of icons); names compare case-insensitively, as a web server may."""
    @cache
    def names(folder: Path) -> dict[str, Path]:
        try:
            return {entry.name.lower(): Path(entry.path) for entry in os.scandir(folder)}
        except OSError:  # not a folder, or none
            return {}

    def contains(relative: str) -> bool:
        for found in map(Path, theme_dirs):
            for part in relative.split("/"):
                found = names(found).get(part)
                if found is None:
                    break
            else:
                if found.is_file():
                    return True
        return False
    return contains
