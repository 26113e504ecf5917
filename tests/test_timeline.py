"""The « État d'avancement » page, the home page's latest milestones, and their feed.

A fixture site built at the fixed "now" of the tests, 24 November 2026, with
milestone files whose names are not in date order, the three precisions, two
milestones in one month, a draft, a milestone of the current month and two
still to come.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from .sites import FIXED_NOW, ROOT, Site, plain, run_pelican, write_content

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "feeds/jalons.atom.xml"
# Any base to resolve relative links against.
SITE = "http://site.test/"
# 28 November 2026: another day, same milestones reached.
FOUR_DAYS_LATER = "1795867200"
# 1 February 2027: the two planned milestones are reached.
FEBRUARY_2027 = "1801483200"

FILES = {
    "pages/accueil.md": """
        Title: Accueil
        Template: home
        Save_as: index.html
        URL:

        Bienvenue. Voir [la visite]({filename}../milestones/b-visite.md).
    """,
    "pages/chronologie.md": """
        Title: Chronologie
        Template: timeline

        Introduction de la chronologie.
    """,
    "milestones/z-idee.md": """
        Title: L'idée germe
        Date: 2017

        Tout commence.
    """,
    "milestones/y-etude.md": """
        Title: Étude lancée
        Date: 2018-12-05

        L'étude de faisabilité démarre.
    """,
    "milestones/b-visite.md": """
        Title: Visite du bâtiment
        Date: 2019-05

        Nous visitons un bâtiment.
    """,
    "milestones/a-emergence.md": """
        Title: Programme Emergence
        Date: 2019-05

        Nous intégrons le programme.
    """,
    "milestones/c-velos.md": """
        Title: Vélos & ateliers « Champy »
        Date: 2019-10-01

        Un atelier vélo.
    """,
    "milestones/m-region.md": """
        Title: La Région finance les travaux
        Date: 2019-10
        Summary: Un résumé écrit par l'autrice.

        Accord de la Région.
    """,
    "milestones/secret.md": """
        Title: Jalon secret
        Date: 2019-08
        Status: draft

        Pas encore public.
    """,
    "milestones/ce-mois.md": """
        Title: Le chantier commence
        Date: 2026-11

        Les travaux démarrent ce mois-ci.
    """,
    "milestones/fin-du-mois.md": """
        Title: Réunion de fin de chantier
        Date: 2026-11-30

        Prévue le 30.
    """,
    "milestones/ouverture.md": """
        Title: Ouverture du lieu
        Date: 2027

        Le lieu ouvre ses portes.
    """,
}

# Date order, then file name; the draft nowhere.
ORDER = [
    ("z-idee", "2017", "2017"),
    ("y-etude", "2018-12-05", "5 décembre 2018"),
    ("a-emergence", "2019-05", "mai 2019"),
    ("b-visite", "2019-05", "mai 2019"),
    ("c-velos", "2019-10-01", "1er octobre 2019"),
    ("m-region", "2019-10", "octobre 2019"),
    ("ce-mois", "2026-11", "novembre 2026"),
    ("fin-du-mois", "2026-11-30", "30 novembre 2026"),
    ("ouverture", "2027", "2027"),
]


def _date(li: Any, say: Any = str) -> tuple[str, str]:
    """A milestone's date: its ``<time>``, or its year's heading for a year alone.

    A date known to the year only is not said twice (issue 19): the year's
    heading says it.
    """
    time = li.css_first("time")
    if time is None:
        year = li.parent.parent.css_first("h2").text()
        return year, year
    return time.attributes["datetime"], say(time.text())


def build(root: Path, now: str) -> Site:
    content = write_content(root / "content", FILES)
    site = Site(root / "output", run_pelican(content, root / "output", now=now))
    assert site.result.returncode == 0, site.log
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build(tmp_path_factory.mktemp("timeline"), FIXED_NOW)


@pytest.fixture(scope="module")
def timeline(site: Site) -> LexborHTMLParser:
    return site.page("chronologie/")


def words(text: str) -> str:
    """Text with every kind of space (typography adds no-break ones) as one."""
    return " ".join(text.split())


def resolve(page_url: str, href: str) -> tuple[str, str]:
    """Where a relative link of a page leads: (path in the site, anchor)."""
    target = urlsplit(urljoin(f"{SITE}{page_url}", href))
    assert f"{target.scheme}://{target.netloc}/" == SITE, href
    return target.path.removeprefix("/"), target.fragment


# The timeline page.


def test_the_page_shows_its_text_then_the_timeline(timeline: LexborHTMLParser) -> None:
    html = timeline.css_first("main").html or ""
    assert html.index("Introduction de la") < html.index('class="timeline"')


def test_milestones_are_in_date_order_then_by_file_name(
    timeline: LexborHTMLParser,
) -> None:
    shown = [
        (
            item.attributes["id"],
            *_date(item),
        )
        for item in timeline.css("div.timeline li.milestone")
    ]
    assert shown == ORDER


def test_milestones_are_grouped_in_one_section_per_year(
    timeline: LexborHTMLParser,
) -> None:
    sections = timeline.css("div.timeline > section.timeline-year")
    years = [
        (
            section.attributes["aria-labelledby"],
            section.css_first("h2").attributes["id"],
            section.css_first("h2").text(),
            [li.attributes["id"] for li in section.css("ol.milestones > li")],
        )
        for section in sections
    ]
    assert years == [
        ("annee-2017", "annee-2017", "2017", ["z-idee"]),
        ("annee-2018", "annee-2018", "2018", ["y-etude"]),
        (
            "annee-2019",
            "annee-2019",
            "2019",
            ["a-emergence", "b-visite", "c-velos", "m-region"],
        ),
        ("annee-2026", "annee-2026", "2026", ["ce-mois", "fin-du-mois"]),
        ("annee-2027", "annee-2027", "2027", ["ouverture"]),
    ]


def test_each_milestone_has_its_title_date_and_text(
    timeline: LexborHTMLParser,
) -> None:
    region = timeline.css_first("li#m-region")
    assert plain(region.css_first("h3.milestone-title").text()) == (
        "La Région finance les travaux"
    )
    assert plain(region.css_first("div.milestone-body").text()) == (
        "Accord de la Région."
    )
    assert words(region.css_first("p.milestone-date").text()) == "octobre 2019"


def test_milestones_to_come_are_marked_planned_in_words(
    timeline: LexborHTMLParser,
) -> None:
    planned = [
        (li.attributes["id"], li.css_first("p.milestone-date strong.badge").text())
        for li in timeline.css("li.milestone-planned")
    ]
    assert planned == [("fin-du-mois", "prévu"), ("ouverture", "prévu")]
    assert len(timeline.css("strong.badge-planned")) == 2


def test_the_page_says_in_words_where_the_project_stands(
    timeline: LexborHTMLParser,
) -> None:
    # A month-precise milestone of the current month is reached.
    current = timeline.css("li.milestone-current")
    assert [li.attributes["id"] for li in current] == ["ce-mois"]
    badge = current[0].css_first("p.milestone-date strong.badge.badge-current")
    assert plain(badge.text()) == "nous en sommes là"
    assert "milestone-planned" not in current[0].attributes["class"]
    assert len(timeline.css("strong.badge")) == 3, "no badge on past milestones"


def test_the_page_announces_the_feed(site: Site, timeline: LexborHTMLParser) -> None:
    link = timeline.css_first('head link[rel="alternate"][type="application/atom+xml"]')
    assert link.attributes["title"] == "L'Alternateur — Dernières nouvelles"
    path, _ = resolve("chronologie/", link.attributes["href"] or "")
    assert path == FEED
    assert (site.output / path).is_file()


# Links to milestones, and the home page.


def test_milestone_links_lead_to_their_anchor_on_the_timeline_page(
    site: Site,
) -> None:
    home = site.page("")
    href = home.css_first("main p a").attributes["href"] or ""
    assert resolve("", href) == ("chronologie/", "b-visite")


def test_the_home_page_lists_the_last_three_milestones_reached(site: Site) -> None:
    section = site.page("").css_first("section.latest-milestones")
    items = [
        (
            li.css_first("time").attributes["datetime"],
            li.css_first("time").text(),
            resolve("", li.css_first("a").attributes["href"] or ""),
            words(li.css_first("a").text()),
        )
        for li in section.css("li")
    ]
    assert items == [
        (
            "2026-11",
            "novembre 2026",
            ("chronologie/", "ce-mois"),
            "Le chantier commence",
        ),
        (
            "2019-10",
            "octobre 2019",
            ("chronologie/", "m-region"),
            "La Région finance les travaux",
        ),
        (
            "2019-10-01",
            "1er octobre 2019",
            ("chronologie/", "c-velos"),
            "Vélos & ateliers « Champy »",
        ),
    ]
    timeline = site.page("chronologie/")
    for _, _, (_, anchor), _ in items:
        assert timeline.css_first(f"li#{anchor}")
    whole = section.css("a")[-1]
    assert resolve("", whole.attributes["href"] or "") == ("chronologie/", "")


# The feed.


def entries(site: Site) -> list[dict[str, str]]:
    root = ET.fromstring(site.file(FEED))
    return [
        {
            "id": entry.findtext(f"{ATOM}id", ""),
            "title": entry.findtext(f"{ATOM}title", ""),
            "published": entry.findtext(f"{ATOM}published", ""),
            "updated": entry.findtext(f"{ATOM}updated", ""),
            "link": entry.find(f"{ATOM}link").attrib["href"],  # type: ignore[union-attr]
            "summary": entry.findtext(f"{ATOM}summary", ""),
            "content": entry.findtext(f"{ATOM}content", ""),
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def test_the_feed_lists_the_milestones_reached_newest_first(site: Site) -> None:
    root = ET.fromstring(site.file(FEED))
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "L'Alternateur — Dernières nouvelles"
    assert [entry["id"].rsplit("/", 1)[-1] for entry in entries(site)] == [
        "ce-mois",
        "m-region",
        "c-velos",
        "b-visite",
        "a-emergence",
        "y-etude",
        "z-idee",
    ]


def test_feed_entries_are_dated_by_the_start_of_their_written_period(
    site: Site,
) -> None:
    dates = {e["id"].rsplit("/", 1)[-1]: e["published"] for e in entries(site)}
    assert dates["z-idee"] == "2017-01-01T00:00:00+01:00"
    assert dates["y-etude"] == "2018-12-05T00:00:00+01:00"
    assert dates["m-region"] == "2019-10-01T00:00:00+02:00"
    assert all(e["updated"] == e["published"] for e in entries(site))
    root = ET.fromstring(site.file(FEED))
    # The latest milestone reached, not the day of the build.
    assert root.findtext(f"{ATOM}updated") == "2026-11-01T00:00:00+01:00"


def test_feed_titles_are_plain_text(site: Site) -> None:
    titles = [words(entry["title"]) for entry in entries(site)]
    assert "Vélos & ateliers « Champy »" in titles
    assert not any("<" in title or "&amp;" in title for title in titles)


def test_feed_entries_link_to_their_anchor_and_carry_their_text(site: Site) -> None:
    region = next(e for e in entries(site) if e["id"].endswith("/m-region"))
    # Relative to the feed, as a feed reader resolves it.
    assert resolve(FEED, region["link"]) == ("chronologie/", "m-region")
    assert "Accord de la Région." in words(html.unescape(region["content"]))
    assert "Un résumé écrit par l'autrice." in words(html.unescape(region["summary"]))


def test_feed_ids_are_tag_uris_named_after_the_milestone_files(site: Site) -> None:
    ids = [entry["id"] for entry in entries(site)]
    assert all(re.fullmatch(r"tag:localhost,2017:jalons/[a-z-]+", i) for i in ids)
    assert len(set(ids)) == len(ids)


def test_another_day_with_the_same_milestones_reached_gives_the_same_files(
    site: Site, tmp_path: Path
) -> None:
    again = build(tmp_path, FOUR_DAYS_LATER)
    assert again.file(FEED) == site.file(FEED)
    assert again.file("chronologie/index.html") == site.file("chronologie/index.html")


def test_a_milestone_reached_later_joins_the_feed_and_ids_stay(
    site: Site, tmp_path: Path
) -> None:
    later = build(tmp_path, FEBRUARY_2027)
    before = {e["id"]: e for e in entries(site)}
    after = {e["id"]: e for e in entries(later)}
    assert set(before) < set(after)
    new = sorted(i.rsplit("/", 1)[-1] for i in set(after) - set(before))
    assert new == ["fin-du-mois", "ouverture"]
    assert all(after[i] == entry for i, entry in before.items())
    timeline = later.page("chronologie/")
    assert not timeline.css("li.milestone-planned")
    current = timeline.css("li.milestone-current")
    assert [li.attributes["id"] for li in current] == ["ouverture"]


def test_an_absolute_site_address_gives_absolute_links_and_its_host_in_ids(
    tmp_path: Path,
) -> None:
    settings = tmp_path / "conf.py"
    settings.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        "SITEURL = 'https://example.org'\n"
        "FEED_DOMAIN = SITEURL\n"
        "RELATIVE_URLS = False\n",
        encoding="utf-8",
    )
    content = write_content(tmp_path / "content", FILES)
    result = run_pelican(content, tmp_path / "output", settings=str(settings))
    site = Site(tmp_path / "output", result)
    assert result.returncode == 0, site.log
    region = next(e for e in entries(site) if e["id"].endswith("/m-region"))
    assert region["id"] == "tag:example.org,2017:jalons/m-region"
    assert region["link"] == "https://example.org/chronologie/#m-region"
    link = site.page("chronologie/").css_first('link[type="application/atom+xml"]')
    assert link.attributes["href"] == f"https://example.org/{FEED}"


def test_a_site_without_its_timeline_page_does_not_build(
    build_site: Callable[..., Site],
) -> None:
    site = build_site(
        {
            "pages/accueil.md": FILES["pages/accueil.md"],
            "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n",
            "milestones/z-idee.md": FILES["milestones/z-idee.md"],
        },
        special_pages=False,
    )
    assert site.result.returncode == 1, site.log
    assert (
        "pages/: Le site n'a pas de page pour la frise « État d'avancement » "
        "(attendu une page avec la ligne « Template: timeline »)"
    ) in words(site.log)


# The real site.

REAL_ORDER = [
    ("idee", "2017", "2017"),
    ("aide-departement", "2018-12", "décembre 2018"),
    ("programme-emergence", "2019-05", "mai 2019"),
    ("visite-lucie-aubrac", "2019-05", "mai 2019"),
    ("preselection-region", "2019-07", "juillet 2019"),
    ("rendez-vous-atelier", "2019-07", "juillet 2019"),
    ("financement-region", "2019-10", "octobre 2019"),
]


def test_the_real_timeline_shows_2017_then_december_2018_to_october_2019(
    real_site: Site,
) -> None:
    timeline = real_site.page("etat-d-avancement/")
    shown = [
        (
            li.attributes["id"],
            *_date(li, words),
        )
        for li in timeline.css("div.timeline li.milestone")
    ]
    assert shown == REAL_ORDER
    years = [h2.text() for h2 in timeline.css("section.timeline-year > h2")]
    assert years == ["2017", "2018", "2019"]
    current = timeline.css("li.milestone-current")
    assert [li.attributes["id"] for li in current] == ["financement-region"]
    assert not timeline.css("li.milestone-planned")


def test_the_real_home_page_links_the_last_three_milestones(real_site: Site) -> None:
    links = [
        resolve("", a.attributes["href"] or "")
        for a in real_site.page("").css("section.latest-milestones li a")
    ]
    assert links == [
        ("etat-d-avancement/", "financement-region"),
        ("etat-d-avancement/", "rendez-vous-atelier"),
        ("etat-d-avancement/", "preselection-region"),
    ]


def test_the_real_feed_has_every_milestone(real_site: Site) -> None:
    ids = [entry["id"].rsplit("/", 1)[-1] for entry in entries(real_site)]
    assert ids == [slug for slug, _, _ in reversed(REAL_ORDER)]
