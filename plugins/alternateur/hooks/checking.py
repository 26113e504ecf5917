"""The content check of every build, in the build's one reading pass.

Each file is checked as Pelican reads it: the reader traces its header
(``reading/header.py``), the content classes parse their fields, and the
contract of its kind applies (``checking/file_rules.py``): pages as they are
made (``check_page``, on ``content_object_init``), events and milestones by
their generators. Once every file is read, and before anything is written,
``finish_reading`` adds the rules of the whole site
(``checking/site_rules.py``) and reports every problem at once
(``checking/report.py``); ``invoke check`` stops there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from pelican.contents import Content, Page
from pelican.generators import Generator, PagesGenerator
from pelican.utils import posixize_path

from alternateur import keys
from alternateur.checking.file_rules import file_problems, theme_templates
from alternateur.checking.report import (
    CheckFinished,
    Problem,
    add_problems,
    faulty_paths,
    problems_of,
    report,
)
from alternateur.checking.settings_rules import settings_check
from alternateur.checking.site_rules import (
    link_problems,
    output_problems,
    special_page_problems,
)
from alternateur.model.public_address import event_ics_path
from alternateur.model.schema import PAGE
from alternateur.outputs.search_index import FOLDER as SEARCH_FOLDER
from alternateur.outputs.site_files import site_files
from alternateur.reading.header import TRACE_KEY

# Pelican's lists of pages, each of which may hold a faulty page.
_PAGE_LISTS = (
    "pages",
    "hidden_pages",
    "draft_pages",
    "translations",
    "hidden_translations",
    "draft_translations",
)


@lru_cache(maxsize=8)
def _templates(folders: tuple[str, ...], extensions: tuple[str, ...]) -> frozenset[str]:
    """List the theme's templates, once per theme (not once per page)."""
    settings = {
        "THEME_TEMPLATES_OVERRIDES": list(folders[:-1]),
        "THEME": os.path.dirname(folders[-1]),
        "TEMPLATE_EXTENSIONS": list(extensions),
    }
    return theme_templates(settings)


def check_page(page: Content) -> None:
    """Apply the pages' contract to a page as it is read (``content_object_init``).

    A faulty page must reach the report, not Pelican's own English checks
    (``is_valid``): one without a title gets its file name as one, and a
    faulty one writes no file. Its problems keep it off the site.
    """
    if type(page) is not Page:
        return
    settings = page.settings
    theme = os.path.join(str(settings.get("THEME", "")), "templates")
    overrides = tuple(settings.get("THEME_TEMPLATES_OVERRIDES") or ())
    extensions = tuple(settings.get("TEMPLATE_EXTENSIONS") or [".html"])
    page.problems = file_problems(
        PAGE, page, _templates((*overrides, theme), extensions)
    )
    if not str(getattr(page, "title", "") or "").strip():
        page.title = page.slug or "page"
    if page.problems:
        # Never written: Pelican must not judge its ``Save_as`` in English.
        page.override_save_as = ""


def collect_page_problems(generator: PagesGenerator) -> None:
    """Keep the pages' problems, and faulty pages off the site.

    Connected to ``page_generator_finalized``. Read from each page, so that
    a page from Pelican's cache (the preview) is checked again as well.
    """
    for name in _PAGE_LISTS:
        for page in getattr(generator, name, []):
            messages = getattr(page, "problems", [])
            if messages:
                path = page.get_relative_source_path()
                trace = page.metadata.get(TRACE_KEY)
                add_problems(generator.context, path, messages, trace)
    _drop_pages(generator, faulty_paths(generator.context))


def _drop_pages(generator: PagesGenerator, faulty: set[str]) -> None:
    if not faulty:
        return
    for name in _PAGE_LISTS:
        items = getattr(generator, name, None)
        if items is not None:
            items[:] = [p for p in items if p.get_relative_source_path() not in faulty]
    generator._update_context(("pages", "hidden_pages", "draft_pages"))


def _listed(generators: Sequence[Generator], name: str) -> list[Any]:
    return [item for g in generators for item in getattr(g, name, [])]


def _theme_files(settings: dict[str, Any]) -> Iterator[str]:
    """List the files the theme's static folders become (``theme/site.css``)."""
    theme = str(settings.get("THEME", ""))
    target = str(settings.get("THEME_STATIC_DIR", "theme"))
    for folder in settings.get("THEME_STATIC_PATHS", ["static"]):
        root = os.path.join(theme, folder)
        for dirpath, _, names in os.walk(root):
            for name in names:
                relative = os.path.relpath(os.path.join(dirpath, name), root)
                yield posixize_path(os.path.join(target, relative))


