"""Recurrence rules of events (RFC 5545 ``RRULE``), parsed once, checked for authors.

The rule is read twice over, once by each library that has a job to do with
it: ``icalendar``'s ``vRecur`` gives its fields (validated one by one, for the
rule in words and for the ``.ics`` files), ``dateutil``'s ``rrule`` expands it.
Both happen once, when the event is read; nothing re-parses per occurrence.

Expansion runs on naive wall-clock times: « chaque vendredi à 14 h » stays at
14 h on both sides of a DST change, and each occurrence gets its own UTC
offset only when it is placed in the event's time zone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from dateutil.rrule import rrule, rrulestr
from icalendar import vRecur

from .dates import PreciseDatetime, Precision
from .errors import ContentError

FIELD = "Recurrence"
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
EXAMPLE = "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20191231"
EXPECTED = f"attendu une règle RRULE, par exemple {EXAMPLE}"
# The last second of a day: an ``UNTIL`` written as a date includes that day.
END_OF_DAY = time(23, 59, 59)


@dataclass(frozen=True, eq=False)
class Recurrence:
    """A checked rule: its fields, its inclusive bound, and its expansion."""

    text: str
    fields: dict[str, list[Any]]
    until: datetime | None  # Naive wall-clock time, inclusive.
    rule: rrule  # Naive wall-clock times, from the event's first start.

    @classmethod
    def parse(cls, value: str, start: PreciseDatetime) -> Recurrence:
        """Check ``value`` against ``start``; raise ``ContentError`` if wrong."""
        text = " ".join(str(value).split())
        if text.upper().startswith("RRULE:"):
            text = text[len("RRULE:") :]
        fields = _fields(text)
        _check_shape(text, fields, start)
        until = _until(fields.get("UNTIL", [None])[0], start)
        first = start.replace(tzinfo=None)
        without_until = ";".join(
            part for part in text.split(";") if not part.upper().startswith("UNTIL=")
        )
        try:
            rule = rrulestr(without_until, dtstart=first)
        except (ValueError, TypeError) as error:
            problem = f"n'est pas une règle valide ({EXPECTED})"
            raise ContentError(FIELD, problem, text) from error
        if until is not None:
            rule = rule.replace(until=until)
        actual = rule.after(first, inc=True)
        if actual != first:
            hint = (
                f"un Start à la première date, ici {_written(actual, start)}"
                if actual is not None
                else "une règle qui donne au moins une date à partir de Start"
            )
            problem = f"ne tombe pas à Start « {start.iso} » (attendu {hint})"
            raise ContentError(FIELD, problem, text)
        return cls(text, fields, until, rule)

    @property
    def frequency(self) -> str:
        """``DAILY``, ``WEEKLY``, ``MONTHLY`` or ``YEARLY``."""
        return self.fields["FREQ"][0]

    @property
    def bounded(self) -> bool:
        """Whether the rule ends (``UNTIL`` or ``COUNT``)."""
        return self.until is not None or "COUNT" in self.fields

    def starts_between(self, after: datetime, before: datetime) -> list[datetime]:
        """Naive starts from ``after`` to ``before``, both included."""
        return self.rule.between(after, before, inc=True)

    def starts_from(self, after: datetime) -> Iterator[datetime]:
        """Naive starts from ``after`` (included), lazily: for open windows."""
        return self.rule.xafter(after, inc=True)

    def occurs_on(self, day: date) -> bool:
        """Whether one occurrence starts on ``day``."""
        found = self.rule.after(datetime.combine(day, time.min), inc=True)
        return found is not None and found.date() == day


def _fields(text: str) -> dict[str, list[Any]]:
    """Validate each ``KEY=VALUE`` part with ``icalendar``, naming a faulty one."""
    if not text:
        raise ContentError(FIELD, f"est vide ({EXPECTED})", text)
    for part in text.split(";"):
        key, _, raw = part.partition("=")
        try:
            if not raw or key.upper() not in vRecur.types:
                raise ValueError(part)
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
