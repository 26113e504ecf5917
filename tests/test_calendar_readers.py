"""The ``.ics`` files, read by real calendar libraries, say the same instants.

Mozilla's ical.js (Thunderbird) reads each file's ``VTIMEZONE``;
``icalendar`` and ``recurring-ical-events`` look ``TZID=Europe/Paris`` up in
the zone database. Both must read every event at the instants the agenda
gives it: summer and winter, a series across both changes of time, both
02:30 of the autumn night, whole days, a series open past 2038.

Not here: an occurrence of a series that falls in the hour the clocks skip
or repeat (a nightly 02:30). ical.js and icalendar read such a local time
differently from each other, and a series can only say local times; the
agenda reads it as RFC 5545 and icalendar do.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from alternateur.model.dates import FIRST_YEAR, LAST_YEAR
from alternateur.outputs.vtimezone import vtimezone
from icalendar import Calendar, Event, Timezone

from .icaljs import Read, read
from .sites import Site, run_pelican, write_content

PARIS = ZoneInfo("Europe/Paris")
SINCE = datetime(2019, 1, 1, tzinfo=UTC)
UNTIL = datetime(2100, 1, 1, tzinfo=UTC)
DOMAIN = "alternateur.example"

EVENTS = {
    # A summer evening, alone in its own file: its VTIMEZONE starts in 2019.
    "ete": ("2019-07-26 14:00", "2019-07-26 18:00", None),
    "hiver": ("2019-12-06 18:30", "2019-12-06 21:00", None),
    # The hour after the clocks go forward, and both 02:30 of the night they
    # go back.
    "matin-du-changement": ("2019-03-31 03:30", "2019-03-31 04:00", None),
    "premiere-nuit": ("2019-10-27 02:30", "2019-10-27 02:45", None),
    "seconde-nuit": ("2019-10-27T02:30:00+01:00", "2019-10-27T02:45:00+01:00", None),
    # Weekly across the autumn change, then across the spring one.
    "automne": ("2019-10-11 19:00", "2019-10-11 21:00", "FREQ=WEEKLY;COUNT=4"),
    "printemps": ("2020-03-20 19:00", "2020-03-20 21:00", "FREQ=WEEKLY;COUNT=3"),
    # Overnight, the change of time falls within the second occurrence.
    "veillee": ("2019-10-19 22:00", "2019-10-20 03:30", "FREQ=WEEKLY;COUNT=3"),
    # Whole days, once and in a series.
    "forum": ("2019-11-14", "2019-11-16", None),
    "stage": ("2019-03-30", None, "FREQ=DAILY;COUNT=3"),
    # Open, starting long after 2038.
    "lointain": ("2099-01-02 10:00", "2099-01-02 12:00", "FREQ=WEEKLY"),
}


def _file(slug: str, start: str, end: str | None, rule: str | None) -> str:
    lines = [f"Title: {slug}", f"Start: {start}"]
    lines += [f"End: {end}"] if end else []
    lines += [f"Recurrence: {rule}"] if rule else []
    return "\n".join(lines) + "\n\nTexte.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("calendar-readers")
    files = {
        f"events/{slug}.md": _file(slug, *fields) for slug, fields in EVENTS.items()
    }
    content = write_content(root / "content", files)
    extra = ("-e", f'AGENDA_DOMAIN="{DOMAIN}"')
    result = run_pelican(content, root / "output", extra=extra)
    built = Site(root / "output", result)
    assert result.returncode == 0, built.log
    return built


def _instant(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return value


def by_icalendar(path: Path) -> list[Read]:
    """Occurrences as ``recurring-ical-events`` expands them."""
    calendar = Calendar.from_ical(path.read_bytes())
    found = [
        Read(
            str(event["UID"]),
            _instant(event["DTSTART"].dt),
            _instant(event["DTEND"].dt),
        )
        for event in recurring_ical_events.of(calendar).between(SINCE, UNTIL)
    ]
    return sorted(found, key=lambda item: (item.uid, str(item.start)))


def by_agenda(site: Site, slug: str) -> list[tuple[datetime, datetime]]:
    """The sessions the event's page gives (JSON-LD), as UTC instants."""
    script = site.page(f"agenda/{slug}/").css_first(
        'script[type="application/ld+json"]'
    )
    data: Any = json.loads(script.text())
    items = data if isinstance(data, list) else [data]
    return [
        (
            datetime.fromisoformat(item["startDate"]).astimezone(UTC),
            datetime.fromisoformat(item["endDate"]).astimezone(UTC),
        )
        for item in items
    ]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def starts(found: list[Read], slug: str) -> list[date | datetime]:
    return [item.start for item in found if item.uid == f"{slug}@{DOMAIN}"]


