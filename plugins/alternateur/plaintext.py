"""Plain text from the HTML that titles and bodies carry.

Pelican treats titles as HTML (typogrify adds ``<span class="caps">`` and
``&amp;``), and bodies are HTML from Markdown. Attributes, JSON-LD and
iCalendar need the text a person reads, not markup: ``&amp;`` must become
``&`` and a tag must vanish rather than show up in a calendar app.

The same title is wanted by the JSON-LD, both calendars and the Google link:
results are cached (strings in, strings out).
"""

from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser

# Elements whose end starts a new line of text.
_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "dl", "dd"}
    | {"dt", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "figure"}
)
# Elements whose content is never text for a reader.
_HIDDEN = frozenset({"script", "style", "template"})


class _TextCollector(HTMLParser):
    """Collect text nodes, with a line break where a block ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _collect(html: str) -> str:
    collector = _TextCollector()
    collector.feed(str(html))
    collector.close()
    return "".join(collector.parts)


@lru_cache(maxsize=4096)
def plain_text(html: str | None) -> str:
    """One line of plain text: for a title in an attribute, JSON or a calendar."""
    if not html:
        return ""
    return " ".join(_collect(html).split())


@lru_cache(maxsize=1024)
def plain_paragraphs(html: str | None) -> str:
    """Plain text keeping paragraphs apart by a blank line: for descriptions."""
    if not html:
        return ""
    paragraphs = (" ".join(block.split()) for block in _collect(html).split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
