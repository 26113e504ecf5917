"""The picture of every shared link (``og:image``) and of every event's JSON-LD.

A page with its own ``Image`` shares that image, cropped (``crops.py``); any
other gets a card drawn from its title, and for an event its next date and
place (``cards.py``). This module decides, once every page is known, what
each page shows and which files that takes; ``write`` makes the files,
through the cache of files by inputs (``output_cache.py``): a rebuild with
nothing changed draws nothing, and the same inputs give the same bytes.

A file's name carries eight hex digits of its inputs' hash
(``cartes/agenda-soupe.1a2b3c4d.png``): a changed title or photo gets a new
address, which link previews (that keep an image by its URL for weeks) then
fetch again; an unchanged one keeps its address from build to build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import site
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from importlib.metadata import version
from pathlib import Path
from typing import Protocol

import font_source_sans_pro
import PIL
from PIL import Image

from alternateur.french.dates import format_span
from alternateur.french.plaintext import plain_text
from alternateur.french.typography import french_text
from alternateur.model.contents import Event
from alternateur.model.occurrences import Occurrence, Schedule

from . import cards, crops
from .hard_links import hard_link
from .output_cache import OutputCache, digest

logger = logging.getLogger(__name__)

#: The size of ``og:image``: what Facebook, LinkedIn, Mastodon and
#: WhatsApp show at full width (1.91:1).
SHARE_SIZE = (cards.WIDTH, cards.HEIGHT)
#: Google's event results want 16:9, 4:3 and 1:1, at least 50,000 pixels
#: each and "high resolution": 1,200 pixels wide.
JSONLD_SIZES = {"16x9": (1200, 675), "4x3": (1200, 900), "1x1": (1200, 1200)}
PNG, JPEG = "image/png", "image/jpeg"
_SUFFIXES = {PNG: "png", JPEG: "jpg"}


class Shareable(Protocol):
    """What this module reads of a page (Pelican's ``Page``, an ``Event``, a theme)."""

    @property
    def title(self) -> str: ...  # noqa: D102 (Pelican's and Theme's)

    @property
    def url(self) -> str: ...  # noqa: D102


@dataclass(frozen=True)
class ShareImage:
    """What a page's head says of its shared picture (``includes/meta.html``)."""

    url: str  # The file's path in the site: ``cartes/soupe.1a2b3c4d.png``.
    width: int
    height: int
    mime: str
    alt: str


@dataclass(frozen=True)
class Rendition:
    """One file to write: its path in the output, its key, how to make it.

    ``produce`` is a ``partial`` of a module-level function, so that another
    process can run it (``write``).
    """

    path: str
    key: bytes
    produce: Callable[[], bytes]
    cost_ms: float  # About how long making it takes, to decide on processes.


@dataclass(frozen=True)
class Picture:
    """A content's own image: its source file and its alternative text."""

    source: Path
    alt: str


@dataclass
class Sharing:
    """Every page's shared picture, the events' JSON-LD images, and their files."""

    site: ShareImage
    pages: dict[str, ShareImage] = field(default_factory=dict)
    # Each event's three JSON-LD images (16:9, 4:3, 1:1), by the event's slug.
    jsonld: dict[str, list[str]] = field(default_factory=dict)
    renditions: dict[str, Rendition] = field(default_factory=dict)

    def for_page(self, page: Shareable | None) -> ShareImage:
        """Return the picture of ``page``, the site's card if it has none planned."""
        if page is None:
            return self.site
        return self.pages.get(page.url, self.site)

    def jsonld_images(self, event: Event) -> list[str]:
        """Return the site paths of ``event``'s JSON-LD images (none if unplanned)."""
        return self.jsonld.get(event.slug, [])


@cache
def code_version() -> bytes:
    """Hash what, besides a file's own inputs, decides its bytes.

    The drawing and cropping code, Pillow (its encoders and resampling), and
    the font: a change to any of them makes new files, never stale ones.
    """
    fonts = Path(font_source_sans_pro.font_directory)
    return digest(
        Path(cards.__file__).read_bytes(),
        Path(crops.__file__).read_bytes(),
        PIL.__version__.encode(),
        version("font-source-sans-pro").encode(),
        *(path.read_bytes() for path in sorted(fonts.glob("SourceSansPro-*.ttf"))),
    )


@lru_cache(maxsize=1)
def _upright_file(source: Path, contents: bytes) -> Image.Image:
    """Decode a source once for its four crops, made one after the other.

    ``contents`` is the hash of the file's bytes: a photo replaced under the
    same name (in the preview's long-lived process) is decoded again.
    """
    del contents  # Part of the memo's key only.
    return crops.upright(source.read_bytes())


def _crop_file(source: Path, contents: bytes, size: tuple[int, int]) -> bytes:
    if max(size) > crops.LARGEST:
        return crops.crop(source.read_bytes(), size)
    return crops.crop_image(_upright_file(source, contents), size)


def _file_hash(path: Path) -> bytes:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").digest()


def stem_of(url: str) -> str:
    """Name a file after a page's URL: ``agenda/soupe/`` → ``agenda-soupe``."""
    path = url.split("#", 1)[0].strip("/")
    path = path.removesuffix(".html").removesuffix("/index")
    return path.replace("/", "-") or "accueil"


class Planner:
    """Decide each page's picture and gather the files they take."""

    def __init__(self, folder: str, site: str) -> None:
        self.folder = folder.strip("/")
        self.site = site
        self.renditions: dict[str, Rendition] = {}

    def _add(
        self, stem: str, key: bytes, mime: str, produce: Callable[[], bytes]
    ) -> str:
        path = f"{self.folder}/{stem}.{key.hex()[:8]}.{_SUFFIXES[mime]}"
        cost = CARD_MS if mime == PNG else CROP_MS
        self.renditions.setdefault(path, Rendition(path, key, produce, cost))
        return path

    def card(self, stem: str, card: cards.Card, size: tuple[int, int]) -> ShareImage:
        """Plan a card of ``size`` saying ``card``, named after ``stem``."""
        words = json.dumps([card.site, card.title, *card.details]).encode()
        key = digest(code_version(), b"card", words, repr(size).encode())
        path = self._add(stem, key, PNG, partial(cards.draw, card, size))
        return ShareImage(path, *size, PNG, card_alt(card))

    def crop(self, picture: Picture, size: tuple[int, int]) -> ShareImage:
        """Plan the middle of ``picture`` at ``size``, named after its source file."""
        contents = _file_hash(picture.source)
        key = digest(code_version(), b"crop", contents, repr(size).encode())
        stem = f"{picture.source.stem}-{size[0]}x{size[1]}"
        produce = partial(_crop_file, picture.source, contents, size)
        path = self._add(stem, key, JPEG, produce)
        return ShareImage(path, *size, JPEG, french_text(picture.alt))

    def picture(
        self,
        stem: str,
        card: cards.Card,
        picture: Picture | None,
        size: tuple[int, int],
    ) -> ShareImage:
        """Plan the content's own image if it has one, else its card."""
        if picture is not None:
            return self.crop(picture, size)
        return self.card(stem, card, size)


def card_alt(card: cards.Card) -> str:
    """Say what a card shows, for ``og:image:alt``: its text, in order."""
    return french_text(f"{card.site} : " + " — ".join((card.title, *card.details)))


def title_text(title: str | None) -> str:
    """Give a title as the card prints it: plain text, French spacing and quotes."""
    return french_text(plain_text(str(title or "")))


def shown_occurrence(times: Schedule) -> Occurrence:
    """Pick the occurrence a card announces: the next, else the last, else the first."""
    if times.announced:
        return times.announced[0]
    if times.done:
        return times.done[-1]
    return times.first


def event_card(site: str, event: Event, times: Schedule) -> cards.Card:
    """Say on an event's card its title, its date (the next one) and its place.

    The place is the venue's name, else the address, else « En ligne » for
    an event that is only online.
    """
    occurrence = shown_occurrence(times)
    when = format_span(occurrence.start, occurrence.last)
    if occurrence.cancelled or event.state == "cancelled":
        when = f"Annulé : {when}"
    place = event.place
    where = title_text(place.label) if place is not None else None
    if where is None and event.online:
        where = "En ligne"
    details = (when, where) if where else (when,)
    return cards.Card(site, title_text(event.title), tuple(map(french_text, details)))


#: What making a file takes on one core, about (``invoke bench``): a card, a
#: crop of a 4000×3000 photo (sharing its decoding with the photo's others).
CARD_MS, CROP_MS = 8.0, 150.0
#: Starting the other processes takes about a second (each imports Pelican
#: and Pillow): below this much work, one process is quicker.
PARALLEL_FROM_MS = 2000.0


def _run(produce: Callable[[], bytes]) -> bytes:
    return produce()


def _make(missing: list[Rendition], processes: int) -> list[bytes]:
    """Make the files the cache lacks, on ``processes`` processes if worth it.

    Encoding a card takes a few milliseconds, a photo's crop a tenth of a
    second: a first build of a thousand events makes four thousand files,
    the real site's forty (a third of a second, not worth the processes).
    The workers are started fresh (``spawn``), never forked from a build
    that may run threads (the preview's server); Pelican put the plugin's
    folder on the import path only while loading it: they are given it.
    """
    if processes <= 1 or sum(r.cost_ms for r in missing) < PARALLEL_FROM_MS:
        return [rendition.produce() for rendition in missing]
    context = multiprocessing.get_context("spawn")
    plugins = str(Path(__file__).resolve().parents[2])
    with ProcessPoolExecutor(
        processes, mp_context=context, initializer=site.addsitedir, initargs=(plugins,)
    ) as pool:
        chunk = max(1, len(missing) // (4 * processes))
        produced = [r.produce for r in missing]
        return list(pool.map(_run, produced, chunksize=chunk))


def write(
    sharing: Sharing,
    output: Path,
    cache: OutputCache,
    processes: int = 1,
    earlier: Callable[[str], Path | None] | None = None,
) -> None:
    """Write every planned file into ``output``, making only what the cache lacks.

    ``earlier`` gives the file an earlier build wrote at the same path, if
    any (the incremental preview's served folder): its name carries its
    key's hash, so it is the same file, hard-linked rather than copied.
    """
    missing = []
    linked = 0
    for path, rendition in sorted(sharing.renditions.items()):
        previous = earlier(path) if earlier is not None else None
        if previous is not None and hard_link(previous, output / path):
            linked += 1
            continue
        if cache.link(rendition.key, output / path):
            continue
        data = cache.get(rendition.key)
        if data is None:
            missing.append(rendition)
            continue
        _write_file(output / path, data)
    for rendition, data in zip(missing, _make(missing, processes), strict=True):
        cache.put(rendition.key, data)
        _write_file(output / rendition.path, data)
    logger.info(
        "Images de partage : %d écrites, %d faites, %d reprises du cache, "
        "%d liées depuis le dossier servi.",
        len(sharing.renditions),
        cache.made,
        cache.reused,
        linked,
    )


def _write_file(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def plan_jsonld(
    planner: Planner, stem: str, card: cards.Card, picture: Picture | None
) -> list[str]:
    """Plan an event's three JSON-LD images: its image's crops, or its cards."""
    return [
        planner.picture(f"{stem}-{ratio}", card, picture, size).url
        for ratio, size in JSONLD_SIZES.items()
    ]
