"""Generators that read the milestone and event folders.

Modelled on Pelican's ``PagesGenerator``: read each file through Pelican's
readers (and its cache), keep the published ones, and put them in the shared
context, where the theme's templates find them.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from pelican import Pelican
from pelican.generators import CachingGenerator
from pelican.utils import posixize_path
from pelican.writers import Writer

from alternateur import keys
from alternateur.checking.file_rules import file_problems
from alternateur.checking.report import add_problems
from alternateur.french.plaintext import plain_text
from alternateur.hooks import calendar_cache, incremental
from alternateur.hooks.pictures import event_thumbnails
from alternateur.model.clock import build_now
from alternateur.model.contents import Event, Milestone, Venue, _AuthoredContent
from alternateur.model.errors import ContentError
from alternateur.model.occurrences import schedule
from alternateur.model.values import makes_address
from alternateur.model.venues import find_venue, venue_names
from alternateur.outputs.feeds import plan_feed, write_feed
from alternateur.outputs.google import google_template
from alternateur.outputs.ical import write_calendars
from alternateur.outputs.jsonld import event_jsonld
from alternateur.reading.header import TRACE_KEY
from alternateur.reading.reader import not_utf8
from alternateur.views.agenda import build_agenda, horizon_end
from alternateur.views.event_page import event_page
from alternateur.views.pictures import with_thumbnails
from alternateur.views.themes import (
    build_themes,
    event_tags,
    links_of,
    sort_key,
    theme_names,
)
from alternateur.views.venues import VenuePage, venue_pages

logger = logging.getLogger(__name__)


class _FolderGenerator(CachingGenerator):
    """Read every file of one content folder as one kind of content."""

    content_class: ClassVar[type[_AuthoredContent]]
    setting_prefix: ClassVar[str]

    def get_cached_data(self, filename: str, default: Any = None) -> Any:
        """Return the item read from this file by a previous preview build.

        The incremental preview keeps the items in its process
        (``hooks/incremental.py``); elsewhere, Pelican's own caching.
        """
        kept = incremental.kept_item(self, filename)
        if kept is not None:
            return kept
        return super().get_cached_data(filename, default)

    def cache_data(self, filename: str, data: Any) -> None:
        """Keep a correct item for the next preview build, and Pelican's cache."""
        incremental.keep_item(self, filename, data)
        super().cache_data(filename, data)

    def read_folder(self) -> list[Any]:
        """Return the published items; keep each faulty file's problems.

        A faulty file is left out, with its problems kept for the build's
        report (``hooks/checking.finish_reading``): it never stops the others,
        so every mistake is reported at once, the preview keeps working and
        the strict build fails before writing anything. Of two files with
        one address (``fete.md``, ``fête.md``), the first keeps it.
        """
        build_now(self.context)
        published = []
        prefix = self.setting_prefix
        slugs: dict[str, str] = {}
        for path in sorted(
            self.get_files(
                self.settings[f"{prefix}_PATHS"],
                exclude=self.settings[f"{prefix}_EXCLUDES"],
            )
        ):
            item = self.get_cached_data(path, None)
            if item is None:
                item = self._read(path)
                if item is None or not item.is_valid():
                    self._add_failed_source_path(path)
                    continue
                self.cache_data(path, item)
            if not self._unique(item, path, slugs):
                self._add_failed_source_path(path)
                continue
            self.add_source_path(item)
            self.add_static_links(item)
            if item.status == "published":
                published.append(item)
        self.save_cache()
        self.readers.save_cache()
        return published

    def _unique(self, item: _AuthoredContent, path: str, slugs: dict[str, str]) -> bool:
        """Whether ``item`` is the first with its slug (its page, anchor, UID)."""
        relative = posixize_path(path)
        stem = os.path.splitext(os.path.basename(path))[0]
        if not makes_address(item.slug):
            problem = (
                "ne donne aucune adresse (attendu un nom de fichier avec des "
                "lettres ou des chiffres)"
            )
            error = ContentError("Le nom de fichier", problem, stem)
            add_problems(self.context, relative, [str(error)])
            return False
        first = slugs.setdefault(item.slug, relative)
        if first == relative:
            return True
        problem = (
            f"donne l'adresse {item.url or item.slug}, déjà celle de {first} "
            f"(attendu un nom de fichier propre à chacun {self.kind_plural})"
        )
        error = ContentError("Le nom de fichier", problem, stem)
        add_problems(self.context, relative, [str(error)])
        return False

    @property
    def kind_plural(self) -> str:
        """« des événements », for messages."""
        return self.content_class.kind.plural

    def _read(self, path: str) -> _AuthoredContent | None:
        """Read one file; keep what is wrong with it and return None if anything."""
        try:
            item = self.readers.read_file(
                base_path=self.path,
                path=path,
                content_class=self.content_class,
                context=self.context,
            )
        except UnicodeDecodeError as error:
            # Pelican's other readers (HTML) decode the file themselves.
            data = Path(self.path, path).read_bytes()
            add_problems(self.context, path, [not_utf8(data, error)])
            return None
        problems = file_problems(self.content_class.kind, item)
        if problems:
            add_problems(self.context, path, problems, item.metadata.get(TRACE_KEY))
            return None
        return item


