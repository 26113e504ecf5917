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

from .htmlsplit import closing, opens, read, split_html

# Elements whose end starts a new line of text.
_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "dl", "dd"}
    | {"dt", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "figure"}
)
# Elements whose content is never text for a reader.
_HIDDEN = frozenset({"script", "style", "template"})


def _collect(html: str) -> str:
    """Join the text nodes, with a line break where a block ends."""
    cut = split_html(str(html))
    parts = []
    hidden = 0
    for text, tag, name in zip(cut.texts, cut.tags, cut.names, strict=False):
        if not hidden:
            parts.append(read(text))
        if name in _HIDDEN:
            if opens(tag, name):
                hidden += 1
            elif closing(tag):
                hidden = max(0, hidden - 1)
        elif name == "br":
            parts.append("\n")
        elif name in _BLOCKS and closing(tag):
            parts.append("\n\n")
    if not hidden:
        parts.append(read(cut.texts[-1]))
    return "".join(parts)


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
