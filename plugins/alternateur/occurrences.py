"""Events as occurrences: each time an event happens, with its own start and end.

A one-off event is one occurrence; a recurring one has one per date of its
rule. Expansion is always bounded by the window the caller needs (from a
past instant up to "now" plus the agenda's horizon): an open-ended rule is
never expanded to its end, because it has none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from .dates import PreciseDatetime, Precision


@dataclass(frozen=True, eq=False)
class Occurrence:
    """One occurrence of an event.

    ``start`` and ``last`` (the written ``End``, moved to this occurrence)
    keep the author's precision, for display; ``end`` is the first instant
    after the occurrence, for comparisons with "now".
    """

    event: Any
    start: PreciseDatetime
    last: PreciseDatetime | None
    end: datetime
    cancelled: bool

    def ended(self, now: datetime) -> bool:
        """Whether the occurrence is over at ``now`` (ongoing ones are not)."""
        return self.end <= now

    @property
    def key(self) -> tuple[datetime, datetime, str]:
        """Sort key: soonest first, shortest first, then by file name."""
        return (self.start, self.end, self.event.slug)


def end_instant(start: PreciseDatetime, last: PreciseDatetime | None) -> datetime:
    """Return the first instant after an occurrence.

    Without ``End`` an event lasts its day (day or minute precision) or its
    month; a written ``End`` lasts to its own minute, day or month.
    """
    if last is None:
        return start.period_end
    if last.precision is Precision.MINUTE:
        return last
    return last.period_end


def _placed(cls: type[PreciseDatetime], naive: datetime, zone: Any) -> PreciseDatetime:
    """Give a naive wall-clock time its zone, keeping the author's precision.

    ``fold`` says which of the two 02:30 of the night summer time ends
    (``Start: 2019-10-27T02:30:00+01:00`` is the second one).
    """
    return cls(
        naive.year,
        naive.month,
        naive.day,
        naive.hour,
        naive.minute,
        tzinfo=zone,
        fold=naive.fold,
    )


def _duration(event: Any) -> timedelta | None:
    """Wall-clock time from ``Start`` to ``End``: each occurrence lasts as long."""
    if event.end is None:
        return None
    return event.end.replace(tzinfo=None) - event.start.replace(tzinfo=None)


def _occurrence(event: Any, naive_start: datetime) -> Occurrence:
    zone = event.start.tzinfo
    start = _placed(type(event.start), naive_start, zone)
    duration = _duration(event)
    last = (
        None
        if duration is None
        else _placed(type(event.end), naive_start + duration, zone)
    )
    cancelled = (
        event.cancelled
        if event.rule is None
        else any(day.date() == start.date() for day in event.cancelled_dates)
    )
    return Occurrence(event, start, last, end_instant(start, last), cancelled)


def single(event: Any) -> Occurrence:
    """Return the occurrence of a one-off event (or the first of a series)."""
    return _occurrence(event, event.start.replace(tzinfo=None))


def _lookback(event: Any) -> timedelta:
    """How far before a window an occurrence may start and still reach into it."""
    duration = _duration(event) or timedelta(0)
    return duration + timedelta(days=1)


def _naive(moment: datetime, event: Any) -> datetime:
    return moment.astimezone(event.start.tzinfo).replace(tzinfo=None)


def between(event: Any, since: datetime, until: datetime) -> list[Occurrence]:
    """Occurrences not ended at ``since`` that start no later than ``until``."""
    if event.rule is None:
        candidates = [single(event)]
    else:
        starts = event.rule.starts_between(
            _naive(since, event) - _lookback(event), _naive(until, event)
        )
        candidates = [_occurrence(event, start) for start in starts]
    return [o for o in candidates if not o.ended(since) and o.start <= until]


def upcoming(event: Any, now: datetime) -> Iterator[Occurrence]:
    """Occurrences not ended at ``now``, soonest first, lazily (rules may not end)."""
    if event.rule is None:
        occurrence = single(event)
        if not occurrence.ended(now):
            yield occurrence
        return
    for start in event.rule.starts_from(_naive(now, event) - _lookback(event)):
        occurrence = _occurrence(event, start)
        if not occurrence.ended(now):
            yield occurrence


def ahead(event: Any, now: datetime, until: datetime) -> list[Occurrence]:
    """Return what is announced: occurrences up to ``until``, or at least the next.

    A yearly event beyond the horizon is still announced by its next date.
    """
    return between(event, now, until) or list(islice(upcoming(event, now), 1))


def past(event: Any, now: datetime) -> list[Occurrence]:
    """Occurrences ended at ``now``, in order."""
    if event.rule is None:
        occurrence = single(event)
        return [occurrence] if occurrence.ended(now) else []
    first = event.start.replace(tzinfo=None)
    if first > _naive(now, event):
        return []
    starts = event.rule.starts_between(first, _naive(now, event))
    occurrences = (_occurrence(event, start) for start in starts)
    return [o for o in occurrences if o.ended(now)]


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


def schedule(event: Any, now: datetime, until: datetime) -> Schedule:
    """Return ``event``'s schedule at ``now``, announced up to ``until``."""
    first = single(event)
    if event.rule is None:  # ``ahead`` and ``past`` of one occurrence.
        if first.ended(now):
            return Schedule(first, [], [first])
        return Schedule(first, [first], [])
    return Schedule(first, ahead(event, now, until), past(event, now))
