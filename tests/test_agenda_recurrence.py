"""Events become occurrences: rules, cancellations, DST, and the authors' errors."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import islice

import pytest
from alternateur import occurrences
from alternateur.contents import Event
from alternateur.settings import DEFAULTS
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.settings import DEFAULT_CONFIG

from .sites import Site

SETTINGS = {**copy.deepcopy(DEFAULT_CONFIG), **DEFAULTS, "TIMEZONE": "Europe/Paris"}
NOW = datetime(2019, 11, 15, 12, tzinfo=UTC)


def event(**fields: str) -> Event:
    """An event read from metadata, as the generator reads a file."""
    metadata = {"title": "Atelier", "slug": "atelier"}
    metadata.update({key.lower(): value for key, value in fields.items()})
    return Event("<p>Texte.</p>", metadata=metadata, settings=SETTINGS)


LAST_FRIDAY = {
    "Start": "2019-07-26 14:00",
    "End": "2019-07-26 18:00",
    "Recurrence": "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20191231",
}


def starts(found: list[occurrences.Occurrence]) -> list[str]:
    return [o.start.iso for o in found]


def test_a_monthly_last_friday_rule_gives_the_last_fridays_until_its_end() -> None:
    found = occurrences.between(
        event(**LAST_FRIDAY),
        datetime(2019, 1, 1, tzinfo=UTC),
        datetime(2021, 1, 1, tzinfo=UTC),
    )
    assert starts(found) == [
        "2019-07-26T14:00:00+02:00",
        "2019-08-30T14:00:00+02:00",
        "2019-09-27T14:00:00+02:00",
        "2019-10-25T14:00:00+02:00",
        "2019-11-29T14:00:00+01:00",
        "2019-12-27T14:00:00+01:00",
    ]
    assert [o.end.isoformat() for o in found[-2:]] == [
        "2019-11-29T18:00:00+01:00",
        "2019-12-27T18:00:00+01:00",
    ]


def test_the_wall_clock_time_stays_across_both_dst_changes_of_2019() -> None:
    daily = event(Start="2019-03-30 10:00", Recurrence="FREQ=DAILY;COUNT=2")
    assert starts(occurrences.past(daily, NOW)) == [
        "2019-03-30T10:00:00+01:00",
        "2019-03-31T10:00:00+02:00",
    ]
    autumn = event(Start="2019-10-26 10:00", Recurrence="FREQ=DAILY;COUNT=2")
    found = occurrences.past(autumn, NOW)
    assert [o.start.astimezone(UTC).hour for o in found] == [8, 9]


def test_a_cancelled_date_cancels_that_occurrence_only() -> None:
    atelier = event(**LAST_FRIDAY, Cancelled="2019-12-27")
    found = occurrences.upcoming(atelier, NOW)
    assert [(o.start.iso, o.cancelled) for o in found] == [
        ("2019-11-29T14:00:00+01:00", False),
        ("2019-12-27T14:00:00+01:00", True),
    ]


def test_an_ongoing_occurrence_is_upcoming_until_its_end() -> None:
    forum = event(Start="2019-11-14", End="2019-11-16")
    [ongoing] = occurrences.upcoming(forum, NOW)
    assert ongoing.end.isoformat() == "2019-11-17T00:00:00+01:00"
    assert occurrences.past(forum, NOW) == []
    assert occurrences.past(forum, datetime(2019, 11, 16, 23, tzinfo=UTC))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2019-11-15", "2019-11-16T00:00:00+01:00"),  # a day lasts its day
        ("2019-11-15 18:30", "2019-11-16T00:00:00+01:00"),  # a start time too
        ("2019-11", "2019-12-01T00:00:00+01:00"),  # a month, its month
    ],
)
def test_an_event_without_end_ends_with_its_day_or_month(start: str, end: str) -> None:
    [occurrence] = occurrences.upcoming(event(Start=start), NOW)
    assert occurrence.end.isoformat() == end


def test_an_open_rule_is_expanded_lazily_and_within_windows_only() -> None:
    weekly = event(Start="2019-01-04 18:00", Recurrence="FREQ=WEEKLY")
    first_two = list(islice(occurrences.upcoming(weekly, NOW), 2))
    assert starts(first_two) == [
        "2019-11-15T18:00:00+01:00",
        "2019-11-22T18:00:00+01:00",
    ]
    window = occurrences.between(weekly, NOW, datetime(2019, 12, 1, tzinfo=UTC))
    assert len(window) == 3


def test_the_rule_is_parsed_once_and_survives_pelicans_cache() -> None:
    atelier = event(**LAST_FRIDAY, Cancelled="2019-12-27")
    copy_ = pickle.loads(pickle.dumps(atelier))
    assert starts(occurrences.upcoming(copy_, NOW)) == starts(
        occurrences.upcoming(atelier, NOW)
    )


def error(**fields: str) -> str:
    """The one mistake the event's contract finds in ``fields``."""
    [problem] = event(**fields).problems
    return problem


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"Recurrence": "FREQ=MONTHLY;BYDAY=-1XX"},
            "Recurrence « FREQ=MONTHLY;BYDAY=-1XX » n'est pas une règle valide : "
            "« BYDAY=-1XX » incompris (attendu une règle RRULE, par exemple "
            "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20191231)",
        ),
        (
            {"Recurrence": "FREQ=HOURLY"},
            "Recurrence « FREQ=HOURLY » n'a pas de fréquence prise en charge "
            "(attendu FREQ=DAILY, WEEKLY, MONTHLY ou YEARLY)",
        ),
        (
            {"Recurrence": "FREQ=WEEKLY;COUNT=3;UNTIL=20191231"},
            "Recurrence « FREQ=WEEKLY;COUNT=3;UNTIL=20191231 » donne à la fois "
            "COUNT et UNTIL (attendu l'un ou l'autre)",
        ),
        (
            {"Recurrence": "FREQ=MONTHLY;BYDAY=2TU"},
            "Recurrence « FREQ=MONTHLY;BYDAY=2TU » ne tombe pas à Start "
            "« 2019-07-26 » (attendu un Start à la première date, ici 2019-08-13)",
        ),
        (
            {"Start": "2019-07", "Recurrence": "FREQ=MONTHLY"},
            "Recurrence « FREQ=MONTHLY » demande un Start au jour près, pas "
            "« 2019-07 » (attendu Start AAAA-MM-JJ ou AAAA-MM-JJ HH:MM)",
        ),
        (
            {"Recurrence": "FREQ=MONTHLY;BYDAY=-1FR", "Cancelled": "2019-12-20"},
            "Cancelled « 2019-12-20 » n'est pas une date de la série "
            "« FREQ=MONTHLY;BYDAY=-1FR » (attendu la date d'une occurrence)",
        ),
        (
            {"Recurrence": "FREQ=MONTHLY;BYDAY=-1FR", "Cancelled": "yes"},
            "Cancelled « yes » annulerait toute la série (attendu les dates "
            "annulées, AAAA-MM-JJ séparées par des virgules, ou retirer Recurrence)",
        ),
        (
            {"Cancelled": "2019-07-26"},
            "Cancelled « 2019-07-26 » donne des dates, mais l'événement n'a pas de "
            "Recurrence (attendu yes pour annuler cet événement)",
        ),
        (
            {"Recurrence": "FREQ=WEEKLY", "End": "2019-12-31"},
            "End « 2019-12-31 » dépasse l'occurrence suivante, le 2019-08-02 "
            "(attendu la fin de la première occurrence ; la fin de la série est "
            "UNTIL dans Recurrence)",
        ),
    ],
)
def test_a_wrong_recurrence_is_a_content_error_in_french(
    fields: dict[str, str], message: str
) -> None:
    assert error(**{"Start": "2019-07-26", **fields}) == message


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2019-06-14", "2019-07", "une date au jour ou à la minute, comme Start"),
        ("2019-06", "2019-06-15", "une date au mois, AAAA-MM, comme Start"),
    ],
)
def test_a_month_goes_with_a_month_so_no_day_is_invented(
    start: str, end: str, expected: str
) -> None:
    assert error(Start=start, End=end) == (
        f"End « {end} » n'a pas la précision de Start « {start} » (attendu {expected})"
    )


