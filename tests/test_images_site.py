"""The images of a built site: <picture>, loading, files, cache, originals.

The fixture (``tests/image_site.py``) is built with Pillow's pictures: an
event with a 4000×3000 poster, a page with body images, a milestone's photo.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from alternateur.outputs.image_cache import LAST_BUILD
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from .image_site import EVENT_URL, PAGE_URL, POSTER, build_image_site, image_files
from .sites import Site, plain
from .test_reproducible import tree

pytestmark = pytest.mark.site

_WIDTH = re.compile(r"-(\d+)\.(avif|webp|jpg|png)$")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Site]:
    root = tmp_path_factory.mktemp("images")
    return root, build_image_site(root)


@pytest.fixture(scope="module")
def site(built: tuple[Path, Site]) -> Site:
    return built[1]


def _srcset(value: str) -> list[tuple[str, int]]:
    pairs = [item.strip().rsplit(" ", 1) for item in value.split(",")]
    return [(url, int(width.removesuffix("w"))) for url, width in pairs]


def _file(site: Site, page_url: str, url: str) -> Path:
    """The file a page's relative URL points to."""
    return (site.output / page_url / url).resolve()


def _pictures(site: Site, url: str) -> list[dict[str, object]]:
    """Each <picture> of a page's <main>: its sources and its <img>."""
    found = []
    for node in site.page(url).css("main picture"):
        img = node.css_first("img")
        found.append(
            {
                "sources": [
                    (s.attributes["type"], _srcset(s.attributes["srcset"] or ""))
                    for s in node.css("source")
                ],
                "img": dict(img.attributes),
                "img_srcset": _srcset(img.attributes["srcset"] or ""),
            }
        )
    return found


def test_the_event_shows_its_poster_first_with_every_format_and_its_credit(
    site: Site,
) -> None:
    (poster,) = _pictures(site, EVENT_URL)
    types = [kind for kind, _ in poster["sources"]]
    assert types == ["image/avif", "image/webp"]
    img = poster["img"]
    assert img["alt"] == "L'affiche de la soirée soupe : une marmite fumante"
    assert (img["width"], img["height"]) == ("1920", "1440")
    assert img["fetchpriority"] == "high"
    assert "loading" not in img
    assert img["decoding"] == "async"
    assert img["src"].endswith("-640.jpg")
    for _, srcset in [*poster["sources"], ("image/jpeg", poster["img_srcset"])]:
        assert [w for _, w in srcset] == [320, 640, 960, 1280, 1920]
    figure = site.page(EVENT_URL).css_first("main figure.picture")
    assert plain(figure.css_first("figcaption").text()) == (
        "Crédit : Collectif des voisins"
    )
    # French typography: a no-break space before the colon.
    assert "Crédit\u00a0: Collectif" in site.file(f"{EVENT_URL}index.html")


def test_body_images_are_pictures_the_first_fetched_first_the_others_lazy(
    site: Site,
) -> None:
    pictures = _pictures(site, PAGE_URL)
    assert [p["img"]["alt"] for p in pictures] == [
        "Un atelier de réparation de vélos",
        "Le jardin partagé au printemps",
        "Le logo du lieu",
    ]
    first, garden, logo = (p["img"] for p in pictures)
    assert first.get("fetchpriority") == "high"
    assert "loading" not in first
    for img in (garden, logo):
        assert img["loading"] == "lazy"
        assert "fetchpriority" not in img
    # Never wider than the source: 1600, 900 and 600 px wide.
    widths = [[w for _, w in p["img_srcset"]] for p in pictures]
    assert widths == [[320, 640, 960, 1280, 1600], [320, 640, 900], [320, 600]]
    assert [(p["img"]["width"], p["img"]["height"]) for p in pictures] == [
        ("1600", "1200"),
        ("900", "600"),
        ("600", "400"),
    ]
    # The transparent logo falls back to PNG, the photos to JPEG.
    assert logo["src"].endswith(".png")
    assert first["src"].endswith(".jpg")
    assert garden["src"].endswith(".jpg")


def test_a_page_with_a_poster_loads_its_body_images_lazily(tmp_path: Path) -> None:
    files = image_files()
    indent = "\n" + " " * 12  # The fixture's texts are indented (dedented later).
    header = f"Image: chantier.jpg{indent}ImageAlt: Des palettes{indent}Summary:"
    files["pages/galerie.md"] = str(files["pages/galerie.md"]).replace(
        "Summary:", header, 1
    )
    site = build_image_site(tmp_path, files=files)
    pictures = _pictures(site, PAGE_URL)
    assert [p["img"].get("fetchpriority") for p in pictures] == ["high", *[None] * 3]
    assert [p["img"].get("loading") for p in pictures] == [None, *["lazy"] * 3]


