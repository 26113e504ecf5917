"""The 1200×630 sharing card of a page without an image of its own.

A shared link shows a picture (``og:image``): for a page that has none, the
build draws one with Pillow, like mkdocs-material's social plugin. The text
is French as given (the caller passes typeset text: no-break spaces, « »)
and wrapped by its measured width in the card's font, shrinking the title
until it fits: a card never cuts or overflows a title. The font comes with
the project's install (``font-source-sans-pro``, SIL OFL 1.1), never from
the machine, so every machine draws the same card.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import font_source_sans_pro
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
_BACKGROUND = (28, 52, 46)
_INK = (255, 255, 255)
_ACCENT = (244, 180, 60)
_TITLE_SIZES = (72, 64, 56, 48, 42, 36, 32)
_TITLE_LINES = 4


@cache
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    """Load the card's font (``Bold``, ``Regular``) at ``size`` pixels, once."""
    name = "SourceSansPro-Bold.ttf" if weight == "Bold" else "SourceSansPro-Regular.ttf"
    path = Path(font_source_sans_pro.font_directory, name)
    return ImageFont.truetype(str(path), size)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Cut ``text`` into lines no wider than ``width``, at ordinary spaces.

    No-break spaces (before « : », inside « ») never become line ends; a
    word wider than the line alone is cut between letters, never left out.
    """
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if face.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for letter in word:
            if face.getlength(line + letter) > width and line:
                lines.append(line)
                line = ""
            line += letter
    if line:
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Card:
    """What a card says: the site, the title, and for an event when and where."""

    site: str
    title: str
    details: tuple[str, ...] = ()


def _title_lines(title: str, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """Find the largest size at which the title fits in ``height`` pixels."""
    width = WIDTH - 2 * MARGIN
    for size in _TITLE_SIZES:
        face = font("Bold", size)
        lines = wrap(title, face, width)
        if len(lines) <= _TITLE_LINES and len(lines) * int(size * 1.15) <= height:
            return face, lines
    face = font("Bold", _TITLE_SIZES[-1])
    lines = wrap(title, face, width)[:_TITLE_LINES]
    while face.getlength(lines[-1] + " …") > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + " …"
    return face, lines


def layout(card: Card) -> list[tuple[tuple[int, int], str, ImageFont.FreeTypeFont]]:
    """Where each line of the card goes: (x, y), text, font."""
    placed = []
    site = font("Bold", 34)
    placed.append(((MARGIN + 56, MARGIN + 4), card.site, site))
    y = MARGIN + 110
    details_top = HEIGHT - MARGIN - 46 * len(card.details)
    face, lines = _title_lines(card.title, details_top - 16 - y)
    step = int(face.size * 1.15)
    for line in lines:
        placed.append(((MARGIN, y), line, face))
        y += step
    detail = font("Regular", 36)
    y = details_top
    for line in card.details:
        for part in wrap(line, detail, WIDTH - 2 * MARGIN)[:1]:
            placed.append(((MARGIN, y), part, detail))
        y += 46
    return placed


def draw(card: Card) -> bytes:
    """Draw the card as PNG bytes: the same card always gives the same bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    pen = ImageDraw.Draw(image)
    # The site's mark: a plain disc of the accent colour beside its name.
    pen.ellipse((MARGIN, MARGIN, MARGIN + 40, MARGIN + 40), fill=_ACCENT)
    pen.rectangle((0, HEIGHT - 12, WIDTH, HEIGHT), fill=_ACCENT)
    for (x, y), text, face in layout(card):
        pen.text((x, y), text, font=face, fill=_INK)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
