"""The site's search (issue 18): Pagefind's index, /recherche/ and search.js.

The real site is built at the fixed "now" with the index (``search=True``),
served, and searched in Chromium as a visitor does: typing, choosing a kind,
with the keyboard only, without JavaScript. The index itself is read back
from its files (gzipped JSON behind a ``pagefind_dcd`` signature) to check
what is indexed and that the same sources give the same bytes.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from .browser import DESKTOP, open_page, serve
from .budgets import (
    invisible_content,
    keyboard_start,
    overflow_at,
    violations_everywhere,
)
from .sites import ROOT, Site, plain, run_pelican, tree

SEARCH = "recherche/"
# The pages other than /recherche/, none of which may touch the index.
OTHER_PAGES = ("", "etat-d-avancement/", "agenda/", "agenda/soiree-reconomie/")


def build(output: Path) -> Site:
    result = run_pelican(ROOT / "content", output, search=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(output, result)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build(tmp_path_factory.mktemp("search") / "output")


@pytest.fixture(scope="module")
def base_url(site: Site) -> Iterator[str]:
    with serve(site.output) as url:
        yield url


def fragments(site: Site) -> dict[str, dict[str, Any]]:
    """Every indexed page, by its URL, as Pagefind stored it."""
    found = {}
    for path in sorted((site.output / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        fragment = json.loads(data[len(b"pagefind_dcd") :])
        found[fragment["url"]] = fragment
    return found


def index_files(root: Path) -> dict[str, bytes]:
    return tree(root / "pagefind")


# What the index holds.


def test_the_tests_builds_leave_the_index_out(real_site: Site) -> None:
    assert not (real_site.output / "pagefind").exists()


def test_only_the_pages_main_content_is_indexed(site: Site) -> None:
    found = fragments(site)
    assert set(found) == {
        "/",
        "/agenda/",
        "/etat-d-avancement/",
        "/le-projet/",
        "/contact/",
        "/mentions-legales/",
        *(f"/agenda/{p.stem}/" for p in (ROOT / "content" / "events").glob("*.md")),
        *(f"/lieux/{p.stem}/" for p in (ROOT / "content" / "venues").glob("*.md")),
    }, "neither the 404 nor the search page itself, nor the themes' lists"
    for url, fragment in found.items():
        text = fragment["content"]
        assert "Aller au contenu" not in text, url
        assert "aucun cookie et ne charge rien depuis" not in text, url
        assert "Rechercher" not in text, url
    # The lists that repeat other pages are left out: the event is found, not
    # every list naming it.
    assert "Champy" not in found["/agenda/"]["content"]
    assert "Champy" not in found["/"]["content"]
    assert "Champy" not in found["/lieux/salle-jean-morlet/"]["content"]


def test_events_carry_their_kind_and_date(site: Site) -> None:
    found = fragments(site)
    soup = found["/agenda/champy-soupe-2019-03/"]
    assert soup["meta"]["kind"] == "Événement"
    assert soup["meta"]["date"] == "mars 2019"
    assert soup["filters"] == {"kind": ["Événement"]}
    monthly = found["/agenda/rendez-vous-atelier/"]["meta"]
    assert plain(monthly["date"]).startswith("Chaque dernier vendredi du mois")
    assert "kind" not in found["/le-projet/"]["meta"]
    atelier = found["/lieux/l-atelier/"]
    assert atelier["meta"]["kind"] == "Lieu"
    assert atelier["filters"] == {}, "one filter value only: see venue.html"
    assert "coworking de la mairie" in atelier["content"]


def test_each_milestone_is_a_heading_of_the_timeline(site: Site) -> None:
    anchors = fragments(site)["/etat-d-avancement/"]["anchors"]
    headings = {a["id"]: a["text"] for a in anchors if a["element"] == "h3"}
    slugs = {p.stem for p in (ROOT / "content" / "milestones").glob("*.md")}
    assert set(headings) == {f"{slug}.titre" for slug in slugs}
    assert plain(headings["financement-region.titre"]) == (
        "La Région finance 40 % des travaux du futur lieu"
    )


def test_drafts_are_never_indexed(tmp_path: Path) -> None:
    content = tmp_path / "content"
    for source in (ROOT / "content").rglob("*.md"):
        target = content / source.relative_to(ROOT / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (content / "events" / "secret.md").write_text(
        "Title: Réunion secrète\nStart: 2019-04\nStatus: draft\n\nZorglub.\n",
        encoding="utf-8",
    )
    result = run_pelican(content, tmp_path / "output", search=True)
    assert result.returncode == 0, result.stdout + result.stderr
    found = fragments(Site(tmp_path / "output", result))
    assert "/agenda/secret/" not in found
    assert not any("Zorglub" in fragment["content"] for fragment in found.values())


def test_the_same_sources_give_the_same_index(site: Site, tmp_path: Path) -> None:
    again = build(tmp_path / "elsewhere")
    first, second = index_files(site.output), index_files(again.output)
    assert first == second
    assert "pagefind.js" in first
    assert "wasm.fr.pagefind" in first, "French stemming"
    assert not [name for name in first if "-ui" in name], "Pagefind's UI, unused"


def test_no_page_writes_into_the_index(build_site: Any) -> None:
    built = build_site({"pages/pf.md": "Title: P\nSave_as: pagefind/x.html\n\nT.\n"})
    assert built.result.returncode != 0
    assert (
        "pages/pf.md, ligne 2: "
        "Save_as « pagefind/x.html » donne la page pagefind/x.html, "
        "déjà écrite pour la recherche"
    ) in built.log


# Searching in the browser.


def search(page: Page, words: str) -> list[dict[str, str]]:
    """Type ``words`` in the search box; the results as the page shows them."""
    page.fill("#recherche-mots", words)
    page.wait_for_function(
        "words => document.querySelector('.search-status').textContent.includes(words)",
        arg=words,
    )
    return results(page)


def results(page: Page) -> list[dict[str, str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.search-result')].map(item => ({
            title: item.querySelector('h2 a').textContent,
            url: item.querySelector('h2 a').getAttribute('href'),
            facts: item.querySelector('.search-result-facts').textContent,
            marked: [...item.querySelectorAll('mark')].map(m => m.textContent),
        }))"""
    )


