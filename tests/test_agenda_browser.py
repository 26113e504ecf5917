"""The stale-build script, run in Chromium: ended occurrences move to the past.

The site is built at ``NOW`` (Friday 15 November 2019, 13:00 in Paris) and
served locally; the browser's clock is then set later, as if a reader opened
a page built hours or years ago.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, Page

from . import agenda_site
from .browser import serve
from .sites import Site, plain


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture agenda, built at NOW, served on 127.0.0.1."""
    site: Site = agenda_site.build(tmp_path_factory)
    with serve(site.output) as url:
        yield url.rstrip("/")


def open_agenda(browser: Browser, site_url: str, now: datetime) -> Page:
    page = browser.new_page()
    page.clock.set_fixed_time(now)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/agenda/")
    page.wait_for_load_state("load")
    assert errors == []
    return page


def titles(page: Page, selector: str) -> list[str]:
    return [plain(t) for t in page.locator(selector).all_inner_texts()]


def test_an_occurrence_ended_since_the_build_moves_to_the_top_of_the_past(
    browser: Browser, site_url: str
) -> None:
    # 21:30 in Paris: the apéritif (18:30 – 21:00) is over, the forum is not.
    page = open_agenda(browser, site_url, datetime(2019, 11, 15, 20, 30, tzinfo=UTC))
    upcoming = titles(page, "#a-venir li .occurrence-title")
    assert "Apéritif du vendredi" not in upcoming
    assert upcoming[0] == "Forum des associations"
    assert len(upcoming) == 8
    past = titles(page, "#passes li .occurrence-title")
    assert past[:2] == ["Apéritif du vendredi", "Petit-déjeuner des voisins"]
    moved = page.locator("#passes li").first
    assert moved.locator("h4.occurrence-title").count() == 1, "headings stay in order"
    assert page.locator("#a-venir .agenda-empty").is_hidden()
    page.close()


def test_when_everything_has_ended_nothing_vanishes_and_the_agenda_says_so(
    browser: Browser, site_url: str
) -> None:
    page = open_agenda(browser, site_url, datetime(2026, 11, 24, 12, tzinfo=UTC))
    assert page.locator("#a-venir li").count() == 0
    assert page.locator("#a-venir .agenda-empty").is_visible()
    assert titles(page, "#passes h3") == ["2020", "2019"]
    assert page.locator("#passes li").count() == 9 + 4, "every item is still there"
    assert titles(page, "#passes li .occurrence-title")[:3] == [
        agenda_site.LONG_TITLE,
        "Atelier du dernier vendredi",
        "Fête d'hiver",
    ]
    page.close()


def test_without_javascript_the_built_page_is_complete(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/agenda/")
    assert page.locator("#a-venir li").count() == 9
    assert page.locator("#passes li").count() == 4
    context.close()
