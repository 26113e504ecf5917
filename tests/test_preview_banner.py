"""The preview's banner of content problems: on every page, and only there.

Builds are real sites in temporary folders: the preview's build
(``PREVIEW_PROBLEMS_BANNER`` on, as ``invoke serve`` sets it), ``make
build``'s and the production build of the same faulty content. The live
preview, with an error saved and then fixed, is driven in Chromium.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from alternateur.settings import DEFAULTS
from playwright.sync_api import Browser

from .browser import live_reload_connected, open_page
from .budgets import PAGE_BUDGET, axe_violations, gzipped_weight, html_pages, vnu_errors
from .sites import Site, plain, run_pelican, write_content
from .test_serve import HOST, fetch, free_port, preview

BANNER = ["-e", "PREVIEW_PROBLEMS_BANNER=true"]
SITE = {
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nLes rendez-vous.\n",
    "events/atelier.md": "Title: Atelier\nStart: 2019-07-26 14:00\n\nTexte.\n",
    "events/soupe.md": "Title: Soupe\nStart: 2019-13-01\n\nUne soupe.\n",
    "milestones/idee.md": "Title: L'idée\nDate: 2017\nLieu: Champigny\n",
}
SOUPE = (
    "events/soupe.md, ligne 2 : Start « 2019-13-01 » n'est pas une date valide "
    "(attendu AAAA-MM-JJ HH:MM, AAAA-MM-JJ, AAAA-MM)"
)
IDEE = "milestones/idee.md, ligne 3 : Lieu « Champigny » n'est pas un champ des jalons"


def build(root: Path, *, settings: str = "pelicanconf.py", extra=(), strict=False):
    content = write_content(root / "content", SITE)
    output = root / "output"
    return Site(
        output,
        run_pelican(content, output, settings=settings, extra=extra, strict=strict),
    )


@pytest.fixture(scope="module")
def previewed(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = build(tmp_path_factory.mktemp("apercu"), extra=BANNER)
    assert site.result.returncode == 0, site.log
    return site


def test_the_banner_is_off_unless_the_preview_turns_it_on() -> None:
    assert DEFAULTS["PREVIEW_PROBLEMS_BANNER"] is False


def test_every_preview_page_lists_every_problem_in_an_alert(previewed: Site) -> None:
    pages = html_pages(previewed.output)
    assert len(pages) >= 4
    for path in pages:
        url = path.relative_to(previewed.output).as_posix()
        page = previewed.page(url)
        [banner] = page.css('[role="alert"]')
        assert banner.parent.tag == "main", "inside a landmark, first"
        # The separator also comes between the file's name and its line.
        text = plain(banner.text(separator=" ")).replace(" , ligne", ", ligne")
        assert "2 erreurs dans le contenu" in text, url
        assert SOUPE in text, url
        assert IDEE in text, url


def test_the_faulty_event_is_left_out_of_the_preview(previewed: Site) -> None:
    assert not (previewed.output / "agenda" / "soupe").exists()
    assert "soupe/" not in previewed.file("agenda/index.html")


def test_a_site_without_problems_has_no_alert(tmp_path: Path) -> None:
    content = write_content(
        tmp_path / "content", {"events/a.md": SITE["events/atelier.md"]}
    )
    site = Site(tmp_path / "out", run_pelican(content, tmp_path / "out", extra=BANNER))
    assert site.result.returncode == 0, site.log
    for path in html_pages(site.output):
        assert 'role="alert"' not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "settings", ["pelicanconf.py", "publishconf.py"], ids=["make-build", "production"]
)
def test_no_other_build_has_any_banner_markup(tmp_path: Path, settings: str) -> None:
    site = build(tmp_path, settings=settings)
    assert site.result.returncode == 0, site.log
    assert "events/soupe.md, ligne 2: Start" in site.log, "the same faulty content"
    pages = html_pages(site.output)
    assert pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "problems-banner" not in html, path
        assert 'role="alert"' not in html, path


def test_a_strict_build_of_faulty_content_fails_and_writes_nothing(
    tmp_path: Path,
) -> None:
    site = build(tmp_path, settings="publishconf.py", extra=BANNER, strict=True)
    assert site.result.returncode == 1
    assert not site.output.exists()


def test_the_banner_keeps_the_budgets(previewed: Site, browser: Browser) -> None:
    from .browser import serve  # noqa: PLC0415

    with serve(previewed.output) as base, open_page(browser, base) as (page, log):
        assert page.locator('[role="alert"]').is_visible()
        assert axe_violations(page) == []
        page.emulate_media(color_scheme="dark")
        assert axe_violations(page) == []
        assert log.foreign(base) == []
    assert vnu_errors(previewed.output) == []
    for path in html_pages(previewed.output):
        assert gzipped_weight(path, previewed.output) <= PAGE_BUDGET, path


def wait_until(condition, what: str, seconds: float = 60) -> None:
    """Poll ``condition`` (readiness, not speed)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_the_live_preview_shows_an_error_then_forgets_it(
    tmp_path: Path, browser: Browser
) -> None:
    with preview(tmp_path, free_port()) as served:
        base = f"http://{HOST}:{served.port()}/"
        content = served.project / "content"
        time.sleep(0.2)  # The watcher sees files saved after it started.
        good = "Title: Soupe\nStart: 2019-12-06 19:00\n\nUne soupe.\n"
        write_content(content, {"events/soupe.md": good}, special_pages=False)
        wait_until(lambda: "Une soupe." in fetch(f"{base}agenda/soupe/"), "first")
        with open_page(browser, base) as (home, _):
            live_reload_connected(home)
            alert = home.locator('[role="alert"]')
            assert alert.count() == 0
            write_content(
                content,
                {"events/soupe.md": good.replace("2019-12-06", "2019-13-06")},
                special_pages=False,
            )
            # livereload reloads the open page: no reload here.
            alert.wait_for(state="visible", timeout=60_000)
            text = plain(" ".join(alert.inner_text().split()))
            assert "events/soupe.md, ligne 2 : Start « 2019-13-06 19:00 »" in text
            assert "montre sa dernière version sans erreur" in text
            event = fetch(f"{base}agenda/soupe/")
            assert "Une soupe." in event, "its last page is still served"
            assert "Cette page n’est pas à jour" in event
            write_content(content, {"events/soupe.md": good}, special_pages=False)
            alert.wait_for(state="detached", timeout=60_000)
        assert 'role="alert"' not in fetch(f"{base}agenda/soupe/")
        assert "Traceback" not in served.text()
