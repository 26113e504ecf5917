"""``Dates``: an event's further occurrences, with or without a rule.

A fixture site built at ``agenda_site.NOW`` (Friday 15 November 2019, 13:00
in Paris) holds one event on explicit dates only, one with a rule and further
dates (one of them at another hour, and cancelled), one whose dates are all
past, and one tonight with a later date; each is read on its page, in the
agenda, in its ``.ics`` (by icalendar with recurring-ical-events, and by
ical.js) and in its JSON-LD.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
import recurring_ical_events
from alternateur.french.rule_words import dates_words
from alternateur.model import occurrences
from icalendar import Calendar
from playwright.sync_api import Browser

from . import agenda_site
from .browser import serve
from .icaljs import read
from .sites import Site, plain
from .test_agenda_recurrence import NOW, event

SINCE = datetime(2019, 1, 1, tzinfo=UTC)
UNTIL = datetime(2021, 1, 1, tzinfo=UTC)

FILES = {
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nLes rendez-vous.\n",
    "pages/accueil.md": (
        "Title: Accueil\nTemplate: home\nSave_as: index.html\nURL:\n\nBienvenue.\n"
    ),
    "events/ateliers.md": """
        Title: Ateliers de réparation
        Start: 2019-11-08 14:00
        End: 2019-11-08 17:00
        Dates: 2020-01-10 14:00, 2019-11-22 14:00, 2019-12-06 14:00
        Cancelled: 2019-12-06
        Location: L'Atelier

        À dates irrégulières.
    """,
    "events/cafe.md": """
        Title: Café des voisins
        Start: 2019-11-05 19:00
        End: 2019-11-05 21:00
        Recurrence: FREQ=MONTHLY;BYDAY=1TU;COUNT=3
        Dates: 2019-11-19 19:00, 2019-12-17 20:00
        Cancelled: 2019-12-17

        Le premier mardi, et deux mardis de plus.
    """,
    "events/fini.md": """
        Title: Cycle d'octobre
        Start: 2019-10-03
        Dates: 2019-10-10, 2019-10-24

        Trois jeudis.
    """,
    "events/soir.md": """
        Title: Soirée jeux
        Start: 2019-11-15 18:30
        End: 2019-11-15 21:00
        Dates: 2019-11-29 18:30

        Deux vendredis.
    """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return agenda_site.build(tmp_path_factory, files=FILES)


# The model: occurrences.


def test_dates_without_a_rule_are_occurrences_in_order_each_as_long_as_the_first():
    found = occurrences.between(
        event(
            Start="2027-03-03 14:00",
            End="2027-03-03 16:30",
            Dates="2027-03-24 14:00, 2027-03-10 15:00",
        ),
        datetime(2027, 1, 1, tzinfo=UTC),
        datetime(2028, 1, 1, tzinfo=UTC),
    )
    assert [(o.start.iso, o.last.iso) for o in found if o.last] == [
        ("2027-03-03T14:00:00+01:00", "2027-03-03T16:30:00+01:00"),
        ("2027-03-10T15:00:00+01:00", "2027-03-10T17:30:00+01:00"),
        ("2027-03-24T14:00:00+01:00", "2027-03-24T16:30:00+01:00"),
    ]


def test_a_rule_and_its_further_dates_merge_and_either_may_be_cancelled():
    series = event(
        Start="2019-11-05 19:00",
        Recurrence="FREQ=MONTHLY;BYDAY=1TU;COUNT=3",
        Dates="2019-11-19 19:00, 2019-12-17 20:00",
        Cancelled="2019-12-03, 2019-12-17",
    )
    found = occurrences.between(series, SINCE, UNTIL)
    assert [(o.start.iso, o.cancelled) for o in found] == [
        ("2019-11-05T19:00:00+01:00", False),
        ("2019-11-19T19:00:00+01:00", False),
        ("2019-12-03T19:00:00+01:00", True),
        ("2019-12-17T20:00:00+01:00", True),
        ("2020-01-07T19:00:00+01:00", False),
    ]
    upcoming = list(occurrences.upcoming(series, NOW))
    assert [o.start.day for o in upcoming] == [19, 3, 17, 7]
    assert [o.start.day for o in occurrences.past(series, NOW)] == [5]


def test_dates_across_the_change_of_time_keep_their_wall_clock_hour():
    found = occurrences.between(
        event(Start="2019-10-18 19:00", Dates="2019-11-01 19:00"), SINCE, UNTIL
    )
    assert [o.start.iso for o in found] == [
        "2019-10-18T19:00:00+02:00",
        "2019-11-01T19:00:00+01:00",
    ]


def test_far_future_dates_are_read_and_listed():
    far = event(Start="2099-12-30", Dates="2099-12-31")
    assert [o.start.iso for o in occurrences.upcoming(far, NOW)] == [
        "2099-12-30",
        "2099-12-31",
    ]


def test_an_empty_dates_field_is_no_further_date():
    assert event(Start="2027-03-03 14:00", Dates="  ").dates == []


# Words.


@pytest.mark.parametrize(
    ("days", "words"),
    [
        ([date(2027, 3, 3)], "le 3 mars 2027"),
        (
            [date(2027, 3, 24), date(2027, 3, 3), date(2027, 3, 10)],
            "les 3, 10 et 24 mars 2027",
        ),
        (
            [date(2027, 3, 1), date(2027, 3, 8), date(2027, 4, 7)],
            "les 1er et 8 mars et le 7 avril 2027",
        ),
        (
            [date(2027, 12, 30), date(2028, 1, 6)],
            "le 30 décembre 2027 et le 6 janvier 2028",
        ),
    ],
)
def test_dates_are_said_by_month_and_year(days: list[date], words: str) -> None:
    assert dates_words(days) == words


# The site.


def test_the_agenda_announces_each_further_date_and_marks_the_cancelled_one(
    site: Site,
) -> None:
    dates = site.texts("agenda/", "#a-venir .occurrence-date")
    titles = site.texts("agenda/", "#a-venir .occurrence-title")
    assert list(zip(titles, dates, strict=True)) == [
        ("Soirée jeux", "vendredi 15 novembre 2019, 18 h 30 – 21 h"),
        ("Café des voisins", "mardi 19 novembre 2019, 19 h – 21 h"),
        ("Ateliers de réparation", "vendredi 22 novembre 2019, 14 h – 17 h"),
        ("Soirée jeux", "vendredi 29 novembre 2019, 18 h 30 – 21 h"),
        ("Café des voisins", "mardi 3 décembre 2019, 19 h – 21 h"),
        ("Ateliers de réparation", "vendredi 6 décembre 2019, 14 h – 17 h Annulé"),
        ("Café des voisins", "mardi 17 décembre 2019, 20 h – 22 h Annulé"),
        ("Café des voisins", "mardi 7 janvier 2020, 19 h – 21 h"),
        ("Ateliers de réparation", "vendredi 10 janvier 2020, 14 h – 17 h"),
    ]


def test_a_past_series_of_dates_is_listed_once_with_its_dates_in_words(
    site: Site,
) -> None:
    rules = site.texts("agenda/", "#passes .occurrence-rule")
    assert "Les 3, 10 et 24 octobre 2019." in rules
    assert (
        "Chaque premier mardi du mois, de 19 h à 21 h, et le 19 novembre 2019 à "
        "19 h et le 17 décembre 2019 à 20 h." in rules
    )
    past = site.texts("agenda/", "#passes .occurrence-date")
    assert "Du 3 octobre 2019 au 24 octobre 2019" in past


def test_the_event_page_says_the_dates_and_lists_the_next_ones(site: Site) -> None:
    facts = site.texts("agenda/ateliers/", ".event-facts dd")
    assert facts[0] == (
        "Les 8 et 22 novembre, le 6 décembre 2019 et le 10 janvier 2020, de 14 h à 17 h"
    )
    next_dates = site.texts("agenda/ateliers/", ".event-dates li")
    assert next_dates == [
        "vendredi 22 novembre 2019, 14 h – 17 h",
        "vendredi 6 décembre 2019, 14 h – 17 h Annulé",
        "vendredi 10 janvier 2020, 14 h – 17 h",
    ]
    assert "6 décembre 2019" in facts


def test_the_home_page_announces_the_next_dates(site: Site) -> None:
    titles = site.texts("", ".upcoming-events .occurrence-title")
    assert titles == ["Soirée jeux", "Café des voisins", "Ateliers de réparation"]


def _rdates(site: Site, slug: str) -> list[Any]:
    [component] = Calendar.from_ical(site.file(f"agenda/{slug}.ics")).walk("VEVENT")
    found = component.get("rdate")
    found = found if isinstance(found, list) else [found]
    return [value.dt for prop in found for value in prop.dts]


def test_the_calendar_says_further_dates_as_rdate_of_dtstart_s_type(
    site: Site,
) -> None:
    text = site.file("agenda/ateliers.ics")
    # Start too, without a rule: ical.js reads DTSTART as an instance only then.
    assert (
        "RDATE;TZID=Europe/Paris:20191108T140000,20191122T140000,20191206T140000,"
        "20200110T140000" in text.replace("\n ", "")
    )
    assert "EXDATE;TZID=Europe/Paris:20191206T140000" in text
    assert "RRULE:FREQ" not in text.split("BEGIN:VEVENT")[1]
    cafe = site.file("agenda/cafe.ics")
    assert "EXDATE;TZID=Europe/Paris:20191217T200000" in cafe, "its own hour"
    assert _rdates(site, "fini") == [
        date(2019, 10, 3),
        date(2019, 10, 10),
        date(2019, 10, 24),
    ]
    assert "RDATE;TZID=Europe/Paris:20191119T190000,20191217T200000" in cafe


EXPECTED_STARTS = {
    "ateliers": ["2019-11-08T13:00", "2019-11-22T13:00", "2020-01-10T13:00"],
    "cafe": [
        "2019-11-05T18:00",
        "2019-11-19T18:00",
        "2019-12-03T18:00",
        "2020-01-07T18:00",
    ],
    "fini": ["2019-10-03", "2019-10-10", "2019-10-24"],
    "soir": ["2019-11-15T17:30", "2019-11-29T17:30"],
}


def _said(moment: Any) -> str:
    if isinstance(moment, datetime):
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")
    return moment.isoformat()


@pytest.mark.parametrize("slug", sorted(EXPECTED_STARTS))
def test_recurring_ical_events_and_ical_js_read_the_same_occurrences(
    site: Site, slug: str
) -> None:
    path = site.output / "agenda" / f"{slug}.ics"
    calendar = Calendar.from_ical(path.read_bytes())
    by_python = [
        _said(component["DTSTART"].dt)
        for component in recurring_ical_events.of(calendar).between(SINCE, UNTIL)
    ]
    by_icaljs = [_said(item.start) for item in read([path], SINCE, UNTIL)]
    assert sorted(by_python) == EXPECTED_STARTS[slug]
    assert by_icaljs == EXPECTED_STARTS[slug]


def test_the_whole_agenda_feed_holds_the_further_dates(site: Site) -> None:
    calendar = Calendar.from_ical(site.file("agenda.ics"))
    found = recurring_ical_events.of(calendar).between(SINCE, UNTIL)
    assert len(found) == sum(len(starts) for starts in EXPECTED_STARTS.values())


def _jsonld(site: Site, url: str) -> list[dict[str, Any]]:
    [script] = site.page(url).css('script[type="application/ld+json"]')
    data = json.loads(script.text())
    return data if isinstance(data, list) else [data]


def test_json_ld_has_one_event_per_announced_date(site: Site) -> None:
    items = _jsonld(site, "agenda/ateliers/")
    assert [(i["startDate"], i["eventStatus"].rsplit("/", 1)[1]) for i in items] == [
        ("2019-11-22T14:00:00+01:00", "EventScheduled"),
        ("2019-12-06T14:00:00+01:00", "EventCancelled"),
        ("2020-01-10T14:00:00+01:00", "EventScheduled"),
    ]
    assert items[0]["endDate"] == "2019-11-22T17:00:00+01:00"
    past = _jsonld(site, "agenda/fini/")
    assert [i["startDate"] for i in past] == ["2019-10-03", "2019-10-10", "2019-10-24"]


# The stale-build script.


@pytest.fixture(scope="module")
def site_url(site: Site) -> Iterator[str]:
    with serve(site.output) as url:
        yield url.rstrip("/")


def test_the_stale_build_script_moves_an_ended_date_and_keeps_the_next(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page()
    # 21:30 in Paris: tonight's Soirée jeux is over, its 29 November is not.
    page.clock.set_fixed_time(datetime(2019, 11, 15, 20, 30, tzinfo=UTC))
    page.goto(f"{site_url}/agenda/")
    page.wait_for_load_state("load")
    upcoming = [
        plain(t) for t in page.locator("#a-venir .occurrence-title").all_inner_texts()
    ]
    assert upcoming[:3] == ["Café des voisins", "Ateliers de réparation", "Soirée jeux"]
    assert len(upcoming) == 8
    past = [
        plain(t) for t in page.locator("#passes .occurrence-title").all_inner_texts()
    ]
    assert past[0] == "Soirée jeux"
    page.close()
