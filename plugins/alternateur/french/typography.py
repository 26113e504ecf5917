"""French spacing and quotes on the text of the written pages.

Typogrify (Pelican's ``TYPOGRIFY``) speaks English: its SmartyPants makes “ ”
quotes, and it knows nothing of the French spaces before ``; ! ? :`` and
inside « ». Pelican runs it on bodies, titles and summaries as it reads them;
the filters of it that suit French stay on (see ``pelicanconf.py``), and this
module adds what French needs:

- U+202F (narrow no-break space) before ``; ! ?``, inside « », and between a
  number and ``%``;
- U+00A0 (no-break space) before ``:``, and inside a time or a price
  (« 18 h 30 », « 5 € »), which must not break across two lines;
- typewriter quotes made French: ``"mot"`` → « mot », ``l'idée`` → l’idée.

It works on HTML text nodes only, cut from the markup as ``html.parser``
cuts them (``htmlsplit.py``): never in an attribute, never inside ``code``,
``pre``, ``kbd``, ``samp``, ``script``, ``style``, ``textarea``, ``svg``,
``math`` or an element in another language (``lang="en"``), never inside a
URL written in the text (``https://…``) or a time (``18:30``).

Where it runs: on every HTML page the theme renders, once, on the final
page, just before Pelican writes it (``hooks/typeset_pages.py``). That single hook
covers the text of every source — Markdown bodies, titles, the templates'
own words (« nous en sommes là », « Lieu : »), dates said by the plugin —
whichever template or plugin wrote it, including the ones added later:
nobody has to remember a filter, and the split sees exactly which text is a
text node. The price is one more pass over each page's body (measured in
the README, « Le thème »). Text outside the body's text nodes — ``<title>``,
attributes, ``<meta>`` tags — goes through the ``plain_text`` filter
(``views/filters.py``), which applies the same rules (``french_text``)
to the plain text; JSON-LD, feeds and iCalendar files are written from
``plaintext.py`` and are not typeset.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from html import escape

from .htmlsplit import Cut, closing, opens, read, split_html

NNBSP = "\u202f"  # Narrow no-break space: before ; ! ?, inside « ».
NBSP = "\u00a0"  # No-break space: before :.

# Elements whose text is never typeset: code, raw text, another notation.
SKIPPED = frozenset(
    {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
)
# Elements that continue a line of text: the characters on both sides of them
# are neighbours (« <em>mot</em> »). Any other tag ends the line.
INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em"}
    | {"i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong"}
    | {"sub", "sup", "time", "u", "var", "wbr"}
)
# Text that must keep its characters: URLs and e-mail-like addresses.
_URL = re.compile(r"(?:\b(?:https?|ftp|webcal|mailto|tel):|\bwww\.)[^\s<>«»\"]+")

_SPACE = r"[ \t\r\n\f\u00a0\u202f]"
# A rule on a number needs a digit: "h" alone is in most words.
_DIGITS = "0123456789"
# A character after which French puts a space before ; ! ? : (a word, a
# number, a closing quote or bracket). Not another ! or ?: « ?! » stays whole.
_WORDISH = r"[^\W_]|[»)\]\"'’%…]"
# What may follow a sign that ends a clause: a space, a closing sign, the end.
_CLOSES = r"(?:[\s»\")\]!?]|\Z)"


def _rules() -> list[tuple[re.Pattern[str], str, frozenset[str]]]:
    """List the substitutions, in order: quotes, then the spaces around them.

    Each comes with the characters one of which it needs, so that most text
    is passed over without running the expression.
    """
    rules = [
        # Typewriter double quotes: opening after a space or a bracket (or at
        # the start of a line), closing anywhere else.
        (r'(?:^|(?<=[\s(\[{—–-]))"', "«", '"'),
        (r'"', "»", '"'),
        # Typewriter apostrophe between two letters: l'idée → l’idée.
        (r"(?<=[^\W\d_])'(?=[^\W\d_])", "’", "'"),
        # Inside « »: whatever space there is becomes U+202F; none gets one.
        (rf"(?<=«){_SPACE}+", NNBSP, "«"),
        (rf"{_SPACE}+(?=»)", NNBSP, "»"),
        (rf"«(?=[^\s{NNBSP}])", "«" + NNBSP, "«"),
        (rf"(?<=[^\s{NNBSP}])»", NNBSP + "»", "»"),
        # Before ; ! ?: U+202F, replacing a space or added after a word when
        # the sign ends a clause (followed by a space, a closing sign or the
        # end), so that « a;b » or « ?q=1 » in running text are left alone.
        # A typewriter quote counts as the closing guillemet it becomes.
        (rf"{_SPACE}+(?=[;!?])", NNBSP, ";!?"),
        (rf"(?:(?<={_WORDISH}))([;!?])(?={_CLOSES})", NNBSP + r"\1", ";!?"),
        # Before a colon: U+00A0, on the same conditions; « 18:30 » and
        # « https:// » are followed by neither a space nor the end.
        (rf"{_SPACE}+(?=:{_CLOSES})", NBSP, ":"),
        (rf"(?:(?<={_WORDISH})):(?={_CLOSES})", NBSP + ":", ":"),
        # A percentage: 40 % with U+202F.
        (rf"(?<=\d){_SPACE}*%", NNBSP + "%", "%"),
        # A time or a price stays on one line: « 18 h 30 », « 5 € ».
        (r"(?<=\d) (?=h\b|€)", NBSP, _DIGITS),
        (r"(?<=\d\u00a0h) (?=\d)", NBSP, _DIGITS),
        # A time range too: « 19 h – 21 h », never « 19 h / – 21 h ». A line
        # may break after a dash even before U+00A0 (Unicode's line breaking,
        # rule LB12a): U+2060 WORD JOINER after the dash forbids it.
        (
            r"(?:(?<=\d\u00a0h)|(?<=\u00a0h\u00a0\d\d)) – (?=\d{1,2}\u00a0h)",
            NBSP + "–\u2060" + NBSP,
            _DIGITS,
        ),
    ]
    return [
        (re.compile(pattern), replacement, frozenset(triggers))
        for pattern, replacement, triggers in rules
    ]


RULES = _rules()
# Characters without which no rule applies: most text nodes are skipped fast.
_TRIGGERS = frozenset().union(*(triggers for *_, triggers in RULES))
# What a run of spaces alone can be changed by: the signs around it.
_AFTER_SPACE = frozenset(";!?:»%h€")


def _inside(replacement: str, start: int, end: int) -> Callable[[re.Match[str]], str]:
    """Replace a match only if it lies within ``start``–``end``."""

    def substitute(match: re.Match[str]) -> str:
        if match.start() < start or match.end() > end:
            return match.group(0)
        return match.expand(replacement)

    return substitute


def _typeset_span(text: str, before: str, after: str) -> str:
    """Apply every rule to ``text``, seeing its neighbours on each side.

    A rule may look at the neighbours but only changes ``text``: a match that
    reaches into a neighbour is left as it is (the neighbour's own pass, or
    nobody, handles it).
    """
    if text.isspace() and before != "«" and after[:1] not in _AFTER_SPACE:
        return text  # The spaces between two tags, mostly.
    extended = before + text + after
    # The characters present, as a set: fourteen rules look them up.
    present = set(extended)
    if _TRIGGERS.isdisjoint(present):
        return text
    start = len(before)
    for pattern, replacement, triggers in RULES:
        if triggers.isdisjoint(present):
            continue
        # With no neighbours (most runs) nothing is to be kept out: Python
        # expands the plain replacement itself, without a call per match.
        end = len(extended) - len(after)
        substitute = (
            _inside(replacement, start, end) if before or after else replacement
        )
        changed = pattern.sub(substitute, extended)
        if changed != extended:
            extended = changed
            present = set(extended)
    return extended[start : len(extended) - len(after)]


@lru_cache(maxsize=8192)
def typeset_text(text: str, before: str = "", after: str = "") -> str:
    """French spacing for one run of text, URLs kept as they are.

    ``before`` and ``after`` are the characters around the run (empty at the
    start or the end of a line of text), so that a rule sees across an
    inline element: « <em>mot</em> ».
    """
    if ":" not in text and "www." not in text:
        return _typeset_span(text, before, after)  # No URL: the common case.
    parts = []
    position = 0
    for url in _URL.finditer(text):
        chunk = text[position : url.start()]
        left = text[position - 1] if position else before
        parts.append(_typeset_span(chunk, left, text[url.start()]))
        parts.append(url.group(0))
        position = url.end()
    left = text[position - 1] if position else before
    parts.append(_typeset_span(text[position:], left, after))
    return "".join(parts)


def french_text(text: str) -> str:
    """French spacing for plain text (a title for an attribute, a calendar)."""
    return typeset_text(text)


_LANG = re.compile(r"""\slang\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)


