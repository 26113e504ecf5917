"""Markdown reading that keeps ``Date`` at the precision the author wrote."""

from __future__ import annotations

import html
from typing import Any
from zoneinfo import ZoneInfo

from markdown import Markdown
from pelican.readers import MarkdownReader, Readers
from pelican.utils import pelican_open

from .dates import parse_precise

# Python-Markdown's documented priority of the ``meta`` preprocessor.
META_PRIORITY = 27


class PreciseDateMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, except for ``Date``, and with one ``Markdown``.

    Pelican parses ``Date: 2019-10`` with the build day filled in; milestones
    need « octobre 2019 », whatever day the site is built.

    Pelican also builds a new ``Markdown`` for every file: setting up its
    extensions again each time was a sixth of the build of a thousand events
    (``invoke bench --profile``). Python-Markdown supports converting many
    documents with one instance, ``reset()`` between them; each reader keeps
    its own.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._markdown: Markdown | None = None
        self._meta: Any = None

    def process_metadata(self, name: str, value: Any) -> Any:
        """Parse ``date`` ourselves; leave every other field to Pelican."""
        if name == "title":
            # A title is text, not HTML: « A <b> & </script> » must show as
            # written and never break the page. Escaped here, before
            # typogrify marks it up, so templates print it as HTML and every
            # plain-text output (iCalendar, JSON-LD, feeds) gets it back intact.
            return html.escape(value, quote=False)
        if name == "date":
            return parse_precise(value, "Date", ZoneInfo(self.settings["TIMEZONE"]))
        return super().process_metadata(name, value)

    def _reset_markdown(self) -> Markdown:
        """Return this reader's ``Markdown``, ready for a new document."""
        if self._markdown is None:
            self._markdown = Markdown(**self.settings["MARKDOWN"])
            self._meta = self._markdown.preprocessors["meta"]
        elif "meta" not in self._markdown.preprocessors:
            # Pelican takes the header parser out to convert formatted fields
            # (``Summary``): the next document needs it back.
            self._markdown.preprocessors.register(self._meta, "meta", META_PRIORITY)
        return self._markdown.reset()

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Read one file as Pelican's ``MarkdownReader.read`` does."""
        self._source_path = source_path
        self._md = self._reset_markdown()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        return content, self._parse_metadata(self._md.Meta)


def use_precise_dates(readers: Readers) -> None:
    """Swap in our reader for every extension Pelican's Markdown reader has."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = PreciseDateMarkdownReader
