"""What an author's image becomes on the site: its published variants.

Pure data, shared by the writer that makes the files (``outputs/images.py``)
and the views that show them (``views/pictures.py``): neither imports the
other.
"""

from __future__ import annotations

from dataclasses import dataclass

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
