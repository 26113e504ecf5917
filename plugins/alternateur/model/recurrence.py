"""Recurrence rules of events (RFC 5545 ``RRULE``), parsed once, checked for authors.

The rule is read twice over, once by each library that has a job to do with
it: ``icalendar``'s ``vRecur`` gives its fields (validated one by one, for the
rule in words and for the ``.ics`` files), ``dateutil``'s ``rrule`` expands it.
Both happen once, when the event is read; nothing re-parses per occurrence.

Expansion runs on naive wall-clock times: « chaque vendredi à 14 h » stays at
14 h on both sides of a DST change, and each occurrence gets its own UTC
offset only when it is placed in the event's time zone.

No rule can hang or crash the build: its numbers are checked (an
``INTERVAL=0`` made dateutil loop forever), and no query looks past the end
of ``LAST_YEAR``, whatever ``COUNT`` or ``UNTIL`` say: dateutil otherwise
walks a series to its end or, for a rule that gives no date, to year 9999.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import MAXYEAR, date, datetime, time, timedelta
from itertools import takewhile
from typing import Any

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr
from icalendar import vRecur

from .dates import FIRST_YEAR, LAST_YEAR, YEARS, PreciseDatetime, Precision
from .errors import ContentError

FIELD = "Recurrence"
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
EXAMPLE = "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20191231"
EXPECTED = f"attendu une règle RRULE, par exemple {EXAMPLE}"
ZERO = timedelta(0)
# The last second of a day: an ``UNTIL`` written as a date includes that day.
END_OF_DAY = time(23, 59, 59)
# No rule gives a start after this one (naive wall-clock time).
LAST_START = datetime(LAST_YEAR, 12, 31, 23, 59, 59)
# « Tous les 1000 jours » is almost three years; more is a typo, not a plan.
MAX_INTERVAL = 1000
# The most weeks a weekday can be numbered in (``-5FR``, ``53MO``).
MONTH_WEEKS = 5
YEAR_WEEKS = 53
# What each numbered part may be (RFC 5545), and whether it counts back too.
# dateutil takes ``BYMONTH=13`` and then looks in vain for that month.
RANGES = {
    "BYMONTH": (12, False),
    "BYMONTHDAY": (31, True),
    "BYYEARDAY": (366, True),
    "BYWEEKNO": (YEAR_WEEKS, True),
    "BYSETPOS": (366, True),
}
# Several times a day: the agenda shows one time a day, Start's.
SUB_DAILY = ("BYHOUR", "BYMINUTE", "BYSECOND")
# The Gregorian calendar repeats every 400 years, weekdays and leap years
# included: a rule started whole cycles later gives the same dates, as many
# cycles later. dateutil looks for a rule's first date up to year 9999; the
# copy looked at (``_first``) is as close to that year as whole cycles allow.
CYCLE_YEARS = 400
_PROBE_SHIFT = relativedelta(years=(MAXYEAR - LAST_YEAR) // CYCLE_YEARS * CYCLE_YEARS)


@dataclass(frozen=True, eq=False)
class Recurrence:
    """A checked rule: its fields, its inclusive bound, and its expansion."""

    text: str
    fields: dict[str, list[Any]]
    until: datetime | None  # Naive wall-clock time, inclusive.
    # Naive wall-clock times, from the event's first start, to ``LAST_START``
    # at the latest (a ``COUNT`` rule's queries stop there themselves).
    rule: rrule

    @classmethod
    def parse(cls, value: str, start: PreciseDatetime) -> Recurrence:
        """Check ``value`` against ``start``; raise ``ContentError`` if wrong."""
        text = " ".join(str(value).split())
        if text.upper().startswith("RRULE:"):
            text = text[len("RRULE:") :]
        fields = _fields(text)
        _check_shape(text, fields, start)
        _check_numbers(text, fields)
        until = _until(fields.get("UNTIL", [None])[0], start)
        first = start.replace(tzinfo=None)
        without_until = ";".join(
            part for part in text.split(";") if not part.upper().startswith("UNTIL=")
        )
        try:
            rule = rrulestr(without_until, dtstart=first)
            actual = _first(rule, first, until)
        except (ValueError, TypeError, IndexError) as error:
            problem = f"n'est pas une règle valide ({EXPECTED})"
            raise ContentError(FIELD, problem, text) from error
        if actual != first:
            hint = (
                f"un Start à la première date, ici {_written(actual, start)}"
                if actual is not None
                else "une règle qui donne au moins une date à partir de Start"
            )
            problem = f"ne tombe pas à Start « {start.iso} » (attendu {hint})"
            raise ContentError(FIELD, problem, text)
        if "COUNT" not in fields:
            # dateutil deprecates COUNT with UNTIL: those rules end by their
            # COUNT, and the queries below stop at ``LAST_START`` themselves.
            rule = rule.replace(until=min(until or LAST_START, LAST_START))
        return cls(text, fields, until, rule)

    @property
    def frequency(self) -> str:
        """``DAILY``, ``WEEKLY``, ``MONTHLY`` or ``YEARLY``."""
        return self.fields["FREQ"][0]

    def starts_between(self, after: datetime, before: datetime) -> list[datetime]:
        """Naive starts from ``after`` to ``before``, both included."""
        return self.rule.between(after, min(before, LAST_START), inc=True)

    def starts_from(self, after: datetime) -> Iterator[datetime]:
        """Naive starts from ``after`` (included), lazily: for open windows."""
        return takewhile(
            lambda moment: moment <= LAST_START, self.rule.xafter(after, inc=True)
        )

    def occurs_on(self, day: date) -> bool:
        """Whether one occurrence starts on ``day``."""
        found = next(self.starts_from(datetime.combine(day, time.min)), None)
        return found is not None and found.date() == day


def _fields(text: str) -> dict[str, list[Any]]:
    """Validate each ``KEY=VALUE`` part with ``icalendar``, naming a faulty one."""
    if not text:
        raise ContentError(FIELD, f"est vide ({EXPECTED})", text)
    for part in text.split(";"):
        key, _, raw = part.partition("=")
        try:
            if not raw or key.upper() not in vRecur.types:
                raise ValueError(part)  # noqa: TRY301 (one message for every bad part)
            vRecur.from_ical(part)
        except ValueError as error:
            raise ContentError(
                FIELD,
                f"n'est pas une règle valide : « {part} » incompris ({EXPECTED})",
                text,
            ) from error
    return {key.upper(): list(values) for key, values in vRecur.from_ical(text).items()}


def _check_shape(
    text: str, fields: dict[str, list[Any]], start: PreciseDatetime
) -> None:
    """Refuse what the agenda cannot show: sub-daily rules, both bounds, a month."""
    if fields.get("FREQ", [None])[0] not in FREQUENCIES:
        allowed = ", ".join(FREQUENCIES[:-1]) + f" ou {FREQUENCIES[-1]}"
        problem = f"n'a pas de fréquence prise en charge (attendu FREQ={allowed})"
        raise ContentError(FIELD, problem, text)
    if "COUNT" in fields and "UNTIL" in fields:
        problem = "donne à la fois COUNT et UNTIL (attendu l'un ou l'autre)"
        raise ContentError(FIELD, problem, text)
    if start.precision < Precision.DAY:
        problem = (
            f"demande un Start au jour près, pas « {start.iso} » "
            "(attendu Start AAAA-MM-JJ ou AAAA-MM-JJ HH:MM)"
        )
        raise ContentError(FIELD, problem, text)
    several = [key for key in SUB_DAILY if key in fields]
    if several:
        problem = (
            f"donne {' et '.join(several)} : plusieurs heures par jour ne sont "
            "pas prises en charge (attendu au plus une occurrence par jour, à "
            "l'heure de Start, sans BYHOUR, BYMINUTE ni BYSECOND)"
        )
        raise ContentError(FIELD, problem, text)
    if start.precision is Precision.MINUTE and repeated(start):
        # A series' .ics says its start as a local time, and calendar apps
        # read one that happens twice differently (ical.js the second).
        problem = (
            f"ne peut pas partir de « {start.iso} » : cette nuit-là, le "
            f"changement d'heure fait passer {start:%H:%M} deux fois, et les "
            "agendas ne lisent pas tous la même (attendu un Start à une autre "
            "heure)"
        )
        raise ContentError(FIELD, problem, text)


def repeated(moment: datetime) -> bool:
    """Whether the clocks show this wall-clock time twice (summer time ends)."""
    first, second = moment.replace(fold=0), moment.replace(fold=1)
    return (first.utcoffset() or ZERO) > (second.utcoffset() or ZERO)


def _check_numbers(text: str, fields: dict[str, list[Any]]) -> None:
    """Refuse the numbers that would hang or crash an expansion.

    dateutil loops forever on ``INTERVAL=0`` and fails on a negative one;
    ``COUNT=0`` gives no date; an ``UNTIL`` in year 9999 overflows.
    """
    interval = fields.get("INTERVAL", [1])[0]
    if not 1 <= interval <= MAX_INTERVAL:
        problem = (
            f"a un INTERVAL de {interval} (attendu un nombre entier de 1 à "
            f"{MAX_INTERVAL}, l'écart entre deux occurrences)"
        )
        raise ContentError(FIELD, problem, text)
    count = fields.get("COUNT", [1])[0]
    if count < 1:
        problem = f"a un COUNT de {count} (attendu un nombre d'occurrences, dès 1)"
        raise ContentError(FIELD, problem, text)
    until = fields.get("UNTIL", [None])[0]
    if until is not None and not FIRST_YEAR <= until.year <= LAST_YEAR:
        problem = f"finit (UNTIL) en {until.year} (attendu {YEARS})"
        raise ContentError(FIELD, problem, text)
    for key, (limit, negative) in RANGES.items():
        for number in map(int, fields.get(key, [])):
            if not (1 <= number <= limit or (negative and -limit <= number <= -1)):
                among = f"de 1 à {limit}" + (
                    f" ou de -1 à -{limit}" if negative else ""
                )
                problem = f"a un {key}={number} qui ne peut pas être (attendu {among})"
                raise ContentError(FIELD, problem, text)
    _check_ordinals(text, fields)


def _check_ordinals(text: str, fields: dict[str, list[Any]]) -> None:
    """Refuse a numbered weekday (``2TU``) or a position that cannot be.

    dateutil fails on some (``53MO`` in a month) when it reaches them, which
    may be years after Start: they are checked here, once.
    """
    frequency = fields["FREQ"][0]
    if frequency == "DAILY" and "BYSETPOS" in fields:
        # Never a date but the first or the last: dateutil would look for
        # one up to year 9999.
        problem = (
            "donne BYSETPOS en FREQ=DAILY, où chaque jour n'a qu'une date "
            "(attendu la règle sans BYSETPOS)"
        )
        raise ContentError(FIELD, problem, text)
    in_month = frequency == "MONTHLY" or "BYMONTH" in fields
    limit = MONTH_WEEKS if in_month else YEAR_WEEKS
    for value in fields.get("BYDAY", []):
        written = str(value).upper()
        number = int(written[:-2] or 0)
        if not number:
            continue
        if frequency in {"DAILY", "WEEKLY"}:
            expected = f"un jour sans numéro, BYDAY={written[-2:]}, ou FREQ=MONTHLY"
        elif abs(number) > limit:
            where = "du mois" if in_month else "de l'année"
            expected = f"un numéro de 1 à {limit} ou de -1 à -{limit}, {where}"
        else:
            continue
        problem = f"a un jour BYDAY={written} qui ne peut pas être (attendu {expected})"
        raise ContentError(FIELD, problem, text)


def _first(rule: rrule, first: datetime, until: datetime | None) -> datetime | None:
    """Return the rule's first date (or None), looked for up to ``LAST_START`` only.

    dateutil looks for a rule's next date day after day (or month after
    month…) up to year 9999: a rule that gives none, such as
    ``FREQ=MONTHLY;BYMONTHDAY=31;BYSETPOS=2``, took seconds to be found
    wrong. Its copy started whole 400-year cycles later, whose dates are the
    same as many cycles later, reaches year 9999 within three or four
    centuries of ``LAST_YEAR``'s copy: dateutil gives up there.
    """
    later = first + _PROBE_SHIFT
    probe = rule.replace(dtstart=later)
    if until is not None:
        probe = probe.replace(until=until + _PROBE_SHIFT)
    found = probe.after(later, inc=True)
    if found is None or found - _PROBE_SHIFT > LAST_START:
        return None
    return found - _PROBE_SHIFT


def _written(moment: datetime, start: PreciseDatetime) -> str:
    """Write a naive start as the author would write it in ``Start``."""
    pattern = "%Y-%m-%d %H:%M" if start.precision is Precision.MINUTE else "%Y-%m-%d"
    return moment.strftime(pattern)


def _until(value: date | datetime | None, start: PreciseDatetime) -> datetime | None:
    """``UNTIL`` as a naive wall-clock time in the event's zone, inclusive.

    Authors write a day (``UNTIL=20191231``: up to and including that day);
    a UTC time (``…T225959Z``), as RFC 5545 asks of timed events, is moved to
    the event's zone first.
    """
    if value is None:
        return None
    if not isinstance(value, datetime):
        return datetime.combine(value, END_OF_DAY)
    if value.tzinfo is not None:
        return value.astimezone(start.tzinfo).replace(tzinfo=None)
    return value
