"""Dates in French: days (with « 1er »), times, precise dates, ranges.

Every date the site shows is said here, with names from Babel's French
locale data: « 1er » (which Babel alone does not write), « 18 h 30 »,
« octobre 2019 » for a date written to the month, « du 14 au 16 juin ».
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache

from babel.dates import format_date, get_day_names, get_month_names

from alternateur.model.dates import PreciseDatetime, Precision

LOCALE = "fr_FR"

_DAY_NAMES = get_day_names("wide", locale=LOCALE)  # 0 is Monday, as date.weekday()
_MONTH_NAMES = get_month_names("wide", locale=LOCALE)  # 1 is January
DASH = " – "


@lru_cache(maxsize=4096)
def format_day(day: date) -> str:
    """« 5 mars 2019 », with French « 1er » that Babel alone does not write.

    Kept for the days already said: Babel parses its locale at every call,
    and a thousand events' agenda says the same days again and again (a
    quarter of a preview's rebuild, ``invoke bench``).
    """
    return f"{day_number(day)} {format_date(day, 'MMMM y', locale=LOCALE)}"


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


def weekday_name(day: date | int) -> str:
    """« vendredi », for a date or a weekday number (0 is Monday)."""
    return _DAY_NAMES[day if isinstance(day, int) else day.weekday()]


def month_name(month: int) -> str:
    """« décembre » for 12."""
    return _MONTH_NAMES[month]


def of_month(month: int) -> str:
    """« de juin », « d'avril »: French elides « de » before a vowel."""
    name = month_name(month)
    return f"d'{name}" if name[0] in "aeiouéè" else f"de {name}"


def joined(words: list[str]) -> str:
    """« lundi », « lundi et jeudi », « lundi, mercredi et vendredi »."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} et {words[-1]}"


def day_number(day: date | int) -> str:
    """« 6 », and « 1er » for the first of the month."""
    number = day if isinstance(day, int) else day.day
    return "1er" if number == 1 else str(number)


def format_weekday_day(day: date) -> str:
    """« vendredi 6 décembre 2019 », « vendredi 1er novembre 2019 »."""
    return f"{weekday_name(day)} {format_day(day)}"


def _day_range(first: date, last: date) -> str:
    """« du vendredi 6 au dimanche 8 décembre 2019 », trimmed where shared."""
    if first.year != last.year:
        return f"du {format_weekday_day(first)} au {format_weekday_day(last)}"
    if first.month != last.month:
        opening = f"{weekday_name(first)} {day_number(first)} {month_name(first.month)}"
    else:
        opening = f"{weekday_name(first)} {day_number(first)}"
    return f"du {opening} au {format_weekday_day(last)}"


def _month_range(first: PreciseDatetime, last: PreciseDatetime) -> str:
    """« de juin à juillet 2018 », « de décembre 2018 à janvier 2019 »."""
    if first.year == last.year:
        return f"{of_month(first.month)} à {format_precise(last)}"
    return f"{of_month(first.month)} {first.year} à {format_precise(last)}"


def _moment(value: PreciseDatetime) -> str:
    """Say a day, with its time if it has one: « vendredi 6 décembre 2019 à 18 h »."""
    text = format_weekday_day(value.date())
    if value.precision is Precision.MINUTE:
        text += f" à {format_time(value)}"
    return text


def format_span(start: PreciseDatetime, last: PreciseDatetime | None = None) -> str:
    """Say when an occurrence happens, at the precision its author wrote.

    « juin 2018 », « vendredi 29 novembre 2019 », « vendredi 6 décembre 2019,
    18 h 30 – 21 h », « du vendredi 6 au dimanche 8 décembre 2019 ».
    """
    if last is not None and last.precision is Precision.DAY and last <= start:
        last = None  # « End: 2019-12-06 » after « Start: 2019-12-06 18:30 ».
    if start.precision is Precision.MONTH:
        return _month_span(start, last)
    if start.precision is Precision.DAY:
        return _day_span(start, last)
    return _minute_span(start, last)


def _month_span(start: PreciseDatetime, last: PreciseDatetime | None) -> str:
    # A month-precise Start only ever has a month-precise End (contents.py).
    if last is None or (last.year, last.month) == (start.year, start.month):
        return format_precise(start)
    return _month_range(start, last)


def _day_span(start: PreciseDatetime, last: PreciseDatetime | None) -> str:
    if last is None or last.date() == start.date():
        return format_weekday_day(start.date())
    if last.precision is Precision.DAY:
        return _day_range(start.date(), last.date())
    return f"du {_moment(start)} au {_moment(last)}"


def _minute_span(start: PreciseDatetime, last: PreciseDatetime | None) -> str:
    day = format_weekday_day(start.date())
    if last is None or last == start:
        return f"{day}, {format_time(start)}"
    if last.date() == start.date() and last.precision is Precision.MINUTE:
        return f"{day}, {format_time(start)}{DASH}{format_time(last)}"
    return f"du {_moment(start)} au {_moment(last)}"


def format_hours(start: PreciseDatetime, last: PreciseDatetime | None) -> str | None:
    """« de 14 h à 18 h », « à 18 h 30 », or None for a whole day or several days."""
    if start.precision is not Precision.MINUTE:
        return None
    if last is None or last == start:
        return f"à {format_time(start)}"
    if last.precision is Precision.MINUTE and last.date() == start.date():
        return f"de {format_time(start)} à {format_time(last)}"
    return None


def capitalized(text: str) -> str:
    """First letter upper case, the rest untouched (unlike ``str.capitalize``)."""
    return text[:1].upper() + text[1:]
