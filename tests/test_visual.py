"""The theme's visual defects of issue 19, each caught again in Chromium.

Measured on the real site (its real titles, dates and milestones) and on the
theme's fixture site (a planned milestone, every association setting set).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .browser import DESKTOP, open_page, serve
from .budgets import html_pages, overflow_at
from .sites import ROOT, Site
from .theme_site import build_theme_site

SMALL_PHONE = {"width": 320, "height": 640}


@pytest.fixture(scope="module")
def real_url(real_site: Site) -> Iterator[str]:
    with serve(real_site.output) as url:
        yield url


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_theme_site(tmp_path_factory.mktemp("visual") / "output")


def _pages(site: Site) -> list[str]:
    """Every page's URL path, 404 page aside (it is shown at any address)."""
    paths = []
    for path in html_pages(site.output):
        relative = path.relative_to(site.output).as_posix()
        if relative != "404.html":
            paths.append(relative.removesuffix("index.html"))
    return sorted(paths)


def test_the_header_stays_put_from_page_to_page(
    browser: Browser, real_url: str
) -> None:
    # The home page's wider column moved the logo (x=184 there, 312 elsewhere).
    places = {}
    for path in ("", "le-projet/", "agenda/", "etat-d-avancement/", "contact/"):
        with open_page(browser, real_url + path, viewport=DESKTOP) as (page, _):
            places[path] = page.evaluate(
                """() => {
                    const box = s => document.querySelector(s).getBoundingClientRect();
                    return [
                        box('.brand').left,
                        box('.site-nav').right,
                        box('.site-footer .wrap').left,
                    ];
                }"""
            )
    assert len({tuple(place) for place in places.values()}) == 1, places


@pytest.mark.parametrize("path", ["", "agenda/", "agenda/apero/"])
def test_a_time_range_never_breaks(
    browser: Browser, fixture_site: Site, path: str
) -> None:
    # Each time element is squeezed to 1 px: every allowed break happens,
    # and « 18 h 30 – 21 h » must still sit on one line. (The real site's
    # dates at the tests' « now » have no time range.)
    with (
        serve(fixture_site.output) as url,
        open_page(browser, url + path, viewport=SMALL_PHONE) as (page, _),
    ):
        lines = page.evaluate(
            r"""() => {
                const found = [];
                for (const time of document.querySelectorAll('main time')) {
                    time.style.display = 'inline-block';
                    time.style.width = '1px';
                    time.style.overflowWrap = 'normal';  // Only real breaks.
                    const text = time.firstChild;
                    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
                    const hour = String.raw`\d+\s?h(\s?\d\d)?`;
                    const dash = String.raw`[\s\u2060]*–[\s\u2060]*`;
                    const match = new RegExp(hour + dash + hour).exec(text.data);
                    if (!match) continue;
                    const range = document.createRange();
                    range.setStart(text, match.index);
                    range.setEnd(text, match.index + match[0].length);
                    const rects = [...range.getClientRects()];
                    const tops = new Set(rects.map(r => Math.round(r.top)));
                    found.push([match[0], tops.size]);
                }
                return found;
            }"""
        )
    assert lines, "the fixture's dates have time ranges"
    assert [text for text, count in lines if count != 1] == []


def test_no_small_capitals_beside_full_size_letters(
    browser: Browser, real_url: str, real_site: Site
) -> None:
    # « RER E »: typogrify's caps made RER small and left E full size.
    for path in _pages(real_site):
        with open_page(browser, real_url + path) as (page, _):
            assert page.locator(".caps").count() == 0, path


def test_no_page_is_wider_than_a_320_px_phone(
    browser: Browser, real_url: str, real_site: Site
) -> None:
    # Every page, every event's real title; typogrify's widont had joined
    # « l'entrepreneuriat individuel » into one unbreakable word.
    wide = {}
    for path in _pages(real_site):
        with open_page(browser, real_url + path, viewport=SMALL_PHONE) as (page, _):
            extra = overflow_at(page, 320)
            clipped = page.evaluate(
                """() => [...document.querySelectorAll('main h1, main h2, main a')]
                    .filter(e => e.getBoundingClientRect().right > 320.5)
                    .map(e => e.textContent.trim())"""
            )
            if extra > 0 or clipped:
                wide[path] = (extra, clipped)
    assert wide == {}
    assert "entrepreneuriat\u00a0individuel" not in real_site.file(
        "agenda/soiree-entrepreneuriat-individuel/index.html"
    )


