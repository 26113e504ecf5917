"""What an event's page says besides its text: facts, dates, links.

Computed for each page at write time, from the event and the build's "now";
the ``event.html`` template lays it out. What the writers make for the page
(its JSON-LD, the « add to Google Calendar » link) is handed in by the
generator: a view reads the model, never a writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from alternateur.french.audience import accessibility_words, age_words
from alternateur.french.dates import capitalized, format_day, format_span
from alternateur.french.plaintext import plain_text
from alternateur.french.rule_words import describe_dates
from alternateur.model import occurrences
from alternateur.model.contents import Event, Place
from alternateur.model.public_address import event_ics_url

from .agenda import Listed, listed
from .themes import ThemeLink

OSM_SEARCH = "https://www.openstreetmap.org/search?query="
STATUS_WORDS = {
    "cancelled": "Annulé",
    "postponed": "Reporté, nouvelle date à venir",
    "full": "Complet",
}
# How to register, by the link's scheme (``Registration``, checked by
# ``model/values.parse_url``).
REGISTRATION_WORDS = {
    "https": "S'inscrire en ligne",
    "http": "S'inscrire en ligne",
    "mailto": "S'inscrire par courriel",
    "tel": "S'inscrire par téléphone",
}


@dataclass(frozen=True)
class Registration:
    """How to register: the link, its words, and the address or number.

    ``detail`` is the e-mail address or phone number, shown beside the link:
    a computer without a phone app cannot follow ``tel:``.
    """

    href: str
    label: str
    detail: str | None


def registration(link: str | None) -> Registration | None:
    """Say how to register by the kind of link ``Registration`` gives."""
    if not link:
        return None
    scheme, rest = link.split(":", 1)
    if scheme in {"https", "http"}:
        return Registration(link, REGISTRATION_WORDS[scheme], None)
    detail = rest.split("?", 1)[0]
    # RFC 3966 numbers have no spaces (HTML validators refuse them in ``href``).
    href = "tel:" + rest.replace(" ", "") if scheme == "tel" else link
    return Registration(href, REGISTRATION_WORDS[scheme], detail)


@dataclass(frozen=True)
class EventPage:
    """The facts of one event's page, ready to show."""

    when: str
    datetime: str
    rule: str | None
    next_dates: list[Listed]
    last_date: Listed | None
    cancellations: str | None
    status: str
    state: str | None  # ``Event.state``: the status is then a badge.
    reason: str | None
    place: Place | None
    # How to get there (``Access``), from the event's venue.
    access: str | None
    osm_url: str | None
    online: str | None
    accessibility: str | None
    age: str | None
    registration: Registration | None
    themes: list[ThemeLink]
    ics_url: str | None
    google_url: str | None
    jsonld: Markup | None


def osm_search(address: str | None) -> str | None:
    """Link an address to OpenStreetMap's search: no map, no request until clicked."""
    return OSM_SEARCH + quote(address, safe="") if address else None


def _status(
    event: Event, announced: list[occurrences.Occurrence], now: datetime
) -> str:
    """« Annulé », « Reporté… », « En cours », « À venir », « Passé »: in words.

    A status its author gave (``Event.state``) says more than the time does
    and comes first: OpenAgenda's guide calls it as essential as the title.
    """
    if event.state == "rescheduled" and event.previous_start is not None:
        return f"Reprogrammé — initialement le {format_span(event.previous_start)}"
    if event.state is not None:
        return STATUS_WORDS[event.state]
    if not announced:
        return "Passé"
    return "En cours" if announced[0].start <= now else "À venir"


def event_page(  # noqa: PLR0917 (the page's facts come from all of these)
    event: Event,
    times: occurrences.Schedule,
    now: datetime,
    settings: dict[str, Any],
    jsonld: Markup | None = None,
    google_url: str | None = None,
    themes: list[ThemeLink] | None = None,
) -> EventPage:
    """Gather the page's facts around ``now``, from the event's schedule.

    ``jsonld`` and ``google_url`` are the writers' (``outputs/``); ``themes``
    the event's, named as the site names them (``views/themes``).
    """
    first, announced, done = times.first, times.announced, times.done
    rule = None
    next_dates: list[Listed] = []
    last_date = None
    cancellations = None
    if event.repeats:
        rule = capitalized(
            describe_dates(event.rule, event.start, event.end, event.dates)
        )
        next_dates = [listed(o) for o in announced]
        last_date = listed(done[-1]) if done and not announced else None
        days = [format_day(day.date()) for day in event.cancelled_dates]
        cancellations = ", ".join(days) or None
    return EventPage(
        when=format_span(first.start, first.last),
        datetime=first.start.iso,
        rule=rule,
        next_dates=next_dates,
        last_date=last_date,
        cancellations=cancellations,
        status=_status(event, announced, now),
        state=event.state,
        reason=event.reason,
        place=event.place,
        access=event.venue.access if event.venue is not None else None,
        osm_url=osm_search(plain_text(event.place.address))
        if event.place is not None and event.place.street
        else None,
        online=event.online,
        accessibility=None
        if event.accessible_to is None
        else accessibility_words(event.accessible_to),
        age=age_words(event.age) if event.age is not None else None,
        registration=registration(event.registration),
        themes=themes or [],
        # A cancelled event, or one whose date is unknown, is not added.
        ics_url=None
        if event.state in {"cancelled", "postponed"}
        else event_ics_url(event, settings),
        google_url=google_url,
        jsonld=jsonld,
    )
