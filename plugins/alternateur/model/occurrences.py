"""Events as occurrences: each time an event happens, with its own start and end.

A one-off event is one occurrence; a recurring one has one per date of its
rule, plus each further date its author wrote (``Dates``, which an event may
also have without a rule). Expansion is always bounded by the window the
caller needs (from a past instant up to "now" plus the agenda's horizon): an
open-ended rule is never expanded to its end, because it has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from heapq import merge
from itertools import islice
from typing import TYPE_CHECKING, Any

from .dates import PreciseDatetime, end_instant, same_instant

if TYPE_CHECKING:
    from .contents import Event


@dataclass(frozen=True, eq=False)
class Occurrence:
    """One occurrence of an event.

    ``start`` and ``last`` (the written ``End``, moved to this occurrence)
    keep the author's precision, for display; ``end`` is the first instant
    after the occurrence, for comparisons with "now".
    """

    event: Event
    start: PreciseDatetime
    last: PreciseDatetime | None
    end: datetime
    cancelled: bool

    def ended(self, now: datetime) -> bool:
        """Whether the occurrence is over at ``now`` (ongoing ones are not)."""
        return self.end <= now

    @property
    def key(self) -> tuple[datetime, datetime, str]:
        """Sort key: soonest first, shortest first, then by file name.

        In UTC: Python compares two times of one zone by their wall clocks,
        and the second 02:30 of the night summer time ends is after 02:45.
        """
        return (self.start.astimezone(UTC), self.end.astimezone(UTC), self.event.slug)


def _placed(cls: type[PreciseDatetime], naive: datetime, zone: Any) -> PreciseDatetime:
    """Give a naive wall-clock time of a rule its zone, at the author's precision.

    A time the clocks skip (02:30 the night summer time starts) becomes the
    instant RFC 5545 gives it, read with the offset before the change: 03:30,
    as ``icalendar`` shows that occurrence; a time the clocks repeat is the
    first of the two, as there too. (ical.js reads both otherwise; no local
    time in a rule can say them to every app alike.)
    """
    instant = datetime(
        naive.year, naive.month, naive.day, naive.hour, naive.minute, tzinfo=zone
    )
    return same_instant(cls, instant.astimezone(UTC).astimezone(zone))


def _duration(event: Event) -> timedelta | None:
    """Wall-clock time from ``Start`` to ``End``: each occurrence lasts as long."""
    if event.end is None:
        return None
    return event.end.replace(tzinfo=None) - event.start.replace(tzinfo=None)


def _occurrences(event: Event, starts: Iterable[datetime]) -> Iterator[Occurrence]:
    """Place the rule's naive ``starts``, each with the written ``End`` moved to it.

    The first occurrence is what the author wrote, to the instant: the second
    02:30 of the night summer time ends stays the second. Later ones keep the
    first one's wall-clock times, « de 22 h à 3 h 30 » on both sides of a
    change of time, as calendar apps expand the ``.ics``; the end follows
    the start where a start the clocks skip is moved (``_placed``).
    """
    first, zone, end = event.start.replace(tzinfo=None), event.start.tzinfo, event.end
    duration = _duration(event) or timedelta(0)
    cancelled = {day.date() for day in event.cancelled_dates}
    # A further date is what its author wrote, to the instant, like Start.
    written = {moment.replace(tzinfo=None): moment for moment in event.dates}
    for naive in starts:
        last: PreciseDatetime | None
        if naive == first:
            start, last = event.start, end
        else:
            start = written.get(naive) or _placed(type(event.start), naive, zone)
            moved = start.replace(tzinfo=None) + duration
            last = None if end is None else _placed(type(end), moved, zone)
        off = start.date() in cancelled if event.repeats else event.cancelled
        yield Occurrence(event, start, last, end_instant(start, last), off)


def single(event: Event) -> Occurrence:
    """Return the occurrence of a one-off event (or the first of a series)."""
    return next(_occurrences(event, [event.start.replace(tzinfo=None)]))


def _lookback(event: Event) -> timedelta:
    """How far before a window an occurrence may start and still reach into it."""
    duration = _duration(event) or timedelta(0)
    return duration + timedelta(days=1)


def _naive(moment: datetime, event: Event) -> datetime:
    return moment.astimezone(event.start.tzinfo).replace(tzinfo=None)


def _starts_between(event: Event, after: datetime, before: datetime) -> list[datetime]:
    """Naive starts of a repeating event from ``after`` to ``before``, included."""
    if event.rule is not None:
        found = event.rule.starts_between(after, before)
    else:
        first = event.start.replace(tzinfo=None)
        found = [first] if after <= first <= before else []
    extra = [moment.replace(tzinfo=None) for moment in event.dates]
    return sorted({*found, *(moment for moment in extra if after <= moment <= before)})


def _starts_from(event: Event, after: datetime) -> Iterator[datetime]:
    """Naive starts of a repeating event from ``after`` (included), lazily."""
    if event.rule is not None:
        ruled: Iterable[datetime] = event.rule.starts_from(after)
    else:
        first = event.start.replace(tzinfo=None)
        ruled = [first] if first >= after else []
    extra = [m.replace(tzinfo=None) for m in event.dates]
    # ``Dates`` never repeats a date of the rule (``Event._check_dates``).
    return merge(ruled, (moment for moment in extra if moment >= after))


def between(event: Event, since: datetime, until: datetime) -> list[Occurrence]:
    """Occurrences not ended at ``since`` that start no later than ``until``."""
    if not event.repeats:
        candidates = [single(event)]
    else:
        starts = _starts_between(
            event, _naive(since, event) - _lookback(event), _naive(until, event)
        )
        candidates = list(_occurrences(event, starts))
    return [o for o in candidates if not o.ended(since) and o.start <= until]


def upcoming(event: Event, now: datetime) -> Iterator[Occurrence]:
    """Occurrences not ended at ``now``, soonest first, lazily (rules may not end)."""
    if not event.repeats:
        occurrence = single(event)
        if not occurrence.ended(now):
            yield occurrence
        return
    starts = _starts_from(event, _naive(now, event) - _lookback(event))
    for occurrence in _occurrences(event, starts):
        if not occurrence.ended(now):
            yield occurrence


def ahead(event: Event, now: datetime, until: datetime) -> list[Occurrence]:
    """Return what is announced: occurrences up to ``until``, or at least the next.

    A yearly event beyond the horizon is still announced by its next date.
    """
    return between(event, now, until) or list(islice(upcoming(event, now), 1))


def past(event: Event, now: datetime) -> list[Occurrence]:
    """Occurrences ended at ``now``, in order."""
    if not event.repeats:
        occurrence = single(event)
        return [occurrence] if occurrence.ended(now) else []
    first = event.start.replace(tzinfo=None)
    if first > _naive(now, event):
        return []
    starts = _starts_between(event, first, _naive(now, event))
    return [o for o in _occurrences(event, starts) if o.ended(now)]


@dataclass(frozen=True, eq=False)
class Schedule:
    """An event's occurrences around the build's "now", computed once per build.

    The agenda, the event's page and its JSON-LD all need them: expanding
    each rule three times per event was a tenth of the plugin's time at a
    thousand events (``invoke bench --profile``).
    """

    first: Occurrence  # The one-off, or the first of the series.
    announced: list[Occurrence]  # ``ahead``: what the agenda announces.
    done: list[Occurrence]  # ``past``: what has ended.


def schedule(event: Event, now: datetime, until: datetime) -> Schedule:
    """Return ``event``'s schedule at ``now``, announced up to ``until``."""
    first = single(event)
    if not event.repeats:  # ``ahead`` and ``past`` of one occurrence.
        if first.ended(now):
            return Schedule(first, [], [first])
        return Schedule(first, [first], [])
    return Schedule(first, ahead(event, now, until), past(event, now))
