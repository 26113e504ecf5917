"""Whatever an author writes in an event's header, the build says so or builds.

Hypothesis draws header values for every field of the contract, mixing what
careful authors write with what careless or hostile ones could: empty, huge,
far past and far future, zero and negative, other URL schemes, control
characters, rules that never end or never match again. For each drawn file
the strict build either fails with one French line per problem, each naming
the file and a field, or succeeds with outputs that parse: the event's page,
its JSON-LD, and the calendars (read by icalendar). Never a traceback, never
a hang (each build has a generous time limit, a guard rather than a speed
target: speed is the benchmark's), never a link that runs code.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from selectolax.lexbor import LexborHTMLParser

from . import icaljs
from .content_errors import GOOD_SITE
from .sites import run_pelican, write_content

# A build of this small site takes about a second; a hang takes forever.
HANG = int(os.environ.get("CONTRACT_HANG", "120"))
FILE = "events/tire.md"
# Each line names the file, then a field: one of the contract's, the text,
# the header, a line of it, or a key as the author wrote it (a value drawn
# with a line break and a colon makes a new key).
NAMES = "|".join(["Le texte", "L'en-tête", "La ligne \\d+", "[A-Za-z0-9_-]+"])
# « events/x.md, ligne 3: Start … » names the line of the field it is about.
ERROR_LINE = re.compile(
    rf"{re.escape(FILE)}(?:, ligne ([0-9]+))?: ({NAMES})( « .*» | ).*\(attendu .+"
)

# The years the calendars are read over, by both libraries.
WINDOW = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2029, 1, 1, tzinfo=UTC))
YEARS = st.sampled_from([1, 1899, 1900, 1969, 1970, 2019, 2038, 2099, 2100, 9999])


@st.composite
def dates(draw: st.DrawFn) -> str:
    """A date as authors write it, right or wrong."""
    year = draw(YEARS | st.integers(0, 10000))
    month = draw(st.sampled_from([0, 1, 2, 3, 6, 10, 12, 13]))
    day = draw(st.sampled_from([0, 1, 15, 28, 29, 30, 31, 32]))
    hour, minute = draw(st.sampled_from([(0, 0), (2, 30), (18, 30), (23, 59), (24, 0)]))
    form = draw(
        st.sampled_from(
            [
                f"{year:04d}",
                f"{year:04d}-{month:02d}",
                f"{year:04d}-{month:02d}-{day:02d}",
                f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}",
                f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00Z",
                f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:45",
                f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00+01:00",
            ]
        )
    )
    return draw(st.sampled_from([form, form, form, "", " ", "demain", "٢٠١٩-٠١"]))


@st.composite
def rules(draw: st.DrawFn) -> str:
    """An RRULE, often valid, sometimes endless, empty or impossible."""
    parts = [
        "FREQ="
        + draw(
            st.sampled_from(
                ["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "SECONDLY", "X"]
            )
        )
    ]
    optional = {
        "INTERVAL": st.sampled_from(["-1", "0", "1", "2", "1000", "999999999"]),
        "COUNT": st.sampled_from(["0", "1", "5", "1000000", "10000000"]),
        "UNTIL": st.sampled_from(["20191231", "99991231", "19000101", "20300101"]),
        "BYDAY": st.sampled_from(["MO", "-1FR", "2TU,4TU", "5SU", "XX"]),
        "BYMONTH": st.sampled_from(["2", "6", "13"]),
        "BYMONTHDAY": st.sampled_from(["30", "31", "-1", "29"]),
        "BYHOUR": st.sampled_from(["0,12", ",".join(map(str, range(24)))]),
        "BYMINUTE": st.sampled_from(["0,30", ",".join(map(str, range(60)))]),
        "BYSETPOS": st.sampled_from(["2", "-1"]),
    }
    for key in draw(st.sets(st.sampled_from(sorted(optional)), max_size=4)):
        parts.append(f"{key}={draw(optional[key])}")
    return ";".join(parts)


TEXTS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "Soupe &amp; pain",
            "<script>alert(1)</script>",
            "Soirée \u202egnp.exe",
            "Nul\x00caractère",
            "x" * 20000,
            '"Entre guillemets"',
            "[a, b]",
        ]
    ),
)
URLS = st.sampled_from(
    [
        "https://exemple.org/inscription",
        "http://exemple.org",
        "mailto:contact@exemple.org",
        "tel:+33102030405",
        "javascript:alert(document.cookie)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "file:///etc/passwd",
        "//exemple.org",
        "par téléphone au 01 02 03 04 05",
        "exemple.org",
        "https://",
        "",
    ]
)
CANCELLED = st.one_of(
    st.sampled_from(["yes", "no", "oui", "peut-être", ""]),
    st.lists(dates(), max_size=3).map(", ".join),
    dates().map(lambda day: f"{day},"),
)
FIELDS = {
    "Title": TEXTS,
    "Start": dates(),
    "End": dates(),
    "Location": TEXTS,
    "Address": TEXTS,
    "Recurrence": rules(),
    "Cancelled": CANCELLED,
    "Registration": URLS,
    "Price": TEXTS,
    "Tags": TEXTS,
}


@st.composite
def headers(draw: st.DrawFn) -> dict[str, str]:
    """An event's header: a start (nearly always), and any other fields."""
    chosen = draw(st.sets(st.sampled_from(sorted(FIELDS)), max_size=6))
    header = {"Title": "Atelier", "Start": "2027-03-05 18:00"}
    for name in chosen:
        header[name] = draw(FIELDS[name])
    return header


