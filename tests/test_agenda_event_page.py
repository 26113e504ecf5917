"""Each event's page: its facts, its dates in words, « Ajouter à mon agenda »."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from . import agenda_site
from .agenda_site import LONG_TITLE
from .sites import Site, plain


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return agenda_site.build(tmp_path_factory)


def facts(site: Site, url: str) -> dict[str, str]:
    """The page's ``<dl class="event-facts">`` as {term: text}."""
    dl = site.page(url).css_first("dl.event-facts")
    terms = [plain(dt.text()) for dt in dl.css("dt")]
    values = [plain(dd.text()) for dd in dl.css("dd")]
    return dict(zip(terms, values, strict=True))


def test_a_one_off_event_says_when_where_how_much_and_how_to_register(
    site: Site,
) -> None:
    page = site.page("agenda/rencontre/")
    assert plain(page.css_first("h1").text()) == LONG_TITLE
    assert facts(site, "agenda/rencontre/") == {
        "Date": "vendredi 6 mars 2020, 19 h – 22 h",
        "Lieu": "Maison de la vie associative",
        "Adresse": "12 rue de l'Exemple, 94500 Champigny-sur-Marne "
        "(voir sur OpenStreetMap)",
        "Inscription": "S'inscrire en ligne",
        "Tarif": "Gratuit",
        "Statut": "À venir",
    }
    time = page.css_first("dl.event-facts time")
    assert time.attributes["datetime"] == "2020-03-06T19:00:00+01:00"
    links = {
        plain(a.text()): a.attributes["href"] for a in page.css("dl.event-facts a")
    }
    assert links["voir sur OpenStreetMap"] == (
        "https://www.openstreetmap.org/search?query="
        "12%20rue%20de%20l%27Exemple%2C%2094500%20Champigny-sur-Marne"
    )
    assert links["S'inscrire en ligne"] == "https://example.org/inscription?a=1&b=2"


def test_a_series_says_its_rule_in_words_and_its_next_dates(site: Site) -> None:
    assert facts(site, "agenda/atelier/") == {
        "Quand": "Chaque dernier vendredi du mois, de 14 h à 18 h, "
        "jusqu'au 30 juin 2020",
        "Première date": "vendredi 26 juillet 2019, 14 h – 18 h",
        "Prochaines dates": "vendredi 29 novembre 2019, 14 h – 18 h "
        "vendredi 27 décembre 2019, 14 h – 18 h Annulé "
        "vendredi 31 janvier 2020, 14 h – 18 h",
        "Dates annulées": "27 décembre 2019",
        "Lieu": "L'Atelier",
        "Statut": "À venir",
    }
    dates = site.page("agenda/atelier/").css("ul.event-dates time")
    assert [t.attributes["datetime"] for t in dates] == [
        "2019-11-29T14:00:00+01:00",
        "2019-12-27T14:00:00+01:00",
        "2020-01-31T14:00:00+01:00",
    ]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("agenda/forum/", "En cours"),
        ("agenda/petit-dejeuner/", "Passé"),
        ("agenda/soiree-annulee/", "Annulé"),
        ("agenda/printemps/", "Passé"),
    ],
)
def test_the_status_is_written_in_words(site: Site, url: str, status: str) -> None:
    assert facts(site, url)["Statut"] == status


def test_a_finished_series_gives_its_last_date(site: Site) -> None:
    assert facts(site, "agenda/printemps/")["Dernière date"] == (
        "dimanche 31 mars 2019, 10 h – 12 h"
    )


def test_a_month_precise_event_shows_its_month_and_no_calendar_links(
    site: Site,
) -> None:
    page = site.page("agenda/fete-hiver/")
    assert facts(site, "agenda/fete-hiver/")["Date"] == "janvier 2020"
    assert page.css_first("dl.event-facts time").attributes["datetime"] == "2020-01"
    assert page.css_first("ul.add-to-calendar") is None


def test_add_to_calendar_links_the_ics_and_a_google_template(site: Site) -> None:
    links = site.page("agenda/rencontre/").css("ul.add-to-calendar a")
    ics, google = (a.attributes["href"] for a in links)
    assert ics == "../../agenda/rencontre.ics"
    assert (site.output / "agenda" / "rencontre.ics").is_file()
    url = urlsplit(google)
    assert (url.scheme, url.netloc, url.path) == (
        "https",
        "calendar.google.com",
        "/calendar/render",
    )
    query = parse_qs(url.query)
    assert query["action"] == ["TEMPLATE"]
    assert query["ctz"] == ["Europe/Paris"]
    assert query["text"] == [LONG_TITLE]
    assert query["dates"] == ["20200306T190000/20200306T220000"]
    assert query["location"] == [
        "Maison de la vie associative, 12 rue de l'Exemple, 94500 Champigny-sur-Marne"
    ]


def test_google_gets_the_rule_of_a_series_and_whole_days_as_dates(
    site: Site,
) -> None:
    def google(url: str) -> dict[str, list[str]]:
        link = site.page(url).css("ul.add-to-calendar a")[-1].attributes["href"]
        return parse_qs(urlsplit(link).query)

    atelier = google("agenda/atelier/")
    assert atelier["recur"] == ["RRULE:FREQ=MONTHLY;UNTIL=20200630T215959Z;BYDAY=-1FR"]
    assert google("agenda/forum/")["dates"] == ["20191114/20191117"]


def test_a_cancelled_event_is_not_offered_for_a_calendar(site: Site) -> None:
    page = site.page("agenda/soiree-annulee/")
    assert page.css_first("ul.add-to-calendar") is None
    assert (
        plain(page.css_first("dl.event-facts strong.badge-cancelled").text())
        == "Annulé"
    )


def test_the_page_title_is_plain_text(site: Site) -> None:
    title = site.page("agenda/balises/").css_first("title").text()
    assert title.startswith("La balise </script> & les autres — ")
