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
from datetime import date, datetime, time, timedelta
from enum import IntEnum
from typing import ClassVar
from zoneinfo import ZoneInfo

from babel.dates import format_date
from dateutil.relativedelta import relativedelta
from pelican.utils import SafeDatetime

from .errors import ContentError

LOCALE = "fr_FR"


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

_PERIOD = {
    Precision.YEAR: relativedelta(years=1),
    Precision.MONTH: relativedelta(months=1),
    Precision.DAY: relativedelta(days=1),
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
        parts += [1] * (3 - len(parts))
        try:
            written = _CLASSES[precision](*parts, tzinfo=timezone)
        except ValueError:
            break
        if precision is Precision.MINUTE:
            return _instant(written, match.group("offset"), field, text)
        return written
    raise ContentError(
        field,
        f"n'est pas une date valide (attendu {expected_formats(allowed)})",
        text,
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


def format_day(day: date) -> str:
    """« 5 mars 2019 », with French « 1er » that Babel alone does not write."""
    text = format_date(day, "d MMMM y", locale=LOCALE)
    return "1er" + text[1:] if day.day == 1 else text


def format_time(moment: datetime | time) -> str:
    """French typographic time: « 18 h 30 », « 14 h »."""
    if moment.minute:
        return f"{moment.hour} h {moment.minute:02d}"
    return f"{moment.hour} h"


def format_precise(value: PreciseDatetime) -> str:
    """Say a date in French at its own precision: « 2017 », « octobre 2019 »."""
    if value.precision is Precision.YEAR:
        return str(value.year)
    if value.precision is Precision.MONTH:
        return format_date(value, "LLLL y", locale=LOCALE)
    text = format_day(value.date())
    if value.precision is Precision.MINUTE:
        text += f" à {format_time(value)}"
    return text
