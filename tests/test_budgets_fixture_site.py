"""Budgets of the theme on its fixture site (hand-made timeline and agenda markup).

The checks themselves, and why, are in ``budgets.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
from .theme_site import PAGES, build_theme_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_theme_site(tmp_path_factory.mktemp("theme") / "output")


@pytest.fixture(scope="module")
def base_url(site: Site) -> Iterator[str]:
    with serve(site.output) as url:
        yield url


@pytest.mark.parametrize("name", PAGES)
def test_no_accessibility_violation_and_no_request_elsewhere(
    browser: Browser, base_url: str, name: str
) -> None:
    with open_page(browser, base_url + PAGES[name]) as (page, requests):
        found = violations_everywhere(page)
        assert found == {key: [] for key in found}
        assert len(found) == 4, "phone and desktop, light and dark"
        assert requests.foreign(base_url) == []
        assert len(requests.urls) >= 2, "the page and its stylesheet at least"


@pytest.mark.parametrize("name", PAGES)
def test_complete_without_javascript(
    browser: Browser, base_url: str, name: str
) -> None:
    with open_page(browser, base_url + PAGES[name], javascript=False) as (page, _):
        assert page.locator("main h1").count() == 1
        assert invisible_content(page) == []


@pytest.mark.parametrize("name", PAGES)
def test_readable_from_320_px_keyboard_first_and_printable(
    browser: Browser, base_url: str, name: str
) -> None:
    with open_page(browser, base_url + PAGES[name]) as (page, _):
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
    pages = html_pages(site.output)
    assert len(pages) >= len(PAGES)
    weights = {
        str(page.relative_to(site.output)): gzipped_weight(page, site.output)
        for page in pages
    }
    assert {path: size for path, size in weights.items() if size > PAGE_BUDGET} == {}


def test_the_request_log_catches_another_host(browser: Browser, tmp_path: Path) -> None:
    # The check above must be able to fail: a page that asks another host.
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>x</title><img alt="" src="https://example.invalid/x.png">'
    )
    with serve(tmp_path) as url, open_page(browser, url) as (_, requests):
        assert requests.foreign(url) == ["https://example.invalid/x.png"]
