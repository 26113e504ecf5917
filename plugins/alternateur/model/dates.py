"""Dates kept at the precision their author wrote, and said in French.

« juin 2018 » must stay a month: Pelican's own date parsing fills missing
parts from the build date, which would silently invent a day. Here each
precision is its own ``datetime`` subclass, so the precision travels with the
value through Pelican (which keeps aware datetimes untouched) and through its
content cache (pickling keeps the class).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import ClassVar, TypeVar
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from pelican.utils import SafeDatetime

from .errors import ContentError

T = TypeVar("T", bound=datetime)

# The years an author may write. Before 1970, the zone database gives offsets
# such as Paris mean time (+00:09:21) that ISO 8601 and HTML's ``<time>``
# cannot write; far ahead, a period's end or a rule's next date overflows
# ``datetime`` (year 9999). Within them every computation on a date or a rule
# has a known bound: the agenda of an association needs no more.
FIRST_YEAR = 1970
LAST_YEAR = 2099
YEARS = f"une année de {FIRST_YEAR} à {LAST_YEAR}"


class Precision(IntEnum):
    """How much of a date the author wrote, coarsest first."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    MINUTE = 4


EXPECTED = {
    Precision.YEAR: "AAAA",
    Precision.MONTH: "AAAA-MM",
    Precision.DAY: "AAAA-MM-JJ",
    Precision.MINUTE: "AAAA-MM-JJ HH:MM",
}

# ASCII digits only: Python's ``\d`` would also read « ٢٠١٩ » as 2019.
_PATTERNS = {
    Precision.YEAR: re.compile(r"([0-9]{4})"),
    Precision.MONTH: re.compile(r"([0-9]{4})-([0-9]{2})"),
    Precision.DAY: re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})"),
    # ``.iso`` adds seconds and the UTC offset: it reads back as the same value.
    Precision.MINUTE: re.compile(
        r"([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::00)?"
        r"(?P<offset>[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?"
    ),
}
_PARTS = {
    Precision.YEAR: 1,
    Precision.MONTH: 2,
    Precision.DAY: 3,
    Precision.MINUTE: 5,
}

# What authors write instead of a local time: seconds, UTC (``Z``), both.
_TIME_NEAR_MISS = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})"
    r"(?P<seconds>:[0-9]{2}(?:[.,][0-9]+)?)?(?P<utc>Z)?"
)

_PERIOD: dict[Precision, relativedelta | timedelta] = {
    Precision.YEAR: relativedelta(years=1),
    Precision.MONTH: relativedelta(months=1),
    # A plain ``timedelta``: a daily series from 1970 has twenty thousand
    # occurrences to end, and ``relativedelta`` takes five times as long.
    Precision.DAY: timedelta(days=1),
}


class PreciseDatetime(SafeDatetime):
    """An aware datetime at the start of the period its author wrote."""

    precision: ClassVar[Precision]

    @property
    def iso(self) -> str:
        """The value for ``<time datetime>``, at the author's precision."""
        if self.precision is Precision.MINUTE:
            return self.isoformat(timespec="seconds")
        return self.date().isoformat()[: {1: 4, 2: 7, 3: 10}[self.precision]]

    @property
    def period_end(self) -> datetime:
        """The first instant after the written period (year, month, day).

        A minute-precise date is an instant: its period ends with its day,
        which is also when an event without ``End`` is over.
        """
        start = datetime(self.year, self.month, self.day)
        end = start + _PERIOD[min(self.precision, Precision.DAY)]
        return end.replace(tzinfo=self.tzinfo)


class YearDate(PreciseDatetime):
    """A date written as ``AAAA``."""

    precision = Precision.YEAR


class MonthDate(PreciseDatetime):
    """A date written as ``AAAA-MM``."""

    precision = Precision.MONTH


class DayDate(PreciseDatetime):
    """A date written as ``AAAA-MM-JJ``."""

    precision = Precision.DAY


class MinuteDate(PreciseDatetime):
    """A date and time written as ``AAAA-MM-JJ HH:MM``."""

    precision = Precision.MINUTE


_CLASSES: dict[Precision, type[PreciseDatetime]] = {
    cls.precision: cls for cls in (YearDate, MonthDate, DayDate, MinuteDate)
}


def expected_formats(precisions: Iterable[Precision]) -> str:
    """Say which formats a field accepts, for error messages."""
    return ", ".join(EXPECTED[p] for p in sorted(precisions, reverse=True))


