"""A fixture site with images (the real content has none): made with Pillow.

An event with a 4000×3000 poster and a credit, a page with two body images
(one written ``{static}/images/…``, one by its bare name), a milestone with a
photo on the timeline, and a transparent PNG: what the budgets and the
pipeline are checked on. Each build gets its own image cache, inside its
temporary folder (``CACHE_PATH``: the variants in ``cache/images``, the
sharing cards in ``cache/cards``), never the project's ``cache/``.
"""

from __future__ import annotations

import json
from pathlib import Path

from .images_fixture import photo, transparent_png, with_exif
from .sites import Site, run_pelican, write_content

POSTER = "affiche-soupe.jpg"
# URLs of the pages that show images, for the budgets.
EVENT_URL = "agenda/soupe-illustree/"
PAGE_URL = "galerie/"


def image_files() -> dict[str, str | bytes]:
    """The content folder: texts and the images they name."""
    return {
        f"images/{POSTER}": with_exif(photo((4000, 3000), seed=1), orientation=1),
        "images/atelier.jpg": photo((1600, 1200), seed=2),
        "images/jardin.webp": photo((900, 600), "WEBP", seed=3),
        "images/logo.png": transparent_png(),
        "images/chantier.jpg": photo((1200, 800), seed=4),
        "events/soupe-illustree.md": f"""
            Title: Soupe illustrée
            Start: 2026-12-05 19:00
            Venue: cantine
            Tags: cuisine
            Image: {POSTER}
            ImageAlt: L'affiche de la soirée soupe : une marmite fumante
            ImageCredit: Collectif des voisins

            Une soirée autour de la soupe.
        """,
        "events/sans-image.md": """
            Title: Réunion sans image
            Start: 2026-12-10 18:00

            Une réunion.
        """,
        "pages/galerie.md": """
            Title: Galerie
            Summary: Deux images du lieu.

            Le lieu, en images.

            ![Un atelier de réparation de vélos]({static}/images/atelier.jpg)

            Plus bas, le jardin.

            ![Le jardin partagé au printemps](jardin.webp)

            Et le logo : ![Le logo du lieu](logo.png)
        """,
        "venues/cantine.md": """
            Title: La cantine

            La salle, vue de la rue : ![La façade de la cantine](jardin.webp)
        """,
        "milestones/chantier.md": """
            Title: Début du chantier
            Date: 2026-06
            Image: chantier.jpg
            ImageAlt: Des palettes empilées dans la cour

            Le chantier commence.

            ![La cour, vue du portail](chantier.jpg)
        """,
    }


def build_image_site(
    root: Path, *, files: dict[str, str | bytes] | None = None, extra: list[str] = ()
) -> Site:
    """Build the fixture (or ``files``) with its own cache, in ``root``."""
    content = write_content(root / "content", files or image_files())
    output = root / "output"
    cache = json.dumps(str(root / "cache"))
    result = run_pelican(content, output, extra=["-e", f"CACHE_PATH={cache}", *extra])
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(output, result)
