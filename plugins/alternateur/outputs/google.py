"""The « add to Google Calendar » link of an event's page (``action=TEMPLATE``).

A plain link: nothing is sent to Google until the reader clicks it. Its
dates are said as the event's iCalendar file says them (``ical.py``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from alternateur.french.plaintext import plain_text
from alternateur.model.contents import Event
from alternateur.model.public_address import absolute_url

from . import ical

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render?"


def _google_dates(event: Event) -> str:
    """Google's ``dates``: local times (read with ``ctz``), or whole days."""
    start = ical.dtstart(event)
    end = ical.dtend(event) or start
    pattern = "%Y%m%d" if event.all_day else "%Y%m%dT%H%M%S"
    return f"{start:{pattern}}/{end:{pattern}}"


def google_template(event: Event, settings: dict[str, Any]) -> str | None:
    """Google Calendar's « add this event » link (``action=TEMPLATE``).

    A plain link: nothing is sent to Google until the reader clicks it.
    """
    if not event.expressible or event.state in {"cancelled", "postponed"}:
        return None
    url = absolute_url(settings, event.url)
    params = {
        "action": "TEMPLATE",
        "text": plain_text(event.title),
        "dates": _google_dates(event),
        "ctz": event.start.tzinfo.key,
        "details": f"{plain_text(getattr(event, 'summary', ''))}\n\n{url}".strip(),
    }
    if event.place is not None:
        params["location"] = plain_text(event.place.line)
    if event.rule is not None:
        params["recur"] = "RRULE:" + ical.rrule(event.rule, event).to_ical().decode()
    return GOOGLE_TEMPLATE + urlencode(params, quote_via=quote)
