"""Dates stay at the precision their author wrote, and are said in French."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from alternateur.french.dates import format_day, format_precise
from alternateur.model.dates import FIRST_YEAR, LAST_YEAR, Precision, parse_precise
from alternateur.model.errors import ContentError

from .sites import Site

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("text", "precision", "iso", "french"),
    [
        ("2017", Precision.YEAR, "2017", "2017"),
        ("2019-10", Precision.MONTH, "2019-10", "octobre 2019"),
        ("2019-03-05", Precision.DAY, "2019-03-05", "5 mars 2019"),
        ("2019-06-01", Precision.DAY, "2019-06-01", "1er juin 2019"),
        (
            "2019-12-06 18:30",
            Precision.MINUTE,
            "2019-12-06T18:30:00+01:00",
            "6 décembre 2019 à 18 h 30",
        ),
        ("2019-07-26 14:00", Precision.MINUTE, "2019-07-26T14:00:00+02:00", None),
    ],
)
def test_a_date_keeps_its_precision(
    text: str, precision: Precision, iso: str, french: str | None
) -> None:
    value = parse_precise(text, "Date", PARIS)
    assert value.precision is precision
    assert value.iso == iso
    if french:
        assert format_precise(value) == french


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("2019", "2020-01-01T00:00:00+01:00"),
        ("2019-10", "2019-11-01T00:00:00+01:00"),
        ("2019-03-30", "2019-03-31T00:00:00+01:00"),
        ("2019-03-31 01:00", "2019-04-01T00:00:00+02:00"),
    ],
)
def test_a_period_ends_where_the_written_period_ends(text: str, end: str) -> None:
    assert parse_precise(text, "Start", PARIS).period_end.isoformat() == end


@pytest.mark.parametrize(
    "text", ["2019-13", "2019-02-30", "2019-10-05 25:00", "octobre 2019", "", "19-10"]
)
def test_an_impossible_date_is_a_content_error_naming_the_field(text: str) -> None:
    with pytest.raises(ContentError) as error:
        parse_precise(text, "Start", PARIS)
    assert str(error.value).startswith(f"Start « {text} » n'est pas une date valide")
    assert "AAAA-MM-JJ HH:MM" in str(error.value)


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31 18:00",
        "9999-12-31",
        "9999-12",
        "1900-01-01 18:00",
        "1969-12-31",
        "2100",
    ],
)
def test_a_year_outside_the_accepted_ones_is_refused_saying_which(text: str) -> None:
    # Year 1900 in Paris is +00:09:21, which HTML cannot write; the end of
    # 9999-12-31 overflowed.
    with pytest.raises(ContentError) as error:
        parse_precise(text, "Start", PARIS)
    assert str(error.value) == (
        f"Start « {text} » n'est pas une date acceptée (attendu une année de 1970 "
        "à 2099)"
    )


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("1970-01-01 00:00", "1970-01-02T00:00:00+01:00"),
        ("2099", "2100-01-01T00:00:00+01:00"),
        ("2099-12-31", "2100-01-01T00:00:00+01:00"),
        ("2099-12-31 23:59", "2100-01-01T00:00:00+01:00"),
    ],
)
def test_the_first_and_last_accepted_years_have_an_end(text: str, end: str) -> None:
    assert (FIRST_YEAR, LAST_YEAR) == (1970, 2099)
    assert parse_precise(text, "Start", PARIS).period_end.isoformat() == end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2019-11-22T17:00:00Z",
            (
                "(attendu AAAA-MM-JJ HH:MM à l'heure de Europe/Paris, sans Z : ici "
                "2019-11-22 18:00)"
            ),
        ),
        (
            "2019-07-26T12:00Z",
            (
                "(attendu AAAA-MM-JJ HH:MM à l'heure de Europe/Paris, sans Z : ici "
                "2019-07-26 14:00)"
            ),
        ),
        (
            "2019-11-22T17:00:30Z",
            (
                "(attendu AAAA-MM-JJ HH:MM à l'heure de Europe/Paris, sans Z ni "
                "secondes : ici 2019-11-22 18:00)"
            ),
        ),
        # The second 02:30 of that night: only its offset says it.
        (
            "2019-10-27T01:30:00Z",
            (
                "(attendu AAAA-MM-JJ HH:MM à l'heure de Europe/Paris, sans Z : ici "
                "2019-10-27T02:30+01:00)"
            ),
        ),
        (
            "2019-11-22 18:30:45",
            "(attendu AAAA-MM-JJ HH:MM sans secondes : ici 2019-11-22 18:30)",
        ),
    ],
)
def test_a_time_in_utc_or_with_seconds_is_refused_with_the_time_to_write(
    text: str, expected: str
) -> None:
    with pytest.raises(ContentError) as error:
        parse_precise(text, "Start", PARIS, (Precision.MINUTE, Precision.DAY))
    assert str(error.value) == f"Start « {text} » n'est pas une date valide {expected}"
    suggestion = expected.rsplit("ici ", 1)[1].rstrip(")")
    written = parse_precise(suggestion, "Start", PARIS)
    if text.endswith("Z"):  # The same instant, to the minute.
        instant = datetime.fromisoformat(text[:16]).replace(tzinfo=UTC)
        assert written.astimezone(UTC) == instant


def test_a_time_refused_elsewhere_keeps_the_plain_message() -> None:
    with pytest.raises(ContentError) as error:
        parse_precise("2019-11-22T17:00:00Z", "Cancelled", PARIS, (Precision.DAY,))
    assert str(error.value).endswith("n'est pas une date valide (attendu AAAA-MM-JJ)")
    with pytest.raises(ContentError) as error:
        parse_precise("2019-02-30T17:00:00Z", "Start", PARIS)
    assert str(error.value).endswith(
        "n'est pas une date valide "
        "(attendu AAAA-MM-JJ HH:MM, AAAA-MM-JJ, AAAA-MM, AAAA)"
    )


def test_only_allowed_precisions_are_accepted() -> None:
    with pytest.raises(ContentError, match="attendu AAAA-MM-JJ HH:MM, AAAA-MM-JJ"):
        parse_precise("2019", "Start", PARIS, (Precision.DAY, Precision.MINUTE))


def test_the_first_of_the_month_is_written_premier() -> None:
    assert format_day(date(2019, 3, 1)) == "1er mars 2019"
    assert format_day(date(2019, 3, 11)) == "11 mars 2019"


@pytest.mark.parametrize("now", ["1575158400", "1577750400"])  # 1 and 31 Dec 2019
def test_a_month_precise_milestone_is_the_same_whatever_day_the_build_runs(
    build_site: Callable[..., Site], now: str
) -> None:
    site = build_site(
        {
            "pages/jalons.md": "Title: Jalons\nTemplate: timeline\n\nIntro.\n",
            "milestones/region.md": "Title: Région\nDate: 2019-10\n\nAccord.\n",
        },
        now=now,
    )
    time = site.page("jalons/").css_first("li#region time")
    assert (time.attributes["datetime"], time.text()) == ("2019-10", "octobre 2019")


def test_an_end_in_year_9999_fails_the_strict_build_without_a_traceback(
    build_site: Callable[..., Site],
) -> None:
    site = build_site(
        {
            "events/bon.md": "Title: Bon\nStart: 2019-07-26\n\nTexte.\n",
            "events/loin.md": (
                "Title: Loin\nStart: 2019-07-26\nEnd: 9999-12-31\n\nTexte.\n"
            ),
        }
    )
    assert site.result.returncode != 0
    assert (
        "events/loin.md, ligne 3: "
        "End « 9999-12-31 » n'est pas une date acceptée (attendu "
        "une année de 1970 à 2099)"
    ) in " ".join(site.log.split())
    assert "Traceback" not in site.log


def test_a_wrong_date_fails_the_strict_build_naming_file_and_field(
    build_site: Callable[..., Site],
) -> None:
    site = build_site(
        {
            "milestones/ok.md": "Title: Bon\nDate: 2019-10\n\nTexte.\n",
            "milestones/faute.md": "Title: Faute\nDate: 2019-13\n\nTexte.\n",
        }
    )
    assert site.result.returncode != 0
    faulty = "milestones/faute.md, ligne 2: Date « 2019-13 » n'est pas une date valide"
    assert faulty in (site.log.replace("\n", " "))
    assert "ContentError" not in site.log, "no traceback of the plugin's own"
