"""The metadata header of a Markdown file, read as Python-Markdown reads it.

Pelican hands the header to Python-Markdown's ``meta`` extension, which keeps
no trace of what it did not understand: a misspelt key is just another key,
a line without a colon silently ends the header and becomes the first line
of the text. Validation needs that trace (the key as the author spelt it,
its line, repeated keys, the line that ended the header) without rendering
the document, so this module follows the extension's rules line for line
(``markdown.extensions.meta``, after ``NormalizeWhitespace``).

``trace_header`` keeps that trace for the build (``Trace``, in the file's
metadata), with the mistakes only the text shows, whatever the file's kind:
a YAML front matter, a field written twice or over several lines,
invisible control characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from alternateur.model.errors import ContentError
from alternateur.model.values import control_problem

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


# The metadata key under which the reader leaves its trace of the header.
TRACE_KEY = "header_trace"

_YAML_VALUE = re.compile(r"""^(["'].*["']|\[.*\])$""")


@dataclass(frozen=True)
class Trace:
    """The header as its author wrote it, and what is wrong with it already.

    Kept in the file's metadata (and so in Pelican's caches) by the reader:
    the kind's checks need the keys as written, with their lines.
    """

    keys: tuple[tuple[str, int, str], ...]  # (key as written, line, value).
    problems: tuple[str, ...] = ()
    stray_line: str | None = None
    stray_number: int = 0
    ended_by_text: bool = False

    def line_of(self, message: str) -> int:
        """Return the header line ``message`` is about, or 0 if it names none.

        Every message starts with the field it is about (``ContentError``:
        « Start « 2019-13-01 » n'est pas… »), as the author wrote it or as the
        contract spells it (« start: » and « Start »). A field the file does
        not give (« Title est obligatoire ») has no line, and the line that
        ended the header says its own (« La ligne 3 « Lieu : … » »).
        """
        folded = message.casefold()
        found = ""
        line = 0
        for key, number, _ in self.keys:
            name = key.casefold()
            if len(name) > len(found) and folded.startswith(name + " "):
                found, line = name, number
        return line


def _yaml_problem(text: str, header: Header) -> str | None:
    """Say how to write the header when it is a Jekyll or Hugo front matter."""
    yaml_values = [f for f in header.fields if _YAML_VALUE.match(f.value)]
    if not text.startswith("---") and not yaml_values:
        return None
    shown = "---" if text.startswith("---") else yaml_values[0].value
    problem = (
        "ressemble à un en-tête YAML (Jekyll, Hugo) : ici, l'en-tête n'a ni --- "
        "ni guillemets ni crochets (attendu des lignes Clé: valeur, par exemple "
        "Title: Mon titre et Tags: a, b, puis une ligne vide avant le texte)"
    )
    return str(ContentError("L'en-tête", problem, shown))


def trace_header(text: str) -> tuple[Header, Trace]:
    """Read the header of a Markdown file and what its text alone shows wrong."""
    header = parse_header(text)
    problems: list[str] = []
    yaml = _yaml_problem(text, header)
    if yaml:
        problems.append(yaml)
    first: dict[str, int] = {}
    for item in header.fields:
        if item.name in first:
            problem = (
                f"est écrit deux fois, lignes {first[item.name]} et {item.line} "
                f"(attendu une seule ligne {item.key}:)"
            )
            problems.append(str(ContentError(item.key, problem, item.value)))
        elif len(item.values) > 1 and item.name != "summary":
            problem = (
                f"continue sur la ligne {item.line + 1} "
                f"(attendu tout sur la ligne {item.line}, après {item.key}:)"
            )
            problems.append(str(ContentError(item.key, problem, item.value)))
        first.setdefault(item.name, item.line)
        control = control_problem(item.key, item.value, f", ligne {item.line}")
        if control:
            problems.append(str(control))
    body_control = _body_control(header)
    if body_control:
        problems.append(body_control)
    trace = Trace(
        keys=tuple((f.key, f.line, f.value) for f in header.fields),
        problems=tuple(problems),
        stray_line=header.stray_line,
        stray_number=header.stray_number,
        ended_by_text=header.stray_line is not None,
    )
    return header, trace


def _body_control(header: Header) -> str | None:
    start = len(header.fields) + (header.stray_line is None)
    for offset, line in enumerate(header.body.split("\n")):
        control = control_problem("Le texte", line, f", ligne {start + offset + 1}")
        if control:
            return str(control)
    return None
