"""MkDocs hook (mkdocs.yml `hooks:`): a failed build never empties or half-writes the last good site.

Plain `mkdocs build` empties site_dir right after on_pre_build and writes pages one by one; a
build that then fails (a macro error exits with code 100 mid-build, a strict-mode warning aborts
only after on_post_build) leaves an empty or half-written folder where the intranet site was.

So, for `mkdocs build` only (serve and gh-deploy are untouched):

1. on_config (first of all plugins) points config.site_dir at a staging folder next to the
   target, ``<site>.staging-<pid>``; every plugin and hook writes there.
2. on_post_build runs LAST (priority -100: after every other post-build step, such as writing
   PDFs into the site) and, unless strict mode has counted warnings, publishes the staging
   folder: target and staging are exchanged in one atomic rename (Linux renameat2
   RENAME_EXCHANGE; elsewhere two renames), then the old site is removed.
3. Whatever ends the build otherwise (an exception, SystemExit from mkdocs-macros, Ctrl+C), an
   atexit handler removes the staging folder. Folders left by a killed build (their process is
   gone) are removed when the next build starts.

A post-build step of another hook must therefore use config.site_dir, never a path of its own.
Loaded by MkDocs from its path, so it imports nothing from the macros package.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import os
import re
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.hooks.publishing")
state = {"command": None, "dirty": False, "target": None, "staging": None}


def on_startup(command, dirty):
    state.update(command=command, dirty=dirty)


@event_priority(100)  # before other plugins read site_dir
def on_config(config):
    if state["command"] != "build":
        return config
    target = Path(config.site_dir).resolve()
    remove_stale_folders(target)
    staging = target.with_name(f"{target.name}.staging-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    if state["dirty"] and target.is_dir():
        shutil.copytree(target, staging, symlinks=True)  # --dirty rebuilds on top of the last site
    staging.mkdir(parents=True, exist_ok=True)
    atexit.register(discard, staging, target)  # a no-op once published
    state.update(target=target, staging=staging)
    config.site_dir = str(staging)
    return config


@event_priority(-100)  # the very last post-build step: everything is written by now
def on_post_build(config):
    target, staging = state["target"], state["staging"]
    if staging is None or Path(config.site_dir) != staging:
        return
    if warnings_counted():
        log.info("Сайт не опубликован из-за предупреждений строгой сборки; в %s осталась прежняя версия", target)
        return
    publish(staging, target)
    config.site_dir = str(target)
    log.info("Сайт опубликован в %s", target)


def discard(staging: Path, target: Path) -> None:
    """At exit: a staging folder still there means the build did not finish; the site stays as it was."""
    if staging.is_dir():
        shutil.rmtree(staging, ignore_errors=True)
        log.error("Сборка не завершена: сайт в %s не изменён (там прежняя версия, если она была)", target)


def warnings_counted() -> bool:
    """Whether strict mode will abort: MkDocs counts warnings with a CountHandler on its logger."""
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


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
        if match and folder.is_dir() and not _running(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True
