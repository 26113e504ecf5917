"""What an event's page says besides its text: facts, dates, links, JSON-LD.

Computed for each page at write time, from the event and the build's "now";
the ``event.html`` template lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from . import ical, occurrences
from .agenda import Listed, listed
from .dates import format_day
from .french_dates import capitalized, format_span
from .jsonld import event_jsonld
from .plaintext import plain_text
from .public_address import absolute_url
from .rule_words import describe

OSM_SEARCH = "https://www.openstreetmap.org/search?query="
GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render?"


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
    osm_url: str | None
    ics_url: str | None
    google_url: str | None
    jsonld: Markup | None


def osm_search(address: str | None) -> str | None:
    """Link an address to OpenStreetMap's search: no map, no request until clicked."""
    return OSM_SEARCH + quote(address, safe="") if address else None


def _google_dates(event: Any) -> str:
    """Google's ``dates``: local times (read with ``ctz``), or whole days."""
    start = ical.dtstart(event)
    end = ical.dtend(event) or start
    pattern = "%Y%m%d" if ical.all_day(event) else "%Y%m%dT%H%M%S"
    return f"{start:{pattern}}/{end:{pattern}}"


def google_template(event: Any, settings: dict[str, Any]) -> str | None:
    """Google Calendar's « add this event » link (``action=TEMPLATE``).

    A plain link: nothing is sent to Google until the reader clicks it.
    """
    if not ical.expressible(event) or event.cancelled:
        return None
    url = absolute_url(settings, event.url)
    params = {
        "action": "TEMPLATE",
        "text": plain_text(event.title),
        "dates": _google_dates(event),
        "ctz": event.start.tzinfo.key,
        "details": f"{plain_text(getattr(event, 'summary', ''))}\n\n{url}".strip(),
    }
    place = ical.location(event)
    if place:
        params["location"] = place
    if event.rule is not None:
        params["recur"] = "RRULE:" + ical.rrule(event.rule, event).to_ical().decode()
    return GOOGLE_TEMPLATE + urlencode(params, quote_via=quote)


def _status(event: Any, announced: list[occurrences.Occurrence], now: datetime) -> str:
    """« Annulé », « En cours », « À venir », « Passé »: in words, not colours."""
    if event.cancelled:
        return "Annulé"
    if not announced:
        return "Passé"
    return "En cours" if announced[0].start <= now else "À venir"


def event_page(
    event: Any, times: occurrences.Schedule, now: datetime, settings: dict[str, Any]
) -> EventPage:
    """Gather the page's facts around ``now``, from the event's schedule."""
    first, announced, done = times.first, times.announced, times.done
    rule = None
    next_dates: list[Listed] = []
    last_date = None
    cancellations = None
    if event.rule is not None:
        rule = capitalized(describe(event.rule, event.start, event.end))
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
        osm_url=osm_search(event.address),
        ics_url=None if event.cancelled else ical.event_ics_url(event, settings),
        google_url=google_template(event, settings),
        jsonld=event_jsonld(event, times, settings),
    )