def test_the_agenda_shows_a_small_lazy_thumbnail_for_an_event_with_an_image(
    site: Site,
) -> None:
    for url in ("agenda/", "", "agenda/themes/cuisine/"):
        cards = site.page(url).css("main li.occurrence")
        with_image = [c for c in cards if c.css_first("img") is not None]
        assert len(with_image) == 1
        assert "Soupe illustrée" in plain(with_image[0].text())
        img = with_image[0].css_first("img").attributes
        assert (img["width"], img["height"]) == ("96", "72")
        assert img["alt"] == ""  # Decorative: the card's title says what it is.
        assert img["loading"] == "lazy"
        assert [w for _, w in _srcset(img["srcset"] or "")] == [320]


def test_a_venues_page_shows_its_body_image_and_its_events_thumbnail(
    site: Site,
) -> None:
    (body, card) = _pictures(site, "lieux/cantine/")
    assert body["img"]["alt"] == "La façade de la cantine"
    assert body["img"]["fetchpriority"] == "high"
    assert card["img"]["alt"] == ""
    assert card["img"]["loading"] == "lazy"


def test_the_timeline_shows_a_milestones_photos_lazily(site: Site) -> None:
    poster, body = _pictures(site, "etat-d-avancement/")
    assert poster["img"]["alt"] == "Des palettes empilées dans la cour"
    assert body["img"]["alt"] == "La cour, vue du portail"
    assert [poster["img"]["loading"], body["img"]["loading"]] == ["lazy", "lazy"]


def test_the_milestones_feed_gives_body_images_as_plain_img(site: Site) -> None:
    feed = site.file("feeds/jalons.atom.xml")
    assert "data-picture" not in feed
    (src,) = re.findall(r"&lt;img src=\"([^\"]+)\"", feed)
    assert re.search(r"/images/chantier-[0-9a-f]{8}-960\.jpg$", src)
    assert (site.output / "images" / src.rsplit("/", 1)[1]).is_file()


def test_every_image_of_every_page_exists_and_has_its_size(site: Site) -> None:
    pages = sorted(site.output.rglob("*.html"))
    seen = 0
    for path in pages:
        page = HTMLParser(path.read_text(encoding="utf-8"))
        for img in page.css("img"):
            seen += 1
            attributes = img.attributes
            assert attributes.get("width"), path
            assert attributes.get("height"), path
            urls = [attributes["src"]] + [
                url for url, _ in _srcset(attributes.get("srcset") or "")
            ]
            for source in page.css("source"):
                urls += [url for url, _ in _srcset(source.attributes["srcset"] or "")]
            for url in urls:
                assert (path.parent / url).resolve().is_file(), (path, url)
    assert seen >= 6


def test_only_the_variants_are_published_never_the_originals(site: Site) -> None:
    published = {p.name for p in (site.output / "images").iterdir()}
    originals = {
        name.split("/")[1] for name in image_files() if name.startswith("images/")
    }
    assert published.isdisjoint(originals)
    assert all(_WIDTH.search(name) for name in published), published
    assert not list(site.output.rglob(POSTER))
    # 5 sources; the poster in 5 widths × 3 formats.
    assert len([n for n in published if n.startswith("affiche-soupe-")]) == 15


def test_no_published_image_carries_metadata(site: Site) -> None:
    for path in (site.output / "images").iterdir():
        data = path.read_bytes()
        assert b"Exif" not in data, path.name
        assert b"GPS" not in data, path.name


def test_a_warm_build_encodes_nothing_and_writes_the_same_files(
    built: tuple[Path, Site], tmp_path: Path
) -> None:
    root, cold = built
    cache = root / "cache" / "images"
    assert json.loads((cache / LAST_BUILD).read_text()) == {"encoded": 5, "cached": 0}
    entries = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    warm_root = tmp_path / "warm"
    warm_root.mkdir()
    (warm_root / "cache").symlink_to(root / "cache")
    warm = build_image_site(warm_root)
    assert json.loads((cache / LAST_BUILD).read_text()) == {"encoded": 0, "cached": 5}
    del entries[cache / LAST_BUILD]
    assert {p: p.stat().st_mtime_ns for p in entries} == entries
    assert tree(warm.output) == tree(cold.output)


def test_two_cold_builds_are_byte_identical(
    built: tuple[Path, Site], tmp_path: Path
) -> None:
    _, first = built
    second = build_image_site(tmp_path)
    record = tmp_path / "cache" / "images" / LAST_BUILD
    assert json.loads(record.read_text())["encoded"] == 5
    images = {k: v for k, v in tree(first.output).items() if k.startswith("images/")}
    again = {k: v for k, v in tree(second.output).items() if k.startswith("images/")}
    assert len(images) == 57
    assert images == again
