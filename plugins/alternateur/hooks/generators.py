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
from alternateur.model.clock import build_now
from alternateur.model.contents import Event, Milestone, _AuthoredContent
from alternateur.model.errors import ContentError
from alternateur.model.occurrences import schedule
from alternateur.outputs.feeds import plan_feed, write_feed
from alternateur.outputs.google import google_template
from alternateur.outputs.ical import write_calendars
from alternateur.outputs.jsonld import event_jsonld
from alternateur.reading.reader import not_utf8
from alternateur.views.agenda import build_agenda, horizon_end
from alternateur.views.event_page import event_page
from alternateur.views.themes import build_themes, event_tags, links_of, theme_names

logger = logging.getLogger(__name__)


class _FolderGenerator(CachingGenerator):
    """Read every file of one content folder as one kind of content."""

    content_class: ClassVar[type[_AuthoredContent]]
    setting_prefix: ClassVar[str]

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
        if not item.slug:
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
            add_problems(self.context, path, problems)
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
            self.read_folder(), key=lambda item: (item.start, _source_name(item))
        )
        self._update_context((keys.EVENTS,))
        now = build_now(self.context)
        until = horizon_end(now, self.settings)
        self.scheduled = [(event, schedule(event, now, until)) for event in self.events]
        agenda = build_agenda(
            self.scheduled, self.context.get(keys.PAGES, []), self.settings
        )
        self.theme_names = theme_names(self.events)
        self.themes = build_themes(self.scheduled, agenda.page_url, self.settings)
        self.context[keys.THEMES] = self.themes
        self.context[keys.AGENDA] = replace(
            agenda, themes=[theme.link for theme in self.themes]
        )

    def generate_output(self, writer: Writer) -> None:
        """Write each event's page, each theme's, then the calendars."""
        now = build_now(self.context)
        sharing = self.context.get(keys.SHARING)
        for event, times in self.scheduled:
            images = sharing.jsonld_images(event) if sharing is not None else []
            writer.write_file(
                event.save_as,
                self.get_template(event.template),
                self.context,
                event=event,
                page=event,
                event_page=event_page(
                    event,
                    times,
                    now,
                    self.settings,
                    jsonld=event_jsonld(event, times, self.settings, images),
                    google_url=google_template(event, self.settings),
                    themes=links_of(event, self.theme_names, self.settings),
                ),
                relative_urls=self.settings["RELATIVE_URLS"],
                url=event.url,
            )
        self._write_themes(writer)
        write_calendars(
            self.events,
            now,
            self.settings,
            self.output_path,
            categories={
                event.slug: [self.theme_names[t.slug] for t in event_tags(event)]
                for event in self.events
            },
            themes=[
                (theme.link.name, theme.ics_save_as, theme.events)
                for theme in self.themes
            ],
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
    return [MilestonesGenerator, EventsGenerator]
