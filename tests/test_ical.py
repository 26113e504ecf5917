"""The agenda's iCalendar files, read back as calendar apps read them.

``icalendar`` parses the files; ``recurring-ical-events`` expands them into
the occurrences a calendar app would show.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from . import agenda_site
from .agenda_site import DOMAIN, LONG_TITLE, NOW_UTC
from .sites import PRODUCTION_URL, Site

PARIS = ZoneInfo("Europe/Paris")
# A week later: the same sources must give the same UIDs.
LATER = "1574424000"  # 2019-11-22 12:00 UTC


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return agenda_site.build(tmp_path_factory)


@pytest.fixture(scope="module")
def calendar(site: Site) -> Calendar:
    return Calendar.from_ical((site.output / "agenda.ics").read_bytes())


def events(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}


def test_the_calendar_names_itself_and_says_how_often_to_refresh(site: Site) -> None:
    raw = (site.output / "agenda.ics").read_bytes().decode()
    lines = raw.split("\r\n")
    assert "NAME:Agenda de L'Alternateur" in lines
    assert "X-WR-CALNAME:Agenda de L'Alternateur" in lines
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in lines
    assert "X-PUBLISHED-TTL:PT12H" in lines
    assert "METHOD:PUBLISH" in lines
    assert raw.endswith("END:VCALENDAR\r\n")


def test_every_event_of_day_precision_or_better_is_in_it_once(
    calendar: Calendar,
) -> None:
    assert sorted(events(calendar)) == [
        "apero",
        "atelier",
        "automne",
        "balises",
        "forum",
        "petit-dejeuner",
        "printemps",
        "rencontre",
        "soiree-annulee",
    ], "no month-precise event, no draft, no event twice"


def test_uids_are_stable_and_dtstamp_is_now_in_utc(
    site: Site, calendar: Calendar, tmp_path_factory: pytest.TempPathFactory
) -> None:
    raw = (site.output / "agenda.ics").read_bytes().decode()
    assert f"UID:atelier@{DOMAIN}" in raw.split("\r\n")
    stamps = {line for line in raw.split("\r\n") if line.startswith("DTSTAMP")}
    assert stamps == {f"DTSTAMP:{NOW_UTC}"}
    rebuilt = agenda_site.build(tmp_path_factory, now=LATER)
    again = Calendar.from_ical((rebuilt.output / "agenda.ics").read_bytes())
    assert [e["UID"] for e in again.walk("VEVENT")] == [
        e["UID"] for e in calendar.walk("VEVENT")
    ]


def test_local_times_carry_their_zone_and_whole_days_are_dates(site: Site) -> None:
    lines = (site.output / "agenda.ics").read_bytes().decode().split("\r\n")
    assert "DTSTART;TZID=Europe/Paris:20191115T183000" in lines
    assert "DTEND;TZID=Europe/Paris:20191115T210000" in lines
    assert "DTSTART;VALUE=DATE:20191114" in lines
    assert "DTEND;VALUE=DATE:20191117" in lines, "the end of a whole day is exclusive"
    assert lines.count("BEGIN:VTIMEZONE") == 1
    assert "TZID:Europe/Paris" in lines


def test_the_time_zone_holds_for_every_later_year_by_yearly_rules(site: Site) -> None:
    # From the file's first year, with no end: an open series needs none,
    # and ical.js reads a rule where it skipped the first of a list of dates.
    lines = (site.output / "agenda" / "atelier.ics").read_bytes().decode()
    lines = lines.replace("\r\n ", "").split("\r\n")
    zone = lines[lines.index("BEGIN:VTIMEZONE") : lines.index("END:VTIMEZONE")]
    assert zone == [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Paris",
        "BEGIN:STANDARD",
        "DTSTART:20190101T000000",
        "TZNAME:CET",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:20190331T020000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "TZNAME:CEST",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20191027T030000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
        "TZNAME:CET",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
    ]


def test_a_start_time_alone_gets_no_invented_end(calendar: Calendar) -> None:
    balises = events(calendar)["balises"]
    assert "DTEND" not in balises
    assert "DURATION" not in balises


def test_a_series_has_its_rule_and_its_cancellation_of_the_same_type(
    site: Site,
) -> None:
    lines = (site.output / "agenda.ics").read_bytes().decode().split("\r\n")
    assert "DTSTART;TZID=Europe/Paris:20190726T140000" in lines
    # UNTIL of a local-time series is in UTC (RFC 5545): 30 June 23:59:59 in Paris.
    assert "RRULE:FREQ=MONTHLY;UNTIL=20200630T215959Z;BYDAY=-1FR" in lines
    assert "EXDATE;TZID=Europe/Paris:20191227T140000" in lines


def test_cancelled_one_off_is_cancelled_the_others_confirmed(
    calendar: Calendar,
) -> None:
    statuses = {uid: str(event["STATUS"]) for uid, event in events(calendar).items()}
    assert statuses.pop("soiree-annulee") == "CANCELLED"
    assert set(statuses.values()) == {"CONFIRMED"}


def test_a_calendar_app_shows_the_series_without_its_cancelled_date(
    calendar: Calendar,
) -> None:
    shown = recurring_ical_events.of(calendar).between(
        date(2019, 7, 1), date(2020, 12, 31)
    )
    atelier = sorted(
        e["DTSTART"].dt for e in shown if str(e["UID"]) == f"atelier@{DOMAIN}"
    )
    assert [start.date() for start in atelier] == [
        date(2019, 7, 26),
        date(2019, 8, 30),
        date(2019, 9, 27),
        date(2019, 10, 25),
        date(2019, 11, 29),
        date(2020, 1, 31),
        date(2020, 2, 28),
        date(2020, 3, 27),
        date(2020, 4, 24),
        date(2020, 5, 29),
        date(2020, 6, 26),
    ]
    assert {start.astimezone(PARIS).hour for start in atelier} == {14}


def test_a_calendar_app_shows_each_dst_side_at_its_own_utc_time(
    calendar: Calendar,
) -> None:
    def utc_starts(uid: str, first: date, last: date) -> list[datetime]:
        shown = recurring_ical_events.of(calendar).between(first, last)
        return sorted(
            e["DTSTART"].dt.astimezone(UTC)
            for e in shown
            if str(e["UID"]) == f"{uid}@{DOMAIN}"
        )

    assert utc_starts("printemps", date(2019, 3, 29), date(2019, 4, 2)) == [
        datetime(2019, 3, 30, 9, tzinfo=UTC),
        datetime(2019, 3, 31, 8, tzinfo=UTC),
    ]
    assert utc_starts("automne", date(2019, 10, 25), date(2019, 10, 29)) == [
        datetime(2019, 10, 26, 8, tzinfo=UTC),
        datetime(2019, 10, 27, 9, tzinfo=UTC),
    ]


def test_long_accented_lines_fold_between_characters(site: Site) -> None:
    raw = (site.output / "agenda.ics").read_bytes()
    assert len(LONG_TITLE.encode()) > 75
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # Each physical line is valid UTF-8 on its own.
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    escaped = LONG_TITLE.replace(",", "\\,")  # RFC 5545 escapes commas in TEXT
    assert f"SUMMARY:{escaped}" in unfolded.split("\r\n")
    summary = events(Calendar.from_ical(raw))["rencontre"]["SUMMARY"]
    assert summary == LONG_TITLE


def test_texts_are_plain_and_urls_absolute(calendar: Calendar) -> None:
    found = events(calendar)
    assert str(found["balises"]["SUMMARY"]) == "La balise </script> & les autres"
    description = str(found["balises"]["DESCRIPTION"])
    assert description == (
        "On y parle de </script> et de <b> sans rien casser.\n\n"
        f"https://{DOMAIN}/agenda/balises/"
    )
    assert str(found["rencontre"]["LOCATION"]) == (
        "Maison de la vie associative, 12 rue de l'Exemple, 94500 Champigny-sur-Marne"
    )
    assert str(found["rencontre"]["URL"]) == f"https://{DOMAIN}/agenda/rencontre/"


def test_each_event_has_its_own_calendar_with_the_same_uid(site: Site) -> None:
    own = Calendar.from_ical((site.output / "agenda" / "atelier.ics").read_bytes())
    [event] = own.walk("VEVENT")
    assert str(event["UID"]) == f"atelier@{DOMAIN}"
    assert len(own.walk("VTIMEZONE")) == 1
    forum = Calendar.from_ical((site.output / "agenda" / "forum.ics").read_bytes())
    assert not forum.walk("VTIMEZONE"), "whole days need no time zone"
    assert not (site.output / "agenda" / "fete-hiver.ics").exists()


def test_the_published_agenda_ics_imports_with_the_rendez_vous_until_december_2019(
    production_site: Site,
) -> None:
    real = Calendar.from_ical((production_site.output / "agenda.ics").read_bytes())
    # The UID's domain is the published site's (PRODUCTION_URL's host).
    assert [str(e["UID"]) for e in real.walk("VEVENT")] == [
        "rendez-vous-atelier@example.org"
    ], "the Champy'Soupe and soirées are known to the month only"
    [event] = real.walk("VEVENT")
    assert str(event["URL"]) == f"{PRODUCTION_URL}/agenda/rendez-vous-atelier/"
    shown = recurring_ical_events.of(real).between(date(2019, 1, 1), date(2021, 1, 1))
    assert sorted(e["DTSTART"].dt for e in shown) == [
        date(2019, 7, 26),
        date(2019, 8, 30),
        date(2019, 9, 27),
        date(2019, 10, 25),
        date(2019, 11, 29),
        date(2019, 12, 27),
    ]


def test_a_pinned_uid_domain_survives_a_move_to_another_domain(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    moved = agenda_site.build(
        tmp_path_factory,
        settings="publishconf.py",
        env={"SITEURL": "https://nouveau.example"},
        extra_settings=(f'ICAL_UID_DOMAIN="{DOMAIN}"',),
    )
    calendar = Calendar.from_ical((moved.output / "agenda.ics").read_bytes())
    assert {str(event["UID"]) for event in calendar.walk("VEVENT")} == {
        f"{slug}@{DOMAIN}" for slug in events(calendar)
    }
    assert "nouveau.example" in str(next(iter(calendar.walk("VEVENT")))["URL"])
