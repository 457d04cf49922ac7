"""What a file under docs/ may be: a Markdown page or a picture, at an address the site does not use itself
(MkDocs would publish anything else, over a theme file of the same path). SVG is refused: scripts, outside
references, and nested <use> that takes the PDF renderer minutes.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

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


def check_docs_files(docs_dir: Path, theme_dirs: list[str]) -> list[Problem]:
    """A problem for every file under docs/ that is not a page or a picture, or takes the site's own path."""
    if not docs_dir.is_dir():
        return []
    theme_files = _ThemeFiles(theme_dirs)
    problems = []
    for folder, dirs, names in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # MkDocs skips hidden folders and files
        for name in sorted(n for n in names if not n.startswith(".")):
            path = Path(folder) / name
            if path.is_symlink():
                continue  # refused by files.py with its target
            relative = path.relative_to(docs_dir).as_posix()
            if relative.startswith("templates/"):
                continue  # MkDocs leaves docs/templates/ out of the site by default
            problem = _judge(path, relative, theme_files)
            if problem:
                problems.append(problem)
    return problems


def _judge(path: Path, relative: str, theme_files: _ThemeFiles) -> Problem | None:
    shown_as, suffix = f"docs/{relative}", path.suffix.lower()
    if not relative.isprintable():
        return Problem(shown_as.encode("ascii", "backslashreplace").decode(), "в имени файла невидимый символ",
                       "переименуйте файл: строчные латинские буквы, цифры и дефис")
    if suffix not in MARKDOWN and suffix not in PICTURES:
        return Problem(shown_as, f"файл такого типа ({suffix or 'без расширения'}) не публикуется: в docs/ "
                       f"лежат только {ALLOWED_TEXT}",
                       "удалите файл; документ Word или PDF загружайте в систему документооборота, а на "
                       "сайте опишите должность страницей Markdown; схему или рисунок сохраните как PNG")
    address = page_address(relative) if suffix in MARKDOWN else relative.lower()
    reserved = next((prefix for prefix in RESERVED if address.startswith(prefix)), None)
    if reserved or relative.lower() in theme_files:
        where = f"папку /{reserved}" if reserved else f"файл /{relative}"
        return Problem(shown_as, f"сайт сам пишет {where} (оформление, поиск, файлы для скачивания): файл из "
                       "docs/ подменил бы их", "переложите файл в другую папку, например docs/images/")
    if suffix in PICTURES and not _starts_with(path, PICTURES[suffix]):
        return Problem(shown_as, f"файл называется {suffix}, но картинкой этого типа не является",
                       "сохраните картинку заново в графическом редакторе как PNG или JPEG")
    if suffix in PICTURES:
        oversized = _oversized(path)
        if oversized:
            return Problem(shown_as, f"картинка слишком велика: {oversized}",
                           f"уменьшите её до {MAX_PIXELS // 1_000_000} мегапикселей и {MAX_BYTES // 2**20} МБ "
                           "(для страницы достаточно 2000 точек по ширине) и сохраните как PNG или JPEG")
    return None


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


def _starts_with(path: Path, signatures: tuple[bytes, ...]) -> bool:
    with path.open("rb") as file:
        head = file.read(16)
    return any(head.startswith(signature) for signature in signatures) and (
        path.suffix.lower() != ".webp" or head[8:12] == b"WEBP")


class _ThemeFiles:
    """The files the theme would publish, by site path: only the folders on a docs file's own path
    (Material ships thousands of icons); names compare case-insensitively, as a web server may."""

    def __init__(self, theme_dirs: list[str]):
        self.roots = [Path(root) for root in theme_dirs]
        self.listed: dict[Path, dict[str, Path]] = {}

    def __contains__(self, relative: str) -> bool:
        *folders, name = relative.lower().split("/")
        for root in self.roots:
            folder = root
            for part in folders:
                folder = self._names(folder).get(part)
                if folder is None or not folder.is_dir():
                    break
            else:
                found = self._names(folder).get(name)
                if found is not None and found.is_file():
                    return True
        return False

    def _names(self, folder: Path) -> dict[str, Path]:
        if folder not in self.listed:
            try:
                self.listed[folder] = {entry.name.lower(): Path(entry.path) for entry in os.scandir(folder)}
            except OSError:
                self.listed[folder] = {}
        return self.listed[folder]
