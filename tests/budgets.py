"""The theme's quality budgets, checked on a built site (issue 5).

Shared by ``test_budgets_fixture_site.py`` (the theme's fixture site, with
hand-made timeline and agenda markup) and ``test_budgets_real_site.py`` (the
real site): each module builds its site, serves it on 127.0.0.1 and runs
these checks in headless Chromium (``browser.py``):

- zero axe-core violations (``AXE_TAGS``) on home, timeline, agenda and an
  event page, at phone and desktop sizes, in the light and the dark scheme;
- no request to any other host than the local server;
- every page complete without JavaScript;
- zero errors from the Nu HTML Checker on every page, in one Java run;
- each page's HTML + CSS + JS under 14 KiB once gzipped: it arrives in the
  first round trip of a slow connection.

axe-core and vnu-jar come from npm (``package.json``; ``make test`` runs
``npm ci``): nothing is fetched while testing.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from .browser import VIEWPORTS
from .sites import ROOT

NODE_MODULES = ROOT / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGE_BUDGET = 14 * 1024  # Bytes, gzipped: HTML + its stylesheets and scripts.
SCHEMES = ("light", "dark")


def tool(path: Path) -> Path:
    """A file of an npm package, with what to do when it is missing."""
    assert path.exists(), (
        f"{path.relative_to(ROOT)} manque : lancez « make test » "
        "(il installe axe-core et vnu-jar avec npm ci)"
    )
    return path


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core, loaded from disk, on the page; return its violations.

    Each violation is reduced to its rule, the offending elements and axe's
    explanation, so that a failing test says what to fix.
    """
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=tool(AXE_SCRIPT).read_text(encoding="utf-8"))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        {
            "rule": violation["id"],
            "help": violation["help"],
            "nodes": [
                (node["target"], node.get("failureSummary", ""))
                for node in violation["nodes"]
            ],
        }
        for violation in results["violations"]
    ]


def violations_everywhere(page: Page) -> dict[str, list[dict[str, Any]]]:
    """axe's violations at each size, in each colour scheme, by ``size-scheme``.

    The page is loaded once, then resized and switched to the dark scheme:
    what changes is the layout and the colours, which is what axe checks.
    """
    found = {}
    for size, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
            found[f"{size}-{scheme}"] = axe_violations(page)
    return found


def invisible_content(page: Page) -> list[str]:
    """Content of ``<main>`` that is not shown (``[hidden]`` aside).

    Run with JavaScript disabled: anything listed here would need a script
    to appear.
    """
    return page.evaluate(
        """() => [...document.querySelectorAll(
              'main h1, main h2, main h3, main h4, main p, main li, main dt, main dd')]
            .filter(element => !element.closest('[hidden]'))
            .filter(element => !element.checkVisibility({visibilityProperty: true}))
            .map(element => element.outerHTML.slice(0, 120))"""
    )


def vnu_errors(root: Path) -> list[dict[str, Any]]:
    """Check every HTML page under ``root`` with the Nu HTML Checker.

    One Java process for the whole site: starting the JVM is most of the cost.
    """
    java = shutil.which("java")
    assert java, "Java manque (apt-get install default-jre-headless)"
    result = subprocess.run(
        [
            java,
            "-jar",
            str(tool(VNU_JAR)),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(root),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    # vnu writes its JSON report on standard error, and exits 1 on errors.
    report = json.loads(result.stderr or result.stdout)
    return [
        {
            "file": message.get("url", ""),
            "line": message.get("lastLine"),
            "message": message.get("message"),
            "extract": message.get("extract"),
        }
        for message in report["messages"]
        if message.get("type") in {"error", "non-document-error"}
    ]


def html_pages(root: Path) -> list[Path]:
    """Every HTML page of a built site."""
    return sorted(root.rglob("*.html"))


def _local_resources(page: Path, root: Path) -> Iterable[Path]:
    """The site's own stylesheets and scripts that a page loads."""
    tree = HTMLParser(page.read_text(encoding="utf-8"))
    links = [node.attributes.get("href") for node in tree.css('link[rel="stylesheet"]')]
    scripts = [node.attributes.get("src") for node in tree.css("script[src]")]
    for reference in (*links, *scripts):
        assert reference, f"{page}: empty reference"
        address = urlsplit(reference)
        assert not address.netloc, f"{page}: {reference} is not the site's own"
        path = address.path
        target = root / path.lstrip("/") if path.startswith("/") else page.parent / path
        yield target.resolve()


def gzipped_weight(page: Path, root: Path) -> int:
    """Bytes of the page, its stylesheets and its scripts, each gzipped."""
    files = [page, *_local_resources(page, root)]
    return sum(len(gzip.compress(path.read_bytes(), compresslevel=6)) for path in files)


def overflow_at(page: Page, width: int) -> int:
    """How many pixels the page is wider than a ``width``-pixel screen."""
    page.set_viewport_size({"width": width, "height": 640})
    return page.evaluate("document.documentElement.scrollWidth") - width


def keyboard_start(page: Page) -> dict[str, Any]:
    """What the first Tab reaches, and whether it is on screen and outlined."""
    page.keyboard.press("Tab")
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const box = element.getBoundingClientRect();
            const style = getComputedStyle(element);
            return {
                text: element.textContent.trim(),
                href: element.getAttribute('href'),
                on_screen: box.top >= 0 && box.left >= 0 && box.width > 0,
                outlined: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
            };
        }"""
    )


def printed_navigation(page: Page) -> bool:
    """Whether the menu still shows when the page is printed."""
    page.emulate_media(media="print")
    return page.locator("nav.site-nav").is_visible()
