"""The cost of the images: a site with photos, built cold, then warm.

``--photos 50`` writes a synthetic site whose events each carry a photo of
4000×3000 (``--photo-size``), made with Pillow: colour gradients, shapes and
grain drawn at a quarter of the size then enlarged, so that they keep detail
at every width instead of compressing to nothing. The same ``n`` always
gives the same files.

Three builds are timed, each in its own process, as an author runs them:

- **without images**: the same events without their ``Image``, the
  reference the two others add to;
- **cold**: an empty image cache, every variant encoded;
- **warm**: the same sources again with the cache of the cold build: nothing
  to encode (the build's own count, ``last-build.json`` in the cache, is
  reported beside the time: a warm build that encodes anything shows there).

Everything here is obviously synthetic, never published.
"""

from __future__ import annotations

import io
import json
import random
import statistics
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from . import builds, content

PHOTO_SIZE = (4000, 3000)
# Where the pipeline says what the last build did (outputs/image_cache.py).
LAST_BUILD = "last-build.json"


def photo(size: tuple[int, int], seed: int) -> bytes:
    """One photo-like JPEG, the same for the same ``seed``."""
    width, height = size
    small = (max(1, width // 4), max(1, height // 4))
    rng = random.Random(seed)
    red = Image.linear_gradient("L").resize(small).rotate(rng.randrange(360))
    blue = Image.linear_gradient("L").resize(small).rotate(rng.randrange(360))
    grain = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    green = Image.blend(grain, red, 0.6).filter(ImageFilter.GaussianBlur(0.6))
    picture = Image.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(picture)
    for _ in range(12):
        x, y = rng.randrange(small[0]), rng.randrange(small[1])
        radius = rng.randrange(5, max(6, small[0] // 6))
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    picture = picture.resize(size, Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def write_site(folder: Path, n: int, size: tuple[int, int] = PHOTO_SIZE) -> Path:
    """Write the synthetic site of ``n`` events, each event's ``Image`` a photo."""
    content.write_site(folder, n)
    images = folder / "images"
    images.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(sorted((folder / "events").glob("*.md"))):
        name = f"photo-{index:03d}.jpg"
        (images / name).write_bytes(photo(size, index))
        header, text = path.read_text(encoding="utf-8").split("\n\n", 1)
        header += f"\nImage: {name}\nImageAlt: Photo de test numéro {index}"
        path.write_text(f"{header}\n\n{text}", encoding="utf-8")
    return folder


def _build(source: Path, work: Path, cache: Path, name: str) -> dict:
    output = builds.fresh(work / name)
    command = builds.pelican_command(source, output, builds.ROOT / "pelicanconf.py")
    # The build's whole cache: the variants (images/) and the sharing cards.
    command.append(f"CACHE_PATH={json.dumps(str(cache))}")
    run = builds.timed(
        command, cwd=builds.ROOT, log=work / f"{name}.log", output=output
    )
    record = cache / "images" / LAST_BUILD
    counts = {"encoded": 0, "cached": 0}
    if record.exists():
        counts = json.loads(record.read_text(encoding="utf-8"))
    files = list((output / "images").iterdir()) if (output / "images").exists() else []
    return {
        "seconds": round(run.seconds, 3),
        "max_rss_mib": round(run.max_rss_kib / 1024, 1),
        "encoded": counts["encoded"],
        "cached": counts["cached"],
        "files": len(files),
        "bytes": sum(path.stat().st_size for path in files),
    }


def measure(
    n: int, work: Path, repeats: int = 1, size: tuple[int, int] = PHOTO_SIZE
) -> dict:
    """Time cold and warm builds of ``n`` photos; medians of ``repeats``."""
    source = write_site(work / "photos" / "content", n, size)
    sources = sum(p.stat().st_size for p in (source / "images").iterdir())
    plain = work / "photos" / "plain-content"
    content.write_site(plain, n)
    runs: dict[str, list[dict]] = {"none": [], "cold": [], "warm": []}
    for repeat in range(repeats):
        cache = builds.fresh(work / "photos" / f"cache-{repeat}")
        runs["none"].append(_build(plain, work / "photos", cache, "none"))
        for kind in ("cold", "warm"):
            runs[kind].append(_build(source, work / "photos", cache, kind))
            sys.stderr.write(
                f"  photos {kind}: {runs[kind][-1]['seconds']:.2f} s, "
                f"{runs[kind][-1]['encoded']} encodée(s)\n"
            )
    return {
        "photos": n,
        "size": list(size),
        "source_bytes": sources,
        "repeats": repeats,
        **{
            kind: {
                **done[-1],
                "seconds": statistics.median(run["seconds"] for run in done),
                "runs": [run["seconds"] for run in done],
            }
            for kind, done in runs.items()
        },
    }


def table(result: dict) -> str:
    """Write the photos' lines of the report, in French."""
    width, height = result["size"]
    sources = result["source_bytes"] / 1024 / 1024
    header = (
        "| construction | durée | mémoire | encodées | du cache | fichiers | poids |"
    )
    lines = [
        f"Images : {result['photos']} photos de {width}×{height} ({sources:.0f} Mio)",
        "",
        header,
        "|---|---|---|---|---|---|---|",
    ]
    kinds = (("none", "sans images"), ("cold", "à froid"), ("warm", "cache chaud"))
    for kind, label in kinds:
        row = result[kind]
        lines.append(
            f"| {label} | {row['seconds']:.2f} s | {row['max_rss_mib']:.0f} Mio "
            f"| {row['encoded']} | {row['cached']} | {row['files']} "
            f"| {row['bytes'] / 1024 / 1024:.1f} Mio |"
        )
    return "\n".join(lines)
