"""The agenda page and the home page: what is coming, what has been.

One fixture agenda (``agenda_site.py``) built at a fixed "now", Friday
15 November 2019 at 13:00 in Paris, read back as a visitor's browser would.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborNode

from . import agenda_site
from .agenda_site import DOMAIN, LONG_TITLE
from .sites import ROOT, Site, plain, run_pelican

# Far after every fixture event: nothing is announced any more.
LATER = "1795521600"  # 2026-11-24


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return agenda_site.build(tmp_path_factory)


def items(site: Site, url: str, section: str) -> list[LexborNode]:
    return site.page(url).css(f"{section} li.occurrence")


def line(item: LexborNode) -> tuple[str, str, str]:
    """(datetime of the first <time>, date text, title) of one listed item."""
    time = item.css_first(".occurrence-date time")
    title = plain(item.css_first(".occurrence-title").text())
    return time.attributes["datetime"], plain(time.text()), title


def test_upcoming_lists_every_occurrence_not_ended_soonest_first(site: Site) -> None:
    assert [line(item) for item in items(site, "agenda/", "#a-venir")] == [
        (
            "2019-11-14",
            "du jeudi 14 au samedi 16 novembre 2019",
            "Forum des associations",
        ),
        (
            "2019-11-15T18:30:00+01:00",
            "vendredi 15 novembre 2019, 18 h 30 – 21 h",
            "Apéritif du vendredi",
        ),
        (
            "2019-11-29T14:00:00+01:00",
            "vendredi 29 novembre 2019, 14 h – 18 h",
            "Atelier du dernier vendredi",
        ),
        (
            "2019-12-06T18:30:00+01:00",
            "vendredi 6 décembre 2019, 18 h 30 – 21 h",
            "Soirée cinéma",
        ),
        (
            "2019-12-13T19:00:00+01:00",
            "vendredi 13 décembre 2019, 19 h",
            "La balise </script> & les autres",
        ),
        (
            "2019-12-27T14:00:00+01:00",
            "vendredi 27 décembre 2019, 14 h – 18 h",
            "Atelier du dernier vendredi",
        ),
        ("2020-01", "janvier 2020", "Fête d'hiver"),
        (
            "2020-01-31T14:00:00+01:00",
            "vendredi 31 janvier 2020, 14 h – 18 h",
            "Atelier du dernier vendredi",
        ),
        ("2020-03-06T19:00:00+01:00", "vendredi 6 mars 2020, 19 h – 22 h", LONG_TITLE),
    ]


def test_a_series_is_listed_within_the_horizon_a_one_off_whenever(site: Site) -> None:
    dates = [line(item)[0] for item in items(site, "agenda/", "#a-venir")]
    # Three months after 15 November: 31 January is in, 28 February is not.
    assert "2020-02-28T14:00:00+01:00" not in dates
    # A one-off event is announced however far ahead it is.
    assert dates[-1] == "2020-03-06T19:00:00+01:00"


def test_an_ongoing_event_is_upcoming_and_one_ended_minutes_ago_is_past(
    site: Site,
) -> None:
    upcoming = [line(item)[2] for item in items(site, "agenda/", "#a-venir")]
    past = [line(item)[2] for item in items(site, "agenda/", "#passes")]
    assert upcoming[0] == "Forum des associations"  # 14–16 November, now the 15th
    assert "Petit-déjeuner des voisins" not in upcoming  # ended at 12:55
    assert past[0] == "Petit-déjeuner des voisins"


def test_cancelled_occurrences_stay_listed_and_say_so_in_words(site: Site) -> None:
    cancelled = [
        line(item)[0:3:2]
        for item in items(site, "agenda/", "#a-venir")
        if "occurrence-cancelled" in item.attributes["class"]
    ]
    assert cancelled == [
        ("2019-12-06T18:30:00+01:00", "Soirée cinéma"),
        ("2019-12-27T14:00:00+01:00", "Atelier du dernier vendredi"),
    ]
    for item in items(site, "agenda/", "#a-venir"):
        badge = item.css_first("strong.badge.badge-cancelled")
        is_cancelled = "occurrence-cancelled" in item.attributes["class"]
        assert (badge is not None and plain(badge.text()) == "Annulé") is is_cancelled


def test_past_events_most_recent_first_a_series_once_with_its_rule(site: Site) -> None:
    page = site.page("agenda/")
    assert [h.text() for h in page.css("#passes h3")] == ["2019"]
    past = items(site, "agenda/", "#passes")
    assert [plain(item.css_first("h4.occurrence-title").text()) for item in past] == [
        "Petit-déjeuner des voisins",
        "Stage d'automne",
        "Atelier du dernier vendredi",
        "Stage de printemps",
    ]
    atelier = past[2]
    times = [t.attributes["datetime"] for t in atelier.css("time")]
    assert times == ["2019-07-26T14:00:00+02:00", "2019-10-25T14:00:00+02:00"]
    assert " ".join(atelier.css_first(".occurrence-date").text().split()) == (
        "Du 26 juillet 2019 au 25 octobre 2019"
    )
    assert plain(atelier.css_first(".occurrence-rule").text()) == (
        "Chaque dernier vendredi du mois, de 14 h à 18 h."
    )


def test_times_keep_their_offset_on_both_sides_of_a_dst_change(site: Site) -> None:
    past = {line(item)[2]: item for item in items(site, "agenda/", "#passes")}
    spring = [t.attributes["datetime"] for t in past["Stage de printemps"].css("time")]
    autumn = [t.attributes["datetime"] for t in past["Stage d'automne"].css("time")]
    assert spring == ["2019-03-30T10:00:00+01:00", "2019-03-31T10:00:00+02:00"]
    assert autumn == ["2019-10-26T10:00:00+02:00", "2019-10-27T10:00:00+01:00"]


def test_every_upcoming_item_says_when_it_ends_for_the_stale_build_script(
    site: Site,
) -> None:
    ends = [item.attributes["data-end"] for item in items(site, "agenda/", "#a-venir")]
    assert ends[:2] == ["2019-11-17T00:00:00+01:00", "2019-11-15T21:00:00+01:00"]
    assert "2020-02-01T00:00:00+01:00" in ends  # January, known to the month


def test_subscribe_offers_webcal_an_address_to_copy_and_google(site: Site) -> None:
    block = site.page("agenda/").css_first("div.subscribe")
    links = [a.attributes["href"] for a in block.css("a")]
    assert f"webcal://{DOMAIN}/agenda.ics" in links
    assert f"https://{DOMAIN}/agenda.ics" in block.css_first("code").text()
    assert (
        "https://calendar.google.com/calendar/render?cid="
        f"webcal%3A%2F%2F{DOMAIN}%2Fagenda.ics"
    ) in links


def test_the_stale_build_script_loads_deferred_on_the_agenda_only(site: Site) -> None:
    script = site.page("agenda/").css_first('script[src$="agenda.js"]')
    assert script is not None
    assert "defer" in script.attributes
    assert (site.output / "theme" / "agenda.js").is_file()
    for url in ("", "agenda/atelier/"):
        assert site.page(url).css_first('script[src$="agenda.js"]') is None


def test_the_home_page_announces_the_next_three_occurrences(site: Site) -> None:
    home = site.page("")
    titles = [plain(n.text()) for n in home.css(".upcoming-events .occurrence-title")]
    assert titles == [
        "Forum des associations",
        "Apéritif du vendredi",
        "Atelier du dernier vendredi",
    ]
    link = home.css_first(".upcoming-events a[href$='agenda/']")
    assert link is not None


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return agenda_site.build(tmp_path_factory, now=LATER)


def test_with_nothing_announced_the_agenda_says_so_then_shows_the_past(
    later: Site,
) -> None:
    page = later.page("agenda/")
    assert not page.css("#a-venir li")
    empty = page.css_first("#a-venir p.agenda-empty")
    assert plain(empty.text()) == "Aucun événement annoncé pour le moment."
    assert "hidden" not in empty.attributes
    assert page.css_first("div.subscribe a[href^='webcal://']")
    # The series ended in June 2020: it is past, once, with its rule in words.
    assert [h.text() for h in page.css("#passes h3")] == ["2020", "2019"]
    first = page.css_first("#passes li.occurrence")
    assert plain(first.css_first("h4").text()) == "Atelier du dernier vendredi"
    assert " ".join(first.css_first(".occurrence-date").text().split()) == (
        "Du 26 juillet 2019 au 26 juin 2020"
    )
    assert plain(first.css_first(".occurrence-rule").text()) == (
        "Chaque dernier vendredi du mois, de 14 h à 18 h ; annulé le 27 décembre 2019."
    )


def test_with_nothing_announced_the_home_page_links_agenda_and_subscription(
    later: Site,
) -> None:
    section = later.page("").css_first(".upcoming-events")
    assert plain(section.css_first(".agenda-empty").text()) == (
        "Aucun événement annoncé pour le moment."
    )
    hrefs = [a.attributes["href"] for a in section.css("a")]
    assert hrefs == ["./agenda/", "./agenda/#s-abonner"]


# The real site.


def test_the_published_agenda_links_its_feed_under_the_sites_address(
    production_site: Site,
) -> None:
    block = production_site.page("agenda/").css_first("div.subscribe")
    links = [a.attributes["href"] for a in block.css("a")]
    assert links == [
        "webcal://example.org/sub/agenda.ics",
        (
            "https://calendar.google.com/calendar/render?cid="
            "webcal%3A%2F%2Fexample.org%2Fsub%2Fagenda.ics"
        ),
    ]
    assert plain(block.css_first("code").text()) == "https://example.org/sub/agenda.ics"
    assert (production_site.output / "agenda.ics").is_file()


def test_the_preview_without_an_address_offers_the_feed_file_itself(
    real_site: Site,
) -> None:
    block = real_site.page("agenda/").css_first("div.subscribe")
    assert [a.attributes["href"] for a in block.css("a")] == ["../agenda.ics"]


def test_the_real_agenda_lists_the_seed_events_past_at_their_precision(
    real_site: Site,
) -> None:
    page = real_site.page("agenda/")
    assert plain(page.css_first("#a-venir .agenda-empty").text()) == (
        "Aucun événement annoncé pour le moment."
    )
    past = {line(item)[2]: line(item)[:2] for item in page.css("#passes li")}
    assert past["Champy'Soupe au Centre Gérard Philipe"] == ("2018-06", "juin 2018")
    assert past["Soirée REconomie"] == ("2017-06", "juin 2017")
    rendez_vous = page.css("#passes li")[0]
    assert (
        plain(rendez_vous.css_first("h4").text()) == "Rendez-vous mensuel à l'Atelier"
    )
    assert plain(rendez_vous.css_first(".occurrence-rule").text()) == (
        "Chaque dernier vendredi du mois."
    )
    assert len(page.css("#passes li")) == 7, "the series is listed once"


@pytest.fixture(scope="module")
def real_site_in_november_2019(tmp_path_factory: pytest.TempPathFactory) -> Site:
    output = tmp_path_factory.mktemp("real-2019")
    result = run_pelican(ROOT / "content", output, now="1573819200")
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(output, result)


def test_in_mid_november_2019_the_rendez_vous_is_next_on_29_november(
    real_site_in_november_2019: Site,
) -> None:
    for url in ("agenda/", ""):
        first = real_site_in_november_2019.page(url).css_first("li.occurrence")
        assert line(first) == (
            "2019-11-29",
            "vendredi 29 novembre 2019",
            "Rendez-vous mensuel à l'Atelier",
        )
