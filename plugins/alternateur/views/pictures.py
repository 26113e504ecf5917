"""What ``includes/picture.html`` receives: a ``<picture>`` ready to lay out.

From an image's variants (``model/images.ProcessedImage``, made by
``outputs/images.py``), each ``<source>`` with its type and ``srcset``, the
``<img>`` fallback with its own, the ``sizes`` that match the theme's
layout (``IMAGE_SIZES``), ``width`` and ``height`` (the browser reserves the
space before the file arrives: no layout shift), and how it loads: the first
image of a page's main content is fetched first (``fetchpriority="high"``),
every other one waits until it nears the screen (``loading="lazy"``).

Body images (``![texte](affiche.jpg)``) are found in a content's HTML and
marked once it is read (``mark_body_images``); the ``pictures`` filter puts
their ``<picture>`` in place as the page is rendered, when its address (and
so ``SITEURL``, relative in the preview) is known.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from alternateur.model.images import (
    IMG,
    MARKER,
    ProcessedImage,
    body_images,
    image_name,
)

from .agenda import Agenda, Listed

#: The fallback ``src``: the width closest to a phone's at 2x, or to a thumbnail's.
_SRC_WIDTH = 640
_THUMBNAIL_SRC_WIDTH = 320
#: The thumbnails' displayed width, in CSS pixels (``.occurrence-thumbnail``: 6rem).
THUMBNAIL_WIDTH = 96


@dataclass(frozen=True)
class Source:
    """A ``<source>``: a type and its files, ``(path, width)``, narrowest first."""

    type: str
    srcset: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Picture:
    """Everything ``includes/picture.html`` writes, nothing to work out."""

    sources: tuple[Source, ...]
    src: str
    srcset: tuple[tuple[str, int], ...]
    sizes: str
    width: int
    height: int
    alt: str
    eager: bool = False
    credit: str | None = None
    css_class: str | None = None


def _files(image: ProcessedImage, mime: str) -> tuple[tuple[str, int], ...]:
    return tuple((v.path, v.width) for v in image.of_type(mime))


def _closest(files: tuple[tuple[str, int], ...], width: int) -> str:
    """Pick the narrowest file at least ``width`` wide, else the widest."""
    return next((path for path, w in files if w >= width), files[-1][0])


def _up_to(
    files: tuple[tuple[str, int], ...], width: int
) -> tuple[tuple[str, int], ...]:
    """Keep the files narrower than ``width`` and the first one as wide."""
    kept = tuple(f for f in files if f[1] < width)
    return files[: len(kept) + 1]


def picture(
    image: ProcessedImage,
    alt: str,
    sizes: str,
    *,
    eager: bool = False,
    credit: str | None = None,
) -> Picture:
    """Describe an image as wide as the content column, at its own ratio."""
    fallback = _files(image, image.fallback)
    widest = image.of_type(image.fallback)[-1]
    return Picture(
        sources=tuple(
            Source(mime, _files(image, mime))
            for mime in image.types
            if mime != image.fallback
        ),
        src=_closest(fallback, _SRC_WIDTH),
        srcset=fallback,
        sizes=sizes,
        width=widest.width,
        height=widest.height,
        alt=alt,
        eager=eager,
        credit=credit or None,
    )


def thumbnail(image: ProcessedImage, sizes: str) -> Picture:
    """Describe an agenda card's small image: decorative, the title says it.

    Its ``alt`` is empty, so a screen reader does not read the image's
    description before every title of the list; it always loads lazily.
    """
    shown = picture(image, "", sizes)
    # 6rem at 3x is 288 px: no file wider than the first of 320 px is needed.
    enough = _THUMBNAIL_SRC_WIDTH
    return replace(
        shown,
        sources=tuple(
            replace(source, srcset=_up_to(source.srcset, enough))
            for source in shown.sources
        ),
        srcset=_up_to(shown.srcset, enough),
        src=_closest(shown.srcset, enough),
        width=THUMBNAIL_WIDTH,
        height=max(1, round(THUMBNAIL_WIDTH * image.height / image.width)),
        css_class="occurrence-thumbnail",
    )


def with_thumbnails(agenda: Agenda, thumbnails: Mapping[str, Picture]) -> Agenda:
    """Show each event's image small on its lines of the agenda (by URL)."""
    if not thumbnails:
        return agenda

    def shown(items: list[Listed]) -> list[Listed]:
        return [replace(item, thumbnail=thumbnails.get(item.url)) for item in items]

    return replace(
        agenda,
        upcoming=shown(agenda.upcoming),
        next=shown(agenda.next),
        past=[(year, shown(items)) for year, items in agenda.past],
    )


def mark_body_images(
    content: str, known: Callable[[str], bool], *, first_eager: bool
) -> str:
    """Mark each body image of ``content`` that ``known`` accepts, for ``pictures``.

    ``first_eager``: the first one is the first image of the page's main
    content (no poster above it, not a timeline entry).
    """
    eager = first_eager

    def marked(match: re.Match[str]) -> str:
        nonlocal eager
        already = MARKER.fullmatch(match.group(0))
        if already:  # Marked by an earlier build (the preview keeps items).
            known(html.unescape(already.group("name")))  # Planned again.
            eager = False
            return match.group(0)
        (found,) = body_images(match.group(0))
        name = image_name(found.src)
        if name is None or not found.alt or not known(name):
            return match.group(0)
        first = " data-picture-first" if eager else ""
        eager = False
        alt = html.escape(found.alt)
        return f'<img data-picture="{html.escape(name)}" alt="{alt}"{first}>'

    return IMG.sub(marked, content or "")
