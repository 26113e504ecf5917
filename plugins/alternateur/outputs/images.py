"""The authors' images, made into the files a fast site serves.

From one source of ``content/images/`` (JPEG, PNG or WebP, checked by
``checking/images.py``), every width of ``IMAGE_WIDTHS`` narrower than the
source, and the source's own width when it is narrower than the widest
(never wider: a 500 px source gives one width, 500): in each of
``IMAGE_FORMATS`` (AVIF, WebP) and in the fallback every browser shows, JPEG,
or PNG when the source has transparency.

- **Upright, nothing else**: the EXIF orientation is applied, then every
  metadata dropped (EXIF, GPS position, XMP, comments), colours converted to
  sRGB from the source's ICC profile, which is dropped too.
- **Deterministic**: fixed encoders and settings, no date or metadata
  written: the same source gives byte-identical files
  (``tests/test_images.py``, ``tests/test_reproducible.py``).
- **Cached**: a variant's name holds the first 8 hex digits of its key, the
  hash of the source's bytes, the encoding settings and ``CODE_VERSION``;
  the cache (``outputs/image_cache.py``) is keyed by the whole hash. A
  rebuild with nothing changed encodes nothing: it copies the cached files.
  A changed source or setting is a new name, so no browser keeps an old one.

Planning (``Images.plan``: names, sizes) is cheap and happens while reading,
for the pages and the agenda; encoding happens once per build, for the
images the published contents use (``Images.write``).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify
from PIL import Image, ImageCms, ImageOps

from alternateur.model.images import FOLDER, JPEG, PNG, ProcessedImage, Variant
from alternateur.outputs.image_cache import ImageCache

logger = logging.getLogger(__name__)

#: Bump when the encoding changes (resampling, encoder options): every key
#: changes with it, so a warm cache never serves files made the old way.
CODE_VERSION = "1"

#: Pillow's format, the file extension, by type.
_FORMATS = {
    "image/avif": ("AVIF", "avif"),
    "image/webp": ("WEBP", "webp"),
    JPEG: ("JPEG", "jpg"),
    PNG: ("PNG", "png"),
}
_TYPES = {"avif": "image/avif", "webp": "image/webp"}

_SRGB = ImageCms.createProfile("sRGB")
_OPAQUE = 255


@dataclass(frozen=True)
class Encoding:
    """How every image is encoded: the part of the settings in each key."""

    widths: tuple[int, ...]
    types: tuple[str, ...]
    quality: tuple[tuple[str, int], ...]
    folder: str

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Encoding:
        """Read the ``IMAGE_`` settings: widths, formats, quality, output folder."""
        widths = tuple(sorted({int(w) for w in settings["IMAGE_WIDTHS"] if int(w) > 0}))
        unknown = [f for f in settings["IMAGE_FORMATS"] if f not in _TYPES]
        if unknown or not widths:
            raise ValueError(
                f"IMAGE_FORMATS: {unknown} not among {sorted(_TYPES)}, "
                f"or IMAGE_WIDTHS empty: {settings['IMAGE_WIDTHS']}"
            )
        types = tuple(dict.fromkeys(_TYPES[f] for f in settings["IMAGE_FORMATS"]))
        quality = tuple(sorted(settings["IMAGE_QUALITY"].items()))
        return cls(widths, types, quality, str(settings["IMAGE_OUTPUT"]).strip("/"))

    def quality_of(self, extension: str) -> int | None:
        """Return the quality setting of a format (``avif``, ``webp``, ``jpeg``)."""
        return dict(self.quality).get(extension)

    def widths_for(self, source_width: int) -> tuple[int, ...]:
        """Choose the widths of a source: never wider than it, its own if narrower."""
        chosen = [w for w in self.widths if w < source_width]
        if source_width <= self.widths[-1]:
            chosen.append(source_width)
        return tuple(chosen)

    def fingerprint(self) -> bytes:
        """Describe what an encoded file depends on, as bytes to hash."""
        described = {
            "widths": self.widths,
            "types": self.types,
            "quality": self.quality,
            "code": CODE_VERSION,
            "pillow": Image.__version__,
        }
        return json.dumps(described, sort_keys=True).encode()


def image_key(data: bytes, encoding: Encoding) -> str:
    """Hash a source and how it is encoded: its cache key."""
    digest = hashlib.sha256(encoding.fingerprint())
    digest.update(data)
    return digest.hexdigest()


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """Return the size once upright (EXIF orientations 5 to 8 turn a quarter)."""
    width, height = image.size
    orientation = image.getexif().get(0x0112, 1)
    return (height, width) if orientation in {5, 6, 7, 8} else (width, height)


def _has_transparency(image: Image.Image) -> bool:
    """Whether any pixel is see-through (an opaque RGBA photo is not)."""
    if "transparency" in image.info:
        return True
    if image.mode not in {"RGBA", "LA", "PA", "RGBa", "La"}:
        return False
    low, _ = image.getchannel("A").getextrema()
    return bool(low < _OPAQUE)


def _variants(
    name: str, key: str, size: tuple[int, int], transparent: bool, encoding: Encoding
) -> tuple[Variant, ...]:
    width, height = size
    subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    stem = slugify(Path(name).stem, regex_subs=subs) or "image"
    types = (*encoding.types, PNG if transparent else JPEG)
    return tuple(
        Variant(
            f"{encoding.folder}/{stem}-{key[:8]}-{w}.{_FORMATS[mime][1]}",
            w,
            max(1, round(height * w / width)),
            mime,
        )
        for mime in types
        for w in encoding.widths_for(width)
    )


def _srgb(image: Image.Image) -> Image.Image:
    """Colours in sRGB, what browsers assume of an image without a profile."""
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = "RGBA" if "A" in image.mode else "RGB"
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image
    return converted if converted is not None else image


def _save(image: Image.Image, mime: str, encoding: Encoding) -> bytes:
    """Encode with fixed options and no metadata at all."""
    pillow = _FORMATS[mime][0]
    image.info.clear()  # Pillow writes back some of ``info`` (EXIF, ICC).
    options: dict[str, object]
    if mime == "image/avif":
        # Speed 8 of 10: a third of the time of speed 6, for a few % more bytes.
        options = {"quality": encoding.quality_of("avif") or 45, "speed": 8}
    elif mime == "image/webp":
        options = {"quality": encoding.quality_of("webp") or 70, "method": 4}
    elif mime == JPEG:
        options = {
            "quality": encoding.quality_of("jpeg") or 80,
            "optimize": True,
            "progressive": True,
            "subsampling": "4:2:0",
        }
    else:
        options = {"optimize": True}
    buffer = io.BytesIO()
    image.save(buffer, pillow, exif=b"", **options)
    return buffer.getvalue()


def encode(source: Path, image: ProcessedImage, encoding: Encoding) -> dict[str, bytes]:
    """Every variant of ``image``, by file name: the slow part, done once per key."""
    with Image.open(source) as opened:
        upright = ImageOps.exif_transpose(opened)
        upright = _srgb(upright)
        mode = "RGBA" if image.transparent else "RGB"
        pixels = upright.convert(mode)
    files: dict[str, bytes] = {}
    resized: dict[int, Image.Image] = {}
    for variant in image.variants:
        if variant.width not in resized:
            if (variant.width, variant.height) == pixels.size:
                resized[variant.width] = pixels.copy()
            else:
                resized[variant.width] = pixels.resize(
                    (variant.width, variant.height),
                    Image.Resampling.LANCZOS,
                    reducing_gap=3.0,
                )
        files[os.path.basename(variant.path)] = _save(
            resized[variant.width], variant.mime, encoding
        )
    return files


def _place(cached: Path, target: Path) -> None:
    """Put a cached file in the site: a hard link, or a copy across disks.

    Nothing writes into a built site's files, and a cache entry is never
    rewritten in place (``ImageCache.store`` renames a new one in): the link
    saves copying every variant at every build (60 MB for 50 photos).
    """
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


class ImageError(RuntimeError):
    """A source the check let through that still cannot be encoded: named."""


@dataclass
class Counts:
    """What a build did with its images: how many encoded, how many reused."""

    encoded: int = 0
    cached: int = 0


@dataclass
class Images:
    """The images of one build: planned as the contents are read, written once.

    ``plan`` is memoized by name; ``write`` encodes what the cache lacks and
    copies every planned variant into the output.
    """

    content_folder: Path
    cache: ImageCache
    encoding: Encoding
    planned: dict[str, ProcessedImage] = field(default_factory=dict)
    counts: Counts = field(default_factory=Counts)

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Images:
        """Make the build's images, with the cache of ``IMAGE_CACHE_PATH``."""
        folder = settings.get("IMAGE_CACHE_PATH") or os.path.join(
            settings.get("CACHE_PATH") or "cache", "images"
        )
        return cls(
            Path(settings["PATH"]),
            ImageCache(Path(folder)),
            Encoding.from_settings(settings),
        )

    def source(self, name: str) -> Path:
        """Return the source file of ``name``."""
        return self.content_folder / FOLDER / name

    def plan(self, name: str) -> ProcessedImage:
        """Name and size every variant of ``name`` (checked already), unencoded."""
        known = self.planned.get(name)
        if known is not None:
            return known
        data = self.source(name).read_bytes()
        key = image_key(data, self.encoding)
        meta = self.cache.meta(key)
        if meta is not None:
            size = (int(str(meta["width"])), int(str(meta["height"])))
            transparent = bool(meta["transparent"])
        else:
            with Image.open(io.BytesIO(data)) as opened:
                size = _upright_size(opened)
                transparent = _has_transparency(opened)
        image = ProcessedImage(
            name,
            key,
            *size,
            transparent,
            _variants(name, key, size, transparent, self.encoding),
        )
        self.planned[name] = image
        return image

    def write(self, output: Path) -> Counts:
        """Put every planned variant in ``output``, encoding only what is not cached."""
        for name in sorted(self.planned):
            image = self.planned[name]
            names = [os.path.basename(v.path) for v in image.variants]
            if self.cache.has(image.key, names):
                self.counts.cached += 1
            else:
                try:
                    files = encode(self.source(name), image, self.encoding)
                except (OSError, ValueError) as error:
                    # Changed since it was read, or a decoder's limit.
                    raise ImageError(f"content/{FOLDER}/{name}: {error}") from error
                meta = {
                    "width": image.width,
                    "height": image.height,
                    "transparent": image.transparent,
                    "source": name,
                }
                self.cache.store(image.key, meta, files)
                self.counts.encoded += 1
            for variant in image.variants:
                target = output / variant.path
                target.parent.mkdir(parents=True, exist_ok=True)
                _place(
                    self.cache.path(image.key, os.path.basename(variant.path)), target
                )
        if self.planned:
            logger.info(
                "Images: %d encoded, %d from the cache",
                self.counts.encoded,
                self.counts.cached,
            )
            self.cache.record(
                {"encoded": self.counts.encoded, "cached": self.counts.cached}
            )
        return self.counts
