"""Budgets of the theme on its fixture site (hand-made timeline and agenda markup)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .browser import open_page, serve
from .budget_suite import (  # noqa: F401 (tests, collected here)
    base_url,
    test_complete_without_javascript,
    test_every_page_fits_in_the_first_round_trip,
    test_every_page_is_valid_html,
    test_no_accessibility_violation_and_no_request_elsewhere,
    test_readable_from_320_px_keyboard_first_and_printable,
)
from .sites import Site
from .theme_site import PAGES, build_theme_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_theme_site(tmp_path_factory.mktemp("theme") / "output")


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return PAGES


def test_the_request_log_catches_another_host(browser: Browser, tmp_path: Path) -> None:
    # The check above must be able to fail: a page that asks another host.
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>x</title><img alt="" src="https://example.invalid/x.png">'
    )
    with serve(tmp_path) as url, open_page(browser, url) as (_, requests):
        assert requests.foreign(url) == ["https://example.invalid/x.png"]
