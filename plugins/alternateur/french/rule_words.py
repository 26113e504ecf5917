"""A recurrence rule said in French: « chaque dernier vendredi du mois ».

Words are built from the rule's parsed fields, for the shapes an association
writes (weekly on some days, monthly on the n-th weekday or on a day of the
month, yearly on a date), with ``INTERVAL``, ``UNTIL`` and ``COUNT``.
Anything else gets a plain sentence rather than words that could be wrong:
the event's page lists its next dates anyway. Further dates (``Dates``) are
listed by month: « les 3, 10 et 24 mars 2027 », after the rule's words if
there is one (« …, et les 3 et 10 mars 2027 »).
"""

from __future__ import annotations

import re
from datetime import date
from itertools import groupby
from typing import Any

from alternateur.model.dates import PreciseDatetime
from alternateur.model.recurrence import Recurrence

from .dates import (
    day_number,
    format_day,
    format_hours,
    format_precise,
    joined,
    month_name,
    of_month,
    weekday_name,
)

FALLBACK = "à dates régulières"
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # date.weekday() order
ORDINALS = {
    1: "premier",
    2: "deuxième",
    3: "troisième",
    4: "quatrième",
    5: "cinquième",
    -1: "dernier",
    -2: "avant-dernier",
}
# Fields whose meaning the words below cover; any other falls back.
_WORDED = frozenset(
    {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS"}
    | {"COUNT", "UNTIL", "WKST"}
)
_BYDAY = re.compile(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")


def describe(
    recurrence: Recurrence,
    start: PreciseDatetime,
    last: PreciseDatetime | None,
    *,
    bound: bool = True,
) -> str:
    """Say the rule: pattern, hours and (unless told not to) its end.

    « chaque dernier vendredi du mois, de 14 h à 18 h, jusqu'au 31 décembre
    2019 ». ``start`` and ``last`` are the event's ``Start`` and ``End``.
    """
    pattern = _pattern(recurrence.fields, start)
    parts = [pattern or FALLBACK]
    if pattern is not None:
        parts.append(format_hours(start, last) or "")
    if bound:
        parts.append(bound_words(recurrence))
    return ", ".join(part for part in parts if part)


def dates_words(days: list[date]) -> str:
    """« le 3 mars 2027 », « les 3, 10 et 24 mars et le 7 avril 2027 ».

    Days of one month share its name, days of one year its number.
    """
    ordered = sorted(set(days))
    groups = []
    for year, in_year in groupby(ordered, key=lambda day: day.year):
        months = [
            (month, [day_number(day) for day in in_month])
            for month, in_month in groupby(in_year, key=lambda day: day.month)
        ]
        for index, (month, numbers) in enumerate(months):
            article = "le" if len(numbers) == 1 else "les"
            words = f"{article} {joined(numbers)} {month_name(month)}"
            groups.append(words + (f" {year}" if index == len(months) - 1 else ""))
    return joined(groups)


def describe_dates(
    recurrence: Recurrence | None,
    start: PreciseDatetime,
    last: PreciseDatetime | None,
    dates: list[PreciseDatetime],
    *,
    bound: bool = True,
) -> str:
    """Say a rule and its further dates, or the dates alone (with their hours).

    « chaque premier mercredi du mois, à 14 h, et le 24 mars 2027 »;
    « les 3, 10 et 24 mars 2027, de 14 h à 18 h ».
    """
    same_time = all(moment.time() == start.time() for moment in dates)
    if recurrence is not None:
        words = describe(recurrence, start, last, bound=bound)
        if not dates:
            return words
        if same_time:
            extra = dates_words([moment.date() for moment in dates])
        else:  # Each further date says its own time.
            extra = joined([f"le {format_precise(moment)}" for moment in dates])
        return f"{words}, et {extra}"
    if not same_time:
        return joined([f"le {format_precise(m)}" for m in [start, *dates]])
    days = dates_words([start.date(), *(moment.date() for moment in dates)])
    hours = format_hours(start, last)
    return f"{days}, {hours}" if hours else days


def bound_words(recurrence: Recurrence) -> str:
    """« jusqu'au 31 décembre 2019 », « 8 fois », or nothing for open rules."""
    if recurrence.until is not None:
        return f"jusqu'au {format_day(recurrence.until.date())}"
    if "COUNT" in recurrence.fields:
        return f"{recurrence.fields['COUNT'][0]} fois"
    return ""


def _pattern(fields: dict[str, list[Any]], start: PreciseDatetime) -> str | None:
    if set(fields) - _WORDED:
        return None
    interval = int(fields.get("INTERVAL", [1])[0])
    days = _weekdays(fields)
    if days is None:
        return None
    by = {key for key in fields if key.startswith("BY")}
    frequency = fields["FREQ"][0]
    if frequency in {"DAILY", "WEEKLY"}:
        return _weekly(frequency, interval, by, days, start)
    if frequency == "MONTHLY":
        return _monthly(fields, interval, by, days, start)
    return _yearly(fields, interval, by, days, start)


def _weekdays(fields: dict[str, list[Any]]) -> list[tuple[int | None, int]] | None:
    """``BYDAY`` as (ordinal or None, weekday), with ``BYSETPOS`` folded in."""
    days = []
    for value in fields.get("BYDAY", []):
        match = _BYDAY.fullmatch(str(value).upper())
        if not match:
            return None
        ordinal = int(match[1]) if match[1] else None
        days.append((ordinal, ICAL_DAYS.index(match[2])))
    positions = [int(p) for p in fields.get("BYSETPOS", [])]
    if positions:
        # « BYDAY=FR;BYSETPOS=-1 » is the last Friday, like « BYDAY=-1FR ».
        if len(positions) != 1 or len(days) != 1 or days[0][0] is not None:
            return None
        days = [(positions[0], days[0][1])]
    return days


def _every(interval: int, unit: str, *, feminine: bool = False) -> str:
    """« tous les 2 mois », « toutes les 3 semaines »."""
    return f"{'toutes' if feminine else 'tous'} les {interval} {unit}"


def _weekly(
    frequency: str,
    interval: int,
    by: set[str],
    days: list[tuple[int | None, int]],
    start: PreciseDatetime,
) -> str | None:
    if by - {"BYDAY"} or any(ordinal is not None for ordinal, _ in days):
        return None
    if frequency == "DAILY":
        if not days:
            return "chaque jour" if interval == 1 else _every(interval, "jours")
        if interval != 1:
            return None  # Every other day, on some weekdays: no plain words.
    names = [weekday_name(day) for _, day in sorted(days, key=lambda d: d[1])] or [
        weekday_name(start.date())
    ]
    if interval == 1:
        return f"chaque {joined(names)}"
    if interval == 2 and len(names) == 1:  # noqa: PLR2004 (« un … sur deux »)
        return f"un {names[0]} sur deux"
    every = _every(interval, "semaines", feminine=True)
    return f"{every}, {joined([f'le {name}' for name in names])}"


def _nth_weekdays(days: list[tuple[int | None, int]]) -> str | None:
    """« dernier vendredi », « premier et troisième mardi », for one weekday."""
    weekdays = {day for _, day in days}
    ordinals = [ordinal for ordinal, _ in days]
    if len(weekdays) != 1 or None in ordinals or not set(ordinals) <= set(ORDINALS):
        return None
    ordered = sorted(ordinals, key=lambda n: (n < 0, n))
    return f"{joined([ORDINALS[n] for n in ordered])} {weekday_name(weekdays.pop())}"


def _month_days(values: list[Any]) -> str | None:
    """« le 15 », « le 1er et le 15 », « le dernier jour »."""
    numbers = [int(value) for value in values]
    if numbers == [-1]:
        return "le dernier jour"
    if any(number < 1 for number in numbers):
        return None
    return joined([f"le {day_number(number)}" for number in sorted(numbers)])


def _monthly(
    fields: dict[str, list[Any]],
    interval: int,
    by: set[str],
    days: list[tuple[int | None, int]],
    start: PreciseDatetime,
) -> str | None:
    if by - {"BYDAY", "BYSETPOS", "BYMONTHDAY"} or (days and "BYMONTHDAY" in by):
        return None
    if days:
        nth = _nth_weekdays(days)
        every, once = (f"chaque {nth} du mois", f"le {nth} du mois")
    else:
        nth = _month_days(fields.get("BYMONTHDAY", [start.day]))
        every, once = (f"{nth} de chaque mois", f"{nth} du mois")
    if nth is None:
        return None
    return every if interval == 1 else f"{once}, {_every(interval, 'mois')}"


def _yearly(
    fields: dict[str, list[Any]],
    interval: int,
    by: set[str],
    days: list[tuple[int | None, int]],
    start: PreciseDatetime,
) -> str | None:
    months = [int(month) for month in fields.get("BYMONTH", [start.month])]
    if by - {"BYMONTH", "BYDAY", "BYSETPOS", "BYMONTHDAY"} or len(months) != 1:
        return None
    [month] = months
    every = "chaque année" if interval == 1 else _every(interval, "ans")
    if days:
        nth = _nth_weekdays(days)
        if nth is None or "BYMONTHDAY" in by or "BYMONTH" not in by:
            return None
        if interval == 1:
            return f"chaque {nth} {of_month(month)}"
        return f"le {nth} {of_month(month)}, {every}"
    monthdays = [int(day) for day in fields.get("BYMONTHDAY", [start.day])]
    if len(monthdays) != 1 or monthdays[0] < 1:
        return None
    return f"{every}, le {day_number(monthdays[0])} {month_name(month)}"
