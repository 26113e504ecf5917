"""Titles and metadata are text: they come out intact and harmless everywhere.

Authors are trusted with HTML in Markdown bodies, not in header fields: a
title with « < », « & », quotes or « </script> », a venue with « ; » and « , »
must show as written on the page and reach JSON-LD, iCalendar and the feed
unchanged, without ever breaking the markup around it.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from icalendar import Calendar

from .sites import Site, plain

TITLE = 'Fête <b>&</b> "débat" </script><script>alert(1)</script>; A, B'
LOCATION = 'Salle "A & B" <i>x</i>; rez-de-chaussée, entrée 2'
ADDRESS = "1 rue X; 94500 Champigny, cour\\intérieure"
MILESTONE = "Jalon <em>A</em> & </script> « B »"
NOW = "1795521600"  # 2026-11-24 12:00 UTC


def shown(text: str) -> str:
    """Text as read on the page, where French typography makes "…" « … »."""
    return re.sub(r"«\s*|\s*»", '"', plain(text))


@pytest.fixture
def site(build_site: Callable[..., Site]) -> Site:
    built = build_site(
        {
            "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nIntro.\n",
            "pages/jalons.md": "Title: Jalons\nTemplate: timeline\n\nIntro.\n",
            "events/piege.md": f"""
                Title: {TITLE}
                Start: 2030-06-12 18:30
                Location: {LOCATION}
                Address: {ADDRESS}

                Texte.
            """,
            "milestones/piege.md": f"Title: {MILESTONE}\nDate: 2019-10\n\nTexte.\n",
        },
        now=NOW,
    )
    assert built.result.returncode == 0, built.log
    return built


def test_a_title_shows_as_written_and_injects_nothing(site: Site) -> None:
    page = site.page("agenda/piege/")
    assert shown(page.css_first("h1").text()) == shown(TITLE)
    assert shown(page.css_first("title").text()).startswith(shown(TITLE))
    og_title = page.css_first('meta[property="og:title"]').attributes["content"]
    assert shown(og_title) == shown(TITLE)
    scripts = page.css("script")
    assert all(
        script.attributes.get("type") == "application/ld+json"
        for script in scripts
        if "alert" in script.text()
    )
    assert "<script>alert" not in site.file("agenda/piege/index.html")
    listed = site.page("agenda/").css_first("li.occurrence .occurrence-title")
    assert shown(listed.text()) == shown(TITLE)


def test_json_ld_carries_the_exact_title_and_venue(site: Site) -> None:
    [script] = site.page("agenda/piege/").css('script[type="application/ld+json"]')
    data = json.loads(script.text())
    events = data if isinstance(data, list) else [data]
    assert events[0]["name"] == TITLE
    assert events[0]["location"]["name"] == LOCATION
    assert "</script" not in script.html.removesuffix("</script>").lower()


def test_icalendar_carries_the_exact_title_and_venue(site: Site) -> None:
    for path in ("agenda.ics", "agenda/piege.ics"):
        calendar = Calendar.from_ical((site.output / path).read_bytes())
        [event] = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]) == TITLE
        assert str(event["LOCATION"]) == f"{LOCATION}, {ADDRESS}"


def test_the_feed_carries_the_exact_milestone_title(site: Site) -> None:
    feed = ET.parse(site.output / "feeds" / "jalons.atom.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.findtext(f"{atom}title") for entry in feed.iter(f"{atom}entry")]
    assert titles == [MILESTONE]
    heading = site.page("jalons/").css_first("li#piege h3")
    assert plain(heading.text()) == plain(MILESTONE)


def test_an_entity_in_a_title_means_its_character(
    build_site: Callable[..., Site],
) -> None:
    # Copied from a web page: « &amp; » is « & », as in the Markdown text,
    # never « &amp ; » with French spacing inside the entity.
    built = build_site(
        {
            "events/soupe.md": (
                "Title: Soupe &amp; pain &eacute;t&#233; &#x41;\n"
                "Start: 2030-06-12 18:30\n\nTexte.\n"
            )
        },
        now=NOW,
    )
    assert built.result.returncode == 0, built.log
    expected = "Soupe & pain été A"
    assert plain(built.page("agenda/soupe/").css_first("h1").text()) == expected
    [event] = Calendar.from_ical(built.output.joinpath("agenda.ics").read_bytes()).walk(
        "VEVENT"
    )
    assert str(event["SUMMARY"]) == expected
