"""The theme's pages: landmarks, headings, menu, meta tags, 404, nothing from elsewhere.

Checked on every page of the theme's fixture site and of the real site, in
the preview build (relative URLs) and in the production build (absolute
``SITEURL``, as ``invoke publish`` makes it).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from .sites import ROOT, Site, plain
from .theme_site import build_theme_site

PUBLISHED = "https://example.org/alternateur"
MENU = [
    ("Le projet", "le-projet/"),
    ("État d'avancement", "etat-d-avancement/"),
    ("Agenda", "agenda/"),
]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_theme_site(tmp_path_factory.mktemp("theme") / "output")


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_theme_site(
        tmp_path_factory.mktemp("published") / "output",
        settings="publishconf.py",
        siteurl=PUBLISHED,
    )


@pytest.fixture(params=["fixture", "real"])
def site(request: pytest.FixtureRequest) -> Site:
    return request.getfixturevalue(
        f"{request.param}_site" if request.param == "fixture" else "real_site"
    )


def pages(site: Site) -> list[tuple[str, HTMLParser]]:
    return [
        (
            str(path.relative_to(site.output)),
            HTMLParser(path.read_text(encoding="utf-8")),
        )
        for path in sorted(site.output.rglob("*.html"))
    ]


def test_every_page_has_the_landmarks_a_screen_reader_jumps_between(site: Site) -> None:
    for name, page in pages(site):
        assert page.css_first("html").attributes.get("lang") == "fr", name
        assert len(page.css("main")) == 1, name
        assert page.css_first("main").attributes.get("id") == "contenu", name
        assert len(page.css("body > header")) == 1, name
        assert len(page.css("body > footer")) == 1, name
        assert page.css_first("nav").attributes.get("aria-label") == "Menu principal", (
            name
        )
        # The skip link is the first link of the page, and leads to <main>.
        first_link = page.css_first("body a")
        assert first_link.attributes == {"class": "skip-link", "href": "#contenu"}, name
        assert first_link.text() == "Aller au contenu", name


def test_headings_start_at_one_h1_and_never_skip_a_level(site: Site) -> None:
    for name, page in pages(site):
        levels = [int(node.tag[1]) for node in page.css("h1, h2, h3, h4, h5, h6")]
        assert levels[:1] == [1], name
        assert levels.count(1) == 1, name
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert jumps == [], name


def test_the_menu_says_where_the_reader_is(site: Site) -> None:
    def menu(url: str) -> list[tuple[str, str, str | None]]:
        return [
            (
                plain(link.text()),
                link.attributes["href"],
                link.attributes.get("aria-current"),
            )
            for link in site.page(url).css("nav.site-nav a")
        ]

    # The fixture's association settings add « Contact » (issue 19).
    assert menu("le-projet/")[:3] == [
        ("Le projet", "../le-projet/", "page"),
        ("État d'avancement", "../etat-d-avancement/", None),
        ("Agenda", "../agenda/", None),
    ]
    assert [current for *_, current in menu("")][:3] == [None, None, None]
    assert site.page("").css_first("a.brand").attributes.get("aria-current") == "page"
    # An event page is below « Agenda ».
    event = next(path for path in (site.output / "agenda").iterdir() if path.is_dir())
    assert [current for *_, current in menu(f"agenda/{event.name}/")][:3] == [
        None,
        None,
        "true",
    ]


def test_every_page_describes_itself_in_plain_text(site: Site) -> None:
    for name, page in pages(site):
        meta = {
            node.attributes.get("name")
            or node.attributes.get("property"): node.attributes.get("content")
            for node in page.css("meta[content]")
        }
        title = page.css_first("title").text()
        assert title, name
        assert meta["og:title"] == title.removesuffix(" — L’Alternateur"), name
        assert meta["description"], name
        for value in (
            title,
            meta["og:title"],
            meta["description"],
            meta["og:description"],
        ):
            assert not re.search(r"<|&amp;|&lt;", value), (name, value)
        assert meta["og:locale"] == "fr_FR", name
        assert meta["og:type"] == "website", name
        # The preview's URLs are relative: no canonical URL there.
        assert not page.css_first('link[rel="canonical"]'), name
        assert "og:url" not in meta, name


def test_the_published_site_has_canonical_urls(published_site: Site) -> None:
    for name, page in pages(published_site):
        canonical = page.css_first('link[rel="canonical"]')
        og_url = page.css_first('meta[property="og:url"]')
        if name == "404.html":
            assert canonical is None
            assert og_url is None
            continue
        url = name.removesuffix("index.html")
        assert canonical.attributes["href"] == f"{PUBLISHED}/{url}", name
        assert og_url.attributes["content"] == f"{PUBLISHED}/{url}", name


def _links(page: HTMLParser) -> list[str]:
    """The page's links to the site itself (not the association's elsewhere)."""
    links = [
        node.attributes.get("href") or node.attributes.get("src") or ""
        for node in page.css("a[href], link[href], script[src], img[src]")
    ]
    # The footer's links elsewhere (the association's profiles, e-mail…).
    elsewhere = ("https:", "http:", "mailto:", "tel:")
    return [
        link
        for link in links
        if link.startswith(PUBLISHED) or not link.startswith(elsewhere)
    ]


def test_the_404_page_links_from_the_sites_root_in_the_preview_too(
    fixture_site: Site, published_site: Site
) -> None:
    # Published, it works at any depth (``test_links.py``); it is not indexed.
    page = HTMLParser(published_site.file("404.html"))
    assert page.css_first('meta[name="robots"]').attributes["content"] == "noindex"
    # Preview: from the site's root, never relative to where the server shows it.
    page = HTMLParser(fixture_site.file("404.html"))
    links = [link for link in _links(page) if not link.startswith("#")]
    assert links
    assert all(link.startswith("/") for link in links), links
    assert {"/", "/le-projet/", "/etat-d-avancement/", "/agenda/"} <= set(links)
    assert plain(page.css_first("h1").text()) == "Page introuvable"


def test_no_page_of_pelicans_own_that_the_site_does_not_need(real_site: Site) -> None:
    written = {
        str(path.relative_to(real_site.output))
        for path in real_site.output.rglob("*.html")
    }
    events = {
        f"agenda/{path.stem}/index.html"
        for path in (ROOT / "content" / "events").glob("*.md")
    }
    pages_ = {
        "index.html"
        if path.stem == "accueil"
        else "404.html"
        if path.stem == "404"
        else f"{path.stem}/index.html"
        for path in (ROOT / "content" / "pages").glob("*.md")
    }
    themes = {
        f"agenda/themes/{Tag(name.strip(), DEFAULT_CONFIG).slug}/index.html"
        for path in (ROOT / "content" / "events").glob("*.md")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("Tags:")
        for name in line.removeprefix("Tags:").split(",")
    }
    venues = {
        f"lieux/{path.stem}/index.html"
        for path in (ROOT / "content" / "venues").glob("*.md")
    }
    assert written == events | pages_ | themes | venues


def test_nothing_is_loaded_from_another_site(site: Site) -> None:
    for name, page in pages(site):
        for node in page.css(
            "link[href], script[src], img[src], iframe, source, video, audio"
        ):
            reference = node.attributes.get("href") or node.attributes.get("src") or ""
            if node.tag == "link" and node.attributes.get("rel") in {
                "canonical",
                "alternate",
            }:
                continue
            assert not urlsplit(reference).netloc, (name, node.html)
    for stylesheet in site.output.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert "@import" not in text
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text)


def test_one_small_stylesheet_for_both_schemes_and_print() -> None:
    css = (ROOT / "theme" / "static" / "site.css").read_text(encoding="utf-8")
    assert list((ROOT / "theme" / "static").glob("*.css")) == [
        ROOT / "theme" / "static" / "site.css"
    ]
    for query in (
        "(prefers-color-scheme: dark)",
        "(prefers-reduced-motion: reduce)",
        "print",
        ":focus-visible",
    ):
        assert query in css, query
    assert "font-face" not in css, "system fonts only"
    assert len(css.encode()) < 20_000


def test_the_home_page_has_room_for_the_timeline_and_the_agenda(
    fixture_site: Site,
) -> None:
    home = fixture_site.page("")
    news = home.css_first("main .home-news")
    assert news.css_first("section.upcoming-events h2").text() == "Prochains événements"
    assert news.css_first("section.latest-milestones h2").text() == "Derniers jalons"


def test_stylesheet_link_is_relative_in_the_preview(fixture_site: Site) -> None:
    stylesheet = fixture_site.page("agenda/apero/").css_first('link[rel="stylesheet"]')
    assert stylesheet.attributes["href"] == "../../theme/site.css"
    assert (fixture_site.output / "theme" / "site.css").exists()
    assert Path(fixture_site.output / "theme" / "icon.svg").exists()
