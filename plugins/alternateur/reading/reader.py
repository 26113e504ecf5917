"""Markdown reading that keeps ``Date`` at the precision the author wrote.

It is also where each file's contract begins to be checked, in the build's
own reading pass: the reader never raises on a content mistake (Pelican would
log it in English, or stop), it leaves a ``Trace`` of the header as written,
with the mistakes only the text shows, in the file's metadata. The content
classes and ``hooks/checking.py`` report them with the kind's own checks.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from markdown import Markdown
from pelican.readers import MarkdownReader, Readers

from alternateur.model.dates import parse_precise
from alternateur.model.errors import ContentError

from .header import TRACE_KEY, Trace, trace_header

# Python-Markdown's documented priority of the ``meta`` preprocessor.
META_PRIORITY = 27


def not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    """Say where a file stops being UTF-8, and the usual cause."""
    line = data.count(b"\n", 0, error.start) + 1
    byte = data[error.start]
    hint = ""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        hint = ", il semble enregistré en Windows-1252 (Latin-1)"
    return (
        f"Le fichier n'est pas en UTF-8 : octet 0x{byte:02X} illisible à la "
        f"ligne {line}{hint} (attendu un fichier texte enregistré en UTF-8)"
    )


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
        self._problems: list[str] = []
        self._unreadable: set[str] = set()

    def process_metadata(self, name: str, value: Any) -> Any:
        """Read one field; a value that cannot be read is left out, and said.

        A build must never stop on one file's field with Pelican's own
        English message (``Modified: hier``): the mistake is kept for the
        file's trace, worded for its author.
        """
        try:
            return self._process(name, value)
        except ContentError as error:
            self._problems.append(str(error))
        except (ValueError, TypeError, OverflowError):
            expected = "AAAA-MM-JJ" if name == "modified" else "une valeur"
            problem = f"n'est pas lisible (attendu {expected})"
            self._problems.append(str(ContentError(name.capitalize(), problem, value)))
        self._unreadable.add(name)
        return None

    def _process(self, name: str, value: Any) -> Any:
        """Parse ``date`` ourselves; leave every other field to Pelican."""
        if name == "title":
            # A title is text, not HTML: « A <b> & </script> » must show as
            # written and never break the page. Escaped here, before
            # typogrify marks it up, so templates print it as HTML and every
            # plain-text output (iCalendar, JSON-LD, feeds) gets it back intact.
            # An entity (« &amp; », copied from a web page) means its
            # character, as it does in the Markdown text: « & », not « &amp ; ».
            return html.escape(html.unescape(value), quote=False)
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
        """Read one file as Pelican's ``MarkdownReader.read`` does, and trace it."""
        self._source_path = source_path
        data = Path(source_path).read_bytes()
        try:
            text = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as error:
            # A title keeps Pelican from rejecting the page in its own words;
            # the trace's problem keeps it off the site.
            title = os.path.splitext(os.path.basename(source_path))[0]
            self._problems.clear()
            return "", {"title": title, TRACE_KEY: Trace((), (not_utf8(data, error),))}
        _, trace = trace_header(text)
        self._md = self._reset_markdown()
        content = self._md.convert(text)
        # A field written twice or over several lines is a mistake the trace
        # reports; Pelican reads its first line only, without a warning.
        formatted = self.settings["FORMATTED_FIELDS"]
        meta = {
            key: lines if key.lower() in formatted else lines[:1]
            for key, lines in self._md.Meta.items()
        }
        metadata = {
            key: value
            for key, value in self._parse_metadata(meta).items()
            if key not in self._unreadable
        }
        self._unreadable.clear()
        if self._problems:
            trace = Trace(
                trace.keys,
                (*trace.problems, *self._problems),
                trace.stray_line,
                trace.stray_number,
                trace.ended_by_text,
            )
            self._problems.clear()
        metadata[TRACE_KEY] = trace
        return content, metadata


def use_precise_dates(readers: Readers) -> None:
    """Swap in our reader for every extension Pelican's Markdown reader has."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = PreciseDateMarkdownReader