def test_ical_js_and_icalendar_read_each_event_s_own_file_alike(site: Site) -> None:
    for slug in EVENTS:
        path = site.output / "agenda" / f"{slug}.ics"
        assert read([path], SINCE, UNTIL) == by_icalendar(path), slug


def test_ical_js_and_icalendar_read_the_whole_agenda_alike(site: Site) -> None:
    path = site.output / "agenda.ics"
    assert read([path], SINCE, UNTIL) == by_icalendar(path)


def test_a_summer_event_alone_in_its_file_is_read_at_its_summer_time(
    site: Site,
) -> None:
    [ete] = read([site.output / "agenda" / "ete.ics"], SINCE, UNTIL)
    assert (ete.start, ete.end) == (utc(2019, 7, 26, 12), utc(2019, 7, 26, 16))
    [hiver] = read([site.output / "agenda" / "hiver.ics"], SINCE, UNTIL)
    assert (hiver.start, hiver.end) == (utc(2019, 12, 6, 17, 30), utc(2019, 12, 6, 20))
    [matin] = read([site.output / "agenda" / "matin-du-changement.ics"], SINCE, UNTIL)
    assert matin.start == utc(2019, 3, 31, 1, 30), "03:30 in summer time"


@pytest.mark.parametrize(
    ("slug", "start", "end"),
    [
        ("premiere-nuit", utc(2019, 10, 27, 0, 30), utc(2019, 10, 27, 0, 45)),
        ("seconde-nuit", utc(2019, 10, 27, 1, 30), utc(2019, 10, 27, 1, 45)),
    ],
)
def test_each_0230_of_the_autumn_night_is_read_as_written(
    site: Site, slug: str, start: datetime, end: datetime
) -> None:
    # A local 02:30 that night is the first for icalendar, the second for
    # ical.js: only UTC says either one to both.
    path = site.output / "agenda" / f"{slug}.ics"
    lines = path.read_bytes().decode().split("\r\n")
    assert f"DTSTART:{start:%Y%m%dT%H%M%SZ}" in lines
    assert f"DTEND:{end:%Y%m%dT%H%M%SZ}" in lines
    [night] = read([path], SINCE, UNTIL)
    assert (night.start, night.end) == (start, end)
    assert by_agenda(site, slug) == [(start, end)], "endDate after startDate"


def test_a_weekly_series_keeps_its_wall_clock_time_across_both_changes(
    site: Site,
) -> None:
    found = read([site.output / "agenda.ics"], SINCE, UNTIL)
    assert starts(found, "automne") == [
        utc(2019, 10, 11, 17),
        utc(2019, 10, 18, 17),
        utc(2019, 10, 25, 17),
        utc(2019, 11, 1, 18),
    ]
    assert starts(found, "printemps") == [
        utc(2020, 3, 20, 18),
        utc(2020, 3, 27, 18),
        utc(2020, 4, 3, 17),
    ]


@pytest.mark.parametrize("slug", ["ete", "hiver", "automne", "printemps", "veillee"])
def test_the_agenda_gives_each_session_the_instants_calendar_apps_show(
    site: Site, slug: str
) -> None:
    found = read([site.output / "agenda" / f"{slug}.ics"], SINCE, UNTIL)
    assert by_agenda(site, slug) == [(item.start, item.end) for item in found]


def test_an_overnight_session_across_the_change_keeps_its_wall_clock_times(
    site: Site,
) -> None:
    # 22:00 to 03:30, also the night the clocks go back: an hour longer.
    sessions = by_agenda(site, "veillee")
    assert [end - start for start, end in sessions] == [
        timedelta(hours=5, minutes=30),
        timedelta(hours=6, minutes=30),
        timedelta(hours=5, minutes=30),
    ]


