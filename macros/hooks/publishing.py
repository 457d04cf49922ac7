"""A failed build never empties or half-writes the last good site (`mkdocs build` only; run by macros/plugin.py).

on_config points config.site_dir (which every post-build step must use) at ``<site>.staging-<pid>``; the last
step swaps it with the site in one atomic rename unless strict mode counted warnings. An atexit handler removes
the staging folder of a build that ended otherwise (SystemExit, Ctrl+C); the next build, those of killed ones.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import CountHandler

from ..exports.cache import running

log = logging.getLogger("mkdocs.hooks.publishing")


@dataclass
class Staging:
    """One `mkdocs build`'s staging folder beside the site it will replace (the plugin keeps it)."""

    target: Path
    folder: Path

    @classmethod
    def begin(cls, config, dirty: bool) -> "Staging":
        """Point config.site_dir at a fresh staging folder; every later step writes there."""
        target = Path(config.site_dir).resolve()
        remove_stale_folders(target)
        folder = target.with_name(f"{target.name}.staging-{os.getpid()}")
        shutil.rmtree(folder, ignore_errors=True)
        if dirty and target.is_dir():
            shutil.copytree(target, folder, symlinks=True)  # --dirty rebuilds on top of the last site
        folder.mkdir(parents=True, exist_ok=True)
        atexit.register(discard, folder, target)  # a no-op once published
        config.site_dir = str(folder)
        return cls(target, folder)

    def finish(self, config) -> None:
        """The very last post-build step: put the staging folder in place of the site, unless strict mode will abort."""
        if Path(config.site_dir) != self.folder:
            return
        # Strict mode will abort when MkDocs' CountHandler on its logger counted warnings.
        if any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers):
            log.info("Сайт не опубликован из-за предупреждений строгой сборки; в %s осталась прежняя версия",
                     self.target)
            return
        publish(self.folder, self.target)
        config.site_dir = str(self.target)
        log.info("Сайт опубликован в %s", self.target)


def discard(staging: Path, target: Path) -> None:
    """At exit: a staging folder still there means the build did not finish; the site stays as it was."""
    if staging.is_dir():
        shutil.rmtree(staging, ignore_errors=True)
        log.error("Сборка не завершена: сайт в %s не изменён (там прежняя версия, если она была)", target)


def publish(staging: Path, target: Path) -> None:
    """Put the staging folder in place of target; a reader sees either the old or the new site."""
    if not target.exists():
        staging.rename(target)
    elif exchange(staging, target):
        shutil.rmtree(staging)  # it holds the old site now
    else:
        old = target.with_name(f"{target.name}.old-{os.getpid()}")
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux, glibc 2.28+); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def remove_stale_folders(target: Path) -> None:
    """Staging and old-site folders of builds that were killed before they could clean up."""
    pattern = re.compile(re.escape(target.name) + r"\.(?:staging|old)-(\d+)$")
    for folder in target.parent.glob(f"{target.name}.*-*"):
        match = pattern.match(folder.name)
        if match and folder.is_dir() and (int(match.group(1)) == os.getpid() or not running(int(match.group(1)))):
            shutil.rmtree(folder, ignore_errors=True)
