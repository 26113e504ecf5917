"""Generators that read the milestone and event folders.

Modelled on Pelican's ``PagesGenerator``: read each file through Pelican's
readers (and its cache), keep the published ones, and put them in the shared
context, where the theme's templates find them.
"""

from __future__ import annotations

import logging
import os
from typing import Any, ClassVar

from pelican import Pelican
from pelican.generators import CachingGenerator
from pelican.utils import posixize_path
from pelican.writers import Writer

from .agenda import build_agenda, horizon_end
from .clock import build_now
from .contents import Event, Milestone, _AuthoredContent
from .errors import ContentError
from .event_page import event_page
from .feeds import CONTEXT_KEY as FEED_CONTEXT_KEY
from .feeds import plan_feed, write_feed
from .ical import write_calendars
from .occurrences import schedule
from .preflight import faulty_paths, report
from .validation import Problem

logger = logging.getLogger(__name__)


class _FolderGenerator(CachingGenerator):
    """Read every file of one content folder as one kind of content."""

    content_class: ClassVar[type[_AuthoredContent]]
    setting_prefix: ClassVar[str]

    def read_folder(self) -> list[Any]:
        """Return the published items, logging each faulty file as an error.

        A faulty file is reported with its path, relative to the content
        folder, and never stops the others: the local preview keeps working
        and the strict build (``--fatal errors``) fails. Files the build's
        check rejected (``preflight.py``) were reported already, and are skipped.
        """
        build_now(self.context)
        published = []
        prefix = self.setting_prefix
        faulty = faulty_paths(self.context)
        for path in sorted(
            self.get_files(
                self.settings[f"{prefix}_PATHS"],
                exclude=self.settings[f"{prefix}_EXCLUDES"],
            )
        ):
            if posixize_path(path) in faulty:
                self._add_failed_source_path(path)
                continue
            item = self.get_cached_data(path, None)
            if item is None:
                item = self._read(path)
                if item is None or not item.is_valid():
                    self._add_failed_source_path(path)
                    continue
                self.cache_data(path, item)
            self.add_source_path(item)
            self.add_static_links(item)
            if item.status == "published":
                published.append(item)
        self.save_cache()
        self.readers.save_cache()
        return published

    def _read(self, path: str) -> Any:
        """Read one file, or log what is wrong with it and return None."""
        try:
            return self.readers.read_file(
                base_path=self.path,
                path=path,
                content_class=self.content_class,
                context=self.context,
            )
        except ContentError as error:
            problem = Problem(posixize_path(path), str(error))
        # Reported outside the ``except``: a strict build ends there, and no
        # exception of ours must be chained to its exit.
        report([problem])
        return None


def _source_name(item: Any) -> str:
    return os.path.basename(item.source_path)


class MilestonesGenerator(_FolderGenerator):
    """Collect the milestones, in chronological order, as ``milestones``.

    It also writes their Atom feed; the timeline itself is put together once
    every page is known (``timeline.add_timeline``).
    """

    content_class = Milestone
    setting_prefix = "MILESTONE"

    def generate_context(self) -> None:
        """Order by date, then file name: never by file system order."""
        self.milestones = sorted(
            self.read_folder(), key=lambda item: (item.date, _source_name(item))
        )
        self._update_context(("milestones",))
        # Decided before any page is written: the timeline page links to it.
        self.context[FEED_CONTEXT_KEY] = plan_feed(
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
        self._update_context(("events",))
        now = build_now(self.context)
        until = horizon_end(now, self.settings)
        self.scheduled = [(event, schedule(event, now, until)) for event in self.events]
        self.context["agenda"] = build_agenda(
            self.scheduled, self.context.get("pages", []), self.settings
        )

    def generate_output(self, writer: Writer) -> None:
        """Write ``/agenda/<slug>/`` for each published event, and the calendars."""
        now = build_now(self.context)
        for event, times in self.scheduled:
            writer.write_file(
                event.save_as,
                self.get_template(event.template),
                self.context,
                event=event,
                page=event,
                event_page=event_page(event, times, now, self.settings),
                relative_urls=self.settings["RELATIVE_URLS"],
                url=event.url,
            )
        write_calendars(self.events, now, self.settings, self.output_path)


def add_generators(pelican: Pelican) -> list[type[CachingGenerator]]:
    """Answer Pelican's ``get_generators`` signal."""
    del pelican  # Same generators whatever the site.
    return [MilestonesGenerator, EventsGenerator]