def event_file(header: dict[str, str], text: str) -> str:
    lines = [f"{name}: {value}" for name, value in header.items()]
    return "\n".join(lines) + f"\n\n{text}\n"


def check_outputs(output: Path) -> None:
    """Everything the event made parses, and no link can run code."""
    for path in output.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        page = LexborHTMLParser(html)
        for link in page.css("a[href]"):
            href = (link.attributes.get("href") or "").strip().lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), path
        for script in page.css('script[type="application/ld+json"]'):
            data = json.loads(script.text())
            events = data if isinstance(data, list) else [data]
            # The home page's Organization (issue 19) has no dates.
            for item in (i for i in events if i["@type"] == "Event"):
                assert item["startDate"] <= item.get("endDate", item["startDate"])
    calendars = sorted(output.rglob("*.ics"))
    expected = 0
    for path in calendars:
        calendar = Calendar.from_ical(path.read_bytes())
        for component in calendar.walk("VEVENT"):
            start = component.decoded("DTSTART")
            if "DTEND" in component:
                assert component.decoded("DTEND") >= start, path
        expected += len(recurring_ical_events.of(calendar).between(*WINDOW))
    # Mozilla's ical.js (Thunderbird) reads the same occurrences: it reads
    # the files' own VTIMEZONE, which icalendar never does.
    read = [o for o in icaljs.read(calendars, *WINDOW) if within(o.start, o.end)]
    assert len(read) == expected


def within(start: date | datetime, end: date | datetime) -> bool:
    """Whether an occurrence meets ``WINDOW`` (whole days by their dates)."""
    if not isinstance(start, datetime):
        since, until = (moment.date() for moment in WINDOW)
        return start < until and end > since
    return start < WINDOW[1] and end > WINDOW[0]


@settings(
    max_examples=int(os.environ.get("CONTRACT_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(header=headers(), text=st.sampled_from(["Texte.", "", "<!-- rien -->"]))
def test_any_header_gives_french_lines_or_a_site_that_parses(
    tmp_path_factory: pytest.TempPathFactory, header: dict[str, str], text: str
) -> None:
    root = tmp_path_factory.mktemp("drawn")
    content = write_content(
        root / "content", {**GOOD_SITE, FILE: event_file(header, text)}
    )
    output = root / "output"
    try:
        result = run_pelican(content, output, timeout=HANG)
    except subprocess.TimeoutExpired as expired:
        msg = f"the build hung on:\n{event_file(header, text)}"
        raise AssertionError(msg) from expired
    log = result.stdout + result.stderr
    assert "Traceback" not in log, log
    assert result.returncode in {0, 1}, log
    if result.returncode == 1:
        starts = (f"{FILE}:", f"{FILE}, ligne ")
        errors = [line for line in log.splitlines() if line.startswith(starts)]
        assert errors, log
        written = event_file(header, text).split("\n")
        for line in errors:
            found = ERROR_LINE.match(line)
            assert found, (line, log)
            if found.group(1):  # The line named holds the field named.
                named = written[int(found.group(1)) - 1]
                assert found.group(2).lower() in named.lower(), (line, named)
        assert "Construction arrêtée" in log
        assert not output.exists()
    else:
        check_outputs(output)
