"""The one setup sequence of the site and of prepare: read and check every position, take the editions
from git, set drafts aside, build the menu and register every macro, filter and Markdown extension.
define_env and prepare() both call read_site(); what differs is a parameter, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..checks import editions as edition_checks
from ..checks.run import CheckedPositions, checked_staff
from ..model.build_cache import BuildCache
from ..model.drafts import Draft, set_drafts_aside
from ..model.history import last_edited
from ..model.editions import Archive, find_editions
from ..model.positions import Staff
from ..render import org, text_filters, typography, verbatim
from ..render.archive_links import Links
from ..render.boilerplate import Boilerplate
from ..render.clauses import ClauseExtension
from ..render.navigation import navigation
from ..render.page_cache import ConvertedPages
from ..render.safe_html import SafeHtmlExtension


@dataclass
class Site:
    """What the setup found: the positions (drafts replaced by their edition in force), the editions
    (None when not read), the drafts set aside, the instruction's macros and the menu."""

    staff: Staff
    archive: Archive | None
    drafts: dict[str, Draft]
    forms: Boilerplate
    nav: list


def read_site(host, findings, *, forms_class=Boilerplate, links: Links | None = None, codes=None, ledger=None,
              base: str = "", every_edition: bool = False, cache: BuildCache | None = None,
              positions: CheckedPositions | None = None) -> Site:
    """host: mkdocs-macros' env or a MacroHost; links, codes, ledger, base: what the plugin decided; every_edition:
    read the editions even when nothing publishes or checks them (prepare prints each history table from them);
    positions: what the last rebuild of `mkdocs serve` read. Problems found converting pages go to `findings`."""
    builtin = set(host.macros)  # mkdocs-macros' own, such as macros_info(): never callable from a page
    links = links or Links()
    project, docs_dir = Path(host.conf["config_file_path"]).parent, Path(host.conf["docs_dir"])
    verbatim.blocks_in(host.conf).clear()  # the held forms of this run
    # Everything registered inside the block is known to the check of the pages' macro calls,
    # which runs when the block ends; any problem stops the build before a page is written.
    with checked_staff(host, positions) as staff:
        host.variables["staff"] = staff
        staff.edited.update(last_edited(docs_dir))
        # A draft needs the edition in force from git even when the archive is not published (mkdocs serve).
        drafting = any(position.is_draft for position in staff.positions.values())
        wanted = every_edition or links.pages or links.checks or drafting
        archive = find_editions(project, docs_dir, staff, ledger, base) if wanted else None
        edition_checks.raise_history_problems(archive, staff)
        drafts = set_drafts_aside(staff, archive)  # from here on, a position is its edition in force
        host.conf["nav"] = nav = navigation(staff)
        forms = forms_class(host, staff, archive, links, codes)  # on an archived edition's page, its commit answers
        forms.cache = cache = cache or BuildCache(None)
        # An archived edition's references are numbered from its own commit and link nowhere (the positions
        # they name may be gone or renumbered since); only the site's forms know the archive's pages.
        here = getattr(forms, "here", None)
        clauses = ClauseExtension(lambda: host.page, forms.clause_numbers, (lambda: here() is None) if here
                                  else (lambda: True), cache, findings, forms.blocks)
        host.conf["markdown_extensions"] += [clauses, SafeHtmlExtension(lambda: host.page, forms.blocks, findings),
                                             typography.TypographyExtension(), ConvertedPages(clauses)]
        text_filters.register(host)
        host.filter(typography.nbsp)
        forms.register(host)
        org.register(host, staff, forms.hold)
    forms.site_macros.update((name, macro) for name, macro in host.macros.items() if name not in builtin)
    return Site(staff, archive, drafts, forms, nav)