def test_a_recurrence_error_fails_the_strict_build_naming_the_file(
    build_site: Callable[..., Site],
) -> None:
    site = build_site(
        {
            "events/bon.md": "Title: Bon\nStart: 2019-07-26\n\nTexte.\n",
            "events/faute.md": (
                "Title: Faute\nStart: 2019-07-26\n"
                "Recurrence: FREQ=MONTHLY;BYDAY=-1FR\nCancelled: 2019-12-20\n\nTexte.\n"
            ),
        }
    )
    assert site.result.returncode != 0
    log = " ".join(site.log.split())
    assert (
        "events/faute.md: Cancelled « 2019-12-20 » n'est pas une date de la série"
    ) in log
    assert "ContentError" not in site.log, "no traceback of the plugin's own"


# Any instant of the years the series below span.
NOWS = st.datetimes(
    min_value=datetime(2019, 1, 1),
    max_value=datetime(2021, 1, 1),
    timezones=st.just(UTC),
)


@settings(max_examples=60, deadline=None)
@given(
    now=NOWS,
    rule=st.sampled_from(
        [
            "FREQ=WEEKLY;COUNT=30",
            "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20200630",
            "FREQ=DAILY;INTERVAL=3;COUNT=100",
        ]
    ),
)
def test_every_occurrence_is_either_past_or_upcoming_at_any_now(
    now: datetime, rule: str
) -> None:
    series = event(Start="2019-07-26 14:00", End="2019-07-26 18:00", Recurrence=rule)
    every = occurrences.between(
        series, datetime(2019, 1, 1, tzinfo=UTC), datetime(2022, 1, 1, tzinfo=UTC)
    )
    past = occurrences.past(series, now)
    upcoming = list(occurrences.upcoming(series, now))
    assert starts(past) + starts(upcoming) == starts(every)
    assert all(o.end <= now for o in past)
    assert all(o.end > now for o in upcoming)


@settings(deadline=None)
@given(
    now=NOWS,
    fields=st.sampled_from(
        [
            {"Start": "2019-11-15 10:00", "End": "2019-11-15 18:00"},
            {"Start": "2019-11-15"},
            {"Start": "2020-06"},
            {"Start": "2019-07-26 14:00", "Recurrence": "FREQ=WEEKLY;COUNT=30"},
            LAST_FRIDAY,
        ]
    ),
)
def test_an_event_s_schedule_is_what_is_announced_and_what_has_ended(
    now: datetime, fields: dict[str, str]
) -> None:
    # Worked out once per build for the agenda, the page and the JSON-LD.
    happening = event(**fields)
    until = datetime(2020, 3, 1, tzinfo=UTC)
    times = occurrences.schedule(happening, now, until)
    assert starts([times.first]) == starts([occurrences.single(happening)])
    assert starts(times.announced) == starts(occurrences.ahead(happening, now, until))
    assert starts(times.done) == starts(occurrences.past(happening, now))
