"""What a shared link shows: every page's og:image, and the events' JSON-LD images.

A fixture site with an event announced by a 4000×3000 poster, an event
without an image, a page with its own photo, themes, the special pages and
the 404 page, built as the preview and as the published site.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from .sites import PRODUCTION_URL, Site, plain, run_pelican, write_content

pytestmark = pytest.mark.site

# "Now" is 2026-11-24 (sites.FIXED_NOW): the soup and the market are ahead,
# the bicycle workshop's weekly series has sessions ahead, the forum is past.
FILES: dict[str, str | bytes] = {
    "events/soupe.md": """
        Title: Soupe "partagée" du quartier
        Start: 2027-03-10 18:00
        End: 2027-03-10 21:00
        Location: La Fabrique
        Tags: Cuisine

        Une soupe.
    """,
    "events/marche.md": """
        Title: Marché de printemps
        Start: 2027-04-03
        Location: La place
        Image: affiche-marche.jpg
        ImageAlt: L'affiche du marché : des cagettes de légumes
        Tags: Cuisine, Quartier

        Un marché.
    """,
    "events/atelier.md": """
        Title: Atelier vélo
        Start: 2026-01-06 18:00
        Recurrence: FREQ=WEEKLY;COUNT=100

        Chaque semaine.
    """,
    "events/forum.md": """
        Title: Forum des associations
        Start: 2026-09-05 10:00
        Location: Le gymnase

        Passé.
    """,
    "venues/fabrique.md": """
        Title: La Fabrique
        Address: 3 rue de l'Essai
        PostalCode: 94500
        Locality: Champigny-sur-Marne

        Une salle.
    """,
    "events/visio.md": """
        Title: Réunion en visio
        Start: 2027-02-02 20:00
        Online: https://visio.example/salle

        En ligne.
    """,
    "events/cinema.md": """
        Title: Soirée cinéma
        Start: 2027-01-15 20:00
        Cancelled: yes

        Annulée.
    """,
    "pages/le-projet.md": """
        Title: Le projet
        Image: equipe.png
        ImageAlt: L'équipe devant le bâtiment

        Le projet.
    """,
    "pages/404.md": """
        Title: Page introuvable
        Template: 404
        Save_as: 404.html
        URL: 404.html
        Status: hidden

        Introuvable.
    """,
    "milestones/idee.md": """
        Title: L'idée
        Date: 2018-01

        Tout commence.
    """,
}


def photo(size: tuple[int, int], form: str) -> bytes:
    """A test photo: a gradient, so that a crop or a resampling shows."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, form)
    return buffer.getvalue()


def content(root: Path, changes: dict[str, str] | None = None) -> Path:
    files = {
        **FILES,
        **(changes or {}),
        "images/affiche-marche.jpg": photo((4000, 3000), "JPEG"),
        "images/equipe.png": photo((4000, 3000), "PNG"),
    }
    return write_content(root / "content", files)


def build(
    root: Path,
    cache: Path,
    *,
    published: bool = False,
    extra: tuple[str, ...] = (),
    changes: dict[str, str] | None = None,
) -> Site:
    output = root / "output"
    result = run_pelican(
        content(root, changes),
        output,
        settings="publishconf.py" if published else "pelicanconf.py",
        env={"SITEURL": PRODUCTION_URL} if published else None,
        extra=("-e", f'CACHE_PATH="{cache}"', *extra),
    )
    site = Site(output, result)
    assert result.returncode == 0, site.log
    return site


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("sharing")
    return build(root, root / "cache")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("sharing-published")
    return build(root, root / "cache", published=True)


def pages(site: Site) -> list[str]:
    return sorted(
        path.relative_to(site.output).as_posix() for path in site.output.rglob("*.html")
    )


def meta(site: Site, page: str) -> dict[str, str]:
    """The page's ``og:*`` and ``twitter:*`` tags, by name."""
    tree = site.page(page)
    tags = {}
    for node in tree.css("meta[property], meta[name]"):
        name = node.attributes.get("property") or node.attributes.get("name") or ""
        if name.startswith(("og:", "twitter:")):
            tags[name] = node.attributes.get("content") or ""
    return tags


