"""The agenda: what is coming, what has been, and how to subscribe.

Built once per build from the events and the build's "now", and put in the
shared context as ``agenda`` for the agenda page and the home page. Each line
is ready to show (texts in French, ``datetime`` values at the author's
precision): the templates only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import groupby
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from dateutil.relativedelta import relativedelta
from markupsafe import Markup
from pelican.contents import Content

from alternateur.french.dates import capitalized, format_day, format_span, joined
from alternateur.french.rule_words import describe_dates
from alternateur.model.contents import Event
from alternateur.model.occurrences import Occurrence, Schedule
from alternateur.model.pages import page_with_template
from alternateur.model.public_address import absolute_url, base_url

if TYPE_CHECKING:
    from .pictures import Picture

GOOGLE_SUBSCRIBE = "https://calendar.google.com/calendar/render?cid="
TEMPLATE = "agenda"
# An event's status in one word, beside each of its occurrences (``Event.state``).
BADGES = {
    "cancelled": "Annulé",
    "postponed": "Reporté",
    "rescheduled": "Reprogrammé",
    "full": "Complet",
}


@dataclass(frozen=True)
class Listed:
    """One line of the agenda: an occurrence, or a past series once.

    ``first`` is set for a series that happened more than once: the line then
    reads « du <first> au <when> », with the rule in words.
    """

    title: Markup
    url: str
    datetime: str
    when: str
    ends: str
    place: Markup | None  # HTML, as the title.
    cancelled: bool
    # The status in one word (« Reporté »), and its ``Event.state`` for CSS.
    badge: str | None = None
    state: str | None = None
    first: tuple[str, str] | None = None
    rule: str | None = None
    cancellations: str | None = None
    # The event's image, small (``views/pictures.with_thumbnails``).
    thumbnail: Picture | None = None


@dataclass(frozen=True)
class Subscription:
    """Where calendar apps find the agenda; absolute links need a known address."""

    path: str
    https: str | None
    webcal: str | None
    google: str | None


@dataclass(frozen=True)
class Agenda:
    """Everything the agenda and home pages show."""

    upcoming: list[Listed]
    past: list[tuple[int, list[Listed]]]
    next: list[Listed]
    subscription: Subscription
    page_url: str
    # The themes (``views/themes.ThemeLink``), once every event is read.
    themes: list[Any] = field(default_factory=list)
    # The venues' pages (``views/venues.VenuePage``) that have events.
    venues: list[Any] = field(default_factory=list)


def listed(occurrence: Occurrence) -> Listed:
    """One occurrence, as a line of « à venir » (or a one-off in « passés »)."""
    event = occurrence.event
    state = "cancelled" if occurrence.cancelled else event.state
    return Listed(
        title=Markup(event.title),  # Titles are HTML in Pelican (typogrify).
        url=event.url,
        datetime=occurrence.start.iso,
        when=format_span(occurrence.start, occurrence.last),
        ends=occurrence.end.isoformat(timespec="seconds"),
        place=Markup(event.place.label) if event.place is not None else None,
        cancelled=occurrence.cancelled,
        badge=BADGES.get(state) if state else None,
        state=state,
    )


def cancelled_days(days: list[Occurrence]) -> str | None:
    """« annulé le 29 novembre 2019 et le 27 décembre 2019 », or None."""
    dates = [f"le {format_day(o.start.date())}" for o in days if o.cancelled]
    if not dates:
        return None
    return f"annulé {joined(dates)}"


def listed_past(event: Event, done: list[Occurrence]) -> Listed:
    """List a past event once: a one-off as it was, a series first to last."""
    last = listed(done[-1])
    if not event.repeats:
        return last
    words = describe_dates(event.rule, event.start, event.end, event.dates, bound=False)
    every = all(o.cancelled for o in done)
    series = replace(
        last,
        cancelled=every,
        badge=BADGES["cancelled"] if every else BADGES.get(event.state or ""),
        state="cancelled" if every else event.state,
        rule=capitalized(words),
        cancellations=cancelled_days(done),
    )
    if len(done) == 1:
        return series
    first = done[0].start
    return replace(
        series,
        when=format_day(done[-1].start.date()),
        first=(first.iso, format_day(first.date())),
    )


def subscription(settings: dict[str, Any], path: str | None = None) -> Subscription:
    """Link a feed: ``webcal://`` for apps, ``https://`` to copy, Google's.

    ``path``: a theme's feed; the whole agenda's by default.
    """
    path = path or settings["AGENDA_ICS_URL"]
    if base_url(settings) is None:
        return Subscription(path, None, None, None)
    https = absolute_url(settings, path)
    webcal = "webcal://" + https.split("://", 1)[1]
    return Subscription(path, https, webcal, GOOGLE_SUBSCRIBE + quote(webcal, safe=""))


def agenda_page_url(pages: list[Content]) -> str:
    """Return the URL of the page that shows the agenda (``Template: agenda``)."""
    page = page_with_template(pages, TEMPLATE)
    return page.url if page is not None else ""


def horizon_end(now: datetime, settings: dict[str, Any]) -> datetime:
    """Return how far ahead the agenda announces a series' occurrences."""
    return now + relativedelta(months=settings["AGENDA_HORIZON_MONTHS"])


def build_agenda(
    scheduled: list[tuple[Event, Schedule]],
    pages: list[Content],
    settings: dict[str, Any],
) -> Agenda:
    """Sort the events' occurrences around the build's "now".

    « À venir »: every occurrence not ended at "now" (ongoing ones too),
    soonest first, a series once per occurrence within the horizon (and at
    least its next one); the home page's next ones leave out cancelled ones.
    « Passés »: most recent first, a series once, grouped by year.
    """
    coming = sorted(
        (o for _, times in scheduled for o in times.announced), key=lambda o: o.key
    )
    upcoming = [listed(o) for o in coming]
    finished = [(times.done, event) for event, times in scheduled if times.done]
    finished.sort(key=lambda pair: (pair[0][-1].start, pair[1].slug), reverse=True)
    by_year = groupby(finished, key=lambda pair: pair[0][-1].start.year)
    # The home page announces what will happen: a cancelled date takes no slot.
    happening = [item for item in upcoming if not item.cancelled]
    past = [
        (year, [listed_past(event, done) for done, event in group])
        for year, group in by_year
    ]
    return Agenda(
        upcoming=upcoming,
        past=past,
        next=happening[: settings["AGENDA_HOME_OCCURRENCES"]],
        subscription=subscription(settings),
        page_url=agenda_page_url(pages),
    )


def part_of_agenda(
    scheduled: list[tuple[Event, Schedule]],
    feed_path: str,
    page_url: str,
    settings: dict[str, Any],
) -> Agenda:
    """Build the agenda of some of the events: a theme's, a venue's.

    Listed as the agenda lists them, with their own feed (``feed_path``) and
    a link back to the whole agenda's page (``page_url``); no home slots.
    """
    agenda = build_agenda(scheduled, [], settings)
    return Agenda(
        upcoming=agenda.upcoming,
        past=agenda.past,
        next=[],
        subscription=subscription(settings, feed_path),
        page_url=page_url,
    )
