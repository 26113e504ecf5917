"""Each event's serialized ``VEVENT``, kept between builds by its inputs.

Serializing a thousand ``VEVENT`` with ``icalendar`` costs more than a
second (its line folding walks every character of every line). A
``VEVENT`` follows from the event's file, its venue's file, its themes, the
settings, the plugin's code and the libraries that read and write them, and
from the build's "now" for its ``DTSTAMP`` alone. So it is kept under
Pelican's ``CACHE_PATH`` (``cache/vevents``) by a hash of all of these but
"now", and its ``DTSTAMP`` line is written anew at each build: a build with
the cache writes the very bytes a build without it writes (tested).

The incremental preview keeps its own, in memory (``hooks/incremental.py``);
``VEVENT_CACHE`` turns this one off.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from alternateur.hooks.incremental import (
    PLUGIN,
    Serializer,
    digest,
    settings_key,
    vevent_inputs,
)
from alternateur.model.contents import Event
from alternateur.outputs.output_cache import OutputCache

#: Where the entries are, inside Pelican's ``CACHE_PATH``.
FOLDER = "vevents"
# What reads and writes a VEVENT, besides the plugin: a new version of any of
# them is a new key.
LIBRARIES = ("icalendar", "markdown", "pelican", "typogrify", "python-dateutil")
# The one DTSTAMP line of a serialized VEVENT: a property line starts after
# a line break (a folded line's rest starts with a space; TEXT escapes breaks).
_STAMP = re.compile(rb"\r\nDTSTAMP:[0-9]{8}T[0-9]{6}Z\r\n")


def code_digest(root: Path = PLUGIN) -> str:
    """Return a fingerprint of the plugin's code by its bytes, not its dates.

    A fresh checkout (a publication on GitHub Actions) has new file dates
    and the same code: its restored cache must still be found.
    """
    hashed = hashlib.blake2b(digest_size=16)
    for path in sorted(root.rglob("*.py")):
        hashed.update(str(path.relative_to(root)).encode() + b"\0")
        hashed.update(path.read_bytes() + b"\0")
    return hashed.hexdigest()


def _stamp_line(now: datetime) -> bytes:
    return f"\r\nDTSTAMP:{now.astimezone(UTC):%Y%m%dT%H%M%SZ}\r\n".encode()


def vevent_store(
    settings: dict[str, Any],
    categories: dict[str, list[str]],
    now: datetime,
) -> Serializer | None:
    """Serialize only the ``VEVENT`` that no earlier build made from these inputs.

    None when ``VEVENT_CACHE`` is off: every ``VEVENT`` is serialized.
    """
    if not settings.get("VEVENT_CACHE", True):
        return None
    cache = OutputCache(Path(settings["CACHE_PATH"], FOLDER))
    base = digest(
        settings_key(settings),
        code_digest(),
        [(name, version(name)) for name in LIBRARIES],
    )
    stamp = _stamp_line(now)

    def serialized(
        events: Iterable[Event], serialize: Callable[[Event], bytes]
    ) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        for event in events:
            key = digest(base, *vevent_inputs(event, categories)).encode()
            kept = cache.get(key)
            if kept is not None and len(_STAMP.findall(kept)) == 1:
                found[event.slug] = _STAMP.sub(lambda _: stamp, kept)
                continue
            data = serialize(event)
            cache.put(key, data)
            found[event.slug] = data
        return found

    return serialized
