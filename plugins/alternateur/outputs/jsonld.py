"""schema.org ``Event`` data (JSON-LD) for each event's page.

Following Google's event rich-results rules: each session is its own
``Event``, so a recurring event carries one per upcoming occurrence within
the agenda's horizon (a past series, the last ones as they were); a cancelled
one keeps its ``startDate`` with ``EventCancelled``. Month-precise events
have no date schema.org can say, and get none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from alternateur.french.plaintext import plain_text
from alternateur.model.contents import Event, Place
from alternateur.model.dates import Precision
from alternateur.model.occurrences import Occurrence, Schedule
from alternateur.model.public_address import absolute_url, base_url
from alternateur.model.values import folded

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


def place_jsonld(place: Place, settings: dict[str, Any]) -> dict[str, Any]:
    """Return a ``Place`` with the ``PostalAddress`` its author gave, no more.

    Google's event rich results want ``streetAddress``, ``addressLocality``,
    ``postalCode`` and ``addressCountry``; a venue whose address is not
    given has none of them, rather than a guessed one.
    """
    data: dict[str, Any] = {"@type": "Place", "name": plain_text(place.label)}
    address = {
        "streetAddress": plain_text(place.street),
        "postalCode": place.postal_code,
        "addressLocality": plain_text(place.locality),
    }
    given = {key: value for key, value in address.items() if value}
    if given:
        located = place.postal_code or place.locality
        country = {"addressCountry": "FR"} if located else {}
        data["address"] = {"@type": "PostalAddress", **given, **country}
    if place.url is not None:
        data["url"] = absolute_url(settings, place.url)
    return data


def _location(event: Event, settings: dict[str, Any]) -> Any:
    """Return the ``Place``, the ``VirtualLocation``, or both (a mixed event)."""
    where = []
    if event.place is not None:
        where.append(place_jsonld(event.place, settings))
    if event.online:
        where.append({"@type": "VirtualLocation", "url": event.online})
    if not where:
        return None
    return where[0] if len(where) == 1 else where


# schema.org's ``EventAttendanceModeEnumeration`` for ``Event.attendance``.
ATTENDANCE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}


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


# « 5 € », « 5 euros », « 5,50 € »: an amount in euros and nothing else.
# Any other text (« Prix libre », « 5 € ou 3 € adhérents ») has no single price.
_EUROS = re.compile(r"(\d{1,6})(?:[,.](\d{1,2}))?\s*(?:€|euros?|eur)", re.IGNORECASE)
FREE = "gratuit"


def price(written: str | None) -> str | None:
    """Return ``Price`` as schema.org's ``price`` (« 5.50 »), or None if not one.

    « Gratuit » is 0; an amount in euros is that amount, with a dot; any
    other text says something a single number cannot, and gives no price.
    """
    if not written:
        return None
    text = " ".join(folded(written).split())
    if text == FREE:
        return "0"
    match = _EUROS.fullmatch(text)
    if match is None:
        return None
    units, cents = match.groups()
    units = str(int(units))
    return f"{units}.{cents.ljust(2, '0')}" if cents else units


def _offers(event: Event, settings: dict[str, Any]) -> dict[str, Any] | None:
    """Return an ``Offer`` from ``Price``, ``Registration`` and ``Full``.

    None when the event says nothing of either: an ``Offer`` without a price
    or a place to register would tell search engines nothing. The ``url`` is
    where to register when that is a web page, else the event's page.
    """
    amount = price(event.price)
    if amount is None and not event.registration and not event.full:
        return None
    registration = event.registration or ""
    url = (
        registration
        if registration.startswith("https:")
        else absolute_url(settings, event.url)
    )
    offer: dict[str, Any] = {"@type": "Offer"}
    if amount is not None:
        offer |= {"price": amount, "priceCurrency": "EUR"}
    available = "SoldOut" if event.full else "InStock"
    return offer | {"availability": f"{SCHEMA}/{available}", "url": url}


def item(
    occurrence: Occurrence, settings: dict[str, Any], images: Sequence[str] = ()
) -> dict[str, Any]:
    """One schema.org ``Event`` for one occurrence; ``images``: site paths."""
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
        "eventAttendanceMode": f"{SCHEMA}/{ATTENDANCE[event.attendance]}",
        "location": _location(event, settings),
        "organizer": {
            "@type": "Organization",
            "name": plain_text(settings["SITENAME"]),
            "url": (base_url(settings) or "") + "/",
        },
        "offers": _offers(event, settings),
        "typicalAgeRange": event.age.schema if event.age is not None else None,
        "description": plain_text(getattr(event, "summary", "")) or None,
        "url": absolute_url(settings, event.url),
        # Google's three ratios (16:9, 4:3, 1:1; outputs/sharing.py).
        "image": [absolute_url(settings, path) for path in images] or None,
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
    event: Event,
    times: Schedule,
    settings: dict[str, Any],
    images: Sequence[str] = (),
) -> Markup | None:
    """Return the page's JSON-LD (one ``Event`` or a list); None if month-precise.

    ``images`` are the site paths of the event's pictures, if any.
    """
    if not event.expressible:
        return None
    items = [
        item(occurrence, settings, images) for occurrence in sessions(event, times)
    ]
    return script_json(items[0] if len(items) == 1 else items)