def _foreign(tag: str) -> bool:
    """Whether a start tag declares a language other than French."""
    if "lang" not in tag:
        return False
    match = _LANG.search(tag)
    return match is not None and not match.group(1).lower().startswith("fr")


def _end_of(cut: Cut, start: int) -> int:
    """Return the index of the tag that closes the element opened at ``start``."""
    name = cut.names[start]
    depth = 0
    for index in range(start + 1, len(cut.tags)):
        if cut.names[index] == name:
            tag = cut.tags[index]
            if closing(tag):
                if depth == 0:
                    return index
                depth -= 1
            elif opens(tag, name):
                depth += 1
    return len(cut.tags)  # Never closed: up to the end.


def _editable(cut: Cut) -> list[bool]:
    """Tell for each text node whether French rules apply to it.

    They do not inside ``SKIPPED`` elements (code, scripts…) or an element in
    another language, however deeply nested. Only the tags that open such an
    element are looked at: a page has a few among a hundred or more.
    """
    editable = [True] * len(cut.texts)
    names = cut.names
    starts = [index for index, name in enumerate(names) if name in SKIPPED]
    starts += [index for index, tag in enumerate(cut.tags) if "lang" in tag]
    for start in starts:
        tag, name = cut.tags[start], names[start]
        if name is None or not opens(tag, name):
            continue
        if name in SKIPPED or _foreign(tag):
            end = _end_of(cut, start)
            editable[start + 1 : end + 1] = [False] * (end - start)
    return editable


