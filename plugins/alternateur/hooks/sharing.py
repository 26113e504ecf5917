"""Every page's shared picture, decided once all is read, before any page is written.

The templates read it from the context (``keys.SHARING``: the ``og:image``
tags of ``includes/meta.html``), the events' JSON-LD its image URLs. The
files are written here too, into the build's folder (``hooks/staging.py``
points the generators' output there): once every page is known, and never
for a build that stops at its content check.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from pelican.contents import Content
from pelican.generators import Generator

from alternateur import keys
from alternateur.checking.images import FOLDER
from alternateur.hooks.generators import EventsGenerator
from alternateur.hooks.incremental import served
from alternateur.outputs.cards import Card
from alternateur.outputs.output_cache import OutputCache
from alternateur.outputs.sharing import (
    SHARE_SIZE,
    Picture,
    Planner,
    Sharing,
    event_card,
    plan_jsonld,
    stem_of,
    title_text,
    write,
)

#: Where the cache keeps the files, inside Pelican's ``CACHE_PATH``.
CACHE_FOLDER = "cards"


def picture_of(content: Content, settings: dict[str, Any]) -> Picture | None:
    """Return the content's ``Image`` with its ``ImageAlt``, when both are usable.

    A missing or faulty image is a content error (``checking/images.py``);
    a preview that builds despite it shows the card instead.
    """
    name = content.metadata.get("image")
    alt = content.metadata.get("imagealt")
    if not (isinstance(name, str) and name.strip() and isinstance(alt, str)):
        return None
    if "/" in name or "\\" in name:  # Refused by the check: never read it.
        return None
    source = Path(settings["PATH"], FOLDER, name.strip())
    return Picture(source, alt.strip()) if source.is_file() else None


def _written_pages(context: dict[str, Any]) -> Iterator[Content]:
    """Pelican's pages that get a file: published and hidden ones."""
    for page in (*context.get(keys.PAGES, ()), *context.get(keys.HIDDEN_PAGES, ())):
        if page.save_as:
            yield page


def plan_sharing(generators: Sequence[Generator]) -> None:
    """Decide every page's picture, put it in the context, write the files."""
    context, settings = generators[0].context, generators[0].settings
    if not settings["SHARE_IMAGES"]:
        return
    site = title_text(settings["SITENAME"])
    planner = Planner(settings["SHARE_IMAGES_PATH"], site)
    # The home page, and any page planned without a picture, show the site.
    home = Card(site, title_text(settings.get("SITESUBTITLE") or settings["SITENAME"]))
    sharing = Sharing(planner.card(stem_of(""), home, SHARE_SIZE))
    for page in _written_pages(context):
        title = title_text(page.title)
        card = home if page.save_as == "index.html" else Card(site, title)
        picture = picture_of(page, settings)
        sharing.pages[page.url] = planner.picture(
            stem_of(page.url), card, picture, SHARE_SIZE
        )
    for theme in context.get(keys.THEMES, ()):
        card = Card(site, title_text(theme.title))
        sharing.pages[theme.url] = planner.card(stem_of(theme.url), card, SHARE_SIZE)
    for venue in context.get(keys.VENUE_PAGES, ()):
        address = venue.venue.place.address
        details = (title_text(address),) if address else ()
        card = Card(site, title_text(venue.title), details)
        sharing.pages[venue.url] = planner.card(stem_of(venue.url), card, SHARE_SIZE)
    for generator in generators:
        if not isinstance(generator, EventsGenerator):
            continue
        for event, times in generator.scheduled:
            card = event_card(site, event, times)
            picture = picture_of(event, settings)
            stem = stem_of(event.url)
            sharing.pages[event.url] = planner.picture(stem, card, picture, SHARE_SIZE)
            # Google's event results show events to come only: a past event's
            # JSON-LD gets no pictures, and the archive, which grows for
            # years, costs one card per event, not four.
            if event.expressible and times.announced:
                sharing.jsonld[event.slug] = plan_jsonld(planner, stem, card, picture)
    sharing.renditions = planner.renditions
    context[keys.SHARING] = sharing
    cache = OutputCache(Path(settings["CACHE_PATH"], CACHE_FOLDER))
    processes = settings["SHARE_IMAGES_PROCESSES"] or os.cpu_count() or 1
    earlier = partial(served, settings)
    write(sharing, Path(generators[0].output_path), cache, processes, earlier)
