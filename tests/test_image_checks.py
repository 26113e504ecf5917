"""The checks of a content's image source: size limits, formats, alt text.

The strict build and ``invoke check`` report each mistake (``content_errors``
cases); these are the limits, too slow or too large to build a site around.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alternateur.checking import images
from alternateur.checking.images import image_problems, source_problem
from PIL import Image


def _save(root: Path, name: str, size: tuple[int, int], form: str) -> None:
    folder = root / images.FOLDER
    folder.mkdir(exist_ok=True)
    Image.new("L", size, 128).save(folder / name, form)


def test_a_readable_photo_with_its_alt_text_has_no_problem(tmp_path: Path) -> None:
    _save(tmp_path, "affiche.jpg", (400, 300), "JPEG")
    metadata = {"image": "affiche.jpg", "imagealt": "Une affiche rouge"}
    assert image_problems(metadata, str(tmp_path)) == []


@pytest.mark.parametrize("form", ["PNG", "WEBP"])
def test_png_and_webp_sources_are_accepted(tmp_path: Path, form: str) -> None:
    _save(tmp_path, "a.img", (40, 30), form)
    assert source_problem(str(tmp_path), "a.img") is None


def test_a_source_above_50_megapixels_is_refused(tmp_path: Path) -> None:
    _save(tmp_path, "immense.png", (8000, 6251), "PNG")
    assert source_problem(str(tmp_path), "immense.png") == (
        "dépasse 50 mégapixels (attendu 50 mégapixels au plus : réduisez "
        "l'image avant de l'ajouter)"
    )


def test_a_source_of_exactly_50_megapixels_is_accepted(tmp_path: Path) -> None:
    _save(tmp_path, "limite.png", (8000, 6250), "PNG")
    assert source_problem(str(tmp_path), "limite.png") is None


def test_a_source_above_30_mb_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save(tmp_path, "lourde.jpg", (400, 300), "JPEG")
    size = (tmp_path / "images" / "lourde.jpg").stat().st_size
    monkeypatch.setattr(images, "MAX_BYTES", size - 1)
    problem = source_problem(str(tmp_path), "lourde.jpg")
    assert problem is not None
    assert problem.endswith(
        "(attendu 30 Mo au plus : réduisez l'image avant de l'ajouter)"
    )


@pytest.mark.parametrize("name", ["", ".cache", "a/b.jpg", "a\\b.jpg", "../x.jpg"])
def test_only_a_plain_file_name_is_accepted(tmp_path: Path, name: str) -> None:
    assert source_problem(str(tmp_path), name) == (
        "n'est pas un nom de fichier (attendu un fichier JPEG, PNG ou WebP du "
        "dossier content/images/, sans dossier)"
    )


def test_an_empty_alt_text_is_no_alt_text(tmp_path: Path) -> None:
    _save(tmp_path, "a.jpg", (40, 30), "JPEG")
    problems = image_problems({"image": "a.jpg", "imagealt": "   "}, str(tmp_path))
    assert [p.split(" ")[0] for p in problems] == ["ImageAlt"]


def test_no_image_no_check(tmp_path: Path) -> None:
    assert image_problems({"imagealt": "seul"}, str(tmp_path)) == []


@pytest.mark.parametrize("form", ["JPEG", "PNG", "WEBP"])
def test_a_file_cut_short_is_unreadable(tmp_path: Path, form: str) -> None:
    # An upload stopped halfway: the header is whole, the pixels are not.
    _save(tmp_path, "coupee.img", (400, 300), form)
    path = tmp_path / images.FOLDER / "coupee.img"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert source_problem(str(tmp_path), "coupee.img") == (
        "n'est pas une image lisible (attendu un fichier JPEG, PNG ou WebP du "
        "dossier content/images/)"
    )
