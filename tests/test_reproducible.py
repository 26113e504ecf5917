"""Two publications of the same sources at the same "now" are byte-identical.

Anything that reads the clock, the local time zone or locale, the order in
which the file system lists files, or Python's hash seed would show here as a
file that differs between the two builds. Each build has its own cache, so
the sharing cards are drawn twice, not copied from the first build's cache.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .image_site import image_files
from .sites import PRODUCTION_URL, ROOT, run_pelican, tree, write_content


def copy_in_reverse_order(source: Path, target: Path) -> None:
    """Copy a tree, creating its files in the reverse order, so listing differs."""
    for path in sorted(source.rglob("*"), reverse=True):
        destination = target / path.relative_to(source)
        if path.is_file():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def test_two_publications_of_the_same_sources_are_identical(tmp_path: Path) -> None:
    content = tmp_path / "content"
    copy_in_reverse_order(ROOT / "content", content)
    builds = []
    for number, (seed, zone, locale) in enumerate(
        [("1", "UTC", "C.UTF-8"), ("2", "America/New_York", "POSIX")]
    ):
        output = tmp_path / f"build-{number}"
        result = run_pelican(
            ROOT / "content" if number == 0 else content,
            output,
            settings="publishconf.py",
            env={
                "SITEURL": PRODUCTION_URL,
                "PYTHONHASHSEED": seed,
                "TZ": zone,
                "LC_ALL": locale,
            },
            extra=("-e", f'CACHE_PATH="{tmp_path / f"cache-{number}"}"'),
        )
        assert result.returncode == 0, result.stdout + result.stderr
        builds.append(tree(output))

    first, second = builds
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    assert {"index.html", "sitemap.xml", "robots.txt", ".nojekyll"} <= set(first)
    cards = [name for name in first if name.startswith("cartes/")]
    assert len(cards) > 10


def test_two_publications_with_images_are_identical(tmp_path: Path) -> None:
    # The real content has no image: the image fixture, built twice from
    # cold caches of its own, files listed in another order the second time.
    first_content = write_content(tmp_path / "content", image_files())
    content = tmp_path / "content-reversed"
    copy_in_reverse_order(first_content, content)
    builds = []
    for number, (seed, zone, locale) in enumerate(
        [("1", "UTC", "C.UTF-8"), ("2", "America/New_York", "POSIX")]
    ):
        output = tmp_path / f"build-{number}"
        cache = json.dumps(str(tmp_path / f"cache-{number}"))  # Both caches.
        result = run_pelican(
            first_content if number == 0 else content,
            output,
            settings="publishconf.py",
            env={
                "SITEURL": PRODUCTION_URL,
                "PYTHONHASHSEED": seed,
                "TZ": zone,
                "LC_ALL": locale,
            },
            extra=["-e", f"CACHE_PATH={cache}"],
        )
        assert result.returncode == 0, result.stdout + result.stderr
        builds.append(tree(output))

    first, second = builds
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert len([name for name in first if name.startswith("images/")]) == 57
    assert [name for name in first if name.startswith("cartes/")]
