"""Properties of date parsing, over many generated values (hypothesis).

Whatever an author types in ``Date``, ``Start`` or ``End``: a valid date of
the accepted years keeps its precision and reads back from its own ``.iso``
as the same value; anything else is a ``ContentError`` naming the field and
the value, never another exception (which would stop a build with a
traceback).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from alternateur.model.dates import (
    FIRST_YEAR,
    LAST_YEAR,
    PreciseDatetime,
    Precision,
    parse_precise,
)
from alternateur.model.errors import ContentError
from hypothesis import example, given, settings
from hypothesis import strategies as st

PARIS = ZoneInfo("Europe/Paris")
# Reproducible runs (the same examples on every machine), no time limit per
# example on a busy machine, no example database left in the project.
MANY = settings(derandomize=True, deadline=None, database=None, max_examples=300)

# ``strftime("%Y")`` does not pad years before 1000 on every system.
WRITTEN = {
    Precision.YEAR: "{0.year:04d}",
    Precision.MONTH: "{0.year:04d}-{0.month:02d}",
    Precision.DAY: "{0.year:04d}-{0.month:02d}-{0.day:02d}",
    Precision.MINUTE: "{0.year:04d}-{0.month:02d}-{0.day:02d} {0:%H:%M}",
}
# Near misses: the shapes of valid dates, with any digits (month 13, day 32,
# hour 24…), optional seconds and any offset.
NEAR_MISSES = st.from_regex(
    r"\A[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?"
    r"([+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?)?)?)?\Z"
)
PRECISION_SETS = st.sets(st.sampled_from(list(Precision)), min_size=1)


def written_dates() -> st.SearchStrategy[tuple[str, Precision]]:
    """A date as an author writes it, at one of the four precisions."""
    moments = st.datetimes(
        min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59)
    )
    return st.tuples(moments, st.sampled_from(list(Precision))).map(
        lambda pair: (WRITTEN[pair[1]].format(pair[0]), pair[1])
    )


def same(first: PreciseDatetime, second: PreciseDatetime) -> bool:
    """Same precision, same wall-clock time, same UTC offset: the same instant."""
    return (
        first.precision is second.precision
        and first.replace(tzinfo=None) == second.replace(tzinfo=None)
        and first.utcoffset() == second.utcoffset()
        and first.iso == second.iso
    )


def outcome(
    text: str, field: str, precisions: set[Precision] | None = None
) -> PreciseDatetime | ContentError:
    """What parsing gives: a value, or the content error (any other escapes)."""
    try:
        return parse_precise(text, field, PARIS, precisions or set(Precision))
    except ContentError as error:
        return error


def assert_reads_back(value: PreciseDatetime, precisions: set[Precision]) -> None:
    again = parse_precise(value.iso, "Start", PARIS, precisions)
    assert same(again, value), (value.iso, again.iso)


@MANY
@given(written_dates())
@example(("2019-10-27 02:30", Precision.MINUTE))  # Twice that night: the first.
@example(("2019-03-31 02:30", Precision.MINUTE))  # Never that night.
@example(("0001-01-01 00:00", Precision.MINUTE))  # Paris mean time, +00:09:21.
@example(("1969-12-31", Precision.DAY))
@example(("1970-01-01 00:00", Precision.MINUTE))
@example(("2099-12-31 23:59", Precision.MINUTE))
@example(("9999-12", Precision.MONTH))  # Its end would overflow.
def test_a_written_date_keeps_its_precision_and_reads_back_from_its_iso(
    written: tuple[str, Precision],
) -> None:
    text, precision = written
    value = outcome(text, "Start")
    if not FIRST_YEAR <= int(text[:4]) <= LAST_YEAR:
        assert str(value) == (
            f"Start « {text} » n'est pas une date acceptée (attendu une année de "
            f"{FIRST_YEAR} à {LAST_YEAR})"
        )
        return
    if isinstance(value, ContentError):
        # Only a wall-clock time that summer time skips may be refused.
        assert precision is Precision.MINUTE
        assert "les horloges avancent" in str(value)
        naive = datetime.fromisoformat(text)
        skipped = naive.replace(tzinfo=PARIS), naive.replace(tzinfo=PARIS, fold=1)
        assert skipped[0].utcoffset() != skipped[1].utcoffset()
        return
    assert value.precision is precision
    assert value.period_end > value  # Within the years, no end overflows.
    assert value.iso[: len(text[:10])] == text[:10]
    assert value.tzinfo is PARIS
    assert_reads_back(value, set(Precision))


@MANY
@given(st.one_of(st.text(), NEAR_MISSES), PRECISION_SETS)
@example("2019-02-30", {Precision.DAY})
@example("2019-10-05 24:00", set(Precision))
@example("٢٠١٩-١٠", set(Precision))  # Arabic-Indic digits are not a date here.
@example("2019-12-06T18:30:00+05:00", {Precision.MINUTE})
def test_anything_else_is_a_content_error_naming_field_and_value(
    text: str, precisions: set[Precision]
) -> None:
    value = outcome(text, "End", precisions)
    if isinstance(value, ContentError):
        shown = " ".join(text.split())
        assert str(value).startswith(f"End « {shown} » ")
        assert (value.field, value.value) == ("End", shown)
        return
    assert value.precision in precisions
    assert_reads_back(value, precisions)


@MANY
# In UTC: up to 23:59 on 31 December 2099 in Paris.
@given(
    st.datetimes(
        min_value=datetime(1970, 1, 1), max_value=datetime(2099, 12, 31, 22, 59)
    )
)
def test_every_instant_written_with_its_offset_reads_back_as_itself(
    moment: datetime,
) -> None:
    # What .iso writes for any real instant in Paris, both sides of every
    # change of time included.
    instant = moment.replace(second=0, microsecond=0, tzinfo=ZoneInfo("UTC"))
    local = instant.astimezone(PARIS)
    value = parse_precise(local.isoformat(), "Start", PARIS, {Precision.MINUTE})
    assert value.iso == local.isoformat()
    assert value - instant == timedelta(0)