def image_file(site: Site, url: str) -> Path:
    """The file an image URL of the site points to, in the output."""
    path = urlsplit(url).path
    root = urlsplit(PRODUCTION_URL).path if url.startswith("http") else ""
    assert path.startswith(f"{root}/cartes/"), url
    return site.output / path.removeprefix(root).lstrip("/")


def test_every_page_says_its_picture_and_the_file_is_1200_by_630(
    preview: Site,
) -> None:
    found = pages(preview)
    expected = {
        "index.html",
        "404.html",
        "agenda/index.html",
        "etat-d-avancement/index.html",
        "le-projet/index.html",
        "agenda/soupe/index.html",
        "agenda/marche/index.html",
        "agenda/themes/cuisine/index.html",
        "lieux/fabrique/index.html",
    }
    assert expected <= set(found)
    for page in found:
        tags = meta(preview, page)
        assert tags["twitter:card"] == "summary_large_image", page
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
        assert tags["og:image:alt"].strip(), page
        with Image.open(image_file(preview, tags["og:image"])) as image:
            assert image.size == (1200, 630), page
            assert Image.MIME[image.format or ""] == tags["og:image:type"], page


def test_an_events_card_gives_its_date_and_place(preview: Site) -> None:
    tags = meta(preview, "agenda/soupe/")
    assert tags["og:image:type"] == "image/png"
    # The alt text is made from the card's own text (outputs/sharing.card_alt);
    # its date is the one the page shows.
    [when] = preview.texts("agenda/soupe/", ".event-facts time")
    assert when == "mercredi 10 mars 2027, 18 h – 21 h"
    assert plain(tags["og:image:alt"]) == (
        f"L'Alternateur : Soupe « partagée » du quartier — {when} — La Fabrique"
    )
    # French typography in what the card says: no-break spaces and « ».
    assert "\u00ab\u202fpartagée\u202f\u00bb" in tags["og:image:alt"]
    assert "18\u00a0h" in tags["og:image:alt"]


def test_a_series_card_gives_its_next_date(preview: Site) -> None:
    alt = plain(meta(preview, "agenda/atelier/")["og:image:alt"])
    upcoming = preview.texts("agenda/atelier/", ".event-dates time")
    assert upcoming[0] == "mardi 24 novembre 2026, 18 h"
    assert alt == f"L'Alternateur : Atelier vélo — {upcoming[0]}"


def test_a_venue_and_an_online_event_have_their_cards(preview: Site) -> None:
    alt = plain(meta(preview, "lieux/fabrique/")["og:image:alt"])
    assert alt == (
        "L'Alternateur : La Fabrique — 3 rue de l'Essai, 94500 Champigny-sur-Marne"
    )
    alt = plain(meta(preview, "agenda/visio/")["og:image:alt"])
    [when] = preview.texts("agenda/visio/", ".event-facts time")
    assert alt == f"L'Alternateur : Réunion en visio — {when} — En ligne"


def test_a_cancelled_events_card_says_so(preview: Site) -> None:
    alt = plain(meta(preview, "agenda/cinema/")["og:image:alt"])
    [when] = preview.texts("agenda/cinema/", ".event-facts time")
    assert alt == f"L'Alternateur : Soirée cinéma — Annulé : {when}"


def test_a_page_with_its_image_shares_a_crop_of_it(preview: Site) -> None:
    for page, alt in [
        ("le-projet/", "L'équipe devant le bâtiment"),
        ("agenda/marche/", "L'affiche du marché : des cagettes de légumes"),
    ]:
        tags = meta(preview, page)
        assert tags["og:image:type"] == "image/jpeg"
        assert plain(tags["og:image:alt"]) == alt
        path = image_file(preview, tags["og:image"])
        assert path.stat().st_size <= 300 * 1024
        with Image.open(path) as image:
            assert (image.format, image.size) == ("JPEG", (1200, 630))
            # The gradient runs from black at the top to white at the bottom:
            # the crop keeps its middle, 2100 of the 3000 rows.
            top, bottom = image.getpixel((600, 0)), image.getpixel((600, 629))
            assert isinstance(top, tuple)
            assert isinstance(bottom, tuple)
            assert 20 < top[0] < 50
            assert 200 < bottom[0] < 235


