"""``VTIMEZONE``: the event's time zone, as every calendar app reads it alike.

Apps that know the ``TZID`` (``icalendar``, Google) look it up; others, such
as Mozilla's ical.js in Thunderbird, read the definition the file carries.
``icalendar``'s ``Timezone.from_tzinfo`` lists each change of time of a span
as an ``RDATE``, and ical.js ignores the ``DTSTART`` of an observance that
has ``RDATE`` lines: a summer event's own file, whose span starts with its year,
was read an hour late there. And a span ends, where an open series does not.

So the changes are found in the zone database once, from ``FIRST_YEAR`` to
the year after ``LAST_YEAR``, and written as calendar apps write them: the
changes that follow one yearly rule up to the end (« le dernier dimanche de
mars à 2 h ») as one observance with that ``RRULE`` and no end, the others
(history) as ``RDATE`` lines, one a date, ``DTSTART``'s too. Each ``DTSTART``
is the wall-clock time of the change in the offset before it, as RFC 5545
says (``icalendar`` writes 03:00 for the change of 02:00 in March).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from alternateur.model.dates import FIRST_YEAR, LAST_YEAR

# An occurrence that starts on 31 December of ``LAST_YEAR`` may end the next
# year: the changes are known up to the end of that year.
END_YEAR = LAST_YEAR + 1
# The zone database is sampled this often, then each change is found to the
# second. No zone of tzdata 2026 changes twice within 6.75 days after 1970
# (America/Cambridge_Bay in 2000 comes closest): a shorter step sees every
# change, and costs a fraction of a daily one.
_STEP = int(timedelta(days=6).total_seconds())
_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # ``date.weekday()`` order
_WEEK = len(_ICAL_DAYS)


@dataclass(frozen=True)
class _Change:
    """One change of a zone's offset, name or daylight saving time."""

    utc: datetime  # The instant, naive UTC.
    onset: datetime  # Its wall-clock time in the offset before (``DTSTART``).
    before: timedelta
    after: timedelta
    name: str
    daylight: bool

    @property
    def kind(self) -> tuple[timedelta, timedelta, str, bool]:
        """The changes of one observance share all this."""
        return (self.before, self.after, self.name, self.daylight)


def _state(zone: ZoneInfo, timestamp: int) -> tuple[timedelta, timedelta, str]:
    """Return the zone's offset, daylight saving time and name at an instant."""
    local = datetime.fromtimestamp(timestamp, zone)
    return (
        local.utcoffset() or timedelta(0),
        local.dst() or timedelta(0),
        str(local.tzname()),
    )


@lru_cache(maxsize=8)
def _changes(key: str) -> tuple[_Change, ...]:
    """Every change of the zone from ``FIRST_YEAR`` to the end of ``END_YEAR``."""
    zone = ZoneInfo(key)
    moment = int(datetime(FIRST_YEAR - 1, 12, 30, tzinfo=UTC).timestamp())
    stop = int(datetime(END_YEAR + 1, 1, 2, tzinfo=UTC).timestamp())
    state = _state(zone, moment)
    found = []
    while moment < stop:
        following = moment + _STEP
        new = _state(zone, following)
        if new != state:
            low, high = moment, following  # ``state`` at low, ``new`` at high.
            while high - low > 1:
                middle = (low + high) // 2
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            utc = datetime.fromtimestamp(high, UTC).replace(tzinfo=None)
            before, after, name = state[0], new[0], new[2]
            # Clocks forward: summer time. tzdata gives Dublin a negative
            # daylight saving time in winter: the offsets tell them apart.
            daylight = after > before or (after == before and new[1] > timedelta(0))
            found.append(_Change(utc, utc + before, before, after, name, daylight))
            state = new
        moment = following
    return tuple(found)


