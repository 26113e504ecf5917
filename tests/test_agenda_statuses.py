"""Statuses: postponed, rescheduled, full (and cancelled), with their reason.

A fixture site built at ``agenda_site.NOW`` (Friday 15 November 2019, 13:00
in Paris) holds one event of each status, plus a cancelled occurrence of a
series placed before the other events, so that the home page must skip it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
import recurring_ical_events
from icalendar import Calendar

from . import agenda_site
from .icaljs import read
from .sites import Site, plain

FILES = {
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nLes rendez-vous.\n",
    "pages/accueil.md": (
        "Title: Accueil\nTemplate: home\nSave_as: index.html\nURL:\n\nBienvenue.\n"
    ),
    "events/serie.md": """
        Title: Permanence
        Start: 2019-11-18 10:00
        Recurrence: FREQ=WEEKLY;COUNT=3
        Cancelled: 2019-11-18, 2019-11-25
        Reason: Salle fermée pour travaux

        Chaque lundi.
    """,
    "events/concert.md": """
        Title: Concert reporté
        Start: 2019-11-20 20:00
        Postponed: yes
        Reason: Artiste malade

        Reporté.
    """,
    "events/forum.md": """
        Title: Forum déplacé
        Start: 2019-11-27 14:00
        End: 2019-11-27 18:00
        Rescheduled: 2019-11-21 14:00
        Reason: Salle indisponible le 21

        Nouvelle date.
    """,
    "events/atelier.md": """
        Title: Atelier complet
        Start: 2019-11-22 14:00
        Full: yes

        Plus de place.
    """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return agenda_site.build(tmp_path_factory, files=FILES)


def status(site: Site, slug: str) -> str:
    facts = site.page(f"agenda/{slug}/").css(".event-facts dt, .event-facts dd")
    pairs = dict(zip(facts[::2], facts[1::2], strict=True))
    return next(plain(dd.text()) for dt, dd in pairs.items() if dt.text() == "Statut")


def jsonld(site: Site, slug: str) -> list[dict[str, Any]]:
    [script] = site.page(f"agenda/{slug}/").css('script[type="application/ld+json"]')
    data = json.loads(script.text())
    return data if isinstance(data, list) else [data]


def vevent(site: Site, slug: str) -> Any:
    [component] = Calendar.from_ical(site.file(f"agenda/{slug}.ics")).walk("VEVENT")
    return component


def test_each_status_is_said_in_words_with_its_reason(site: Site) -> None:
    assert status(site, "concert") == (
        "Reporté, nouvelle date à venir Motif : Artiste malade"
    )
    assert status(site, "forum") == (
        "Reprogrammé — initialement le jeudi 21 novembre 2019, 14 h "
        "Motif : Salle indisponible le 21"
    )
    assert status(site, "atelier") == "Complet"
    badge = site.page("agenda/concert/").css_first(".event-facts .badge")
    assert badge is not None
    assert badge.attributes["class"] == "badge badge-postponed"


def test_the_agenda_shows_each_status_beside_its_date(site: Site) -> None:
    dates = site.texts("agenda/", "#a-venir .occurrence-date")
    assert dates == [
        "lundi 18 novembre 2019, 10 h Annulé",
        "mercredi 20 novembre 2019, 20 h Reporté",
        "vendredi 22 novembre 2019, 14 h Complet",
        "lundi 25 novembre 2019, 10 h Annulé",
        "mercredi 27 novembre 2019, 14 h – 18 h Reprogrammé",
        "lundi 2 décembre 2019, 10 h",
    ]


def test_the_home_page_skips_cancelled_occurrences(site: Site) -> None:
    dates = site.texts("", ".upcoming-events .occurrence-date")
    assert dates == [
        "mercredi 20 novembre 2019, 20 h Reporté",
        "vendredi 22 novembre 2019, 14 h Complet",
        "mercredi 27 novembre 2019, 14 h – 18 h Reprogrammé",
    ]


def test_json_ld_says_each_status_the_previous_start_and_sold_out(
    site: Site,
) -> None:
    [concert] = jsonld(site, "concert")
    assert concert["eventStatus"] == "https://schema.org/EventPostponed"
    assert "previousStartDate" not in concert
    [forum] = jsonld(site, "forum")
    assert forum["eventStatus"] == "https://schema.org/EventRescheduled"
    assert forum["previousStartDate"] == "2019-11-21T14:00:00+01:00"
    assert forum["startDate"] == "2019-11-27T14:00:00+01:00"
    [atelier] = jsonld(site, "atelier")
    assert atelier["eventStatus"] == "https://schema.org/EventScheduled"
    assert atelier["offers"] == {
        "@type": "Offer",
        "availability": "https://schema.org/SoldOut",
        "url": "https://alternateur.example/agenda/atelier/",
    }
    statuses = [item["eventStatus"].rsplit("/", 1)[1] for item in jsonld(site, "serie")]
    assert statuses == ["EventCancelled", "EventCancelled", "EventScheduled"]


def test_a_rescheduled_event_keeps_its_uid_with_a_higher_sequence(
    site: Site,
) -> None:
    forum = vevent(site, "forum")
    assert str(forum["uid"]) == "forum@alternateur.example"
    assert forum["sequence"] == 1
    assert forum["dtstart"].dt.isoformat() == "2019-11-27T14:00:00+01:00"
    assert str(forum["description"]).startswith(
        "Reprogrammé. Motif : Salle indisponible le 21\n\n"
    )
    assert "sequence" not in vevent(site, "atelier")


def test_calendars_say_postponed_as_tentative_and_full_in_the_description(
    site: Site,
) -> None:
    concert = vevent(site, "concert")
    assert str(concert["status"]) == "TENTATIVE"
    assert str(concert["description"]).startswith(
        "Reporté, nouvelle date à venir. Motif : Artiste malade"
    )
    assert str(vevent(site, "atelier")["status"]) == "CONFIRMED"
    assert str(vevent(site, "atelier")["description"]).startswith("Complet.")


def test_both_readers_read_the_statuses_feed_alike(site: Site) -> None:
    since = datetime(2019, 1, 1, tzinfo=UTC)
    until = datetime(2021, 1, 1, tzinfo=UTC)
    path = site.output / "agenda.ics"
    calendar = Calendar.from_ical(path.read_bytes())
    by_python = sorted(
        (str(c["uid"]), c["DTSTART"].dt.astimezone(UTC))
        for c in recurring_ical_events.of(calendar).between(since, until)
    )
    by_icaljs = [(item.uid, item.start) for item in read([path], since, until)]
    assert by_python == sorted(by_icaljs)
    assert ("forum@alternateur.example", datetime(2019, 11, 27, 13, tzinfo=UTC)) in (
        by_icaljs
    )


def test_a_postponed_event_offers_no_add_to_calendar_link(site: Site) -> None:
    assert site.page("agenda/concert/").css_first("#ajouter-titre") is None
    assert site.page("agenda/forum/").css_first("#ajouter-titre") is not None
