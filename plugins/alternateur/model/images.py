"""What an author's image becomes on the site: its published variants.

Pure data, shared by the writer that makes the files (``outputs/images.py``)
and the views that show them (``views/pictures.py``): neither imports the
other.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

#: Where the images of the content live, inside the content folder.
FOLDER = "images"

#: The fallback every browser shows, by whether the source has transparency.
JPEG = "image/jpeg"
PNG = "image/png"


@dataclass(frozen=True)
class Variant:
    """One file; ``path`` from the site's root (``images/a-1f2e3d4c-640.avif``)."""

    path: str
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class ProcessedImage:
    """A source of ``content/images/`` and every variant made of it.

    ``width`` and ``height`` are the source's, upright (EXIF orientation
    applied): the ratio of every variant, and what ``<img>`` reserves.
    """

    name: str
    key: str
    width: int
    height: int
    transparent: bool
    variants: tuple[Variant, ...]

    @property
    def fallback(self) -> str:
        """Give the type of the ``<img>`` itself: PNG keeps transparency, JPEG else."""
        return PNG if self.transparent else JPEG

    def of_type(self, mime: str) -> tuple[Variant, ...]:
        """Give the variants of one type, narrowest first."""
        return tuple(v for v in self.variants if v.mime == mime)

    @property
    def types(self) -> tuple[str, ...]:
        """Give every type, in the order the writer made them (best first)."""
        return tuple(dict.fromkeys(v.mime for v in self.variants))


#: An ``<img>`` tag of a content's HTML (Python-Markdown writes ``![a](b)`` so).
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(
    r"""\b(?P<key>[a-zA-Z-]+)\s*=\s*"""
    r"""(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))"""
)
#: Pelican's link markers, which an author may put before a path.
_PELICAN_LINK = re.compile(r"^\{(?:static|filename|attach)\}|^\|(?:static|filename)\|")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


@dataclass(frozen=True)
class BodyImage:
    """An ``<img>`` of a content's text, as written."""

    tag: str
    src: str
    alt: str | None


def body_images(content: str) -> list[BodyImage]:
    """Every ``<img>`` of a content's HTML, its ``src`` and ``alt`` unescaped."""
    found = []
    for tag in IMG.findall(content or ""):
        attributes = {
            m.group("key").lower(): html.unescape(
                m.group("dq") or m.group("sq") or m.group("bare") or ""
            )
            for m in _ATTRIBUTE.finditer(tag)
        }
        found.append(BodyImage(tag, attributes.get("src", ""), attributes.get("alt")))
    return found


def image_name(src: str) -> str | None:
    """Return the file of ``content/images/`` a body image's ``src`` names.

    ``affiche.jpg``, ``images/affiche.jpg``, ``/images/affiche.jpg``,
    ``../images/affiche.jpg`` and the same after ``{static}`` or
    ``{filename}``; None for an address (``https://…``) or another folder.
    """
    path = _PELICAN_LINK.sub("", src.strip())
    if not path or _SCHEME.match(path):
        return None
    parts = [part for part in path.split("/") if part not in {"", "."}]
    while parts and parts[0] == "..":
        parts.pop(0)
    if len(parts) == 1:
        return unquote(parts[0])
    if len(parts) == 2 and parts[0] == FOLDER:  # noqa: PLR2004 (folder, file)
        return unquote(parts[1])
    return None


def is_address(src: str) -> bool:
    """Whether a body image's ``src`` is on another site (``https://…``, ``//…``)."""
    return bool(_SCHEME.match(src.strip()))


#: The ``<img>`` of a body image once marked: its file, its alt, its loading.
MARKER = re.compile(
    r'<img data-picture="(?P<name>[^"]*)" alt="(?P<alt>[^"]*)"'
    r"(?P<eager> data-picture-first)?>"
)


def place_pictures(content: str, render: Callable[[str, str, bool], str]) -> str:
    """Replace every marked body image by ``render(name, alt, eager)``."""
    return MARKER.sub(
        lambda m: render(
            html.unescape(m.group("name")),
            html.unescape(m.group("alt")),
            m.group("eager") is not None,
        ),
        content,
    )
