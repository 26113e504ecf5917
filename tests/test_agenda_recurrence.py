"""Events become occurrences: rules, cancellations, DST, and the authors' errors."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import islice

import pytest
from alternateur.model import occurrences
from alternateur.model.contents import Event
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
            (
                "Recurrence « FREQ=MONTHLY;BYDAY=-1XX » n'est pas une règle valide : "
                "« BYDAY=-1XX » incompris (attendu une règle RRULE, par exemple "
                "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20191231)"
            ),
        ),
        (
            {"Recurrence": "FREQ=HOURLY"},
            (
                "Recurrence « FREQ=HOURLY » n'a pas de fréquence prise en charge "
                "(attendu FREQ=DAILY, WEEKLY, MONTHLY ou YEARLY)"
            ),
        ),
        (
            {"Recurrence": "FREQ=WEEKLY;COUNT=3;UNTIL=20191231"},
            (
                "Recurrence « FREQ=WEEKLY;COUNT=3;UNTIL=20191231 » donne à la fois "
                "COUNT et UNTIL (attendu l'un ou l'autre)"
            ),
        ),
        (
            {"Recurrence": "FREQ=MONTHLY;BYDAY=2TU"},
            (
                "Recurrence « FREQ=MONTHLY;BYDAY=2TU » ne tombe pas à Start "
                "« 2019-07-26 » (attendu un Start à la première date, ici 2019-08-13)"
            ),
        ),
        (
            {"Start": "2019-07", "Recurrence": "FREQ=MONTHLY"},
            (
                "Recurrence « FREQ=MONTHLY » demande un Start au jour près, pas "
                "« 2019-07 » (attendu Start AAAA-MM-JJ ou AAAA-MM-JJ HH:MM)"
            ),
        ),
        (
            {"Recurrence": "FREQ=MONTHLY;BYDAY=-1FR", "Cancelled": "2019-12-20"},
            (
                "Cancelled « 2019-12-20 » n'est pas une date de la série "
                "« FREQ=MONTHLY;BYDAY=-1FR » (attendu la date d'une occurrence)"
            ),
        ),
        (
            {"Recurrence": "FREQ=MONTHLY;BYDAY=-1FR", "Cancelled": "yes"},
            (
                "Cancelled « yes » annulerait toute la série (attendu les dates "
                "annulées, AAAA-MM-JJ séparées par des virgules, ou retirer Recurrence)"
            ),
        ),
        (
            {"Cancelled": "2019-07-26"},
            (
                "Cancelled « 2019-07-26 » donne des dates, mais l'événement n'a ni "
                "Recurrence ni Dates (attendu yes pour annuler cet événement)"
            ),
        ),
        (
            {"Recurrence": "FREQ=WEEKLY", "End": "2019-12-31"},
            (
                "End « 2019-12-31 » dépasse l'occurrence suivante, le 2019-08-02 "
                "(attendu la fin de la première occurrence ; la fin de la série est "
                "UNTIL dans Recurrence)"
            ),
        ),
        # Numbers dateutil fails on or has nothing to give (INTERVAL=0, which
        # it loops forever on: test_bounded_rules.py, under a deadline).
        (
            {"Recurrence": "FREQ=WEEKLY;INTERVAL=-1"},
            (
                "Recurrence « FREQ=WEEKLY;INTERVAL=-1 » a un INTERVAL de -1 "
                "(attendu un nombre entier de 1 à 1000, l'écart entre deux "
                "occurrences)"
            ),
        ),
        (
            {"Recurrence": "FREQ=DAILY;INTERVAL=1001"},
            (
                "Recurrence « FREQ=DAILY;INTERVAL=1001 » a un INTERVAL de 1001 "
                "(attendu un nombre entier de 1 à 1000, l'écart entre deux "
                "occurrences)"
            ),
        ),
        (
            {"Recurrence": "FREQ=WEEKLY;COUNT=0"},
            (
                "Recurrence « FREQ=WEEKLY;COUNT=0 » a un COUNT de 0 (attendu un nombre "
                "d'occurrences, dès 1)"
            ),
        ),
        (
            {"Recurrence": "FREQ=YEARLY;UNTIL=99991231"},
            (
                "Recurrence « FREQ=YEARLY;UNTIL=99991231 » finit (UNTIL) en 9999 "
                "(attendu une année de 1970 à 2099)"
            ),
        ),
        (
            {"Recurrence": "FREQ=DAILY;BYHOUR=9,18"},
            (
                "Recurrence « FREQ=DAILY;BYHOUR=9,18 » donne BYHOUR : plusieurs heures "
                "par jour ne sont pas prises en charge (attendu au plus une occurrence "
                "par jour, à l'heure de Start, sans BYHOUR, BYMINUTE ni BYSECOND)"
            ),
        ),
        (
            {"Recurrence": "FREQ=WEEKLY;BYSECOND=0"},
            (
                "Recurrence « FREQ=WEEKLY;BYSECOND=0 » donne BYSECOND : plusieurs "
                "heures par jour ne sont pas prises en charge (attendu au plus une "
                "occurrence par jour, à l'heure de Start, sans BYHOUR, BYMINUTE ni "
                "BYSECOND)"
            ),
        ),
        (
            {"Recurrence": "FREQ=MONTHLY;BYDAY=6FR"},
            (
                "Recurrence « FREQ=MONTHLY;BYDAY=6FR » a un jour BYDAY=6FR qui ne peut "
                "pas être (attendu un numéro de 1 à 5 ou de -1 à -5, du mois)"
            ),
        ),
        (
            {"Recurrence": "FREQ=WEEKLY;BYDAY=2FR"},
            (
                "Recurrence « FREQ=WEEKLY;BYDAY=2FR » a un jour BYDAY=2FR qui ne peut "
                "pas être (attendu un jour sans numéro, BYDAY=FR, ou FREQ=MONTHLY)"
            ),
        ),
        (
            {"Recurrence": "FREQ=MONTHLY;BYMONTHDAY=32"},
            (
                "Recurrence « FREQ=MONTHLY;BYMONTHDAY=32 » a un BYMONTHDAY=32 qui ne "
                "peut pas être (attendu de 1 à 31 ou de -1 à -31)"
            ),
        ),
        (
            {"Recurrence": "FREQ=DAILY;BYSETPOS=-1"},
            (
                "Recurrence « FREQ=DAILY;BYSETPOS=-1 » donne BYSETPOS en FREQ=DAILY, "
                "où chaque jour n'a qu'une date (attendu la règle sans BYSETPOS)"
            ),
        ),
        # No date at all: found out within the supported years, not at 9999.
        (
            {"Recurrence": "FREQ=WEEKLY;BYDAY=FR;BYSETPOS=2"},
            (
                "Recurrence « FREQ=WEEKLY;BYDAY=FR;BYSETPOS=2 » ne tombe pas à Start "
                "« 2019-07-26 » (attendu une règle qui donne au moins une date à "
                "partir "
                "de Start)"
            ),
        ),
        (
            {"Start": "2019-10-27 02:30", "Recurrence": "FREQ=DAILY;COUNT=3"},
            (
                "Recurrence « FREQ=DAILY;COUNT=3 » ne peut pas partir de "
                "« 2019-10-27T02:30:00+02:00 » : cette nuit-là, le changement d'heure "
                "fait passer 02:30 deux fois, et les agendas ne lisent pas tous la "
                "même (attendu un Start à une autre heure)"
            ),
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
        "events/faute.md, ligne 4: "
        "Cancelled « 2019-12-20 » n'est pas une date de la série"
    ) in log
    assert "ContentError" not in site.log, "no traceback of the plugin's own"


def test_no_occurrence_is_given_after_the_last_year() -> None:
    # dateutil would go on to 2119, 2169… 9969.
    every_fifty_years = event(Start="2019-07-26", Recurrence="FREQ=YEARLY;INTERVAL=50")
    assert starts(list(occurrences.upcoming(every_fifty_years, NOW))) == ["2069-07-26"]
    late = datetime(2099, 12, 31, tzinfo=UTC)
    assert starts(occurrences.past(every_fifty_years, late)) == [
        "2019-07-26",
        "2069-07-26",
    ]
    weekly = event(Start="2099-12-25 10:00", Recurrence="FREQ=WEEKLY;COUNT=10")
    assert starts(list(occurrences.upcoming(weekly, NOW))) == [
        "2099-12-25T10:00:00+01:00"
    ]
    assert weekly.rule.occurs_on(datetime(2099, 12, 25).date())
    assert not weekly.rule.occurs_on(datetime(2100, 1, 1).date())


def test_a_series_of_millions_is_expanded_in_its_window_only() -> None:
    daily = event(Start="2019-07-26 10:00", Recurrence="FREQ=DAILY;COUNT=10000000")
    window = occurrences.between(
        daily, datetime(2026, 11, 24, tzinfo=UTC), datetime(2026, 11, 27, tzinfo=UTC)
    )
    assert starts(window) == [
        "2026-11-24T10:00:00+01:00",
        "2026-11-25T10:00:00+01:00",
        "2026-11-26T10:00:00+01:00",
    ]


def test_an_occurrence_the_clocks_skip_is_read_as_calendar_apps_read_it() -> None:
    # 02:30 does not exist on 29 March 2020: RFC 5545 reads it with the
    # offset before the change, 03:30 in summer time; its end follows.
    nightly = event(
        Start="2020-03-28 02:30",
        End="2020-03-28 03:00",
        Recurrence="FREQ=DAILY;COUNT=3",
    )
    found = occurrences.past(nightly, datetime(2020, 4, 1, tzinfo=UTC))
    assert [(o.start.iso, o.last.iso) for o in found if o.last] == [
        ("2020-03-28T02:30:00+01:00", "2020-03-28T03:00:00+01:00"),
        ("2020-03-29T03:30:00+02:00", "2020-03-29T04:00:00+02:00"),
        ("2020-03-30T02:30:00+02:00", "2020-03-30T03:00:00+02:00"),
    ]
    assert all(o.start.astimezone(UTC) < o.end.astimezone(UTC) for o in found)


def test_the_second_0230_of_the_autumn_night_ends_after_it_starts() -> None:
    night = event(Start="2019-10-27T02:30:00+01:00", End="2019-10-27T02:45:00+01:00")
    [occurrence] = occurrences.past(night, NOW)
    assert (occurrence.start.iso, occurrence.last.iso) == (
        "2019-10-27T02:30:00+01:00",
        "2019-10-27T02:45:00+01:00",
    )
    assert occurrence.end.astimezone(UTC) == datetime(2019, 10, 27, 1, 45, tzinfo=UTC)


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
