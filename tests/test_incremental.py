"""The incremental preview writes, after every edit, what a full build writes.

One process builds the preview as ``invoke serve`` does (``tasks.
preview_build`` with ``tasks.PREVIEW_ARGUMENTS``) after each of a series of
edits: an event edited, added, removed, broken then fixed, a page and a
milestone edited. After each, its folder is compared, byte for byte, with a
fresh build of the same content in another process (banner on, nothing
remembered). The one difference allowed is the preview's own: the last page
of a faulty file, kept and marked « pas à jour » (``hooks/preview.py``),
and the banner's note that says so on every page.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .images_fixture import photo
from .sites import FIXED_NOW, ROOT, run_pelican, tree, write_content

pytestmark = pytest.mark.site

ATELIER = (
    "Title: Atelier vélo\nStart: 2030-03-14 14:00\nTags: Vélo\nVenue: salle\n\n"
    "Réparer.\n"
)
SOUPE = (
    "Title: Soupe\nStart: 2030-01-10 19:00\nRecurrence: FREQ=MONTHLY;COUNT=6\n"
    "Tags: Cuisine, Vélo\n\nUne soupe.\n"
)
SITE = {
    "events/atelier.md": ATELIER,
    "events/soupe.md": SOUPE,
    "events/fete.md": "Title: Fête\nStart: 2029-06-21\n\nDe la musique.\n",
    "events/passe.md": "Title: Passé\nStart: 2019-06-21\n\nC'était bien.\n",
    "milestones/idee.md": "Title: L'idée\nDate: 2017\n\nUne idée.\n",
    "pages/le-projet.md": "Title: Le projet\n\nUn tiers-lieu.\n",
    "venues/salle.md": "Title: Salle\n",
}
# Each step: files written (None: removed), then a build.
STEPS: list[dict[str, str | None]] = [
    {},
    {"events/atelier.md": ATELIER.replace("Réparer.", "Réparer des vélos.")},
    {"events/neuf.md": "Title: Neuf\nStart: 2030-05-02\nTags: Vélo\n\nNouveau.\n"},
    {"events/fete.md": None},
    {"events/soupe.md": SOUPE.replace("2030-01-10", "2030-13-10")},
    {"events/soupe.md": SOUPE.replace("Une soupe.", "Une soupe chaude.")},
    {"pages/le-projet.md": "Title: Le projet\n\nUn tiers-lieu à Champigny.\n"},
    {"milestones/idee.md": "Title: L'idée\nDate: 2017-05\n\nUne idée.\n"},
    {},
    # The venue an event names: its page shows the venue's facts.
    {"venues/salle.md": "Title: Salle des fêtes\nLocality: Champigny-sur-Marne\n"},
    {"venues/salle.md": None},
    {"venues/salle.md": "Title: Salle\n"},
]
# Builds the preview in one process after each step, and keeps a copy.
DRIVER = """
import base64, json, os, shutil, sys, time
from pathlib import Path
import tasks
steps = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
search = [] if sys.argv[2] == "search" else ["SEARCH_INDEX=false"]
inodes = []
for number, files in enumerate(steps):
    for name, text in files.items():
        path = Path("content", name)
        if text is None:
            path.unlink()
            continue
        if text.startswith("base64:"):
            path.write_bytes(base64.b64decode(text.removeprefix("base64:")))
        else:
            path.write_text(text, encoding="utf-8")
        # A new date, as every save gives (Pelican's cache compares them).
        stamp = time.time() + number
        os.utime(path, (stamp, stamp))
    assert tasks.preview_build(*tasks.PREVIEW_ARGUMENTS, *search)
    shutil.copytree("output-preview", f"snapshot-{number}")
    inodes.append({
        str(page.relative_to("output-preview")): page.stat().st_ino
        for page in Path("output-preview").rglob("*")
        if page.is_file()
    })
