"""Read iCalendar files with Mozilla's ical.js, the library inside Thunderbird.

``icalendar`` and ``recurring-ical-events`` look a ``TZID`` up in the zone
database and never read the file's ``VTIMEZONE``; ical.js reads the
``VTIMEZONE`` the file carries, as many calendar apps do. A mistake there
shows in ical.js only, so the tests read each file with both and compare.

ical.js is pinned in ``package.json`` (``npm ci`` installs it, as ``make
test`` does); ``icaljs_read.mjs`` prints what it reads as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

from .sites import ROOT

SCRIPT = Path(__file__).with_name("icaljs_read.mjs")
PACKAGE = ROOT / "node_modules" / "ical.js" / "package.json"


class Read(NamedTuple):
    """One occurrence as a calendar app shows it.

    ``start`` and ``end`` are UTC instants for timed events, dates for whole
    days (which have no instant: they are the reader's own day).
    """

    uid: str
    start: datetime | date
    end: datetime | date


def _value(text: str) -> datetime | date:
    if "T" not in text:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text).astimezone(UTC)


def read(files: list[Path], since: datetime, until: datetime) -> list[Read]:
    """Every occurrence from ``since`` to before ``until`` (UTC), by UID then start.

    A one-off event is listed wherever it is; an ongoing occurrence at
    ``since`` is listed too.
    """
    node = shutil.which("node")
    assert node, "node manque : ical.js lit les fichiers .ics dans les tests"
    assert PACKAGE.exists(), (
        f"{PACKAGE.parent.relative_to(ROOT)} manque : lancez « make test » "
        "(il installe ical.js avec npm ci)"
    )
    bounds = [
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        for moment in (since, until)
    ]
    result = subprocess.run(
        [node, str(SCRIPT), *bounds, *map(str, files)],
        cwd=ROOT,
        # Whole days compare with the bounds in the process's zone: UTC, on
        # every machine.
        env={**os.environ, "TZ": "UTC"},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    found = [
        Read(item["uid"], _value(item["start"]), _value(item["end"]))
        for item in json.loads(result.stdout)
    ]
    return sorted(found, key=lambda item: (item.uid, str(item.start)))
