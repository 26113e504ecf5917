"""The metadata header of a Markdown file, read as Python-Markdown reads it.

Pelican hands the header to Python-Markdown's ``meta`` extension, which keeps
no trace of what it did not understand: a misspelt key is just another key,
a line without a colon silently ends the header and becomes the first line
of the text. Validation needs that trace (the key as the author spelt it,
its line, repeated keys, the line that ended the header) without rendering
the document, so this module follows the extension's rules line for line
(``markdown.extensions.meta``, after ``NormalizeWhitespace``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The patterns of ``markdown.extensions.meta``.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# Python-Markdown's default ``tab_length``.
TAB_LENGTH = 4


@dataclass
class Field:
    """One ``Key: value`` of the header, with its continuation lines."""

    key: str  # As written: « Strat », not « strat ».
    line: int  # 1-based line number of ``Key:``.
    values: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The key as Pelican sees it (lower case)."""
        return self.key.lower()

    @property
    def value(self) -> str:
        """Every line of the value, joined with spaces, as shown in messages."""
        return " ".join(part for part in self.values if part)


@dataclass
class Header:
    """A file's header fields, what ended the header, and the text after it."""

    fields: list[Field]
    body: str
    # The line that ended the header when it was neither blank nor a YAML end
    # marker: usually a field Python-Markdown could not read (« Début: … »).
    stray_line: str | None = None
    stray_number: int = 0


def normalize(text: str) -> list[str]:
    """Split ``text`` into lines as Python-Markdown's ``NormalizeWhitespace`` does."""
    source = text.replace("\x02", "").replace("\x03", "")
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    source = source.expandtabs(TAB_LENGTH)
    source = re.sub(r"(?<=\n) +\n", "\n", source)
    return source.split("\n")


def parse_header(text: str) -> Header:
    """Read the header of a Markdown file, keeping what the author wrote."""
    lines = normalize(text)
    number = 0
    if not text.strip():
        return Header([], "")
    if lines and BEGIN_RE.match(lines[0]):
        number = 1
    fields: list[Field] = []
    current: Field | None = None
    stray_line: str | None = None
    stray_number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        if line.strip() == "" or END_RE.match(line):
            break
        match = META_RE.match(line)
        if match:
            current = Field(match.group("key").strip(), number)
            current.values.append(match.group("value").strip())
            fields.append(current)
            continue
        more = META_MORE_RE.match(line)
        if more and current is not None:
            current.values.append(more.group("value").strip())
            continue
        stray_line, stray_number = line, number
        number -= 1  # This line is the first of the text.
        break
    body = "\n".join(lines[number:])
    return Header(fields, body, stray_line, stray_number)
