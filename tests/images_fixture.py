"""Pictures made with Pillow for the tests (the real content has none).

Noise over gradients, so that they compress like photos, not to nothing.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw


def photo(
    size: tuple[int, int] = (4000, 3000),
    form: str = "JPEG",
    seed: int = 0,
    noise: float = 24.0,
) -> bytes:
    """A photo-like picture: colour gradients, a few shapes and some grain."""
    width, height = size
    red = Image.linear_gradient("L").resize(size)
    blue = Image.linear_gradient("L").rotate(90).resize(size)
    # Seeded grain: the same picture in every process (Pillow's effect_noise
    # is random), so that two builds of the fixture read the same bytes.
    flat = Image.new("L", size, 128)
    random_bytes = random.Random(seed).randbytes(width * height)
    grain = Image.blend(flat, Image.frombytes("L", size, random_bytes), noise / 128)
    picture = Image.merge("RGB", (red, Image.blend(grain, red, 0.5), blue))
    draw = ImageDraw.Draw(picture)
    for number in range(6):
        x = (seed * 97 + number * 613) % max(1, width - width // 5)
        y = (seed * 53 + number * 389) % max(1, height - height // 5)
        draw.ellipse(
            (x, y, x + width // 6, y + height // 6),
            fill=((40 * number + seed) % 256, 120, (200 - 30 * number) % 256),
        )
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
