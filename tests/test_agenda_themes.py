"""Themes: the events' ``Tags``, each with its page, its feed and its links.

A fixture site built at ``agenda_site.NOW`` (Friday 15 November 2019, 13:00
in Paris): « Vélo » written two ways (one theme, named as the first file
writes it), a past and an upcoming event in it, a month-precise one (on the
page, not in the feed), a tag that makes no address, and an event without.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import recurring_ical_events
from icalendar import Calendar

from . import agenda_site
from .content_errors import MISTAKES
from .icaljs import read
from .sites import Site, plain

FILES = {
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nLes rendez-vous.\n",
    "events/a-reparation.md": """
        Title: Atelier réparation
        Start: 2019-11-20 14:00
        End: 2019-11-20 17:00
        Tags: Vélo, Réparation, vélo

        Venez réparer.
    """,
    "events/b-balade.md": """
        Title: Balade
        Start: 2019-10-05 10:00
        Tags: VELO

        Une balade passée.
    """,
    "events/c-bourse.md": """
        Title: Bourse aux vélos
        Start: 2020-03
        Tags: velo

        En mars.
    """,
    "events/d-sans.md": """
        Title: Sans thème
        Start: 2019-11-21 14:00

        Rien.
    """,
}


build = agenda_site.build_in


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = build(tmp_path_factory.mktemp("themes-site"), FILES)
    assert built.result.returncode == 0, built.log
    return built


def titles(site: Site, url: str, section: str) -> list[str]:
    page = site.page(url)
    return [plain(a.text()) for a in page.css(f"#{section} .occurrence-title a")]


def test_each_theme_has_a_page_named_as_first_written(site: Site) -> None:
    page = site.page("agenda/themes/velo/")
    assert plain(page.css_first("h1").text()) == "Thème : Vélo"
    assert plain(page.css_first("title").text()).startswith("Thème : Vélo — ")
    assert titles(site, "agenda/themes/velo/", "a-venir") == [
        "Atelier réparation",
        "Bourse aux vélos",
    ]
    assert titles(site, "agenda/themes/velo/", "passes") == ["Balade"]
    assert titles(site, "agenda/themes/reparation/", "a-venir") == [
        "Atelier réparation"
    ]
    assert titles(site, "agenda/themes/reparation/", "passes") == []
    themes = sorted(p.name for p in (site.output / "agenda" / "themes").iterdir())
    assert themes == ["reparation", "reparation.ics", "velo", "velo.ics"]


def test_the_theme_page_links_its_feed_and_the_agenda(site: Site) -> None:
    page = site.page("agenda/themes/velo/")
    links = {plain(a.text()): a.attributes["href"] for a in page.css("main a")}
    assert links["S'abonner avec mon application de calendrier"] == (
        f"webcal://{agenda_site.DOMAIN}/agenda/themes/velo.ics"
    )
    assert links["Tout l'agenda"].endswith("/agenda/")


def test_an_event_shows_its_themes_as_links_once_each(site: Site) -> None:
    page = site.page("agenda/a-reparation/")
    links = [
        (plain(a.text()), a.attributes["href"]) for a in page.css(".event-themes a")
    ]
    assert [(name, href.rsplit("/agenda/", 1)[1]) for name, href in links] == [
        ("Vélo", "themes/velo/"),
        ("Réparation", "themes/reparation/"),
    ]
    # Another spelling of the theme is shown as the site names it.
    balade = site.page("agenda/b-balade/")
    assert [plain(a.text()) for a in balade.css(".event-themes a")] == ["Vélo"]
    assert site.page("agenda/d-sans/").css(".event-themes") == []


def test_the_agenda_page_lists_the_themes(site: Site) -> None:
    page = site.page("agenda/")
    names = [plain(a.text()) for a in page.css(".agenda-themes a")]
    assert names == ["Réparation", "Vélo"]


def test_no_themes_no_list(tmp_path) -> None:
    files = {key: value for key, value in FILES.items() if "Tags" not in value}
    built = build(tmp_path, files)
    assert built.result.returncode == 0, built.log
    assert built.page("agenda/").css(".agenda-themes") == []
    assert not (built.output / "agenda" / "themes").exists()


def test_the_theme_feed_holds_its_events_with_categories(site: Site) -> None:
    data = (site.output / "agenda/themes/velo.ics").read_bytes()
    calendar = Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "Agenda de L'Alternateur — Vélo"
    events = calendar.walk("VEVENT")
    # The month-precise « Bourse » cannot be said in iCalendar.
    assert sorted(str(e["SUMMARY"]) for e in events) == ["Atelier réparation", "Balade"]
    found = recurring_ical_events.of(calendar).between(
        datetime(2019, 1, 1, tzinfo=UTC), datetime(2021, 1, 1, tzinfo=UTC)
    )
    assert len(found) == 2
    since, until = datetime(2019, 1, 1, tzinfo=UTC), datetime(2021, 1, 1, tzinfo=UTC)
    js = read([site.output / "agenda/themes/velo.ics"], since, until)
    domain = agenda_site.DOMAIN
    assert [item.uid for item in js] == [f"a-reparation@{domain}", f"b-balade@{domain}"]


def test_every_calendar_says_the_themes_as_categories(site: Site) -> None:
    whole = Calendar.from_ical((site.output / "agenda.ics").read_bytes())
    by_title = {str(e["SUMMARY"]): e for e in whole.walk("VEVENT")}
    assert by_title["Atelier réparation"]["CATEGORIES"].cats == ["Vélo", "Réparation"]
    assert by_title["Balade"]["CATEGORIES"].cats == ["Vélo"]
    assert "CATEGORIES" not in by_title["Sans thème"]
    own = (site.output / "agenda/a-reparation.ics").read_bytes()
    assert "CATEGORIES:Vélo,Réparation\r\n" in own.decode()


def test_a_page_cannot_take_a_theme_page_or_feed(tmp_path) -> None:
    for name in ("save-as-over-a-theme-page", "save-as-over-a-theme-calendar"):
        mistake = MISTAKES[name]
        built = build(tmp_path / name, {**FILES, **mistake.files})
        assert built.result.returncode != 0
        assert mistake.line in built.log


def test_the_theme_page_is_left_out_of_the_search(site: Site) -> None:
    # A list of events, each found by the search on its own page.
    assert site.page("agenda/themes/velo/").css("main[data-pagefind-body]") == []
    assert site.page("agenda/a-reparation/").css("main[data-pagefind-body]") != []
