"""Budgets of the pages that show images, in Chromium, on the image fixture.

The existing budgets hold with images (axe 0, vnu 0, no third party, 14 KiB
of HTML + CSS + JS), and the images add their own: no layout shift (CLS 0,
measured by the browser's ``layout-shift`` entries while every lazy image
loads), and on a 390 px phone (3x) no image transferred above 80 KB.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from .browser import PHONE, open_page, serve
from .budgets import (
    PAGE_BUDGET,
    gzipped_weight,
    html_pages,
    violations_everywhere,
    vnu_errors,
)
from .image_site import EVENT_URL, PAGE_URL, build_image_site
from .sites import Site

pytestmark = [pytest.mark.site, pytest.mark.browser]

# The pages that show an image: an event, a page, the timeline, the agenda.
IMAGE_PAGES = (EVENT_URL, PAGE_URL, "etat-d-avancement/", "agenda/", "")
LARGEST_IMAGE = 80 * 1000  # Bytes, on a phone.

# Record every layout shift from the start (buffered), as CLS counts them.
_WATCH_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_image_site(tmp_path_factory.mktemp("image-budgets"))


@pytest.fixture(scope="module")
def base_url(site: Site) -> Iterator[str]:
    with serve(site.output) as url:
        yield url


def _load_every_image(page: Page) -> None:
    """Scroll to the bottom, so that lazy images load, and wait for all of them."""
    page.evaluate(
        "async () => { for (let y = 0; y <= document.body.scrollHeight; y += 300) {"
        " window.scrollTo(0, y); await new Promise(r => setTimeout(r, 50)); } }"
    )
    page.wait_for_function(
        "[...document.images].every(i => i.complete && i.naturalWidth > 0)"
    )


def _shift_and_images(browser: Browser, url: str, scale: float) -> dict[str, Any]:
    """The page's layout shift and the bytes of each image it loaded."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=scale, locale="fr-FR"
    )
    try:
        page = context.new_page()
        page.add_init_script(_WATCH_SHIFTS)
        page.goto(url, wait_until="load")
        _load_every_image(page)
        page.wait_for_timeout(200)
        return page.evaluate(
            """() => ({
              cls: window.__shifts.reduce((a, b) => a + b, 0),
              images: performance.getEntriesByType("resource")
                .filter(e => e.initiatorType === "img")
                .map(e => [e.name, e.encodedBodySize]),
              chosen: [...document.images].map(i => i.currentSrc),
            })"""
        )
    finally:
        context.close()


@pytest.mark.parametrize("url", IMAGE_PAGES)
def test_images_shift_nothing_and_stay_small_on_a_phone(
    browser: Browser, base_url: str, url: str
) -> None:
    measured = _shift_and_images(browser, base_url + url, scale=3)
    assert measured["cls"] == 0
    assert measured["images"], "the page loaded its images"
    heaviest = max(size for _, size in measured["images"])
    assert heaviest <= LARGEST_IMAGE, measured["images"]
    # The browser chose a modern format, never a 4000 px original.
    assert all(src.endswith((".avif", ".webp")) for src in measured["chosen"])


def test_the_shift_measure_sees_an_image_without_its_size(
    browser: Browser, site: Site, tmp_path: Path
) -> None:
    # The measure above must be able to fail: an image without width and
    # height, arriving once the page is shown, pushes the text below it.
    poster = next(p for p in (site.output / "images").iterdir() if "-640.jpg" in p.name)
    (tmp_path / "late.jpg").write_bytes(poster.read_bytes())
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>x</title><p>Avant</p><img alt="" id="late">'
        "<p>Après</p><script>setTimeout(() => "
        "{ document.getElementById('late').src = 'late.jpg'; }, 100);</script>",
        encoding="utf-8",
    )
    with serve(tmp_path) as url:
        assert _shift_and_images(browser, url, scale=1)["cls"] > 0


@pytest.mark.parametrize("url", IMAGE_PAGES)
def test_no_accessibility_violation_and_no_request_elsewhere(
    browser: Browser, base_url: str, url: str
) -> None:
    with open_page(browser, base_url + url) as (page, requests):
        _load_every_image(page)
        found = violations_everywhere(page)
        assert found == {key: [] for key in found}
        assert requests.foreign(base_url) == []


def test_every_page_is_valid_html(site: Site) -> None:
    assert vnu_errors(site.output) == []


def test_every_page_fits_in_the_first_round_trip(site: Site) -> None:
    weights = {
        str(page.relative_to(site.output)): gzipped_weight(page, site.output)
        for page in html_pages(site.output)
    }
    assert {path: size for path, size in weights.items() if size > PAGE_BUDGET} == {}
