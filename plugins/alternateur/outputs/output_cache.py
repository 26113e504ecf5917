"""Files the build makes at some cost, kept by a hash of what makes them.

Drawing a card or cropping a photo costs milliseconds to a second each; a
rebuild with nothing changed must redo none of it. The caller names each
file by a key (a hash of every input: text, source bytes, settings, code
version): the bytes kept under that key are the file, whoever asks and
whenever. Entries are written whole (a temporary file, then ``os.replace``),
so two builds sharing the folder, or a build killed while writing, never
leave half a file under a key.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .hard_links import hard_link


def digest(*parts: bytes) -> bytes:
    """Hash ``parts`` into one key; each is length-prefixed, so none can merge."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(len(part).to_bytes(8, "big"))
        hashed.update(part)
    return hashed.digest()


class OutputCache:
    """A folder of files by key, counting what it made and what it reused."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made = 0
        self.reused = 0

    def get(self, key: bytes) -> bytes | None:
        """Return the bytes kept under ``key``, or None; count a reuse.

        A file that cannot be read (none, or a ``CACHE_PATH`` that is not a
        folder) is a miss: the caller makes the bytes again.
        """
        try:
            data = (self.folder / key.hex()).read_bytes()
        except OSError:
            return None
        self.reused += 1
        return data

    def link(self, key: bytes, target: Path) -> bool:
        """Put the file kept under ``key`` at ``target`` without copying it.

        A hard link (the cache and the build's folder share a file system,
        ``cache/`` beside ``output/``); False when there is no such file or
        no link can be made, and the caller reads and writes the bytes.
        Entries are never rewritten in place (``put`` replaces the name), so
        the published file never changes under a link.
        """
        if not hard_link(self.folder / key.hex(), target):
            return False
        self.reused += 1
        return True

    def put(self, key: bytes, data: bytes) -> None:
        """Keep ``data`` under ``key``, whole or not at all; count it as made."""
        self.made += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, self.folder / key.hex())
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def cached(self, key: bytes, produce: Callable[[], bytes]) -> bytes:
        """Return the bytes kept under ``key``, calling ``produce`` only if none."""
        data = self.get(key)
        if data is None:
            data = produce()
            self.put(key, data)
        return data