def status(page: Page) -> str:
    return plain(page.inner_text(".search-status"))


def test_boullereaux_finds_its_milestone(browser: Browser, base_url: str) -> None:
    with open_page(browser, base_url + SEARCH) as (page, _):
        found = search(page, "Boullereaux")
        assert status(page) == "1 résultat pour « Boullereaux »"
    assert [(plain(r["title"]), r["url"], r["facts"]) for r in found] == [
        (
            "La Région finance 40 % des travaux du futur lieu",
            "/etat-d-avancement/#financement-region",
            "Jalon",
        )
    ]
    assert found[0]["marked"] == ["Boullereaux"]


def test_champy_soupe_finds_the_events_and_the_page(
    browser: Browser, base_url: str
) -> None:
    with open_page(browser, base_url + SEARCH) as (page, _):
        found = search(page, "champy soupe")
        assert status(page) == "5 résultats pour « champy soupe »"
    events = {r["url"]: plain(r["facts"]) for r in found if "Événement" in r["facts"]}
    assert events == {
        "/agenda/champy-soupe-2018-06/": "Événement · juin 2018",
        "/agenda/champy-soupe-2018-11/": "Événement · novembre 2018",
        "/agenda/champy-soupe-2019-03/": "Événement · mars 2019",
        "/agenda/champy-soupe-2019-05/": "Événement · mai 2019",
    }
    pages = [(r["url"], r["facts"]) for r in found if "Événement" not in r["facts"]]
    assert pages == [("/le-projet/", "Page")]
    assert all(r["marked"] for r in found), "each excerpt marks the words found"


@pytest.mark.parametrize("words", ["reconomie", "RÉCONOMIE", "Réconomie"])
def test_case_and_accents_do_not_matter(
    browser: Browser, base_url: str, words: str
) -> None:
    with open_page(browser, base_url + SEARCH) as (page, _):
        found = search(page, words)
    assert [(r["url"], plain(r["facts"])) for r in found] == [
        ("/agenda/soiree-reconomie/", "Événement · juin 2017"),
        ("/le-projet/", "Page"),
    ]
    assert plain(found[0]["title"]) == "Soirée REconomie"


def test_lucie_aubrac_finds_both_milestones(browser: Browser, base_url: str) -> None:
    with open_page(browser, base_url + SEARCH) as (page, _):
        found = search(page, "lucie aubrac")
    assert {r["url"] for r in found} == {
        "/etat-d-avancement/#financement-region",
        "/etat-d-avancement/#visite-lucie-aubrac",
    }
    assert {r["facts"] for r in found} == {"Jalon"}


def test_nothing_found_is_said(browser: Browser, base_url: str) -> None:
    with open_page(browser, base_url + SEARCH) as (page, _):
        assert search(page, "zorglub") == []
        assert status(page) == "Aucun résultat pour « zorglub »"
        assert page.locator(".search-results").is_hidden()
        page.fill("#recherche-mots", "")
        page.wait_for_function("!document.querySelector('.search-status').textContent")