def _yearly_rule(onsets: list[datetime]) -> dict[str, object] | None:
    """Return the ``RRULE`` that gives these onsets, one a year, if there is one."""
    first = onsets[0]
    if any(
        (o.year - first.year, o.month, o.time()) != (i, first.month, first.time())
        for i, o in enumerate(onsets)
    ):
        return None
    days = [o.day for o in onsets]
    rule: dict[str, object] = {"FREQ": "YEARLY", "BYMONTH": first.month}
    if len(set(days)) == 1:
        return {**rule, "BYMONTHDAY": first.day}
    if len({o.weekday() for o in onsets}) != 1 or max(days) - min(days) >= _WEEK:
        return None
    weekday = _ICAL_DAYS[first.weekday()]
    if all(o.day + _WEEK > calendar.monthrange(o.year, o.month)[1] for o in onsets):
        return {**rule, "BYDAY": f"-1{weekday}"}
    weeks = {(day - 1) // _WEEK for day in days}
    if len(weeks) == 1:
        return {**rule, "BYDAY": f"{weeks.pop() + 1}{weekday}"}
    # « Le vendredi à partir du 23 », as tzdata says Israel's ``Fri>=23``.
    start = max(days) - _WEEK + 1
    return {**rule, "BYDAY": weekday, "BYMONTHDAY": list(range(start, start + _WEEK))}


def _rule_from(onsets: list[datetime]) -> int:
    """Where the longest run up to the last onset that one yearly rule gives starts.

    Any end of such a run is such a run too: a binary search finds it.
    """
    low, high = 0, len(onsets)  # The run starts at ``high``, not before ``low``.
    while low < high:
        middle = (low + high) // 2
        if _yearly_rule(onsets[middle:]) is None:
            low = middle + 1
        else:
            high = middle
    return high


def _observance(
    change: _Change, onsets: list[datetime], rule: dict[str, object] | None
) -> TimezoneStandard | TimezoneDaylight:
    component = TimezoneDaylight() if change.daylight else TimezoneStandard()
    component.add("dtstart", onsets[0])
    if rule is not None:
        component.add("rrule", rule)
    elif len(onsets) > 1:
        # ical.js takes the ``RDATE`` lines of such an observance, not its
        # ``DTSTART``, and the first date of each line only: one a line.
        for onset in onsets:
            component.add("rdate", onset)
    component.add("tzoffsetfrom", change.before)
    component.add("tzoffsetto", change.after)
    component.add("tzname", change.name)
    return component


@lru_cache(maxsize=256)
def vtimezone(key: str, first_year: int) -> bytes:
    """Serialize the zone's ``VTIMEZONE`` for a calendar from ``first_year`` on.

    It starts on 1 January of that year, in the offset of that day, and
    holds for every later date: an open series needs no end.
    """
    zone = ZoneInfo(key)
    start = datetime(first_year, 1, 1)
    local = start.replace(tzinfo=zone)
    offset = local.utcoffset() or timedelta(0)
    daylight = (local.dst() or timedelta(0)) > timedelta(0)
    initial = _Change(
        start - offset, start, offset, offset, str(local.tzname()), daylight
    )
    later = [change for change in _changes(key) if change.utc > initial.utc]
    kinds: dict[tuple[timedelta, timedelta, str, bool], list[_Change]] = {}
    for change in later:
        kinds.setdefault(change.kind, []).append(change)
    component = Timezone()
    component.add("tzid", key)
    component.add_component(_observance(initial, [start], None))
    for changes in kinds.values():
        onsets = [change.onset for change in changes]
        split = _rule_from(onsets)
        tail = onsets[split:]
        if len(tail) == 1 or (tail and tail[-1].year < END_YEAR):
            # A rule no longer in force at the end: its dates, as they were.
            split, tail = len(onsets), []
        if split:
            component.add_component(_observance(changes[0], onsets[:split], None))
        if tail:
            rule = _yearly_rule(tail)
            component.add_component(_observance(changes[split], tail, rule))
    return component.to_ical()