def test_whole_days_stay_dates(site: Site) -> None:
    found = read([site.output / "agenda.ics"], SINCE, UNTIL)
    forum = [item for item in found if item.uid == f"forum@{DOMAIN}"]
    assert [(item.start, item.end) for item in forum] == [
        (date(2019, 11, 14), date(2019, 11, 17))
    ]
    assert starts(found, "stage") == [
        date(2019, 3, 30),
        date(2019, 3, 31),
        date(2019, 4, 1),
    ]


def test_an_open_series_far_ahead_is_read_in_summer_time_in_its_summer(
    site: Site,
) -> None:
    found = read([site.output / "agenda" / "lointain.ics"], SINCE, UNTIL)
    first = {item.start for item in found if item.start.month in {1, 7}}
    assert utc(2099, 1, 2, 9) in first, "winter: UTC+1"
    assert utc(2099, 7, 3, 8) in first, "summer: UTC+2"
    assert len(found) == 52


def changes_of_time(zone: ZoneInfo, first_year: int) -> list[datetime]:
    """Every instant the zone changes its offset, from ``first_year`` to the end."""

    def offset(minute: int) -> timedelta | None:
        return datetime.fromtimestamp(minute * 60, zone).utcoffset()

    found = []
    day = 24 * 60
    minute = int(datetime(first_year, 1, 1, tzinfo=UTC).timestamp()) // 60
    stop = int(datetime(LAST_YEAR + 2, 1, 1, tzinfo=UTC).timestamp()) // 60
    while minute < stop:
        if offset(minute + day) != offset(minute):
            low, high = minute, minute + day
            while high - low > 1:
                middle = (low + high) // 2
                same = offset(middle) == offset(low)
                low, high = (middle, high) if same else (low, middle)
            found.append(datetime.fromtimestamp(high * 60, UTC))
        minute += day
    return found


def unambiguous(instant: datetime, zone: ZoneInfo) -> bool:
    """Whether the zone's wall-clock time says this instant and no other."""
    local = instant.astimezone(zone).replace(tzinfo=None)
    offsets = {local.replace(tzinfo=zone, fold=fold).utcoffset() for fold in (0, 1)}
    return len(offsets) == 1


@pytest.mark.parametrize(
    ("key", "first_year"),
    [
        ("Europe/Paris", FIRST_YEAR),
        ("Europe/Paris", 2019),
        ("Europe/Paris", LAST_YEAR),
        # Other rules: the US's, the southern hemisphere's, a Friday before
        # the last Sunday, a winter time below standard time, and changes
        # that follow no yearly rule.
        ("America/New_York", FIRST_YEAR),
        ("Australia/Sydney", 2019),
        ("Asia/Jerusalem", 2019),
        ("Europe/Dublin", FIRST_YEAR),
        ("Africa/Casablanca", 2019),
    ],
)
def test_the_vtimezone_gives_every_change_of_time_as_the_zone_database(
    tmp_path: Path, key: str, first_year: int
) -> None:
    # Local times around each change from first_year to the end: ical.js
    # converts them with the file's VTIMEZONE, and so does icalendar when
    # told not to look the TZID up.
    zone = ZoneInfo(key)
    moments = [
        change + timedelta(minutes=minutes)
        for change in changes_of_time(zone, first_year)
        for minutes in (-61, -31, -1, 1, 31, 61)
        if unambiguous(change + timedelta(minutes=minutes), zone)
    ]
    assert len(moments) > 2 * (LAST_YEAR - first_year)
    definition = vtimezone(key, first_year)
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//test//")
    calendar.add_component(Timezone.from_ical(definition))
    for index, instant in enumerate(moments):
        event = Event()
        event.add("uid", f"{index:05d}")
        event.add("dtstart", instant.astimezone(zone))
        event.add("dtend", instant.astimezone(zone) + timedelta(minutes=1))
        calendar.add_component(event)
    path = tmp_path / "zone.ics"
    path.write_bytes(calendar.to_ical())
    found = read([path], SINCE, UNTIL)
    assert [item.start for item in found] == moments
    own = Timezone.from_ical(definition).to_tz(lookup_tzid=False)
    assert [
        instant.astimezone(zone).replace(tzinfo=own).astimezone(UTC)
        for instant in moments
    ] == moments
