"""What this build publishes of the archive of editions, so pages link only to what exists.

Set once per run by macros/hooks/editions.py (it knows the command and the switches): whether the
editions' pages and their PDFs are published. Also the one place that names an edition's PDF:
``pdf/editions/<slug>-<version>.pdf`` (a version is digits and dots, a slug has no dots, so no two
editions share a name). An exporter of another format names its files the same way.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Links:
    pages: bool = False
    pdfs: bool = False

    @staticmethod
    def pdf(slug: str, version: str) -> str:
        return edition_file(slug, version, "pdf")


def edition_file(slug: str, version: str, extension: str) -> str:
    """Where the downloadable file of an edition lies in the site, relative to its root."""
    return f"{extension}/editions/{slug}-{version}.{extension}"


links = Links()

# What define_env found, for the hook that publishes the archive after the build: {"archive", "staff"}.
found: dict = {"archive": None, "staff": None}