def french_html(html: str) -> str:
    """Typeset the text nodes of an HTML document or fragment.

    A rule sees the characters around a text node on its line of text:
    inline elements (``INLINE``) continue a line, « <em>mot</em> » is one.
    """
    cut = split_html(html)
    texts = [read(text) for text in cut.texts]
    # Whether a line of text ends after each text node: a tag of a block.
    ends = [name is not None and name not in INLINE for name in cut.names]
    ends.append(True)
    # The first characters of the line's text after each text node (two: a
    # rule tells « 18 h » from « 18 habitants »), found in one pass from the end.
    following = [""] * len(texts)
    after = ""
    for index in range(len(texts) - 1, -1, -1):
        if ends[index]:
            after = ""
        following[index] = after
        after = (texts[index] + after)[:2]
    out = cut.texts.copy()
    before = ""  # Last character of the line of text so far (typeset).
    for index, editable in enumerate(_editable(cut)):
        text = texts[index]
        if text:
            if editable:
                new = typeset_text(text, before, following[index])
                if new != text:
                    out[index] = _escape_text(new)
                    text = new
            before = text[-1]
        if ends[index]:
            before = ""
    return "".join(t + tag for t, tag in zip(out, [*cut.tags, ""], strict=True))


def _escape_text(text: str) -> str:
    """Escape a text node: ``&``, ``<`` and ``>``; quotes need nothing there."""
    return escape(text, quote=False)


def french_page(html: str) -> str:
    """Typeset a whole page, from ``<body>`` on.

    The head's one text node, ``<title>``, is filled by the ``plain_text``
    filter, which applies the same rules; the rest of the head (meta tags,
    JSON-LD) is attributes and scripts, and was a good third of each page to
    read for nothing.
    """
    body = max(html.find("<body"), 0)
    return html[:body] + french_html(html[body:])