Path("inodes.json").write_text(json.dumps(inodes), encoding="utf-8")
"""


# The banner's note on a faulty file's kept page: only a preview that saw the
# file before its error has it.
STALE = re.compile(rb' <span class="problems-stale">.*?</span>')


def _as_text(value: str | bytes | None) -> str | None:
    """A step's file for the driver's JSON: bytes (an image) in base64."""
    if isinstance(value, bytes):
        return "base64:" + base64.b64encode(value).decode()
    return value


def drive(
    project: Path,
    steps: list[dict[str, str | bytes | None]],
    search: str,
    site: dict[str, str | bytes] = SITE,
) -> list:
    """Build the preview after each step in one process: each build's inodes."""
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py", "plugins", "theme"):
        (project / name).symlink_to(ROOT / name)
    write_content(project / "content", site)
    encoded = [{name: _as_text(v) for name, v in step.items()} for step in steps]
    (project / "steps.json").write_text(json.dumps(encoded), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, "steps.json", search],
        cwd=project,
        env={**os.environ, "SOURCE_DATE_EPOCH": FIXED_NOW},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads((project / "inodes.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def steps(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    project = tmp_path_factory.mktemp("apercu")
    return project, drive(project, STEPS, "nosearch")


@pytest.mark.parametrize("number", range(len(STEPS)))
def test_each_preview_is_byte_for_byte_a_full_build(
    steps: tuple[Path, list[dict]], tmp_path: Path, number: int
) -> None:
    project, _ = steps
    files = dict(SITE)
    for step in STEPS[: number + 1]:
        for name, text in step.items():
            if text is None:
                files.pop(name)
            else:
                files[name] = text
    content = write_content(tmp_path / "content", files)
    output = tmp_path / "output"
    full = run_pelican(
        content,
        output,
        strict=False,
        extra=["-e", "PREVIEW_PROBLEMS_BANNER=true"],
    )
    assert full.returncode == 0, full.stdout + full.stderr
    preview, expected = tree(project / f"snapshot-{number}"), tree(output)
    kept = {
        name
        for name, data in preview.items()
        if name not in expected and "pas à jour".encode() in data
    }
    assert set(preview) - kept == set(expected)
    different = [
        name for name in expected if STALE.sub(b"", preview[name]) != expected[name]
    ]
    assert not different, different


def test_an_unchanged_event_page_is_not_written_again(
    steps: tuple[Path, list[dict]],
) -> None:
    _, inodes = steps
    other = "agenda/passe/index.html"
    # Step 1 edits an event: the others are the files already served.
    assert inodes[1][other] == inodes[0][other]
    assert (
        inodes[1]["agenda/atelier/index.html"] != inodes[0]["agenda/atelier/index.html"]
    )
    # The home page lists every event: written at every build.
    assert inodes[1]["index.html"] != inodes[0]["index.html"]
    # Step 2 adds an event: every page is written again (the site changed).
    assert inodes[2][other] != inodes[1][other]
    # Step 8 changes nothing.
    assert inodes[8][other] == inodes[7][other]


def test_the_preview_keeps_its_first_search_index(tmp_path: Path) -> None:
    inodes = drive(tmp_path, STEPS[:2], "search")
    index = {name for name in inodes[0] if name.startswith("pagefind/")}
    assert "pagefind/pagefind.js" in index
    assert {name: inodes[1][name] for name in index} == {
        name: inodes[0][name] for name in index
    }, "linked from the folder served, not indexed again"


# Images: a poster replaced, and an event with a body image kept (not read
# again) while another changes. Pages show their variants by the hash of
# the image's bytes: a stale page would name files the folder lacks.
IMAGE_SITE: dict[str, str | bytes] = {
    **SITE,
    "events/affiche.md": "Title: Affiche\nStart: 2030-02-01 19:00\n"
    "Image: affiche.jpg\nImageAlt: Une affiche\n\n![Le jardin](jardin.jpg)\n",
    "milestones/photo.md": "Title: Photo\nDate: 2018\n\n![La cour](jardin.jpg)\n",
    "images/affiche.jpg": photo((800, 600), seed=1),
    "images/jardin.jpg": photo((700, 500), seed=2),
}
IMAGE_STEPS: list[dict[str, str | bytes | None]] = [
    {},
    {"events/atelier.md": ATELIER.replace("Réparer.", "Réparer des vélos.")},
    {"images/affiche.jpg": photo((800, 600), seed=3)},
    {"images/jardin.jpg": photo((640, 480), seed=4)},
    {},
]


def test_each_preview_with_images_is_a_full_build(tmp_path: Path) -> None:
    project = tmp_path / "apercu"
    project.mkdir()
    drive(project, IMAGE_STEPS, "nosearch", IMAGE_SITE)
    files = dict(IMAGE_SITE)
    cache = json.dumps(str(tmp_path / "full-cache"))  # Images and cards.
    for number, step in enumerate(IMAGE_STEPS):
        files.update({name: text for name, text in step.items() if text is not None})
        content = write_content(tmp_path / f"content-{number}", files)
        output = tmp_path / f"output-{number}"
        full = run_pelican(
            content,
            output,
            strict=False,
            extra=["-e", "PREVIEW_PROBLEMS_BANNER=true", f"CACHE_PATH={cache}"],
        )
        assert full.returncode == 0, full.stdout + full.stderr
        preview, expected = tree(project / f"snapshot-{number}"), tree(output)
        assert sorted(preview) == sorted(expected), number
        assert [n for n in expected if preview[n] != expected[n]] == [], number
        assert any(name.startswith("images/jardin-") for name in expected)
