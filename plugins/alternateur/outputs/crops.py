"""A content's own image, cropped to the size a shared link or search engine wants.

Link previews want 1200×630 (``og:image``), Google's event results 16:9, 4:3
and 1:1: each is the middle of the source at that ratio (a poster's centre
is where its text usually is; no guess at faces or "interest", which would
move the crop when an author retouches a corner), turned upright as the
camera's EXIF orientation says, its colours converted to sRGB when it
carries another ICC profile (a phone's Display P3), scaled to the exact
size, and written as a JPEG without any of the source's metadata (EXIF with
the GPS position, comments, the profile: browsers take sRGB without one). A
transparent source is flattened on white. A JPEG is kept under 300 KB
(``MAX_BYTES``): a grainy photo is saved again at lower qualities until it
fits, always the same steps, so the same source gives the same bytes.

A source smaller than the size is scaled up: the size announced in
``og:image:width`` and ``og:image:height`` is always the true one, and link
previews show a 1200×630 space whatever they get.
"""

from __future__ import annotations

import io
import math

from PIL import Image, ImageCms, ImageOps

#: JPEG qualities, tried in turn until the file weighs at most ``MAX_BYTES``:
#: an ordinary 1200×1200 photo fits at the first.
QUALITIES = (82, 72, 62, 50, 40)
MAX_BYTES = 300 * 1024


#: Every crop is at most this wide or high: one decoding serves them all.
LARGEST = 1200


def _decode(source: bytes, largest: int) -> Image.Image:
    """Open ``source`` upright, decoded no larger than a crop of ``largest`` needs.

    For a JPEG, ``draft`` asks libjpeg for a 1/2, 1/4 or 1/8 scale while
    decoding: a 4000×3000 photo decodes at 2000×1500, in a quarter of the
    time and memory, still enough for any crop up to 1200×1200. The scale
    depends on ``largest`` only, not on the crop's ratio: the four crops of
    one photo come from one decoding (``upright``), and each gives the same
    bytes whether the decoding was shared or not.
    """
    image = Image.open(io.BytesIO(source))
    scale = largest / min(image.width, image.height)
    if image.format == "JPEG" and scale < 1:
        image.draft(
            "RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale))
        )
    upright = ImageOps.exif_transpose(image)
    return upright if upright is not None else image


def _srgb(image: Image.Image) -> Image.Image:
    """Convert pixels described by an ICC profile to sRGB."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in {"RGB", "RGBA"}:
        return image
    source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
    converted = ImageCms.profileToProfile(
        image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode
    )
    return converted if converted is not None else image


def _flatten(image: Image.Image) -> Image.Image:
    """Return RGB pixels in sRGB, transparency over white."""
    if image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info:
        rgba = _srgb(image.convert("RGBA"))
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return _srgb(image.convert("RGB"))


def upright(source: bytes, largest: int = LARGEST) -> Image.Image:
    """Decode ``source`` once for its crops: upright, sRGB, no transparency."""
    return _flatten(_decode(source, largest))


def crop_image(image: Image.Image, size: tuple[int, int]) -> bytes:
    """Return the centre of an ``upright`` image at ``size``, as JPEG bytes."""
    fitted = ImageOps.fit(image, size, Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    # Pillow writes what ``info`` still holds (comment, profile): nothing.
    fitted.info = {}
    for quality in QUALITIES:
        buffer = io.BytesIO()
        fitted.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        if buffer.tell() <= MAX_BYTES:
            break
    return buffer.getvalue()


def crop(source: bytes, size: tuple[int, int]) -> bytes:
    """Return the centre of ``source`` at ``size``, as JPEG bytes without metadata."""
    return crop_image(upright(source, max(LARGEST, *size)), size)