def test_the_timeline_says_each_year_once(browser: Browser, real_url: str) -> None:
    with open_page(browser, real_url + "etat-d-avancement/") as (page, _):
        repeats = page.evaluate(
            """() => [...document.querySelectorAll('.timeline-year')].map(section => {
                const year = section.querySelector('h2').textContent.trim();
                const dates = [...section.querySelectorAll('.milestone-date')]
                    .map(d => d.innerText.trim()).filter(t => t === year);
                return [year, dates.length];
            }).filter(([, count]) => count > 0)"""
        )
    assert repeats == []


def test_the_planned_line_ends_dashed(browser: Browser, fixture_site: Site) -> None:
    # The line ran a solid stub below the last planned milestone's dashes.
    with (
        serve(fixture_site.output) as url,
        open_page(browser, url + "etat-d-avancement/") as (page, _),
    ):
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            ends = page.evaluate(
                """() => {
                    const timeline = document.querySelector('.timeline');
                    const line = timeline.getBoundingClientRect();
                    const steps = document.querySelectorAll('.milestone');
                    const last = steps[steps.length - 1];
                    const dashes = getComputedStyle(last, '::after');
                    return {
                        planned: last.classList.contains('milestone-planned'),
                        line: line.bottom,
                        dashes:
                            last.getBoundingClientRect().top
                            + parseFloat(dashes.height),
                    };
                }"""
            )
            assert ends["planned"], "the fixture ends on a planned milestone"
            assert ends["line"] <= ends["dashes"] + 0.5, (width, ends)


def test_the_whole_agenda_card_is_one_link(browser: Browser, real_url: str) -> None:
    with open_page(browser, real_url + "agenda/", viewport=DESKTOP) as (page, _):
        card = page.locator(".occurrence").first
        links = card.locator("a")
        assert links.count() == 1
        title = card.locator(".occurrence-title").inner_text().strip()
        assert links.first.evaluate("a => a.textContent.trim()") == title
        href = links.first.get_attribute("href")
        box = card.bounding_box()
        assert box is not None
        # The card's far corner, away from the title: still the link.
        page.mouse.click(box["x"] + box["width"] - 4, box["y"] + box["height"] - 4)
        page.wait_for_url(f"**/{href.strip('./').split('/')[-2]}/")


def test_every_date_line_starts_with_a_capital(browser: Browser, real_url: str) -> None:
    # « Du 26 juillet 2019… » had a capital, « vendredi 6 mars… » none.
    seen = []
    for path in ("", "agenda/", "etat-d-avancement/", "agenda/soiree-reconomie/"):
        with open_page(browser, real_url + path) as (page, _):
            seen += page.evaluate(
                """() => [...document.querySelectorAll(
                    '.occurrence-date, .milestone-date, .event-facts dd, '
                    + '.latest-milestones li')]
                    .map(e => [e.textContent.trim().slice(0, 12),
                               getComputedStyle(e, '::first-letter').textTransform])"""
            )
    assert len(seen) > 10
    assert [text for text, transform in seen if transform != "uppercase"] == []


@pytest.mark.parametrize("viewport", [SMALL_PHONE, DESKTOP], ids=["320", "1280"])
def test_the_first_heading_keeps_its_distance(
    browser: Browser, real_url: str, viewport: dict[str, int]
) -> None:
    # « Le projet » opens on an h2, which sat tight against the h1.
    with open_page(browser, real_url + "le-projet/", viewport=viewport) as (page, _):
        gap = page.evaluate(
            """() => document.querySelector('.prose > h2').getBoundingClientRect().top
                - document.querySelector('main h1').getBoundingClientRect().bottom"""
        )
    assert gap >= 24


def test_typogrify_keeps_only_the_filters_that_suit_french() -> None:
    text = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    assert '"caps", "widont"' in text


def test_the_fixture_footer_fits_a_small_phone(
    browser: Browser, fixture_site: Site, tmp_path: Path
) -> None:
    del tmp_path
    with serve(fixture_site.output) as url:
        for path in ("", "contact/", "mentions-legales/"):
            with open_page(browser, url + path, viewport=SMALL_PHONE) as (page, _):
                assert overflow_at(page, 320) <= 0, path
