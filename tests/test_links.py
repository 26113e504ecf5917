"""No broken link: every internal link, image, stylesheet and anchor leads somewhere.

The published site is crawled at an address under a sub-path (as a project's
GitHub Pages site is served), the preview with its relative links.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .links import SiteLinks
from .sites import PRODUCTION_URL, Site, run_pelican, write_content

PREVIEW_URL = "http://preview.invalid/"


def test_every_internal_link_of_the_published_site_leads_to_a_file(
    production_site: Site,
) -> None:
    links = SiteLinks(production_site.output, PRODUCTION_URL)
    assert links.problems() == []


def test_every_internal_link_of_the_preview_leads_to_a_file(real_site: Site) -> None:
    links = SiteLinks(real_site.output, PREVIEW_URL)
    assert links.problems() == []


def test_the_crawl_follows_the_links_of_every_page(production_site: Site) -> None:
    links = SiteLinks(production_site.output, PRODUCTION_URL)
    home = links.html_links(production_site.output / "index.html")
    assert f"{PRODUCTION_URL}/theme/site.css" in home
    assert f"{PRODUCTION_URL}/agenda/" in home
    sitemap = links.other_links(production_site.output / "sitemap.xml")
    assert f"{PRODUCTION_URL}/agenda/rendez-vous-atelier/" in sitemap


@pytest.mark.parametrize(
    "asked_for",
    [
        "page-disparue",
        "page-disparue/",
        "agenda/evenement-disparu/",
        "un/deux/trois/quatre/cinq.html",
    ],
)
def test_the_404_page_works_at_any_depth(production_site: Site, asked_for: str) -> None:
    """GitHub Pages serves 404.html at whatever address was asked for."""
    page = production_site.output / "404.html"
    links = SiteLinks(production_site.output, PRODUCTION_URL)
    assert f"{PRODUCTION_URL}/" in links.html_links(page), "it leads back home"
    assert links.page_problems(page, served_at=f"{PRODUCTION_URL}/{asked_for}") == []


def test_the_crawl_reports_each_kind_of_broken_link(tmp_path: Path) -> None:
    content = write_content(
        tmp_path / "content",
        {
            "pages/accueil.md": """\
                Title: Accueil
                Save_as: index.html
                URL:

                [bon]({PRODUCTION_URL}/autre/#section)
                [absent]({PRODUCTION_URL}/nulle-part/)
                [ancre]({PRODUCTION_URL}/autre/#absente)
                [ici](#introuvable)
                [hors du site](https://example.org/ailleurs/)
                [abonnement](webcal://example.org/sub/absent.ics)
                [externe](https://www.example.net/)
                [sans https](http://example.org/sub/autre/)

                <video src="/images/logo.png"></video>
                <picture><source srcset="{PRODUCTION_URL}/a.png 2x"></picture>
                """.replace("{PRODUCTION_URL}", PRODUCTION_URL),
            "pages/autre.md": """\
                Title: Autre

                <h2 id="section">Section</h2>
                """,
        },
    )
    output = tmp_path / "output"
    result = run_pelican(
        content, output, settings="publishconf.py", env={"SITEURL": PRODUCTION_URL}
    )
    assert result.returncode == 0, result.stdout + result.stderr

    problems = "\n".join(SiteLinks(output, PRODUCTION_URL).problems())

    assert "/autre/#section" not in problems
    assert "https://www.example.net/" not in problems
    for broken in (
        f"{PRODUCTION_URL}/nulle-part/: no file",
        f"{PRODUCTION_URL}/autre/#absente: no id « absente »",
        "#introuvable: no id « introuvable »",
        "https://example.org/ailleurs/: outside the site",
        "http://example.org/sub/autre/: outside the site",
        "webcal://example.org/sub/absent.ics: no file",
        "/images/logo.png: outside the site",
        f"{PRODUCTION_URL}/a.png: no file",
    ):
        assert broken in problems