def _source_name(item: _AuthoredContent) -> str:
    return os.path.basename(item.source_path)


class MilestonesGenerator(_FolderGenerator):
    """Collect the milestones, in chronological order, as ``milestones``.

    It also writes their Atom feed; the timeline itself is put together once
    every page is known (``views/timeline.add_timeline``).
    """

    content_class = Milestone
    setting_prefix = "MILESTONE"

    def generate_context(self) -> None:
        """Order by date, then file name: never by file system order."""
        self.milestones = sorted(
            self.read_folder(), key=lambda item: (item.date, _source_name(item))
        )
        self._update_context((keys.MILESTONES,))
        # Decided before any page is written: the timeline page links to it.
        self.context[keys.MILESTONE_FEED] = plan_feed(
            self.settings, self.milestones, build_now(self.context)
        )

    def generate_output(self, writer: Writer) -> None:
        """Write the feed of milestones (« Dernières nouvelles »)."""
        write_feed(writer.output_path, self.context)


class VenuesGenerator(_FolderGenerator):
    """Collect the venues (``content/venues/``) as ``venues``; write their pages.

    Read before the events, which name them; each venue's page lists its
    events, which the events' generator schedules (``keys.VENUE_PAGES``).
    """

    content_class = Venue
    setting_prefix = "VENUE"

    def generate_context(self) -> None:
        """Order by title as readers expect, then file name."""
        self.venues = sorted(
            self.read_folder(),
            key=lambda item: (sort_key(item.title), _source_name(item)),
        )
        self.context[keys.VENUES] = self.venues

    def generate_output(self, writer: Writer) -> None:
        """Write each venue's page, ``/lieux/<slug>/``."""
        template = self.get_template("venue")
        pages: list[VenuePage] = self.context.get(keys.VENUE_PAGES, [])
        for venue_page in pages:
            writer.write_file(
                venue_page.save_as,
                template,
                self.context,
                venue=venue_page.venue,
                venue_page=venue_page,
                page=venue_page,
                venue_agenda=venue_page.agenda,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=venue_page.url,
            )


