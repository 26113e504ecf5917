"""The image pipeline: variants, orientation, metadata, determinism, cache.

Sources are made with Pillow in each test; encodes are counted by the
pipeline's own counts, never timed.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from alternateur.model.images import JPEG, PNG, image_name, place_pictures
from alternateur.outputs import images as pipeline
from alternateur.outputs.image_cache import ImageCache
from alternateur.outputs.images import Encoding, Images
from alternateur.settings import DEFAULTS
from alternateur.views.pictures import mark_body_images
from PIL import Image

from .images_fixture import photo, transparent_png, with_exif

SETTINGS = {key: value for key, value in DEFAULTS.items() if key.startswith("IMAGE_")}


def _images(root: Path, files: dict[str, bytes], **settings: object) -> Images:
    folder = root / "content" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return Images(
        root / "content",
        ImageCache(root / "cache"),
        Encoding.from_settings({**SETTINGS, **settings}),
    )


def _opened(path: Path) -> Image.Image:
    return Image.open(io.BytesIO(path.read_bytes()))


def test_a_large_photo_gets_every_width_in_every_format(tmp_path: Path) -> None:
    images = _images(tmp_path, {"affiche.jpg": photo((2400, 1800), noise=0.1)})
    planned = images.plan("affiche.jpg")
    assert (planned.width, planned.height) == (2400, 1800)
    assert planned.types == ("image/avif", "image/webp", JPEG)
    for mime in planned.types:
        assert [v.width for v in planned.of_type(mime)] == [320, 640, 960, 1280, 1920]
    assert planned.of_type(JPEG)[0].path == f"images/affiche-{planned.key[:8]}-320.jpg"
    images.write(tmp_path / "out")
    for variant in planned.variants:
        with _opened(tmp_path / "out" / variant.path) as made:
            assert made.size == (variant.width, variant.height)
            assert made.format == {"image/avif": "AVIF", "image/webp": "WEBP"}.get(
                variant.mime, "JPEG"
            )


def test_never_wider_than_the_source_and_a_small_one_keeps_its_width(
    tmp_path: Path,
) -> None:
    images = _images(
        tmp_path,
        {"moyenne.jpg": photo((1000, 500)), "petite.png": photo((300, 200), "PNG")},
    )
    assert [v.width for v in images.plan("moyenne.jpg").of_type(JPEG)] == [
        320,
        640,
        960,
        1000,
    ]
    small = images.plan("petite.png")
    assert [(v.width, v.height) for v in small.of_type(JPEG)] == [(300, 200)]


def test_exif_orientation_is_applied_and_no_metadata_is_published(
    tmp_path: Path,
) -> None:
    # Orientation 6: the camera was turned a quarter; the photo is upright 300×400.
    source = with_exif(photo((400, 300), noise=0.1), orientation=6)
    images = _images(tmp_path, {"tournee.jpg": source})
    planned = images.plan("tournee.jpg")
    assert (planned.width, planned.height) == (300, 400)
    images.write(tmp_path / "out")
    for variant in planned.variants:
        data = (tmp_path / "out" / variant.path).read_bytes()
        with _opened(tmp_path / "out" / variant.path) as made:
            assert made.size == (variant.width, variant.height)
            assert dict(made.getexif()) == {}
            assert "icc_profile" not in made.info
        assert b"Exif" not in data
        assert b"GPS" not in data


def test_a_transparent_source_falls_back_to_png_an_opaque_rgba_to_jpeg(
    tmp_path: Path,
) -> None:
    opaque = io.BytesIO()
    Image.new("RGBA", (500, 300), (10, 20, 30, 255)).save(opaque, "PNG")
    images = _images(
        tmp_path, {"logo.png": transparent_png(), "opaque.png": opaque.getvalue()}
    )
    logo = images.plan("logo.png")
    assert logo.fallback == PNG
    assert logo.types == ("image/avif", "image/webp", PNG)
    assert images.plan("opaque.png").fallback == JPEG
    images.write(tmp_path / "out")
    with _opened(tmp_path / "out" / logo.of_type(PNG)[-1].path) as made:
        assert made.mode == "RGBA"
        assert made.getchannel("A").getextrema()[0] == 0


def test_the_same_source_gives_byte_identical_files(tmp_path: Path) -> None:
    source = photo((1400, 1000), seed=3)
    written = []
    for run in ("a", "b"):
        images = _images(tmp_path / run, {"photo.jpg": source})
        planned = images.plan("photo.jpg")
        images.write(tmp_path / run / "out")
        written.append(
            {
                v.path: (tmp_path / run / "out" / v.path).read_bytes()
                for v in planned.variants
            }
        )
    assert written[0] == written[1]
    assert len(written[0]) == 15  # 320 to 1280, and 1400, in three formats


def test_a_warm_build_encodes_nothing_and_a_change_encodes_again(
    tmp_path: Path,
) -> None:
    files = {"a.jpg": photo((700, 500), seed=1), "b.jpg": photo((700, 500), seed=2)}
    first = _images(tmp_path, files)
    first.plan("a.jpg")
    first.plan("b.jpg")
    assert first.write(tmp_path / "out1").encoded == 2

    warm = _images(tmp_path, {})
    warm.plan("a.jpg")
    warm.plan("b.jpg")
    counts = warm.write(tmp_path / "out2")
    assert (counts.encoded, counts.cached) == (0, 2)
    assert sorted(p.name for p in (tmp_path / "out1/images").iterdir()) == sorted(
        p.name for p in (tmp_path / "out2/images").iterdir()
    )

    # One source changed: that one only; a setting changed: every one, new names.
    (tmp_path / "content/images/a.jpg").write_bytes(photo((700, 500), seed=9))
    changed = _images(tmp_path, {})
    changed.plan("a.jpg")
    changed.plan("b.jpg")
    assert changed.write(tmp_path / "out3").encoded == 1
    other = _images(tmp_path, {}, IMAGE_QUALITY={"avif": 40, "webp": 70, "jpeg": 80})
    before = first.plan("b.jpg").variants[0].path
    assert other.plan("b.jpg").variants[0].path != before
    assert other.write(tmp_path / "out4").encoded == 1


def test_a_cache_entry_missing_a_file_is_encoded_again(tmp_path: Path) -> None:
    images = _images(tmp_path, {"a.jpg": photo((400, 300))})
    planned = images.plan("a.jpg")
    images.write(tmp_path / "out")
    images.cache.path(planned.key, Path(planned.variants[0].path).name).unlink()
    again = _images(tmp_path, {})
    again.plan("a.jpg")
    assert again.write(tmp_path / "out2").encoded == 1


@pytest.mark.parametrize(
    "settings",
    [{"IMAGE_FORMATS": ["gif"]}, {"IMAGE_WIDTHS": []}, {"IMAGE_WIDTHS": [0, -5]}],
)
def test_impossible_settings_are_refused(settings: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="IMAGE_"):
        Encoding.from_settings({**SETTINGS, **settings})


def test_the_key_depends_on_the_code_version(monkeypatch: pytest.MonkeyPatch) -> None:
    encoding = Encoding.from_settings(SETTINGS)
    before = pipeline.image_key(b"x", encoding)
    monkeypatch.setattr(pipeline, "CODE_VERSION", "test")
    assert pipeline.image_key(b"x", encoding) != before


@pytest.mark.parametrize(
    ("src", "name"),
    [
        ("affiche.jpg", "affiche.jpg"),
        ("images/affiche.jpg", "affiche.jpg"),
        ("/images/affiche.jpg", "affiche.jpg"),
        ("../images/affiche.jpg", "affiche.jpg"),
        ("{static}/images/affiche.jpg", "affiche.jpg"),
        ("{filename}../images/affiche.jpg", "affiche.jpg"),
        ("|static|/images/mon%20affiche.jpg", "mon affiche.jpg"),
        ("https://example.org/affiche.jpg", None),
        ("//example.org/affiche.jpg", None),
        ("data:image/png;base64,AAAA", None),
        ("photos/affiche.jpg", None),
        ("images/sous/affiche.jpg", None),
        ("", None),
    ],
)
def test_a_body_image_names_a_file_of_the_images_folder(
    src: str, name: str | None
) -> None:
    assert image_name(src) == name


def test_body_images_are_marked_once_the_first_alone_fetched_first() -> None:
    html = (
        '<p><img alt="Un" src="un.jpg" /></p>'
        '<p><img src="deux.jpg" alt="Deux &amp; »"></p>'
        '<img alt="" src="vide.jpg"><img alt="Loin" src="https://example.org/x.jpg">'
        '<img alt="Absent" src="absent.jpg">'
    )

    def known(name: str) -> bool:
        return name != "absent.jpg"

    marked = mark_body_images(html, known, first_eager=True)
    assert marked == (
        '<p><img data-picture="un.jpg" alt="Un" data-picture-first></p>'
        '<p><img data-picture="deux.jpg" alt="Deux &amp; »"></p>'
        '<img alt="" src="vide.jpg"><img alt="Loin" src="https://example.org/x.jpg">'
        '<img alt="Absent" src="absent.jpg">'
    )
    assert mark_body_images(marked, known, first_eager=True) == marked
    placed = place_pictures(marked, lambda n, a, e: f"[{n}|{a}|{e}]")
    assert placed.startswith("<p>[un.jpg|Un|True]</p><p>[deux.jpg|Deux & »|False]</p>")
    lazy = mark_body_images(html, lambda _: True, first_eager=False)
    assert "data-picture-first" not in lazy


def test_a_source_that_cannot_be_encoded_is_named(tmp_path: Path) -> None:
    images = _images(tmp_path, {"a.jpg": photo((400, 300))})
    images.plan("a.jpg")
    # Replaced by a broken file after it was read and checked.
    (tmp_path / "content/images/a.jpg").write_bytes(b"\xff\xd8 plus une image")
    with pytest.raises(pipeline.ImageError, match=r"^content/images/a\.jpg: "):
        images.write(tmp_path / "out")
