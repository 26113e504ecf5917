"""schema.org ``Event`` data (JSON-LD) for each event's page.

Following Google's event rich-results rules: each session is its own
``Event``, so a recurring event carries one per upcoming occurrence within
the agenda's horizon (a past series, the last ones as they were); a cancelled
one keeps its ``startDate`` with ``EventCancelled``. Month-precise events
have no date schema.org can say, and get none.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from alternateur.french.plaintext import plain_text
from alternateur.model.contents import Event
from alternateur.model.dates import Precision
from alternateur.model.occurrences import Occurrence, Schedule
from alternateur.model.public_address import absolute_url, base_url

SCHEMA = "https://schema.org"
# A finished series keeps its most recent sessions, not years of them.
PAST_SESSIONS = 12
# Characters that could end or confuse the ``<script>`` element they live in,
# and their JSON escapes.
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def sessions(event: Event, times: Schedule) -> list[Occurrence]:
    """Return the occurrences the page describes, soonest first."""
    if not event.repeats:
        return [times.first]
    return times.announced or times.done[-PAST_SESSIONS:]


def _place(event: Event) -> dict[str, Any] | None:
    """Return a ``Place`` named after the venue, with a ``PostalAddress`` if given."""
    place = event.place
    if place is None:
        return None
    data: dict[str, Any] = {"@type": "Place", "name": place.name}
    if place.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": place.address}
    return data


def _end_date(occurrence: Occurrence) -> str | None:
    """``endDate`` at the author's precision; none for a start time alone."""
    if occurrence.last is not None:
        return occurrence.last.iso
    if occurrence.start.precision is Precision.DAY:
        return occurrence.start.iso
    return None


# schema.org's ``EventStatusType`` for each ``Event.state``.
STATUSES = {
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
}


def _offers(event: Event, settings: dict[str, Any]) -> dict[str, Any] | None:
    """Return an ``Offer`` when the event says something of its seats (``SoldOut``)."""
    if not event.full:
        return None
    return {
        "@type": "Offer",
        "availability": f"{SCHEMA}/SoldOut",
        "url": absolute_url(settings, event.url),
    }


def item(occurrence: Occurrence, settings: dict[str, Any]) -> dict[str, Any]:
    """One schema.org ``Event`` for one occurrence."""
    event = occurrence.event
    state = "cancelled" if occurrence.cancelled else event.state
    status = STATUSES.get(state or "", "EventScheduled")
    previous = event.previous_start if state == "rescheduled" else None
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": plain_text(event.title),
        "startDate": occurrence.start.iso,
        "endDate": _end_date(occurrence),
        "eventStatus": f"{SCHEMA}/{status}",
        # Google reads it with ``EventRescheduled`` only.
        "previousStartDate": previous.iso if previous is not None else None,
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": _place(event),
        "organizer": {
            "@type": "Organization",
            "name": plain_text(settings["SITENAME"]),
            "url": (base_url(settings) or "") + "/",
        },
        "offers": _offers(event, settings),
        "description": plain_text(getattr(event, "summary", "")) or None,
        "url": absolute_url(settings, event.url),
    }
    return {key: value for key, value in data.items() if value is not None}


def script_json(data: Any) -> Markup:
    """JSON for a ``<script>`` element: ``</script>`` in a title cannot end it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # ``str.replace`` rather than ``str.translate``: a fiftieth of the time.
    for character, escape in _SCRIPT_SAFE:
        text = text.replace(character, escape)
    return Markup(text)


def event_jsonld(
    event: Event, times: Schedule, settings: dict[str, Any]
) -> Markup | None:
    """Return the page's JSON-LD (one ``Event`` or a list); None if month-precise."""
    if not event.expressible:
        return None
    items = [item(occurrence, settings) for occurrence in sessions(event, times)]
    return script_json(items[0] if len(items) == 1 else items)
