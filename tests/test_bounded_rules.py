"""No rule or date of a content file can hang, crash or bloat the build.

Each of these once did: ``INTERVAL=0`` looped forever in dateutil, a
``COUNT`` of millions or an ``UNTIL`` in 9999 crashed after pages were written
(``year 10001 is out of range``), ``End: 9999-12-31`` overflowed, a rule
for every minute of the day made a 55 MB page. Now a series is expanded only
as far as the agenda needs, up to the end of ``LAST_YEAR`` at most, and
anything else stops the strict build with one line naming the file.

Speed is the benchmark's business (``invoke bench``); here a build that
hangs fails after ``HANG`` seconds instead of hanging the test run.
"""

from __future__ import annotations

import copy
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import FrameType

import pytest
import recurring_ical_events
from alternateur.model.contents import Event
from alternateur.settings import DEFAULTS
from icalendar import Calendar
from pelican.settings import DEFAULT_CONFIG

from .content_errors import reported
from .sites import Site, run_pelican, write_content

# Far more than any of these builds takes: a guard against a hang, not a budget.
HANG = 300


@contextmanager
def deadline(seconds: int = HANG) -> Iterator[None]:
    """Raise ``TimeoutError`` in the test if the block runs for ``seconds``."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"toujours en cours après {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_interval_zero_is_refused_rather_than_looped_on() -> None:
    settings = {**copy.deepcopy(DEFAULT_CONFIG), **DEFAULTS, "TIMEZONE": "Europe/Paris"}
    metadata = {
        "title": "Atelier",
        "slug": "atelier",
        "start": "2019-07-26 14:00",
        "recurrence": "FREQ=WEEKLY;INTERVAL=0",
    }
    with deadline():
        event = Event("<p>Texte.</p>", metadata=metadata, settings=settings)
    assert event.problems == [
        (
            "Recurrence « FREQ=WEEKLY;INTERVAL=0 » a un INTERVAL de 0 (attendu un "
            "nombre entier de 1 à 1000, l'écart entre deux occurrences)"
        )
    ]


def build(root: Path, files: dict[str, str]) -> Site:
    content = write_content(root / "content", files)
    with deadline():
        result = run_pelican(content, root / "output")
    return Site(root / "output", result)


def event(header: str) -> str:
    return f"Title: Un événement\n{header}\n\nTexte.\n"


def at_line(text: str, message: str) -> str:
    """« , ligne 3 » for the line of the field ``message`` starts with, if any."""
    field = message.split(" ", 1)[0]
    for number, written in enumerate(text.split("\n"), start=1):
        if written.startswith(f"{field}:"):
            return f", ligne {number}"
    return ""


LONG_SERIES = {
    "events/hebdo.md": event(
        "Start: 2019-07-26 14:00\nEnd: 2019-07-26 16:00\n"
        "Recurrence: FREQ=WEEKLY;COUNT=1000000"
    ),
    "events/quotidien.md": event(
        "Start: 2019-07-26 10:00\nRecurrence: FREQ=DAILY;COUNT=10000000"
    ),
    "events/annuel.md": event(
        "Start: 2019-07-26\nRecurrence: FREQ=YEARLY;UNTIL=20991231"
    ),
    "events/depuis-1970.md": event(
        "Start: 1970-01-01 18:00\nRecurrence: FREQ=DAILY\nCancelled: 2026-11-27"
    ),
    "events/le-dernier-soir.md": event(
        "Start: 2099-12-31 23:00\nEnd: 2099-12-31 23:59"
    ),
    "events/le-dernier-mois.md": event("Start: 2099-12"),
}


@pytest.fixture(scope="module")
def long_series(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = build(tmp_path_factory.mktemp("long-series"), LONG_SERIES)
    assert site.result.returncode == 0, site.log
    return site


def test_series_of_millions_and_dates_up_to_the_last_year_build(
    long_series: Site,
) -> None:
    for name in LONG_SERIES:
        slug = Path(name).stem
        assert (long_series.output / "agenda" / slug / "index.html").is_file()
    assert "Traceback" not in long_series.log


def test_a_series_of_millions_is_announced_and_exported_as_written(
    long_series: Site,
) -> None:
    raw = (long_series.output / "agenda.ics").read_bytes()
    lines = raw.decode().split("\r\n")
    assert "RRULE:FREQ=WEEKLY;COUNT=1000000" in lines
    assert "RRULE:FREQ=DAILY;COUNT=10000000" in lines
    assert "RRULE:FREQ=YEARLY;UNTIL=20991231" in lines
    shown = recurring_ical_events.of(Calendar.from_ical(raw)).between(
        date(2026, 11, 25), date(2026, 12, 5)
    )
    fridays = sorted(
        e["DTSTART"].dt.date() for e in shown if str(e["UID"]).startswith("hebdo@")
    )
    assert fridays == [date(2026, 11, 27), date(2026, 12, 4)]
    text = long_series.text("agenda/quotidien/")
    assert "25 novembre 2026" in text, "the next dates, from the build's now"


def test_a_daily_series_since_1970_keeps_its_cancelled_date(long_series: Site) -> None:
    text = long_series.text("agenda/depuis-1970/")
    assert "27 novembre 2026" in text
    raw = (long_series.output / "agenda" / "depuis-1970.ics").read_bytes()
    assert b"EXDATE;TZID=Europe/Paris:20261127T180000" in raw.split(b"\r\n")


# Each file alone in a correct site would stop the build with this line.
REFUSED = {
    "events/zero.md": (
        "Start: 2019-07-26 14:00\nRecurrence: FREQ=WEEKLY;INTERVAL=0",
        (
            "Recurrence « FREQ=WEEKLY;INTERVAL=0 » a un INTERVAL de 0 (attendu un "
            "nombre entier de 1 à 1000"
        ),
    ),
    "events/negatif.md": (
        "Start: 2019-07-26 14:00\nRecurrence: FREQ=WEEKLY;INTERVAL=-1",
        "Recurrence « FREQ=WEEKLY;INTERVAL=-1 » a un INTERVAL de -1",
    ),
    "events/aucune.md": (
        "Start: 2019-07-26 14:00\nRecurrence: FREQ=WEEKLY;COUNT=0",
        "Recurrence « FREQ=WEEKLY;COUNT=0 » a un COUNT de 0",
    ),
    "events/chaque-minute.md": (
        "Start: 2019-07-26\nRecurrence: FREQ=DAILY;BYHOUR="
        + ",".join(map(str, range(24)))
        + ";BYMINUTE="
        + ",".join(map(str, range(60))),
        (
            "Recurrence « FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,"
            "17,18,19,20,21,22,23;BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,"
            "17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,"
            "41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59 » donne BYHOUR "
            "et BYMINUTE : plusieurs heures par jour ne sont pas prises en charge"
        ),
    ),
    "events/an-9999.md": (
        "Start: 2019-07-26\nRecurrence: FREQ=YEARLY;UNTIL=99991231",
        (
            "Recurrence « FREQ=YEARLY;UNTIL=99991231 » finit (UNTIL) en 9999 (attendu "
            "une année de 1970 à 2099)"
        ),
    ),
    "events/sans-fin.md": (
        "Start: 2019-07-26 18:00\nEnd: 9999-12-31",
        (
            "End « 9999-12-31 » n'est pas une date acceptée (attendu une année de "
            "1970 à 2099)"
        ),
    ),
    "events/autrefois.md": (
        "Start: 1900-01-01 18:00",
        (
            "Start « 1900-01-01 18:00 » n'est pas une date acceptée (attendu une "
            "année de 1970 à 2099)"
        ),
    ),
    "events/lundi-53.md": (
        "Start: 2019-01-04 14:00\nRecurrence: FREQ=MONTHLY;BYDAY=53MO,FR",
        (
            "Recurrence « FREQ=MONTHLY;BYDAY=53MO,FR » a un jour BYDAY=53MO qui ne "
            "peut pas être (attendu un numéro de 1 à 5 ou de -1 à -5, du mois)"
        ),
    ),
    "events/treizieme-mois.md": (
        "Start: 2019-07-26\nRecurrence: FREQ=YEARLY;BYMONTH=13",
        (
            "Recurrence « FREQ=YEARLY;BYMONTH=13 » a un BYMONTH=13 qui ne peut pas "
            "être (attendu de 1 à 12)"
        ),
    ),
    "events/jamais.md": (
        "Start: 2019-01-30\nRecurrence: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        (
            "Recurrence « FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 » ne tombe pas à Start "
            "« 2019-01-30 » (attendu une règle qui donne au moins une date à partir "
            "de Start)"
        ),
    ),
    "events/deuxieme-du-mois.md": (
        "Start: 2019-01-31\nRecurrence: FREQ=MONTHLY;BYMONTHDAY=31;BYSETPOS=2",
        "Recurrence « FREQ=MONTHLY;BYMONTHDAY=31;BYSETPOS=2 » ne tombe pas à Start",
    ),
    "events/deuxieme-du-jour.md": (
        "Start: 2019-01-31\nRecurrence: FREQ=DAILY;BYSETPOS=2",
        "Recurrence « FREQ=DAILY;BYSETPOS=2 » donne BYSETPOS en FREQ=DAILY",
    ),
    "events/nuit-repetee.md": (
        "Start: 2019-10-27T02:30:00+01:00\nRecurrence: FREQ=WEEKLY",
        (
            "Recurrence « FREQ=WEEKLY » ne peut pas partir de "
            "« 2019-10-27T02:30:00+01:00 » : cette nuit-là, le changement d'heure "
            "fait passer 02:30 deux fois"
        ),
    ),
}


def test_each_rule_or_date_that_cannot_be_stops_the_build_with_its_line(
    tmp_path: Path,
) -> None:
    files = {name: event(header) for name, (header, _) in REFUSED.items()}
    files["events/bon.md"] = event("Start: 2019-07-26 14:00")
    site = build(tmp_path, files)
    assert site.result.returncode == 1, site.log
    expected = [
        f"{name}{at_line(event(header), line)}: {line}"
        for name, (header, line) in REFUSED.items()
    ]
    missing = [line for line in expected if not reported(site.log, line)]
    assert not missing, site.log
    assert "Traceback" not in site.log
