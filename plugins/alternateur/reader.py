"""Markdown reading that keeps ``Date`` at the precision the author wrote."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from pelican.readers import MarkdownReader, Readers

from .dates import parse_precise


class PreciseDateMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, except for ``Date``.

    Pelican parses ``Date: 2019-10`` with the build day filled in; milestones
    need « octobre 2019 », whatever day the site is built.
    """

    def process_metadata(self, name: str, value: Any) -> Any:
        """Parse ``date`` ourselves; leave every other field to Pelican."""
        if name == "date":
            return parse_precise(value, "Date", ZoneInfo(self.settings["TIMEZONE"]))
        return super().process_metadata(name, value)


def use_precise_dates(readers: Readers) -> None:
    """Swap in our reader for every extension Pelican's Markdown reader has."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = PreciseDateMarkdownReader
