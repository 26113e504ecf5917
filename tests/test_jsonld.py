"""schema.org Event data on event pages, parsed as search engines parse it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from . import agenda_site
from .agenda_site import DOMAIN, LONG_TITLE
from .sites import Site

SCHEMA = "https://schema.org"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return agenda_site.build(tmp_path_factory)


def jsonld(site: Site, url: str) -> list[dict[str, Any]]:
    """Every JSON-LD item of a page, as a list."""
    scripts = site.page(url).css('script[type="application/ld+json"]')
    items: list[dict[str, Any]] = []
    for script in scripts:
        data = json.loads(script.text())
        items.extend(data if isinstance(data, list) else [data])
    return items


def test_a_one_off_event_is_one_event_with_place_address_and_organizer(
    site: Site,
) -> None:
    [event] = jsonld(site, "agenda/rencontre/")
    # Its pictures (16:9, 4:3, 1:1) are tested with the files, in test_sharing.py.
    images = event.pop("image")
    assert [url.split(".")[-3].rsplit("-", 1)[1] for url in images] == [
        "16x9",
        "4x3",
        "1x1",
    ]
    assert all(url.startswith(f"https://{DOMAIN}/cartes/") for url in images)
    assert event == {
        "@context": SCHEMA,
        "@type": "Event",
        "name": LONG_TITLE,
        "startDate": "2020-03-06T19:00:00+01:00",
        "endDate": "2020-03-06T22:00:00+01:00",
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Maison de la vie associative",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "12 rue de l'Exemple, 94500 Champigny-sur-Marne",
            },
        },
        "organizer": {
            "@type": "Organization",
            "name": "L'Alternateur",
            "url": f"https://{DOMAIN}/",
        },
        "offers": {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "availability": f"{SCHEMA}/InStock",
            "url": "https://example.org/inscription?a=1&b=2",
        },
        "description": "Une rencontre ouverte à toutes et à tous.",
        "url": f"https://{DOMAIN}/agenda/rencontre/",
    }


def test_a_series_has_one_event_per_upcoming_occurrence_within_the_horizon(
    site: Site,
) -> None:
    items = jsonld(site, "agenda/atelier/")
    assert [(i["startDate"], i["endDate"], i["eventStatus"]) for i in items] == [
        (
            "2019-11-29T14:00:00+01:00",
            "2019-11-29T18:00:00+01:00",
            f"{SCHEMA}/EventScheduled",
        ),
        (
            "2019-12-27T14:00:00+01:00",
            "2019-12-27T18:00:00+01:00",
            f"{SCHEMA}/EventCancelled",
        ),
        (
            "2020-01-31T14:00:00+01:00",
            "2020-01-31T18:00:00+01:00",
            f"{SCHEMA}/EventScheduled",
        ),
    ]
    assert {i["location"]["name"] for i in items} == {"L'Atelier"}
    assert "address" not in items[0]["location"], "no address is invented"


def test_a_past_series_keeps_its_sessions_as_they_were(site: Site) -> None:
    starts = [i["startDate"] for i in jsonld(site, "agenda/printemps/")]
    assert starts == ["2019-03-30T10:00:00+01:00", "2019-03-31T10:00:00+02:00"]


def test_a_cancelled_one_off_keeps_its_start_date(site: Site) -> None:
    [event] = jsonld(site, "agenda/soiree-annulee/")
    assert event["startDate"] == "2019-12-06T18:30:00+01:00"
    assert event["eventStatus"] == f"{SCHEMA}/EventCancelled"


def test_whole_days_are_dates_and_a_lone_start_time_has_no_end(site: Site) -> None:
    [forum] = jsonld(site, "agenda/forum/")
    assert (forum["startDate"], forum["endDate"]) == ("2019-11-14", "2019-11-16")
    [balises] = jsonld(site, "agenda/balises/")
    assert "endDate" not in balises


def test_a_month_precise_event_has_no_structured_data(site: Site) -> None:
    assert jsonld(site, "agenda/fete-hiver/") == []


def test_a_script_end_tag_in_a_title_cannot_break_the_page(site: Site) -> None:
    html = site.file("agenda/balises/index.html")
    start = html.index('<script type="application/ld+json">')
    body = html[start:].split(">", 1)[1]
    raw_json = body[: body.index("</script>")]
    for character in "<>&":
        assert character not in raw_json
    assert json.loads(raw_json)["name"] == "La balise </script> & les autres"
    [item] = jsonld(site, "agenda/balises/")
    assert item["description"] == (
        "On y parle de </script> et de <b> sans rien casser."
    )
    page = site.page("agenda/balises/")
    assert page.css_first("main h1") is not None
    assert page.css_first("main dl.event-facts") is not None
