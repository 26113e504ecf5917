"""The files behind a shared link: photo crops, card sizes, the cache by inputs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from alternateur.outputs import cards
from alternateur.outputs.crops import crop, crop_image, upright
from alternateur.outputs.output_cache import OutputCache, digest
from alternateur.outputs.sharing import (
    CARD_MS,
    JSONLD_SIZES,
    PARALLEL_FROM_MS,
    SHARE_SIZE,
    Planner,
    Sharing,
    card_alt,
    stem_of,
    write,
)
from PIL import ExifTags, Image, ImageCms

RED, BLUE = (220, 20, 20), (20, 20, 220)


def photo(size: tuple[int, int], form: str = "JPEG", **save: object) -> bytes:
    """A photo whose middle third is red, the rest blue: a crop shows which part."""
    image = Image.new("RGB", size, BLUE)
    width, height = size
    image.paste(RED, (width // 3, height // 3, 2 * width // 3, 2 * height // 3))
    buffer = io.BytesIO()
    image.save(buffer, form, **save)
    return buffer.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("size", [SHARE_SIZE, *JSONLD_SIZES.values()])
def test_a_4000_by_3000_photo_is_cropped_to_the_exact_size(
    size: tuple[int, int],
) -> None:
    result = opened(crop(photo((4000, 3000)), size))
    assert (result.format, result.size) == ("JPEG", size)
    middle = result.getpixel((size[0] // 2, size[1] // 2))
    corner = result.getpixel((5, 5))
    assert isinstance(middle, tuple)
    assert isinstance(corner, tuple)
    assert middle[0] > 180 > middle[2]  # The centre of the photo is kept.
    assert corner[2] > 180 > corner[0]


def test_a_crop_weighs_at_most_300_kb_even_from_noise() -> None:
    noise = Image.effect_noise((4000, 3000), 90).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=95)
    assert len(crop(buffer.getvalue(), (1200, 1200))) <= 300 * 1024


def test_the_camera_orientation_is_applied_and_metadata_dropped() -> None:
    # Stored 3000×4000 lying on its side, its left half red, with the camera's
    # make, a GPS position and a comment; the camera says "turn by 90°
    # clockwise" (orientation 6): upright, the red half is the top one.
    image = Image.new("RGB", (3000, 4000), BLUE)
    image.paste(RED, (0, 0, 1500, 4000))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Appareil"
    exif[ExifTags.Base.GPSInfo] = {ExifTags.GPS.GPSLatitude: (48.0, 49.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes(), comment=b"secret")
    result = opened(crop(buffer.getvalue(), (1200, 630)))
    assert result.size == (1200, 630)
    assert not result.getexif()
    assert "comment" not in result.info
    assert "icc_profile" not in result.info
    top, bottom = result.getpixel((600, 5)), result.getpixel((600, 625))
    assert isinstance(top, tuple)
    assert isinstance(bottom, tuple)
    assert top[0] > 180 > top[2]
    assert bottom[2] > 180 > bottom[0]


def test_a_photo_with_a_colour_profile_keeps_its_colours_without_it() -> None:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 630), (200, 100, 50)).save(
        buffer, "JPEG", icc_profile=profile.tobytes(), quality=100
    )
    result = opened(crop(buffer.getvalue(), (1200, 630)))
    assert "icc_profile" not in result.info
    pixel = result.getpixel((600, 300))
    assert isinstance(pixel, tuple)
    assert all(abs(a - b) <= 3 for a, b in zip(pixel, (200, 100, 50), strict=True))


def test_a_transparent_png_is_flattened_on_white() -> None:
    image = Image.new("RGBA", (2000, 1000), (0, 0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    result = opened(crop(buffer.getvalue(), (1200, 630)))
    assert result.mode == "RGB"
    assert result.getpixel((600, 300)) == (255, 255, 255)


def test_a_small_source_is_scaled_up_to_the_announced_size() -> None:
    assert opened(crop(photo((300, 200), "PNG"), (1200, 630))).size == (1200, 630)


def test_the_same_source_gives_the_same_bytes() -> None:
    data = photo((4000, 3000))
    assert crop(data, (1200, 630)) == crop(data, (1200, 630))


@pytest.mark.parametrize("size", [SHARE_SIZE, *JSONLD_SIZES.values()])
def test_a_card_is_drawn_at_each_size_with_its_text_inside(
    size: tuple[int, int],
) -> None:
    details = ("jeudi 1er avril 2027", "Ici")
    card = cards.Card("L'Alternateur", "Soupe partagée", details)
    assert opened(cards.draw(card, size)).size == size
    width, height = size
    for (x, y), text, face in cards.layout(card, size):
        left, _top, right, bottom = face.getbbox(text)
        assert x + left >= cards.MARGIN - 2
        assert x + right <= width - cards.MARGIN
        assert y + bottom <= height - 12
    assert len(cards.draw(card, size)) <= 300 * 1024


def test_a_cards_alt_text_says_its_text() -> None:
    card = cards.Card("L'Alternateur", "Soupe", ("jeudi 1er avril 2027", "Ici"))
    expected = "L\u2019Alternateur\u00a0: Soupe — jeudi 1er avril 2027 — Ici"
    assert card_alt(card) == expected


@pytest.mark.parametrize(
    ("url", "stem"),
    [
        ("agenda/soupe/", "agenda-soupe"),
        ("", "accueil"),
        ("404.html", "404"),
        ("agenda/themes/velo/", "agenda-themes-velo"),
        ("a/index.html", "a"),
    ],
)
def test_files_are_named_after_the_page(url: str, stem: str) -> None:
    assert stem_of(url) == stem


def test_the_cache_makes_each_key_once_across_builds(tmp_path: Path) -> None:
    calls: list[str] = []

    def produce(text: str) -> bytes:
        calls.append(text)
        return text.encode()

    first = OutputCache(tmp_path / "cards")
    assert first.cached(digest(b"a"), lambda: produce("a")) == b"a"
    assert first.cached(digest(b"b"), lambda: produce("b")) == b"b"
    assert first.cached(digest(b"a"), lambda: produce("a")) == b"a"
    # A later build, another process: the folder is all it shares.
    second = OutputCache(tmp_path / "cards")
    assert second.cached(digest(b"a"), lambda: produce("again")) == b"a"
    assert calls == ["a", "b"]
    assert (first.made, first.reused, second.made, second.reused) == (2, 1, 0, 1)
    assert sorted(p.name for p in (tmp_path / "cards").iterdir()) == sorted(
        [digest(b"a").hex(), digest(b"b").hex()]
    )


def test_a_failed_production_leaves_no_entry(tmp_path: Path) -> None:
    cache = OutputCache(tmp_path)

    def broken() -> bytes:
        raise OSError("disque plein")

    with pytest.raises(OSError, match="disque plein"):
        cache.cached(digest(b"x"), broken)
    assert list(tmp_path.iterdir()) == []


def test_keys_do_not_merge_their_parts() -> None:
    assert digest(b"ab", b"c") != digest(b"a", b"bc")


def test_files_made_on_other_processes_are_the_same(tmp_path: Path) -> None:
    planner = Planner("cartes", "L'Alternateur")
    sharing = Sharing(
        planner.card("accueil", cards.Card("L'Alternateur", "Site"), SHARE_SIZE)
    )
    many = int(PARALLEL_FROM_MS // CARD_MS)  # Enough to be drawn in parallel.
    for number in range(many):
        card = cards.Card("L'Alternateur", f"Atelier numéro {number}", ("Ici",))
        planner.card(f"atelier-{number}", card, SHARE_SIZE)
    sharing.renditions = planner.renditions
    outputs = []
    for processes in (1, 2):
        output = tmp_path / f"output-{processes}"
        cache = OutputCache(tmp_path / f"cache-{processes}")
        write(sharing, output, cache, processes)
        assert (cache.made, cache.reused) == (many + 1, 0)
        outputs.append({p.name: p.read_bytes() for p in (output / "cartes").iterdir()})
    assert len(outputs[0]) == many + 1
    assert outputs[0] == outputs[1]


def test_one_decoding_for_every_crop_gives_the_same_bytes() -> None:
    data = photo((4000, 3000))
    image = upright(data)
    for size in (SHARE_SIZE, *JSONLD_SIZES.values()):
        assert crop_image(image, size) == crop(data, size)


def test_the_preview_links_the_files_it_already_serves(tmp_path: Path) -> None:
    planner = Planner("cartes", "L'Alternateur")
    card = cards.Card("L'Alternateur", "Soupe", ("Ici",))
    sharing = Sharing(planner.card("accueil", card, SHARE_SIZE))
    sharing.renditions = planner.renditions
    [path] = sharing.renditions
    served = tmp_path / "served"
    write(sharing, served, OutputCache(tmp_path / "cache"))
    cache = OutputCache(tmp_path / "cache")
    write(sharing, tmp_path / "next", cache, earlier=lambda name: served / name)
    assert (tmp_path / "next" / path).stat().st_ino == (served / path).stat().st_ino
    assert (cache.made, cache.reused) == (0, 0)
    # A file the served folder lacks comes from the cache.
    write(sharing, tmp_path / "other", cache, earlier=lambda name: tmp_path / "none")
    assert (cache.made, cache.reused) == (0, 1)
