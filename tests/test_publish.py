"""The production build (``publishconf.py``): what ``invoke publish`` makes."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest

from .sites import (
    FIXED_NOW,
    PRODUCTION_URL,
    Site,
    plain,
    run_pelican,
    write_content,
)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PAGES = {
    "pages/accueil.md": "Title: Accueil\nSave_as: index.html\nURL:\n\nBienvenue.\n",
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nIci.\n",
    "events/atelier.md": "Title: Atelier\nStart: 2020-03-14\n\nTexte.\n",
}


def build(
    tmp_path: Path, env: dict[str, str], files: dict[str, str] | None = None
) -> Site:
    """Build a small site with the production settings."""
    content = write_content(tmp_path / "content", files or PAGES)
    output = tmp_path / "output"
    result = run_pelican(content, output, settings="publishconf.py", env=env)
    return Site(output, result)


def test_links_are_absolute_under_the_site_address(production_site: Site) -> None:
    home = production_site.page("")
    links = [node.attributes["href"] for node in home.css("a[href], link[href]")]
    internal = [link for link in links if not link.startswith("#")]
    assert internal
    assert all(link.startswith(f"{PRODUCTION_URL}/") for link in internal), internal


def test_github_pages_serves_the_files_as_they_are(production_site: Site) -> None:
    assert production_site.file(".nojekyll") == ""


def test_without_a_domain_there_is_no_cname(production_site: Site) -> None:
    assert not (production_site.output / "CNAME").exists()


def test_robots_txt_lets_crawlers_in_and_names_the_sitemap(
    production_site: Site,
) -> None:
    assert production_site.file("robots.txt") == (
        f"User-agent: *\nDisallow:\nSitemap: {PRODUCTION_URL}/sitemap.xml\n"
    )


def test_the_404_page_is_at_the_root_where_github_pages_looks(
    production_site: Site,
) -> None:
    page = production_site.page("404.html")
    assert plain(page.css_first("h1").text()) == "Page introuvable"


def test_the_sitemap_lists_every_public_page_once(production_site: Site) -> None:
    tree = ET.fromstring(production_site.file("sitemap.xml"))
    listed = [node.text for node in tree.iter(f"{SITEMAP}loc")]
    pages = sorted(
        path.relative_to(production_site.output).as_posix()
        for path in production_site.output.rglob("*.html")
        if path.name != "404.html"
    )
    expected = [f"{PRODUCTION_URL}/{page.removesuffix('index.html')}" for page in pages]
    assert sorted(listed) == sorted(expected)
    assert len(set(listed)) == len(listed)


def test_the_sitemap_is_dated_by_the_build_never_by_the_clock(
    production_site: Site,
) -> None:
    tree = ET.fromstring(production_site.file("sitemap.xml"))
    dates = {node.text for node in tree.iter(f"{SITEMAP}lastmod")}
    now = datetime.fromtimestamp(int(FIXED_NOW), tz=UTC)
    assert dates == {now.isoformat()}


def test_the_preview_writes_none_of_the_production_files(real_site: Site) -> None:
    for name in (".nojekyll", "CNAME", "robots.txt", "sitemap.xml"):
        assert not (real_site.output / name).exists(), name


def test_a_custom_domain_is_the_address_and_goes_to_cname(tmp_path: Path) -> None:
    site = build(tmp_path, {"PAGES_DOMAIN": "www.example.org"})
    assert site.result.returncode == 0, site.log
    assert site.file("CNAME") == "www.example.org\n"
    assert 'href="https://www.example.org/agenda/"' in site.file("index.html")
    assert "Sitemap: https://www.example.org/sitemap.xml" in site.file("robots.txt")


def test_without_an_address_the_build_points_to_this_computer(tmp_path: Path) -> None:
    site = build(tmp_path, {})
    assert site.result.returncode == 0, site.log
    assert 'href="http://127.0.0.1:8000/agenda/"' in site.file("index.html")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"SITEURL": "example.org/sub"},
            "SITEURL « example.org/sub » n'est pas une adresse absolue",
        ),
        (
            {"PAGES_DOMAIN": "https://www.example.org/"},
            "PAGES_DOMAIN « https://www.example.org/ » n'est pas un nom de domaine",
        ),
        (
            {"PAGES_DOMAIN": "www.example.org", "SITEURL": "https://example.net"},
            "SITEURL « https://example.net » ne correspond pas à PAGES_DOMAIN",
        ),
    ],
)
def test_a_malformed_address_stops_the_build(
    tmp_path: Path, env: dict[str, str], message: str
) -> None:
    site = build(tmp_path, env)
    assert site.result.returncode != 0
    assert message in site.log
    assert not (site.output / "index.html").exists()


def test_publishing_starts_from_an_empty_output_folder(tmp_path: Path) -> None:
    stale = tmp_path / "output" / "ancienne-page" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("Une page supprimée depuis.", encoding="utf-8")
    site = build(tmp_path, {"SITEURL": PRODUCTION_URL})
    assert site.result.returncode == 0, site.log
    assert not stale.exists()


def test_publishing_never_reads_the_previews_cache(tmp_path: Path) -> None:
    """``invoke serve`` caches content by file date; a publication reads every file.

    The file changes but keeps its date, which the cache cannot see: the
    cached preview still shows the old text, the publication the new one.
    """
    content = write_content(tmp_path / "content", PAGES)
    event = content / "events" / "atelier.md"
    cache = [f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}"]
    serve = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", *cache]

    def preview() -> str:
        result = run_pelican(content, tmp_path / "preview", extra=serve)
        assert result.returncode == 0, result.stdout + result.stderr
        return (tmp_path / "preview/agenda/atelier/index.html").read_text()

    assert "Texte." in preview()
    stat = event.stat()
    event.write_text(event.read_text().replace("Texte.", "Texte corrigé."))
    os.utime(event, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert "Texte corrigé." not in preview(), "the preview's cache is in use"

    output = tmp_path / "output"
    result = run_pelican(
        content,
        output,
        settings="publishconf.py",
        env={"SITEURL": PRODUCTION_URL},
        extra=["-e", *cache],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Texte corrigé." in (output / "agenda/atelier/index.html").read_text()