def test_only_the_search_page_asks_for_the_index_once_typed(
    browser: Browser, base_url: str
) -> None:
    for url in OTHER_PAGES:
        with open_page(browser, base_url + url) as (page, requests):
            page.wait_for_load_state("networkidle")
            assert not [u for u in requests.urls if "/pagefind/" in u], url
    with open_page(browser, base_url + SEARCH) as (page, requests):
        page.wait_for_load_state("networkidle")
        page.focus("#recherche-mots")
        page.keyboard.press("Tab")
        page.wait_for_timeout(200)
        assert not [u for u in requests.urls if "/pagefind/" in u], "not before typing"
        search(page, "soupe")
        assert any(u.endswith("/pagefind/pagefind.js") for u in requests.urls)
        assert requests.foreign(base_url) == []


def test_results_filtered_by_kind_with_the_keyboard_only(
    browser: Browser, base_url: str
) -> None:
    with open_page(browser, base_url + SEARCH) as (page, _):
        # From the top of the page: Tab until the search box, then type.
        for _ in range(20):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "recherche-mots":
                break
        assert page.evaluate("document.activeElement.id") == "recherche-mots"
        page.keyboard.type("champy soupe")
        page.wait_for_function(
            "document.querySelector('.search-status').textContent.includes('5')"
        )
        page.keyboard.press("Tab")  # The kinds: « Tout » is checked.
        assert page.evaluate("document.activeElement.value") == ""
        page.keyboard.press("ArrowRight")  # « Événements »
        assert status(page) == "4 résultats pour « champy soupe »"
        page.keyboard.press("ArrowRight")  # « Jalons »
        assert status(page) == "Aucun résultat pour « champy soupe »"
        page.keyboard.press("ArrowRight")  # « Pages »
        assert status(page) == "1 résultat pour « champy soupe »"
        assert [r["url"] for r in results(page)] == ["/le-projet/"]
        page.keyboard.press("Tab")  # The result's link.
        assert page.evaluate("document.activeElement.getAttribute('href')") == (
            "/le-projet/"
        )
        page.keyboard.press("Enter")
        page.wait_for_url("**/le-projet/")


def test_a_search_in_the_address_is_run(browser: Browser, base_url: str) -> None:
    with open_page(browser, base_url + SEARCH + "?q=Boullereaux") as (page, _):
        page.wait_for_function(
            "document.querySelector('.search-status').textContent.includes('1 ')"
        )
        assert page.input_value("#recherche-mots") == "Boullereaux"


def test_without_javascript_the_page_says_so_and_links_the_site(
    browser: Browser, base_url: str
) -> None:
    with open_page(browser, base_url + SEARCH, javascript=False) as (page, _):
        assert page.locator(".search-form").is_hidden()
        notice = plain(page.inner_text(".search-nojs"))
        assert notice.startswith("La recherche a besoin de JavaScript")
        links = page.eval_on_selector_all(
            "main a", "links => links.map(a => a.getAttribute('href'))"
        )
        assert {"../agenda/", "../etat-d-avancement/", "../", "../le-projet/"} <= set(
            links
        )
        assert invisible_content(page) == []
    with open_page(browser, base_url + SEARCH) as (page, _):
        assert page.locator(".search-form").is_visible()
        assert page.locator(".search-nojs").is_hidden()


def test_the_header_leads_to_the_search_without_javascript(
    browser: Browser, base_url: str
) -> None:
    with open_page(browser, base_url, javascript=False) as (page, _):
        page.click("header a.search-link")
        page.wait_for_url("**/recherche/")
        assert page.locator("main h1").inner_text() == "Rechercher"
        current = page.get_attribute("header a.search-link", "aria-current")
        assert current == "page"


# The budgets of the search page (the 14 KiB and the HTML checks run on the
# real site's every page, this one included: test_budgets_real_site.py).


def test_no_accessibility_violation_empty_and_with_results(
    browser: Browser, base_url: str
) -> None:
    with open_page(browser, base_url + SEARCH) as (page, requests):
        found = violations_everywhere(page)
        assert found == {key: [] for key in found}
        search(page, "champy soupe")
        found = violations_everywhere(page)
        assert found == {key: [] for key in found}
        assert requests.foreign(base_url) == []


def test_readable_from_320_px_and_keyboard_first(
    browser: Browser, base_url: str
) -> None:
    with open_page(browser, base_url + SEARCH, viewport=DESKTOP) as (page, _):
        search(page, "champy soupe")
        assert overflow_at(page, 320) <= 0
    with open_page(browser, base_url + SEARCH) as (page, _):
        assert keyboard_start(page)["text"] == "Aller au contenu"
