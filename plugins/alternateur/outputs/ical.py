"""The agenda as iCalendar files: ``/agenda.ics`` and ``/agenda/<slug>.ics``.

Written with the ``icalendar`` library, minding what calendar apps punish:
a UID that never changes (the event's slug at the site's domain, never a list
index), ``DTSTAMP`` in UTC from the build's "now" (same sources, same file),
local times with ``TZID`` and their ``VTIMEZONE`` (``vtimezone.py``),
``VALUE=DATE`` for whole days, ``RDATE`` (further dates) and ``EXDATE`` of
the same type and zone as ``DTSTART``. Month-precise events cannot be said
in iCalendar and are left out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from icalendar import Calendar, vDuration, vRecur, vUri
from icalendar import Event as VEvent
from pelican.utils import sanitised_join

from alternateur.french.plaintext import plain_paragraphs, plain_text
from alternateur.model.contents import Event
from alternateur.model.dates import end_instant, same_instant
from alternateur.model.public_address import absolute_url, domain, event_ics_path
from alternateur.model.recurrence import Recurrence, repeated

from .vtimezone import vtimezone

REFRESH = timedelta(hours=12)
_CLOSING = b"END:VCALENDAR\r\n"


def dtstart(event: Event) -> date | datetime:
    """``DTSTART``: a date for whole days, else a local time with its zone."""
    if event.all_day:
        return event.start.date()
    return same_instant(datetime, event.start)


def dtend(event: Event) -> date | datetime | None:
    """``DTEND``, exclusive; None for a time without ``End`` (an instant).

    RFC 5545 gives a timed event without ``DTEND`` no duration, which is the
    truth when the author wrote a start time only: no end time is made up.
    """
    zone = event.start.tzinfo
    end = end_instant(event.start, event.end).astimezone(zone)
    if event.all_day:
        return end.date() if end.time() == time.min else end.date() + timedelta(1)
    if event.end is None:
        return None
    return same_instant(datetime, end)


def _said(value: date | datetime, event: Event) -> date | datetime:
    """Write a one-off's time as every app reads it: in UTC if the clocks repeat it.

    In the night summer time ends, 02:30 happens twice: ``icalendar`` reads a
    local 02:30 as the first, ical.js (Thunderbird) as the second, so either
    one is written in UTC. A series keeps its local time, which its rule
    repeats (``Recurrence`` refuses a series that starts in that hour).
    """
    if isinstance(value, datetime) and not event.repeats and repeated(value):
        return value.astimezone(UTC)
    return value


def rrule(recurrence: Recurrence, event: Event) -> vRecur:
    """Return the rule for ``RRULE``, its ``UNTIL`` of the type RFC 5545 requires.

    A date with ``VALUE=DATE`` starts, a UTC time with local-time starts.
    """
    fields = {key: value for key, value in recurrence.fields.items() if key != "UNTIL"}
    if recurrence.until is not None:
        if event.all_day:
            fields["UNTIL"] = [recurrence.until.date()]
        else:
            local = recurrence.until.replace(tzinfo=event.start.tzinfo)
            fields["UNTIL"] = [local.astimezone(UTC)]
    return vRecur(fields)


def rdates(event: Event) -> list[date | datetime]:
    """Return the further dates (``Dates``), of ``DTSTART``'s type and zone.

    Without a rule, ``Start`` is listed too: RFC 5545 counts ``DTSTART`` as
    the first instance, but ical.js (Thunderbird) drops it when only
    ``RDATE`` repeats the event, and a date in both counts once (RFC 5545,
    3.8.5.2), in icalendar as in ical.js.
    """
    moments = event.dates if event.rule is not None else [event.start, *event.dates]
    if event.all_day:
        return [moment.date() for moment in moments]
    return [same_instant(datetime, moment) for moment in moments]


def exdates(event: Event) -> list[date | datetime]:
    """Return the cancelled occurrences, of the same type and zone as ``DTSTART``.

    A cancelled further date keeps its own time, which may not be ``Start``'s.
    """
    if event.all_day:
        return [day.date() for day in event.cancelled_dates]
    at = event.start.timetz()
    written = {moment.date(): moment for moment in event.dates}
    return [
        same_instant(
            datetime, written.get(day.date()) or datetime.combine(day.date(), at)
        )
        for day in event.cancelled_dates
    ]


# A status besides the default one, as the description's first line says it
# (calendar apps show no ``STATUS`` but cancelled, and that one not always).
STATUS_LINES = {
    "cancelled": "Annulé.",
    "postponed": "Reporté, nouvelle date à venir.",
    "rescheduled": "Reprogrammé.",
    "full": "Complet.",
}
# RFC 5545 ``STATUS`` of a ``VEVENT``: a postponed event may not happen then.
STATUSES = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def description(event: Event, url: str) -> str:
    """Return the event's status and reason, its text, then its page.

    Not every app shows ``URL``: the page's address ends the text.
    """
    parts = []
    if event.state is not None:
        line = STATUS_LINES[event.state]
        if event.reason:
            line += f" Motif : {plain_text(event.reason)}"
        parts.append(line)
    text = plain_paragraphs(event.content)
    if text:
        parts.append(text)
    if event.online:
        parts.append(f"En ligne : {event.online}")
    parts.append(url)
    return "\n\n".join(parts)


def uid(event: Event, settings: dict[str, Any]) -> str:
    """Stable across builds: the file name (slug) at the site's domain.

    ``ICAL_UID_DOMAIN`` pins the host, so that a move to another domain does
    not give every event a new UID (and a duplicate in every subscriber's app).
    """
    return f"{event.slug}@{settings.get('ICAL_UID_DOMAIN') or domain(settings)}"


def vevent(
    event: Event,
    stamp: datetime,
    settings: dict[str, Any],
    categories: list[str] | None = None,
) -> VEvent:
    """One ``VEVENT``, with its rule and cancellations when it recurs.

    ``categories``: its themes' names (``CATEGORIES``), as the site names them.
    """
    url = absolute_url(settings, event.url)
    component = VEvent()
    component.add("uid", uid(event, settings))
    component.add("dtstamp", stamp)
    component.add("dtstart", _said(dtstart(event), event))
    end = dtend(event)
    if end is not None:
        component.add("dtend", _said(end, event))
    if event.rule is not None:
        component.add("rrule", rrule(event.rule, event))
    if event.dates:
        component.add("rdate", rdates(event))
    if event.cancelled_dates:
        component.add("exdate", exdates(event))
    component.add("summary", plain_text(event.title))
    if event.place is not None:
        component.add("location", plain_text(event.place.line))
    component.add("description", description(event, url))
    component.add("url", url)
    if categories:
        component.add("categories", categories)
    if event.online:
        # RFC 7986: the link to join; apps that ignore it have DESCRIPTION's.
        component.add("conference", vUri(event.online), parameters={"VALUE": "URI"})
    component.add("status", STATUSES.get(event.state or "", "CONFIRMED"))
    revision = sequence(event)
    if revision:
        component.add("sequence", revision)
    return component


def sequence(event: Event) -> int:
    """Return the event's revision (``SEQUENCE``), from what its file says changed.

    Same UID, higher SEQUENCE: subscribers' apps replace the event they have
    instead of keeping the old one (RFC 5546, 2.1.4). A static file keeps no
    history, so the revision is read from the statuses: one move of the
    date, a cancellation or a postponement, or cancelled occurrences, each
    a change of what was first announced. ``Full`` changes nothing a
    calendar shows.
    """
    changes = (
        event.previous_start is not None,
        event.cancelled,
        event.postponed,
        bool(event.cancelled_dates),
    )
    return sum(changes)


def _first_year(events: list[Event]) -> int:
    """Return the year ``VTIMEZONE`` starts: it holds for every later date."""
    return min(event.start.year for event in events)


def _header(settings: dict[str, Any], name: str | None) -> bytes:
    """Serialize a calendar's own lines (``name``: a feed to subscribe to).

    The agenda's feed is named and says how often to refresh it; an event's
    own file is imported once, into a calendar the reader already has, so it
    carries neither (a named file makes some apps create a new calendar).
    """
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", f"-//{plain_text(settings['SITENAME'])}//Agenda//FR")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name is not None:
        cal.add("name", name)
        cal.add("x-wr-calname", name)
        refresh = vDuration(REFRESH)
        cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(REFRESH))
    return cal.to_ical().removesuffix(_CLOSING)


def calendar(events: list[Event], head: bytes, vevents: dict[str, bytes]) -> bytes:
    """Serialize a calendar of ``events``, with the zones their times use.

    Every part is serialized by ``icalendar``, and only once: each event's
    ``VEVENT`` (``vevents``, by slug) for the whole agenda and for its own
    file, each ``VTIMEZONE`` once per first year, the events' files' ``head``
    once. Nothing here depends on how long a series is.
    A thousand events' files then take a fraction of the time.
    """
    parts = [head]
    zones = sorted({event.start.tzinfo.key for event in events if not event.all_day})
    if zones:
        first = _first_year(events)
        parts.extend(vtimezone(key, first) for key in zones)
    parts.extend(vevents[event.slug] for event in events)
    parts.append(_CLOSING)
    return b"".join(parts)


def calendar_name(settings: dict[str, Any]) -> str:
    """« Agenda de L'Alternateur », unless ``AGENDA_CALENDAR_NAME`` says otherwise."""
    return settings.get("AGENDA_CALENDAR_NAME") or (
        f"Agenda de {plain_text(settings['SITENAME'])}"
    )


def write(output_path: str, save_as: str, data: bytes) -> None:
    """Write a calendar as bytes: CRLF lines, folded by octets, as RFC 5545 says."""
    path = sanitised_join(output_path, save_as)
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        os.makedirs(folder, exist_ok=True)
    with open(path, "wb") as file:
        file.write(data)


def part_calendar_name(settings: dict[str, Any], part: str) -> str:
    """« Agenda de L'Alternateur — Vélo »: a theme's or a venue's feed."""
    return f"{calendar_name(settings)} — {plain_text(part)}"


def write_calendars(  # noqa: PLR0917 (the feeds and what they hold)
    events: list[Event],
    now: datetime,
    settings: dict[str, Any],
    output_path: str,
    categories: dict[str, list[str]] | None = None,
    feeds: Sequence[tuple[str, str, list[Event]]] = (),
    serialized: Callable[[Iterable[Event], Callable[[Event], bytes]], dict[str, bytes]]
    | None = None,
) -> None:
    """Write the whole agenda's calendar, each event's own, then the others.

    ``categories``: each event's themes, by slug; ``feeds``: each theme's
    and each venue's name, output file and events. Every ``VEVENT`` is
    serialized once (by ``serialized``, when given, from the events and the
    serializer), and a theme's feed holds the same ones as the agenda's.
    Month-precise events are left out: iCalendar has no month-long date.
    """
    chosen = [event for event in events if event.expressible]
    stamp = now.astimezone(UTC)
    named = categories or {}

    def serialize(event: Event) -> bytes:
        return vevent(event, stamp, settings, named.get(event.slug)).to_ical()

    if serialized is None:
        vevents = {event.slug: serialize(event) for event in chosen}
    else:
        # The incremental preview's (hooks/incremental.py): the same bytes,
        # serialized again only for the events that changed.
        vevents = serialized(chosen, serialize)
    feed = _header(settings, calendar_name(settings))
    write(output_path, settings["AGENDA_ICS_SAVE_AS"], calendar(chosen, feed, vevents))
    head = _header(settings, None)
    for event in chosen:
        own = calendar([event], head, vevents)
        write(output_path, event_ics_path(event, settings) or "", own)
    for name, save_as, members in feeds:
        kept = [event for event in members if event.expressible]
        part_head = _header(settings, part_calendar_name(settings, name))
        write(output_path, save_as, calendar(kept, part_head, vevents))
