"""Venues: each place of ``content/venues/``, with its page and its feed.

A venue's page says what its author wrote of it (its address, how to get
there, its accessibility, its description) and lists the events held there
as the agenda does (« À venir », « Passés »); its feed holds only them.
A venue known by its name only says that its address is not given, rather
than leaving readers to wonder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from alternateur.french.audience import accessibility_words
from alternateur.french.plaintext import plain_text
from alternateur.model.contents import Event, Venue
from alternateur.model.occurrences import Schedule

from .agenda import Agenda, Subscription, part_of_agenda
from .event_page import osm_search


@dataclass(frozen=True)
class VenuePage:
    """One venue's page and feed: its facts and its events."""

    venue: Venue
    save_as: str
    ics_save_as: str
    events: list[Event]
    agenda: Agenda
    osm_url: str | None
    accessibility: str | None

    @property
    def subscription(self) -> Subscription:
        """The venue's feed, for calendar apps."""
        return self.agenda.subscription

    # What ``base.html``'s head reads of a ``page``.
    @property
    def title(self) -> str:
        """The venue's name (HTML, as Pelican's titles are)."""
        return self.venue.title

    @property
    def summary(self) -> str:
        """The page's description for search engines and link previews."""
        return getattr(self.venue, "summary", "") or (
            f"Les événements de l'agenda à {self.venue.title}."
        )

    @property
    def url(self) -> str:
        """The venue's page (``VENUE_URL``)."""
        return self.venue.url


def venue_pages(
    venues: list[Venue],
    scheduled: list[tuple[Event, Schedule]],
    page_url: str,
    settings: dict[str, Any],
) -> list[VenuePage]:
    """Every venue's page, in the venues' order, with the events held there.

    ``page_url`` is the agenda page's, which each venue's page links back to.
    """
    pages = []
    for venue in venues:
        chosen = [(event, times) for event, times in scheduled if event.venue is venue]
        slug = venue.slug
        place = venue.place
        pages.append(
            VenuePage(
                venue=venue,
                save_as=venue.save_as,
                ics_save_as=settings["VENUE_ICS_SAVE_AS"].format(slug=slug),
                events=[event for event, _ in chosen],
                agenda=part_of_agenda(
                    chosen,
                    settings["VENUE_ICS_URL"].format(slug=slug),
                    page_url,
                    settings,
                ),
                osm_url=osm_search(plain_text(place.address)) if place.street else None,
                accessibility=None
                if venue.accessibility is None
                else accessibility_words(venue.accessibility),
            )
        )
    return pages
