"""HTML is cut into tags and text nodes exactly as Python's own parser cuts it.

The typography and the plain text of titles and bodies read HTML through
``split_html``; ``html.parser`` is the reference it is checked against.
"""

from __future__ import annotations

import html
from html import parser as html_parser

from alternateur.french.htmlsplit import closing, read, split_html
from hypothesis import given, settings
from hypothesis import strategies as st

from .sites import Site

_TEXT = st.lists(
    st.sampled_from(["mot", "l'", " ", ";", ":", "!", "«", "»", '"', "'", "&", "<"]),
    max_size=8,
).map("".join)


class _ReferenceSplit(html_parser.HTMLParser):
    """Python's own HTML parser, as the reference for what is text and what tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.items.append(("start", tag))

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self.items.append(("start", tag))

    def handle_endtag(self, tag: str) -> None:
        self.items.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if self.items and self.items[-1][0] == "text":
            data = self.items.pop()[1] + data
        self.items.append(("text", data))

    def handle_comment(self, data: str) -> None:
        self.items.append(("other", ""))

    def handle_decl(self, decl: str) -> None:
        self.items.append(("other", ""))


def _reference_split(page: str) -> list[tuple[str, str]]:
    parser = _ReferenceSplit()
    parser.feed(page)
    parser.close()
    return parser.items


def _our_split(page: str) -> list[tuple[str, str]]:
    cut = split_html(page)
    items: list[tuple[str, str]] = []
    pieces = zip(cut.texts, [*cut.tags, ""], [*cut.names, ""], strict=True)
    for text, tag, name in pieces:
        if text:
            items.append(("text", read(text)))
        if name is None:
            items.append(("other", ""))
        elif name:
            items.append(("end" if closing(tag) else "start", name))
    return items


def test_pages_are_split_into_text_and_tags_as_python_s_html_parser_does(
    real_site: Site,
) -> None:
    pages = sorted(real_site.output.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert _our_split(page) == _reference_split(page), path


_ATTRIBUTES = st.sampled_from(
    [
        ' class="a b"',
        " title='Lieu : ici > là'",
        ' data-x="<p>"',
        " hidden",
        " lang=en",
        " href=/a/b?c=d;e",
        ' alt="l\'idée"',
        " /",
    ]
)
_START_TAGS = st.tuples(
    st.sampled_from(["p", "em", "A", "span", "br", "code"]),
    st.lists(_ATTRIBUTES, max_size=3).map("".join),
).map(lambda tag: f"<{tag[0]}{tag[1]}>")
_MARKUP_PIECES = st.one_of(
    _START_TAGS,
    st.sampled_from(["</p>", "</em>", "</a>", "</SPAN >", "<!-- a : b > c -->"]),
    st.sampled_from(["<!doctype html>", "<script>if (a < b) x = '</p>';</script>"]),
    _TEXT.map(html.escape),
    st.sampled_from(["a < b", "&amp;", "&nbsp;", "&#39;", "5 > 3"]),
)


@settings(max_examples=500)
@given(st.lists(_MARKUP_PIECES, min_size=1, max_size=12).map("".join))
def test_any_markup_is_split_as_python_s_html_parser_does(page: str) -> None:
    assert _our_split(page) == _reference_split(page)
    assert split_html(page).raw() == page
