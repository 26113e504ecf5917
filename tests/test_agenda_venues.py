"""Venues, online events, accessibility and age (issue 16).

A small agenda built at the fixture's "now" (Friday 15 November 2019, 13:00
in Paris): one venue with its full address, one known by its name only, an
event at each, an online one, a mixed one, and statuses whose revision
(``SEQUENCE``) subscribers' apps must see.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from . import agenda_site
from .icaljs import read
from .sites import Site, plain

pytestmark = pytest.mark.site

FILES = {
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nLes rendez-vous.\n",
    "venues/salle-jean-morlet.md": """
        Title: Salle Jean Morlet
        Address: 12 rue de l'Exemple
        PostalCode: 94 500
        Locality: Champigny-sur-Marne
        Access: RER E, puis 10 minutes à pied
        Accessibility: moteur, auditive

        Une grande salle & un jardin.
    """,
    "venues/college.md": "Title: Collège Willy Ronis\n",
    "venues/vide.md": "Title: Gymnase sans événement\nLocality: Champigny-sur-Marne\n",
    "events/a-soupe.md": """
        Title: Champy'Soupe
        Start: 2019-11-20 19:00
        End: 2019-11-20 22:00
        Venue: salle-jean-morlet
        Age: 6-12

        Une soupe.
    """,
    "events/b-passe.md": """
        Title: Soirée passée
        Start: 2019-03-10 19:00
        Venue: salle-jean-morlet.md
        Accessibility: aucune

        À l'étage, sans ascenseur.
    """,
    "events/c-college.md": """
        Title: Au collège
        Start: 2019-12-04
        Venue: college
        Age: tout public
        Cancelled: yes

        Annulé.
    """,
    "events/d-visio.md": """
        Title: Visio
        Start: 2019-11-21 18:00
        Online: https://visio.example.org/salle?a=1&b=2
        Age: 16+
        Postponed: yes

        En ligne.
    """,
    "events/e-mixte.md": """
        Title: Sur place et en ligne
        Start: 2019-11-22 18:00
        Location: Chez nous
        Address: 3 place du Marché
        Online: https://visio.example.org/mixte
        Rescheduled: 2019-11-19 18:00

        Les deux.
    """,
    "events/f-serie.md": """
        Title: Série
        Start: 2019-11-01 18:00
        Recurrence: FREQ=WEEKLY;COUNT=6
        Cancelled: 2019-11-29
        Full: yes

        Chaque semaine.
    """,
}


build = agenda_site.build_in


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = build(tmp_path_factory.mktemp("venues-site"), FILES)
    assert built.result.returncode == 0, built.log
    return built


def facts(site: Site, url: str) -> dict[str, str]:
    page = site.page(url)
    terms = [plain(node.text()) for node in page.css(".event-facts dt")]
    values = [plain(node.text()) for node in page.css(".event-facts dd")]
    return dict(zip(terms, values, strict=True))


def jsonld(site: Site, url: str) -> list[dict]:
    node = site.page(url).css_first('script[type="application/ld+json"]')
    data = json.loads(node.text())
    return data if isinstance(data, list) else [data]


def vevents(site: Site, path: str) -> dict[str, Calendar]:
    calendar = Calendar.from_ical((site.output / path).read_bytes())
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


# The venue's page.


def test_a_venue_page_says_its_facts_in_words(site: Site) -> None:
    assert plain(site.page("lieux/salle-jean-morlet/").css_first("h1").text()) == (
        "Salle Jean Morlet"
    )
    said = facts(site, "lieux/salle-jean-morlet/")
    assert said["Adresse"] == (
        "12 rue de l'Exemple, 94500 Champigny-sur-Marne (voir sur OpenStreetMap)"
    )
    assert said["Accès"] == "RER E, puis 10 minutes à pied"
    assert said["Accessibilité"] == (
        "Adapté aux personnes en situation de handicap moteur et auditif"
    )
    osm = site.page("lieux/salle-jean-morlet/").css_first(".event-facts a")
    assert osm.attributes["href"] == (
        "https://www.openstreetmap.org/search?query="
        "12%20rue%20de%20l%27Exemple%2C%2094500%20Champigny-sur-Marne"
    )
    assert "Une grande salle & un jardin." in site.text("lieux/salle-jean-morlet/")


def test_a_venue_known_by_its_name_only_says_so(site: Site) -> None:
    said = facts(site, "lieux/college/")
    # The name is the page's title: not said again among the facts.
    assert said == {"Adresse": "Pas encore donnée"}
    town = facts(site, "lieux/vide/")
    assert town["Commune"] == "Champigny-sur-Marne"
    assert town["Adresse"] == "Pas encore donnée"
    assert site.page("lieux/college/").css('a[href*="openstreetmap"]') == []


def test_a_venue_lists_its_events_upcoming_and_past(site: Site) -> None:
    page = site.page("lieux/salle-jean-morlet/")
    upcoming = [plain(a.text()) for a in page.css("#a-venir .occurrence-title a")]
    past = [plain(a.text()) for a in page.css("#passes .occurrence-title a")]
    assert upcoming == ["Champy'Soupe"]
    assert past == ["Soirée passée"]
    empty = site.text("lieux/vide/")
    assert "Aucun événement annoncé pour le moment" in empty


def test_the_agenda_links_the_venues_that_have_events(site: Site) -> None:
    names = site.texts("agenda/", "#lieux-titre + ul a")
    assert names == ["Collège Willy Ronis", "Salle Jean Morlet"]


def test_each_venue_feed_holds_only_its_events_for_both_readers(site: Site) -> None:
    calendar = Calendar.from_ical(
        (site.output / "lieux/salle-jean-morlet.ics").read_bytes()
    )
    assert (
        str(calendar["X-WR-CALNAME"]) == "Agenda de L'Alternateur — Salle Jean Morlet"
    )
    titles = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert titles == ["Champy'Soupe", "Soirée passée"]
    since, until = datetime(2019, 1, 1, tzinfo=UTC), datetime(2020, 1, 1, tzinfo=UTC)
    js = read([site.output / "lieux/salle-jean-morlet.ics"], since, until)
    domain = agenda_site.DOMAIN
    assert [item.uid for item in js] == [f"a-soupe@{domain}", f"b-passe@{domain}"]
    empty = Calendar.from_ical((site.output / "lieux/vide.ics").read_bytes())
    assert empty.walk("VEVENT") == []


# The event at a venue.


def test_an_event_at_a_venue_links_it_and_inherits_its_accessibility(
    site: Site,
) -> None:
    said = facts(site, "agenda/a-soupe/")
    assert said["Lieu"] == "Salle Jean Morlet"
    assert said["Adresse"].startswith("12 rue de l'Exemple, 94500 Champigny-sur-Marne")
    assert said["Accès"] == "RER E, puis 10 minutes à pied"
    assert said["Accessibilité"] == (
        "Adapté aux personnes en situation de handicap moteur et auditif"
    )
    assert said["Public"] == "De 6 à 12 ans"
    link = site.page("agenda/a-soupe/").css_first(".event-facts dd a")
    assert link.attributes["href"].endswith("/lieux/salle-jean-morlet/")


def test_aucune_overrides_the_venues_accessibility(site: Site) -> None:
    said = facts(site, "agenda/b-passe/")
    assert said["Accessibilité"] == "Non adapté aux personnes en situation de handicap"
    # Nothing said is not « aucune »: no line at all.
    assert "Accessibilité" not in facts(site, "agenda/e-mixte/")


def test_the_event_jsonld_has_the_full_postal_address(site: Site) -> None:
    (item,) = jsonld(site, "agenda/a-soupe/")
    assert item["location"] == {
        "@type": "Place",
        "name": "Salle Jean Morlet",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "12 rue de l'Exemple",
            "postalCode": "94500",
            "addressLocality": "Champigny-sur-Marne",
            "addressCountry": "FR",
        },
        "url": f"https://{agenda_site.DOMAIN}/lieux/salle-jean-morlet/",
    }
    assert item["typicalAgeRange"] == "6-12"
    assert (
        item["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    )
    (college,) = jsonld(site, "agenda/c-college/")
    assert "address" not in college["location"], "no address the file does not give"
    assert "typicalAgeRange" not in college, "tout public"


def test_the_calendars_say_the_whole_address(site: Site) -> None:
    found = vevents(site, "agenda.ics")
    assert str(found["Champy'Soupe"]["LOCATION"]) == (
        "Salle Jean Morlet, 12 rue de l'Exemple, 94500 Champigny-sur-Marne"
    )
    assert str(found["Au collège"]["LOCATION"]) == "Collège Willy Ronis"


# Online.


def test_an_online_event_has_a_virtual_location_and_a_link(site: Site) -> None:
    (item,) = jsonld(site, "agenda/d-visio/")
    assert item["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert item["location"] == {
        "@type": "VirtualLocation",
        "url": "https://visio.example.org/salle?a=1&b=2",
    }
    assert item["typicalAgeRange"] == "16-"
    assert facts(site, "agenda/d-visio/")["En ligne"] == "Participer en ligne"
    assert facts(site, "agenda/d-visio/")["Public"] == "À partir de 16 ans"
    link = site.page("agenda/d-visio/").css_first('a[href^="https://visio"]')
    assert link.attributes["href"] == "https://visio.example.org/salle?a=1&b=2"


def test_a_mixed_event_has_both_locations(site: Site) -> None:
    (item,) = jsonld(site, "agenda/e-mixte/")
    assert item["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    kinds = [where["@type"] for where in item["location"]]
    assert kinds == ["Place", "VirtualLocation"]
    assert item["location"][0]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "3 place du Marché",
    }


def test_calendars_carry_the_online_link(site: Site) -> None:
    found = vevents(site, "agenda.ics")
    visio = found["Visio"]
    assert str(visio["CONFERENCE"]) == "https://visio.example.org/salle?a=1&b=2"
    assert visio["CONFERENCE"].params["VALUE"] == "URI"
    assert "En ligne : https://visio.example.org/salle?a=1&b=2" in str(
        visio["DESCRIPTION"]
    )
    assert "CONFERENCE" not in found["Champy'Soupe"]


# SEQUENCE: the revision subscribers' apps compare.


def test_a_status_raises_the_revision_subscribers_see(site: Site) -> None:
    found = vevents(site, "agenda.ics")
    revisions = {title: int(event.get("SEQUENCE", 0)) for title, event in found.items()}
    assert revisions == {
        "Champy'Soupe": 0,
        "Soirée passée": 0,
        "Au collège": 1,  # Cancelled: yes.
        "Visio": 1,  # Postponed.
        "Sur place et en ligne": 1,  # Rescheduled.
        "Série": 1,  # A cancelled occurrence; Full changes no date.
    }
    # ical.js reads the same events from the same file.
    since, until = datetime(2019, 1, 1, tzinfo=UTC), datetime(2020, 1, 1, tzinfo=UTC)
    uids = {
        item.uid.split("@")[0]
        for item in read([site.output / "agenda.ics"], since, until)
    }
    assert uids == {"a-soupe", "b-passe", "c-college", "d-visio", "e-mixte", "f-serie"}


def test_full_alone_keeps_revision_zero(tmp_path) -> None:
    files = {
        "pages/agenda.md": FILES["pages/agenda.md"],
        "events/complet.md": (
            "Title: Complet\nStart: 2019-11-20 19:00\nFull: yes\n\nT.\n"
        ),
    }
    built = build(tmp_path, files)
    assert built.result.returncode == 0, built.log
    assert "SEQUENCE" not in vevents(built, "agenda.ics")["Complet"]


# The same venue named twice, and a venue file renamed.


def test_an_event_naming_a_venue_that_was_removed_is_an_error(tmp_path) -> None:
    files = {k: v for k, v in FILES.items() if k != "venues/college.md"}
    built = build(tmp_path, files)
    assert built.result.returncode != 0
    assert (
        "events/c-college.md, ligne 3: Venue « college » ne nomme aucun fichier de "
        "content/venues/ (attendu le nom d'un fichier de content/venues/, sans .md)"
    ) in built.log
