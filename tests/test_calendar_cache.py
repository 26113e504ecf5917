"""Calendars built from the cache of serialized events are the calendars built without.

Each event's ``VEVENT`` is kept between builds by a hash of its inputs
(``hooks/calendar_cache.py``), and its ``DTSTAMP`` is the build's "now":
a build that finds every ``VEVENT`` in a cache filled at another "now", or
after a change of an event, a venue or the themes, writes the very bytes
of a build without the cache.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from . import agenda_site
from .sites import Site, tree, write_content

pytestmark = pytest.mark.site

FILES = agenda_site.SMALL
EARLIER = "1546300800"  # 2019-01-01 00:00 UTC: another "now", another DTSTAMP.


def build(
    content: Path, output: Path, *, now: str = agenda_site.NOW, cache: Path | None
) -> Site:
    """Build ``content`` into ``output``; ``cache`` None: without the cache."""
    if cache is None:
        other = output.with_name(output.name + "-cache")
        settings = ["VEVENT_CACHE=false", f"CACHE_PATH={json.dumps(str(other))}"]
    else:
        settings = [f"CACHE_PATH={json.dumps(str(cache))}"]
    return agenda_site.build_folder(content, output, settings, now=now)


def calendars(site: Site) -> dict[str, bytes]:
    return tree(site.output, "*.ics")


def entries(cache: Path) -> dict[str, int]:
    """Each entry of the cache and its inode: a rewritten entry is a new inode."""
    return {path.name: path.stat().st_ino for path in (cache / "vevents").iterdir()}


def test_a_cache_filled_at_another_now_gives_the_same_calendars(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", FILES)
    cache = tmp_path / "cache"
    build(content, tmp_path / "first", now=EARLIER, cache=cache)
    kept = entries(cache)
    assert len(kept) == 2, "one entry per event that a calendar can say"
    cached = calendars(build(content, tmp_path / "cached", cache=cache))
    assert entries(cache) == kept, "every VEVENT came from the cache"
    fresh = calendars(build(content, tmp_path / "fresh", cache=None))
    assert cached == fresh
    assert f"DTSTAMP:{agenda_site.NOW_UTC}".encode() in cached["agenda.ics"]
    assert b"DTSTAMP:20190101T000000Z" not in cached["agenda.ics"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "events/soupe.md",
            FILES["events/soupe.md"].replace("Une soupe.", "Un potage."),
        ),
        ("venues/salle.md", "Title: Salle des fêtes\nLocality: Champigny-sur-Marne\n"),
        ("events/atelier.md", FILES["events/atelier.md"] + "\nEt un goûter.\n"),
        # Another file, first by name, spells the theme: soupe's CATEGORIES.
        (
            "events/a-premier.md",
            "Title: Premier\nStart: 2019-12\nTags: CUISINE\n\nT.\n",
        ),
    ],
    ids=["the event", "its venue", "its text", "its theme's name"],
)
def test_a_change_is_never_hidden_by_the_cache(
    tmp_path: Path, name: str, text: str
) -> None:
    content = write_content(tmp_path / "content", FILES)
    cache = tmp_path / "cache"
    before = calendars(build(content, tmp_path / "first", cache=cache))
    kept = entries(cache)
    write_content(content, {name: text})
    cached = calendars(build(content, tmp_path / "cached", cache=cache))
    fresh = calendars(build(content, tmp_path / "fresh", cache=None))
    assert cached == fresh
    assert cached != before, "the change shows in the calendars"
    changed = entries(cache)
    assert set(kept) < set(changed), "the changed VEVENT is a new entry"
    assert [changed[key] for key in kept] == list(kept.values()), "the rest is kept"
