"""Audit the real site as a phone on a slow network sees it: Lighthouse, screenshots.

``invoke audit`` (docs/architecture.md, « Le thème »):

1. builds the production site (``publishconf.py``) into ``output/``, its
   ``SITEURL`` being the local server's address, so that canonical URLs and
   absolute links are checked as they will be published;
2. serves it on 127.0.0.1;
3. runs Lighthouse (npm ``lighthouse``, installed on demand into
   ``audit/node_modules`` from ``audit/package-lock.json``; too heavy for
   ``make test``) with Debian's Chromium (``CHROME_PATH``), in its default
   mobile mode (emulated phone, slow 4G, slowed processor), on the home,
   timeline and agenda pages, an event, a theme, the search, the contact
   page and the legal notice: performance, accessibility, best practices and
   SEO must each score 100; then the same on the image fixture
   (``tests/image_site.py``, built with Pillow's pictures: the real content
   has none): an event with its 4000×3000 poster and a page with three body
   images, into ``output/audit/images-site/``;
4. takes screenshots of those pages at phone and desktop widths, light and
   dark, into ``output/audit/screenshots/``; Lighthouse's reports go to
   ``output/audit/``.

It prints the scores and fails when one is below 100.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import (
    CHROMIUM_ARGS,
    VIEWPORTS,
    chromium_executable,
    launch,
    open_page,
    serve,
)

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "audit"
OUTPUT = ROOT / "output"
REPORTS = OUTPUT / "audit"
PAGES = {
    "accueil": "",
    "etat-d-avancement": "etat-d-avancement/",
    "agenda": "agenda/",
    "evenement": "agenda/rendez-vous-atelier/",
    "theme": "agenda/themes/prefiguration/",
    "lieu": "lieux/l-atelier/",
    "recherche": "recherche/",
    "contact": "contact/",
    "mentions-legales": "mentions-legales/",
}
# Pages of the image fixture (tests/image_site.py), audited after the real site.
IMAGE_PAGES = {
    "images-evenement-affiche": "agenda/soupe-illustree/",
    "images-galerie": "galerie/",
}
TARGET = 100  # Every category, every page.
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
STAMP = HERE / "node_modules" / ".installed"


def say(text: str) -> None:
    """Print one line of progress."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def free_port() -> int:
    """Find a free TCP port of 127.0.0.1, known before the site is built for it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build(siteurl: str) -> None:
    """Build the production site for ``siteurl`` into ``output/``, strictly."""
    env = {**os.environ, "SITEURL": siteurl}
    subprocess.run(
        [
            *(sys.executable, "-m", "pelican", "content", "-s", "publishconf.py"),
            *("-o", str(OUTPUT), "--fatal", "errors"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def install_lighthouse() -> None:
    """``npm ci`` in ``audit/`` when its lock file is newer than the install."""
    lock = HERE / "package-lock.json"
    if STAMP.exists() and STAMP.stat().st_mtime >= lock.stat().st_mtime:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm manque (apt-get install npm)")
    say("Installation de Lighthouse (audit/package-lock.json)…")
    subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=HERE, check=True
    )
    STAMP.touch()


def lighthouse(url: str, name: str) -> dict[str, int]:
    """Run Lighthouse's mobile audit on ``url``; return each category's score."""
    chrome = chromium_executable()
    if chrome is None:
        raise SystemExit("Chromium manque (apt-get install chromium)")
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node manque (apt-get install nodejs)")
    report = REPORTS / f"lighthouse-{name}"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run(
        [
            node,
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            "--output=html",
            f"--output-path={report}",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": chrome},
        check=True,
    )
    result = json.loads(report.with_suffix(".report.json").read_text(encoding="utf-8"))
    return {
        category: round(result["categories"][category]["score"] * 100)
        for category in CATEGORIES
    }


def screenshots(base: str) -> list[Path]:
    """Full-page screenshots of each page, phone and desktop, light and dark."""
    folder = REPORTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, url in PAGES.items():
            for size, viewport in VIEWPORTS.items():
                for scheme in ("light", "dark"):
                    path = folder / f"{name}-{size}-{scheme}.png"
                    with open_page(
                        browser, base + url, viewport=viewport, color_scheme=scheme
                    ) as (page, _):
                        page.screenshot(path=str(path), full_page=True)
                    written.append(path)
        browser.close()
    return written


def image_site(siteurl: str) -> Path:
    """Build the image fixture as published, for ``siteurl``; return its folder."""
    from tests.image_site import image_files  # noqa: PLC0415 (the audit's only)
    from tests.sites import run_pelican, write_content  # noqa: PLC0415

    root = REPORTS / "images-site"
    shutil.rmtree(root, ignore_errors=True)
    content = write_content(root / "content", image_files())
    cache = json.dumps(str(root / "cache"))
    result = run_pelican(
        content,
        root / "output",
        settings="publishconf.py",
        env={"SITEURL": siteurl},
        extra=["-e", f"CACHE_PATH={cache}"],
    )
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    return root / "output"


def main() -> int:
    """Build, serve, audit; return 1 when a score is below ``TARGET``."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    build(base.rstrip("/"))
    REPORTS.mkdir(parents=True, exist_ok=True)
    install_lighthouse()
    scores = {}
    with serve(OUTPUT, port=port):
        for name, url in PAGES.items():
            say(f"Lighthouse (mobile) : {base}{url}")
            scores[name] = lighthouse(base + url, name)
        shots = screenshots(base)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with serve(image_site(base.rstrip("/")), port=port):
        for name, url in IMAGE_PAGES.items():
            say(f"Lighthouse (mobile) : {base}{url}")
            scores[name] = lighthouse(base + url, name)
    say("")
    say(f"{'page':<20}" + "".join(f"{category:>16}" for category in CATEGORIES))
    for name, values in scores.items():
        say(f"{name:<20}" + "".join(f"{values[c]:>16}" for c in CATEGORIES))
    say("")
    say(f"Rapports Lighthouse : {REPORTS.relative_to(ROOT)}/lighthouse-*.report.html")
    say(f"Captures ({len(shots)}) : {shots[0].parent.relative_to(ROOT)}/")
    below = [
        f"{name} {category} {value}"
        for name, values in scores.items()
        for category, value in values.items()
        if value < TARGET
    ]
    if below:
        say("Sous 100 : " + ", ".join(below))
        return 1
    return 0
