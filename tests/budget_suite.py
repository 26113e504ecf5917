"""The theme's budgets, as tests shared by the fixture site and the real site.

Not collected on its own (no ``test_`` prefix): ``test_budgets_fixture_site``
and ``test_budgets_real_site`` import these tests and give them their ``site``
and ``pages`` fixtures, so both sites run the same checks, on two workers.
The checks themselves, and why, are in ``budgets.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from .browser import open_page, serve
from .budgets import (
    PAGE_BUDGET,
    gzipped_weight,
    html_pages,
    invisible_content,
    keyboard_start,
    overflow_at,
    printed_navigation,
    violations_everywhere,
    vnu_errors,
)
from .sites import Site

# The kinds of page every site is checked on.
KINDS = (
    "home",
    "timeline",
    "agenda",
    "event",
    "theme",
    "venue",
    "contact",
    "legal",
)


@pytest.fixture(scope="module")
def base_url(site: Site) -> Iterator[str]:
    with serve(site.output) as url:
        yield url


@pytest.mark.parametrize("name", KINDS)
def test_no_accessibility_violation_and_no_request_elsewhere(
    browser: Browser, base_url: str, name: str, pages: dict[str, str]
) -> None:
    with open_page(browser, base_url + pages[name]) as (page, requests):
        found = violations_everywhere(page)
        assert found == {key: [] for key in found}
        assert len(found) == 4, "phone and desktop, light and dark"
        assert requests.foreign(base_url) == []
        assert len(requests.urls) >= 2, "the page and its stylesheet at least"


@pytest.mark.parametrize("name", KINDS)
def test_complete_without_javascript(
    browser: Browser, base_url: str, name: str, pages: dict[str, str]
) -> None:
    with open_page(browser, base_url + pages[name], javascript=False) as (page, _):
        assert page.locator("main h1").count() == 1
        assert invisible_content(page) == []


@pytest.mark.parametrize("name", KINDS)
def test_readable_from_320_px_keyboard_first_and_printable(
    browser: Browser, base_url: str, name: str, pages: dict[str, str]
) -> None:
    with open_page(browser, base_url + pages[name]) as (page, _):
        assert overflow_at(page, 320) <= 0, "no sideways scrolling on a small phone"
        assert keyboard_start(page) == {
            "text": "Aller au contenu",
            "href": "#contenu",
            "on_screen": True,
            "outlined": True,
        }
        assert not printed_navigation(page)


def test_every_page_is_valid_html(site: Site) -> None:
    assert vnu_errors(site.output) == []


def test_every_page_fits_in_the_first_round_trip(site: Site) -> None:
    written = html_pages(site.output)
    assert len(written) >= len(KINDS)
    weights = {
        str(page.relative_to(site.output)): gzipped_weight(page, site.output)
        for page in written
    }
    assert {path: size for path, size in weights.items() if size > PAGE_BUDGET} == {}