class EventsGenerator(_FolderGenerator):
    """Collect the events as ``events`` and write one page for each."""

    content_class = Event
    setting_prefix = "EVENT"

    def generate_context(self) -> None:
        """Order by first start, then file name; sort the agenda around now.

        Each event's occurrences around now are worked out here, once, for
        the agenda, the event's page and its JSON-LD.
        """
        self.events = sorted(
            self._at_venues(self.read_folder()),
            key=lambda item: (item.start, _source_name(item)),
        )
        self._update_context((keys.EVENTS,))
        now = build_now(self.context)
        until = horizon_end(now, self.settings)
        self.scheduled = [(event, schedule(event, now, until)) for event in self.events]
        thumbnails = event_thumbnails(self.events, self.context)
        agenda = with_thumbnails(
            build_agenda(
                self.scheduled, self.context.get(keys.PAGES, []), self.settings
            ),
            thumbnails,
        )
        self.theme_names = theme_names(self.events)
        self.themes = [
            replace(theme, agenda=with_thumbnails(theme.agenda, thumbnails))
            for theme in build_themes(self.scheduled, agenda.page_url, self.settings)
        ]
        self.context[keys.THEMES] = self.themes
        self.venue_pages = [
            replace(page, agenda=with_thumbnails(page.agenda, thumbnails))
            for page in venue_pages(
                self.context.get(keys.VENUES, []),
                self.scheduled,
                agenda.page_url,
                self.settings,
            )
        ]
        self.context[keys.VENUE_PAGES] = self.venue_pages
        self.context[keys.AGENDA] = replace(
            agenda,
            themes=[theme.link for theme in self.themes],
            venues=[page for page in self.venue_pages if page.events],
        )

    def _at_venues(self, events: list[Event]) -> list[Event]:
        """Give each event the venue it names; leave out those naming none.

        Done at each build, after the cache: a cached event keeps the name
        of its venue, never a venue read by an earlier build.
        """
        named = venue_names(self.context.get(keys.VENUES, []))
        kept = []
        for event in events:
            event.venue = None
            if event.venue_slug:
                try:
                    event.venue = find_venue(event.venue_slug, named)
                except ContentError as error:
                    path = posixize_path(event.relative_source_path)
                    trace = event.metadata.get(TRACE_KEY)
                    add_problems(self.context, path, [str(error)], trace)
                    self._add_failed_source_path(path)
                    continue
            kept.append(event)
        return kept

    def generate_output(self, writer: Writer) -> None:
        """Write each event's page, each theme's, then the calendars."""
        now = build_now(self.context)
        settings = self.settings
        site = incremental.site_key(self.context, settings)
        sharing = self.context.get(keys.SHARING)
        for event, times in self.scheduled:
            themes = links_of(event, self.theme_names, settings)
            facts = event_page(event, times, now, settings, themes=themes)
            images = sharing.jsonld_images(event) if sharing is not None else []
            shared = sharing.for_page(event) if sharing is not None else None
            # The page's inputs but its JSON-LD and Google link, which follow
            # from the event and its times (hooks/incremental.py); its shared
            # pictures, whose addresses follow from their files' bytes too.
            key = site and incremental.page_key(site, event, (facts, shared, images))
            if incremental.reuse(settings, writer.output_path, event.save_as, key):
                continue
            writer.write_file(
                event.save_as,
                self.get_template(event.template),
                self.context,
                event=event,
                page=event,
                event_page=replace(
                    facts,
                    jsonld=event_jsonld(event, times, settings, images),
                    google_url=google_template(event, settings),
                ),
                relative_urls=settings["RELATIVE_URLS"],
                url=event.url,
            )
            incremental.written(settings, event.save_as, key)
        self._write_themes(writer)
        categories = {
            event.slug: [self.theme_names[t.slug] for t in event_tags(event)]
            for event in self.events
        }
        write_calendars(
            self.events,
            now,
            settings,
            self.output_path,
            categories=categories,
            feeds=[
                *(
                    (theme.link.name, theme.ics_save_as, theme.events)
                    for theme in self.themes
                ),
                *(
                    (plain_text(page.venue.title), page.ics_save_as, page.events)
                    for page in self.venue_pages
                ),
            ],
            serialized=incremental.vevent_cache(settings, categories)
            or calendar_cache.vevent_store(settings, categories, now),
        )

    def _write_themes(self, writer: Writer) -> None:
        """Write each theme's page, ``/agenda/themes/<slug>/``."""
        template = self.get_template("theme")
        for theme in self.themes:
            writer.write_file(
                theme.save_as,
                template,
                self.context,
                theme=theme,
                page=theme,
                theme_agenda=theme.agenda,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=theme.link.url,
            )


def add_generators(pelican: Pelican) -> list[type[CachingGenerator]]:
    """Answer Pelican's ``get_generators`` signal."""
    del pelican  # Same generators whatever the site.
    return [MilestonesGenerator, VenuesGenerator, EventsGenerator]