def test_jsonld_images_are_three_files_of_the_stated_ratios(preview: Site) -> None:
    pages = [("agenda/soupe/", "PNG"), ("agenda/marche/", "JPEG")]
    for page, mime in [*pages, ("agenda/atelier/", "PNG")]:
        script = preview.page(page).css_first('script[type="application/ld+json"]')
        data = json.loads(script.text())
        items = data if isinstance(data, list) else [data]
        for item in items:
            sizes = []
            for url in item["image"]:
                with Image.open(image_file(preview, url)) as image:
                    assert image.format == mime
                    sizes.append(image.size)
            assert sizes == [(1200, 675), (1200, 900), (1200, 1200)]


def test_a_past_events_jsonld_has_no_pictures_its_link_has_one(preview: Site) -> None:
    script = preview.page("agenda/forum/").css_first(
        'script[type="application/ld+json"]'
    )
    data = json.loads(script.text())
    assert data["startDate"] == "2026-09-05T10:00:00+02:00"
    assert "image" not in data
    assert image_file(preview, meta(preview, "agenda/forum/")["og:image"]).is_file()


def test_the_published_site_gives_absolute_urls_on_its_own_host(
    published: Site,
) -> None:
    host = urlsplit(PRODUCTION_URL).netloc
    for page in pages(published):
        url = meta(published, page)["og:image"]
        assert urlsplit(url).scheme == "https", page
        assert urlsplit(url).netloc == host, page
        assert image_file(published, url).is_file(), page
    script = published.page("agenda/soupe/").css_first("script[type]")
    for url in json.loads(script.text())["image"]:
        assert url.startswith(f"{PRODUCTION_URL}/cartes/")
        assert image_file(published, url).is_file()


def test_the_preview_links_pictures_from_the_sites_root(preview: Site) -> None:
    for page in pages(preview):
        assert meta(preview, page)["og:image"].startswith("/cartes/"), page


def entries(cache: Path) -> dict[str, tuple[int, int]]:
    """The cache's files, with what changes when one is written again.

    Every file made is stored there (``OutputCache.cached``): a build that
    draws or crops anything adds or rewrites an entry.
    """
    return {
        path.name: (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in (cache / "cards").iterdir()
    }


def files(site: Site) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (site.output / "cartes").iterdir()}


def test_a_warm_rebuild_draws_nothing_and_writes_the_same_bytes(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    first = files(build(tmp_path / "a", cache))
    kept = entries(cache)
    # The fixture's pages all differ: one entry per file.
    assert len(kept) == len(first) > 15
    warm = build(tmp_path / "b", cache)
    assert entries(cache) == kept
    assert files(warm) == first
    # Another cache, drawn again from nothing: the very same files.
    again = build(tmp_path / "c", tmp_path / "other-cache")
    assert len(entries(tmp_path / "other-cache")) == len(kept)
    assert files(again) == first


def test_a_changed_title_gets_a_new_card_at_a_new_address(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = meta(build(tmp_path / "a", cache), "agenda/soupe/")["og:image"]
    kept = entries(cache)
    text = str(FILES["events/soupe.md"]).replace("du quartier", "de la rue")
    site = build(tmp_path / "b", cache, changes={"events/soupe.md": text})
    tags = meta(site, "agenda/soupe/")
    assert tags["og:image"] != before
    assert "de la rue" in tags["og:image:alt"]
    # The page's card and its three JSON-LD cards; nothing else redrawn.
    assert set(kept) < set(entries(cache))
    assert len(entries(cache)) - len(kept) == 4
    assert {name: entries(cache)[name] for name in kept} == kept


def test_sharing_images_can_be_turned_off(tmp_path: Path) -> None:
    site = build(tmp_path, tmp_path / "cache", extra=("-e", "SHARE_IMAGES=false"))
    assert not (site.output / "cartes").exists()
    tags = meta(site, "agenda/soupe/")
    assert "og:image" not in tags
    assert "twitter:card" not in tags
    script = site.page("agenda/soupe/").css_first("script[type]")
    assert "image" not in json.loads(script.text())
