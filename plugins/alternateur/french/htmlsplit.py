"""HTML cut into tags and text nodes, as ``html.parser`` cuts it, in one pass.

Two steps read HTML for its text: the French typography of every written page
(``typography.py``) and the plain text that titles and bodies give to
attributes, JSON-LD, iCalendar and feeds (``plaintext.py``). Both need only
to know which characters are text and which are markup; the per-tag
callbacks of ``html.parser`` were most of their cost (``invoke bench
--profile``), so the cut is made by one regular expression. The tests check
that it cuts every page of the site, and any generated markup, exactly as
``html.parser`` does.
"""

from __future__ import annotations

import re
from html import unescape
from typing import NamedTuple

# One piece of markup: a comment, a declaration (doctype), a processing
# instruction, or a start or end tag whose name is group 2, its attributes
# read as ``html.parser`` reads them (a quoted value may hold a ``>``; a
# quote elsewhere is a character). What lies between two pieces is text.
# The quantifiers are possessive (``*+``): an unclosed ``<`` costs one scan,
# never a backtracking search.
_MARKUP = re.compile(
    r"""
    (
      <!--.*?-->
    | <[!?][^>]*>
    | </?([a-zA-Z][^\t\n\f\r />]*+)
      (?:[\s/]++[^\s/>=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'>][^\s>]*+))?+)*+
      [\s/]*+>
    )
    """,
    re.DOTALL | re.VERBOSE,
)
# Elements whose content is raw text up to their end tag, as ``html.parser``
# reads them: a ``<`` or an ``&`` there is a character, not markup.
RAW_TEXT = frozenset({"script", "style"})
# Elements without an end tag.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"source", "track", "wbr"}
)


class Cut(NamedTuple):
    """A document cut into text nodes and markup, in order: text, tag, text….

    ``texts[i]`` comes just before ``tags[i]``, and one text (maybe empty)
    ends the document. Lists of strings rather than an object per piece: a
    page is a few hundred pieces, and a thousand pages are read per build.
    """

    texts: list[str]  # As written: entities are not decoded (see ``read``).
    tags: list[str]  # As written.
    names: list[str | None]  # Lower case; None for a comment or a declaration.

    def raw(self) -> str:
        """Return the document, byte for byte."""
        parts = [text + tag for text, tag in zip(self.texts, self.tags, strict=False)]
        return "".join(parts) + self.texts[-1]


def read(text: str) -> str:
    """Return the characters a text node stands for (``&amp;`` is ``&``)."""
    return unescape(text) if "&" in text else text


def closing(tag: str) -> bool:
    """Whether the markup is an end tag (``</p>``)."""
    return tag[1] == "/"


def opens(tag: str, name: str) -> bool:
    """Whether a start tag's element has content: neither void nor ``<x/>``."""
    return tag[1] != "/" and name not in VOID and not tag.endswith("/>")


def split_html(html: str) -> Cut:
    """Cut an HTML document or fragment into its text nodes and markup."""
    pieces = _MARKUP.split(html)
    names = [name.lower() if name else None for name in pieces[2::3]]
    cut = Cut(pieces[0::3], pieces[1::3], names)
    if RAW_TEXT.isdisjoint(names) or _raw_texts_whole(cut):
        return cut
    return _split_slowly(html)


def _raw_texts_whole(cut: Cut) -> bool:
    """Whether each ``script`` and ``style`` holds one text and its end tag.

    Then the fast cut is right. Otherwise a ``<`` inside the raw text
    looked like markup to the expression (``if (a <b) …``).
    """
    for index, name in enumerate(cut.names):
        if name in RAW_TEXT and opens(cut.tags[index], name):
            after = index + 1
            if after == len(cut.tags):
                return False
            if cut.names[after] != name or not closing(cut.tags[after]):
                return False
    return True


def _split_slowly(html: str) -> Cut:
    """Cut as ``split_html`` does, reading each raw text up to its end tag."""
    texts: list[str] = []
    tags: list[str] = []
    names: list[str | None] = []
    position = 0
    text_start = 0
    while True:
        match = _MARKUP.search(html, position)
        if match is None:
            texts.append(html[text_start:])
            return Cut(texts, tags, names)
        texts.append(html[text_start : match.start()])
        tag = match.group(0)
        name = match.group(2).lower() if match.group(2) else None
        tags.append(tag)
        names.append(name)
        position = text_start = match.end()
        if name in RAW_TEXT and opens(tag, name):
            end = re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE)
            found = end.search(html, position)
            position = len(html) if found is None else found.start()