def _generated_files(
    settings: dict[str, Any], generators: Sequence[Generator]
) -> Iterator[tuple[str, str]]:
    """Every file the build writes that no author's file names: (path, owner)."""
    for path in _theme_files(settings):
        yield path, "le thème"
    for name in site_files(settings):
        yield name, "la publication sur GitHub Pages"
    # The whole folder, whether or not this build indexes: a page that the
    # index would overwrite fails in every build, the tests' included.
    yield f"{SEARCH_FOLDER}/", "la recherche"
    plugins = [getattr(p, "__name__", str(p)) for p in settings.get("PLUGINS", [])]
    if any(name.rsplit(".", 1)[-1] == "sitemap" for name in plugins):
        form = (settings.get("SITEMAP") or {}).get("format", "xml")
        yield f"sitemap.{form}", "le plan du site"
    if settings.get("AGENDA_ICS_SAVE_AS"):
        yield settings["AGENDA_ICS_SAVE_AS"], "le calendrier de l'agenda"
    if settings.get("MILESTONE_FEED_ATOM"):
        yield settings["MILESTONE_FEED_ATOM"], "le flux des jalons"
    # The themes' pages and feeds (views/themes.py): named after the events'
    # Tags, they belong to no single file; a page must not take their place.
    for theme in generators[0].context.get(keys.THEMES, []) if generators else []:
        name = f"« {theme.link.name} »"
        yield theme.save_as, f"la page du thème d'agenda {name}"
        yield theme.ics_save_as, f"le calendrier du thème d'agenda {name}"
    for static in _listed(generators, "staticfiles"):
        yield static.save_as, static.get_relative_source_path()


def _authored_files(
    settings: dict[str, Any], generators: Sequence[Generator]
) -> Iterator[tuple[str, Content, str]]:
    """Files written for an author's file: (path, item, what it is), in order."""
    events = sorted(_listed(generators, keys.EVENTS), key=lambda e: e.source_path)
    for event in events:
        yield event.save_as, event, "la page"
        ics = event_ics_path(event, settings)
        if ics is not None:
            yield ics, event, "le calendrier"
    venues = sorted(_listed(generators, keys.VENUES), key=lambda v: v.source_path)
    for venue in venues:
        yield venue.save_as, venue, "la page"
        ics = settings.get("VENUE_ICS_SAVE_AS", "").format(slug=venue.slug)
        if ics:
            yield ics, venue, "le calendrier"
    pages = _pages(generators)
    for page in sorted(pages, key=lambda p: p.source_path):
        if page.save_as:
            yield page.save_as, page, "la page"


def _pages(generators: Sequence[Generator]) -> list[Content]:
    return [*_listed(generators, keys.PAGES), *_listed(generators, keys.HIDDEN_PAGES)]


def check_site(generators: Sequence[Generator]) -> list[Problem]:
    """Every problem of this build: each file's, then the whole site's."""
    context = generators[0].context
    settings = generators[0].settings
    found = problems_of(context)
    found += output_problems(
        _generated_files(settings, generators), _authored_files(settings, generators)
    )
    folder = posixize_path((settings.get("PAGE_PATHS") or ["pages"])[0]) + "/"
    found += special_page_problems(_pages(generators), folder)
    found += link_problems(
        [
            *_pages(generators),
            *_listed(generators, keys.EVENTS),
            *_listed(generators, keys.MILESTONES),
            *_listed(generators, keys.VENUES),
        ]
    )
    faulty = faulty_paths(context)
    for generator in generators:
        if isinstance(generator, PagesGenerator):
            _drop_pages(generator, faulty)
    return sorted(set(found))


def finish_reading(generators: Sequence[Generator]) -> None:
    """Check the site once every file is read, then report.

    Connected (through ``after_reading``) to ``all_generators_finalized``.
    In ``invoke check`` the build stops here, whatever was found.
    """
    if not generators:
        return
    errors, warnings = settings_check(generators[0].settings, _pages(generators))
    problems = sorted({*check_site(generators), *errors})
    context = generators[0].context
    if context.get(keys.CHECK_ONLY):
        files = len(context.get("generated_content", {}))
        raise CheckFinished(problems, files, warnings)
    report(problems, warnings)
