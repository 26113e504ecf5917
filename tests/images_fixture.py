"""Pictures made with Pillow for the tests (the real content has none).

Noise over gradients, so that they compress like photos, not to nothing.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter


def photo(
    size: tuple[int, int] = (4000, 3000),
    form: str = "JPEG",
    seed: int = 0,
    noise: float = 0.4,
) -> bytes:
    """A photo-like picture: colour gradients, a few shapes and some grain.

    Drawn at a quarter of its size, then enlarged: its detail survives the
    reduction to every published width, as a camera's does. Seeded: the
    same picture in every process (Pillow's ``effect_noise`` is random), so
    that two builds of the fixture read the same bytes.
    """
    width, height = size
    small = (max(1, width // 4), max(1, height // 4))
    rng = random.Random(seed)
    red = Image.linear_gradient("L").resize(small)
    blue = Image.linear_gradient("L").rotate(90).resize(small)
    grain = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    green = Image.blend(red, grain, noise).filter(ImageFilter.GaussianBlur(0.6))
    picture = Image.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(picture)
    for number in range(6):
        x = rng.randrange(max(1, small[0] - small[0] // 5))
        y = rng.randrange(max(1, small[1] - small[1] // 5))
        draw.ellipse(
            (x, y, x + small[0] // 6, y + small[1] // 6),
            fill=((40 * number + seed) % 256, 120, (200 - 30 * number) % 256),
        )
    picture = picture.resize(size, Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    picture.save(buffer, form, **({"quality": 90} if form == "JPEG" else {}))
    return buffer.getvalue()


def with_exif(data: bytes, orientation: int, gps: bool = True) -> bytes:
    """The same JPEG with an EXIF orientation and, by default, a GPS position."""
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        exif[0x0112] = orientation
        if gps:
            exif[0x8825] = {1: "N", 2: (48.0, 49.0, 1.0), 3: "E", 4: (2.0, 31.0, 1.0)}
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def transparent_png(size: tuple[int, int] = (600, 400)) -> bytes:
    """A logo-like PNG with a see-through background."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse(
        (50, 50, size[0] - 50, size[1] - 50), fill=(200, 60, 30, 255)
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
