"""Encoded images kept between builds, by the hash of everything they come from.

An image is encoded once for a given key (the hash of the source's bytes,
the encoding settings and the code's version, ``outputs/images.py``): any
change to one of them is a new key, so nothing is ever invalidated, only
left unused. The cache lives under Pelican's ``CACHE_PATH`` (``cache/images``
by default, ``IMAGE_CACHE_PATH``), which ``invoke clean`` removes.

Each key is a folder of files written into a temporary folder first and
renamed in: a build killed halfway leaves no half-written entry that a
later build would take for a complete one.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

#: The description of an entry (its size and variants), beside its files.
META = "meta.json"
#: What the last build did (how many images encoded, how many reused): read
#: by the tests and the benchmark, which count encodes rather than time them.
LAST_BUILD = "last-build.json"


class ImageCache:
    """A folder of entries, one per key: a description and encoded files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def meta(self, key: str) -> dict[str, object] | None:
        """Return the description stored with ``key``, or None if never stored."""
        try:
            text = (self._entry(key) / META).read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None
        value = json.loads(text)
        return value if isinstance(value, dict) else None

    def path(self, key: str, name: str) -> Path:
        """Return where the file ``name`` of ``key`` is (it may not exist)."""
        return self._entry(key) / name

    def has(self, key: str, names: list[str]) -> bool:
        """Tell whether ``key`` is stored with every one of ``names``."""
        entry = self._entry(key)
        return (entry / META).is_file() and all((entry / n).is_file() for n in names)

    def record(self, counts: Mapping[str, int]) -> None:
        """Keep what the last build did with its images (``LAST_BUILD``)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / LAST_BUILD).write_text(
            json.dumps(dict(counts), sort_keys=True), encoding="utf-8"
        )

    def last_build(self) -> dict[str, int] | None:
        """Return what the last build recorded, if any."""
        try:
            value = json.loads((self.folder / LAST_BUILD).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        return value if isinstance(value, dict) else None

    def store(
        self, key: str, meta: Mapping[str, object], files: Mapping[str, bytes]
    ) -> None:
        """Store an entry whole: written aside, then renamed into place."""
        entry = self._entry(key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{key[:8]}-", dir=entry.parent))
        try:
            for name, data in files.items():
                (staging / name).write_bytes(data)
            (staging / META).write_text(
                json.dumps(meta, sort_keys=True), encoding="utf-8"
            )
            if entry.exists():  # Incomplete: a file of it was removed.
                shutil.rmtree(entry, ignore_errors=True)
            try:
                os.replace(staging, entry)
            except OSError:
                # Another build stored the same key meanwhile: same bytes.
                if not self.has(key, list(files)):
                    raise
        finally:
            if staging.exists():
                shutil.rmtree(staging)
