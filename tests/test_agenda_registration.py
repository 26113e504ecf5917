"""Registration by its kind on the event page, and ``offers`` in its JSON-LD.

The JSON-LD builder is tested on events read from metadata (as the
generator reads a file); one fixture site, built at ``agenda_site.NOW``,
shows the three kinds of registration on real pages.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from alternateur.model.contents import Event
from alternateur.model.occurrences import schedule
from alternateur.outputs.jsonld import item, price
from alternateur.settings import DEFAULTS
from pelican.settings import DEFAULT_CONFIG

from . import agenda_site
from .sites import Site, plain

SCHEMA = "https://schema.org"
SETTINGS = {
    **copy.deepcopy(DEFAULT_CONFIG),
    **DEFAULTS,
    "TIMEZONE": "Europe/Paris",
    "SITENAME": "L'Alternateur",
    "SITEURL": "https://alternateur.example",
}
NOW = datetime(2019, 11, 15, 12, tzinfo=UTC)
PAGE = "https://alternateur.example/agenda/atelier/"


def event(**fields: str) -> Event:
    """An event read from metadata, as the generator reads a file."""
    metadata = {"title": "Atelier", "slug": "atelier", "start": "2019-11-20 14:00"}
    metadata.update({key.lower(): value for key, value in fields.items()})
    read = Event("<p>Texte.</p>", metadata=metadata, settings=SETTINGS)
    assert read.problems == []
    return read


def offers(**fields: str) -> dict[str, Any] | None:
    """The ``offers`` of the event's JSON-LD, or None if it has none."""
    read = event(**fields)
    times = schedule(read, NOW, datetime(2020, 2, 15, tzinfo=UTC))
    return item(times.first, SETTINGS).get("offers")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Gratuit", "0"),
        ("gratuit", "0"),
        ("GRATUIT", "0"),
        ("  Gratuït ", "0"),
        ("5 €", "5"),
        ("5\u00a0€", "5"),
        ("5\u202f€", "5"),
        ("5€", "5"),
        ("5 euros", "5"),
        ("1 euro", "1"),
        ("5 EUR", "5"),
        ("5,50 €", "5.50"),
        ("5,5 €", "5.50"),
        ("12.80 euros", "12.80"),
        ("0 €", "0"),
        ("007 €", "7"),
    ],
)
def test_a_price_in_euros_or_free_is_a_number(written: str, expected: str) -> None:
    assert price(written) == expected


@pytest.mark.parametrize(
    "written",
    [
        None,
        "",
        "Prix libre",
        "Gratuit pour les adhérents",
        "5 € ou 3 € adhérents",
        "5 $",
        "5",
        "-5 €",
        "€",
        "5,555 €",
        "1234567 €",
        "cinq euros",
    ],
)
def test_any_other_price_gives_none(written: str | None) -> None:
    assert price(written) is None


def test_free_with_an_online_registration_offers_it_at_zero_euros() -> None:
    assert offers(Price="Gratuit", Registration="https://example.org/i?a=1") == {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": "EUR",
        "availability": f"{SCHEMA}/InStock",
        "url": "https://example.org/i?a=1",
    }


def test_a_price_without_registration_points_to_the_event_page() -> None:
    assert offers(Price="5,50 €") == {
        "@type": "Offer",
        "price": "5.50",
        "priceCurrency": "EUR",
        "availability": f"{SCHEMA}/InStock",
        "url": PAGE,
    }


@pytest.mark.parametrize(
    "registration",
    ["mailto:atelier@example.org", "tel:+33123456789", "http://example.org/i"],
)
def test_registration_elsewhere_than_https_points_to_the_event_page(
    registration: str,
) -> None:
    assert offers(Price="Prix libre", Registration=registration) == {
        "@type": "Offer",
        "availability": f"{SCHEMA}/InStock",
        "url": PAGE,
    }


def test_a_price_in_words_without_registration_gives_no_offer() -> None:
    assert offers(Price="Prix libre") is None
    assert offers() is None


def test_a_full_event_is_sold_out_with_its_price_and_registration() -> None:
    assert offers(Price="5 €", Registration="https://example.org/i", Full="yes") == {
        "@type": "Offer",
        "price": "5",
        "priceCurrency": "EUR",
        "availability": f"{SCHEMA}/SoldOut",
        "url": "https://example.org/i",
    }
    assert offers(Full="yes") == {
        "@type": "Offer",
        "availability": f"{SCHEMA}/SoldOut",
        "url": PAGE,
    }


FILES = {
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nLes rendez-vous.\n",
    "events/en-ligne.md": """
        Title: Atelier en ligne
        Start: 2019-11-20 14:00
        Registration: https://example.org/inscription?a=1&b=2
        Price: 5,50 €

        Inscription sur le site.
    """,
    "events/courriel.md": """
        Title: Atelier par courriel
        Start: 2019-11-21 14:00
        Registration: MAILTO:atelier@example.org?subject=Inscription
        Price: Gratuit

        Inscription par courriel.
    """,
    "events/telephone.md": """
        Title: Atelier par téléphone
        Start: 2019-11-22 14:00
        Registration: tel:01 23 45 67 89
        Price: Prix libre

        Inscription par téléphone.
    """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return agenda_site.build(tmp_path_factory, files=FILES)


def registration(site: Site, slug: str) -> tuple[str, str, str]:
    """The « Inscription » fact: its text, its link's text and address."""
    facts = site.page(f"agenda/{slug}/").css(".event-facts dt, .event-facts dd")
    pairs = dict(zip(facts[::2], facts[1::2], strict=True))
    dd = next(dd for dt, dd in pairs.items() if dt.text() == "Inscription")
    link = dd.css_first("a")
    return plain(dd.text()), plain(link.text()), link.attributes["href"]


def test_the_page_says_how_to_register_by_the_kind_of_link(site: Site) -> None:
    assert registration(site, "en-ligne") == (
        "S'inscrire en ligne",
        "S'inscrire en ligne",
        "https://example.org/inscription?a=1&b=2",
    )
    assert registration(site, "courriel") == (
        "S'inscrire par courriel (atelier@example.org)",
        "S'inscrire par courriel",
        "mailto:atelier@example.org?subject=Inscription",
    )
    assert registration(site, "telephone") == (
        "S'inscrire par téléphone (01 23 45 67 89)",
        "S'inscrire par téléphone",
        "tel:0123456789",
    )


def test_the_page_json_ld_offers_the_price_and_registration(site: Site) -> None:
    def offer(slug: str) -> dict[str, Any] | None:
        script = site.page(f"agenda/{slug}/").css_first(
            'script[type="application/ld+json"]'
        )
        return json.loads(script.text()).get("offers")

    page = f"https://{agenda_site.DOMAIN}/agenda"
    assert offer("en-ligne") == {
        "@type": "Offer",
        "price": "5.50",
        "priceCurrency": "EUR",
        "availability": f"{SCHEMA}/InStock",
        "url": "https://example.org/inscription?a=1&b=2",
    }
    assert offer("courriel") == {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": "EUR",
        "availability": f"{SCHEMA}/InStock",
        "url": f"{page}/courriel/",
    }
    assert offer("telephone") == {
        "@type": "Offer",
        "availability": f"{SCHEMA}/InStock",
        "url": f"{page}/telephone/",
    }