def parse_precise(
    value: str,
    field: str,
    timezone: ZoneInfo,
    precisions: Iterable[Precision] = tuple(Precision),
) -> PreciseDatetime:
    """Parse ``value`` at the precision it is written, in ``timezone``.

    Raises a ``ContentError`` naming ``field`` for anything else, including
    dates that do not exist (``2019-02-30``) and times the clocks skip when
    summer time starts (``2019-03-31 02:30`` in Paris). What ``.iso`` writes
    reads back as the same value at the same precision.
    """
    allowed = tuple(precisions)
    text = " ".join(str(value).split())
    for precision in allowed:
        match = _PATTERNS[precision].fullmatch(text)
        if not match:
            continue
        parts = [int(part) for part in match.groups()[: _PARTS[precision]]]
        if not FIRST_YEAR <= parts[0] <= LAST_YEAR:
            problem = f"n'est pas une date acceptée (attendu {YEARS})"
            raise ContentError(field, problem, text)
        parts += [1] * (3 - len(parts))
        try:
            written = _CLASSES[precision](*parts, tzinfo=timezone)
        except ValueError:
            break
        if precision is Precision.MINUTE:
            return _instant(written, match.group("offset"), field, text)
        return written
    raise ContentError(field, _not_valid(text, field, timezone, allowed), text)


def _not_valid(
    text: str, field: str, timezone: ZoneInfo, allowed: tuple[Precision, ...]
) -> str:
    """Say what is accepted; for a time with seconds or in UTC, the time to write.

    Authors copy times from other tools, which write seconds
    (``18:30:45``) or UTC (``2019-11-22T17:00:00Z``): the agenda's times are
    local, to the minute, and the message gives the value to write instead.
    """
    generic = f"n'est pas une date valide (attendu {expected_formats(allowed)})"
    near = _TIME_NEAR_MISS.fullmatch(text)
    if Precision.MINUTE not in allowed or near is None:
        return generic
    if not (near["seconds"] or near["utc"]):
        return generic
    numbers = [int(part) for part in near.groups()[:5]]
    seconds = (near["seconds"] or ":0")[1:].replace(",", ".")
    try:
        moment = datetime(*numbers)
        if near["utc"]:
            moment = moment.replace(tzinfo=UTC).astimezone(timezone)
        suggestion = f"{moment:%Y-%m-%d %H:%M}"
        read = parse_precise(suggestion, field, timezone, (Precision.MINUTE,))
    except (ValueError, OverflowError):  # ``ContentError`` is a ``ValueError``.
        return generic
    if near["utc"] and read.utcoffset() != moment.utcoffset():
        # The second 02:30 of the night summer time ends: only an offset says it.
        suggestion = moment.isoformat(timespec="minutes")
    without = "ni secondes" if float(seconds) else ""
    if near["utc"]:
        zone = getattr(timezone, "key", str(timezone))
        how = f"à l'heure de {zone}, sans Z {without}".rstrip()
    else:
        how = "sans secondes"
    return (
        f"n'est pas une date valide (attendu {EXPECTED[Precision.MINUTE]} {how} : "
        f"ici {suggestion})"
    )


def _format_offset(offset: timedelta) -> str:
    """``+01:00``, as ``isoformat`` writes a UTC offset."""
    sign = "-" if offset < timedelta(0) else "+"
    minutes, seconds = divmod(int(abs(offset).total_seconds()), 60)
    text = f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return f"{text}:{seconds:02d}" if seconds else text


def _instant(
    written: PreciseDatetime, offset: str | None, field: str, text: str
) -> PreciseDatetime:
    """Pick the instant a wall-clock time means where clocks change.

    When summer time starts, an hour of wall-clock times never happens: that
    is an error. When it ends, an hour happens twice: without an offset, the
    first one (summer time) is meant, as calendar applications do; ``.iso``
    writes the offset, so either reads back as itself.
    """
    first, second = written.replace(fold=0), written.replace(fold=1)
    zone = getattr(written.tzinfo, "key", str(written.tzinfo))
    before, after = first.utcoffset(), second.utcoffset()
    if before is not None and after is not None and before < after:
        problem = (
            f"n'existe pas à l'heure de {zone} : les horloges avancent ce "
            "jour-là (attendu une heure avant ou après le changement d'heure)"
        )
        raise ContentError(field, problem, text)
    if offset is None:
        return first
    for candidate in (first, second):
        if candidate.utcoffset() is not None and (
            _format_offset(candidate.utcoffset()) == offset
        ):
            return candidate
    expected = " ou ".join(
        sorted({_format_offset(c.utcoffset()) for c in (first, second)})
    )
    problem = f"n'a pas le décalage de {zone} à cette date (attendu {expected})"
    raise ContentError(field, problem, text)


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


def same_instant(cls: type[T], moment: datetime) -> T:
    """Return ``moment`` as an instance of ``cls``, to the minute, fold included.

    Occurrences need the author's precision class (``MinuteDate``); the
    iCalendar library needs a plain ``datetime``: the same wall-clock time,
    zone and ``fold`` (which of the two 02:30 of autumn) either way.
    """
    return cls(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        tzinfo=moment.tzinfo,
        fold=moment.fold,
    )
