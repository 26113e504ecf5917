"""The checks of a content's image (``Image``, ``ImageAlt``): one line each.

An image named in a header must exist in ``content/images/``, be a picture
Pillow can read in a format the site publishes, and be small enough to
process in a sane time and memory; an image without its alternative text
leaves blind readers with nothing, so ``ImageAlt`` is required with it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from alternateur.model.errors import ContentError
from alternateur.model.images import FOLDER, body_images, image_name, is_address

#: Formats accepted as sources (Pillow's names).
FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
#: Above these a source is refused: 50 megapixels (a 8000×6000 photo)
#: decode to 200 MB of pixels; 30 MB is far above any camera's JPEG.
MAX_PIXELS = 50_000_000
MAX_BYTES = 30 * 1024 * 1024

_EXPECTED = "un fichier JPEG, PNG ou WebP du dossier content/images/"
_TOO_LARGE = (
    "dépasse 50 mégapixels (attendu 50 mégapixels au plus : réduisez "
    "l'image avant de l'ajouter)"
)


def _file_problem(path: Path, name: str) -> str | None:
    """Refuse a path (it could leave the folder) and a file that is not there."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return f"n'est pas un nom de fichier (attendu {_EXPECTED}, sans dossier)"
    if not path.is_file():
        return f"n'existe pas dans content/{FOLDER}/ (attendu {_EXPECTED})"
    return None


def _size_problem(path: Path) -> str | None:
    """Refuse a source too heavy, or with too many pixels, to process sanely."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return (
            f"pèse {size / 1024 / 1024:.0f} Mo (attendu 30 Mo au plus : "
            "réduisez l'image avant de l'ajouter)"
        )
    with Image.open(path) as image:
        width, height = image.size
    return _TOO_LARGE if width * height > MAX_PIXELS else None


def _decode(path: Path) -> None:
    """Decode the whole file, which alone finds a JPEG or WebP cut short.

    ``verify`` misses one (an upload stopped halfway); it checks every chunk
    of a PNG. A JPEG decodes at an eighth of its size (``draft``: 15 to 20 ms
    for 12 megapixels), reading it all. The preview, one process for every
    save, decodes a file once while its size and date stay the same.
    """
    stat = path.stat()
    _decodes(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4096)
def _decodes(path: str, size: int, modified: int) -> None:
    """Decode ``path`` (``size`` and ``modified`` key the memo); raise if broken."""
    del size, modified
    with Image.open(path) as image:
        if image.format == "PNG":
            return
        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()


def source_problem(folder: str, name: str) -> str | None:
    """Say what is wrong with the image file ``name`` of ``folder``, if anything."""
    path = Path(folder, FOLDER, name)
    missing = _file_problem(path, name)
    if missing:
        return missing
    try:
        too_large = _size_problem(path)
        if too_large:
            return too_large
        with Image.open(path) as image:
            if image.format not in FORMATS:
                return f"est au format {image.format} (attendu {_EXPECTED})"
            image.verify()
        _decode(path)
    except Image.DecompressionBombError:
        # Pillow refuses twice its own limit (about 179 MP) as it opens.
        return _TOO_LARGE
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return f"n'est pas une image lisible (attendu {_EXPECTED})"
    return None


def image_problems(metadata: dict[str, object], content_folder: str) -> list[str]:
    """Every problem of a content's ``Image`` and ``ImageAlt`` fields."""
    raw = metadata.get("image")
    name = str(raw).strip() if isinstance(raw, str) else ""
    if not name:
        return []
    problems = []
    alt = metadata.get("imagealt")
    if not (isinstance(alt, str) and alt.strip()):
        problem = (
            f"est obligatoire avec Image « {name} » (attendu ce que l'image "
            "montre, en une phrase, pour qui ne la voit pas)"
        )
        problems.append(str(ContentError("ImageAlt", problem)))
    why = source_problem(content_folder, name)
    if why:
        problems.append(str(ContentError("Image", why, name)))
    return problems


#: The field a body image's problems are reported under.
BODY_IMAGE = "L'image du texte"


def body_image_problems(content: str, content_folder: str) -> list[str]:
    """Every problem of the images of a content's text (``![texte](fichier)``).

    Each one must be a file of ``content/images/`` (processed like
    ``Image``), never an address on another site: the site makes no request
    elsewhere (no tracking of readers by a third party, and the page's
    weight stays the site's to keep); and each needs its alternative text.
    """
    problems = []
    for image in body_images(content):
        src = image.src.strip()
        name = image_name(src)
        if is_address(src):
            why = (
                "est sur un autre site (attendu un fichier du dossier "
                "content/images/ : le site ne charge rien d'ailleurs)"
            )
        elif name is None:
            why = f"n'est pas dans content/{FOLDER}/ (attendu {_EXPECTED})"
        elif not (image.alt or "").strip():
            why = (
                "n'a pas de texte alternatif (attendu ![ce que l'image montre]"
                f"({src}), en une phrase, pour qui ne la voit pas)"
            )
        else:
            why = source_problem(content_folder, name)
        if why:
            problems.append(str(ContentError(BODY_IMAGE, why, src)))
    return problems
