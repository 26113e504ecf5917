"""A real browser for the tests: a local server and headless Chromium.

Reusable by any test (and by ``invoke audit``): ``serve`` serves a built site
on 127.0.0.1 from a thread, ``launch`` starts Chromium (Debian's
``/usr/bin/chromium`` when there is one, else Playwright's own), and
``open_page`` opens a page at a given size and colour scheme while recording
every request it makes. Fixture: ``browser`` (one Chromium per test module,
shared through ``conftest.py``).
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, Request, sync_playwright

# Chromium as root in a container, and nothing in the background that would
# contact Google: the only requests are the page's own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def chromium_executable() -> str | None:
    """Debian's Chromium if installed; ``None`` lets Playwright use its own."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        del format, args


@contextmanager
def serve(root: Path, port: int = 0) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port by default); yield its base URL."""
    handler = partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch(playwright: Playwright) -> Browser:
    """Start headless Chromium with the arguments above."""
    return playwright.chromium.launch(
        executable_path=chromium_executable(), args=CHROMIUM_ARGS
    )


@dataclass
class RequestLog:
    """Every URL a page asked for, to prove it asks nobody else."""

    urls: list[str] = field(default_factory=list)

    def record(self, request: Request) -> None:
        """Note one request (Playwright's ``request`` event)."""
        self.urls.append(request.url)

    def foreign(self, base: str) -> list[str]:
        """The requests that went to another host than ``base``'s server."""
        own = urlsplit(base).netloc
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in {"data", "blob", "about"}
            and urlsplit(url).netloc != own
        ]


@contextmanager
def open_page(
    browser: Browser,
    url: str,
    *,
    viewport: dict[str, int] = PHONE,
    color_scheme: str = "light",
    javascript: bool = True,
    reduced_motion: str = "no-preference",
) -> Iterator[tuple[Page, RequestLog]]:
    """Open ``url`` in a fresh context; requests elsewhere are recorded, not sent.

    A request to another host is aborted before it leaves the machine: the
    test sees it in the log and fails, and nothing reaches the network.
    """
    context = browser.new_context(
        viewport=viewport,
        color_scheme=color_scheme,  # type: ignore[arg-type]
        reduced_motion=reduced_motion,  # type: ignore[arg-type]
        java_script_enabled=javascript,
        locale="fr-FR",
        timezone_id="Europe/Paris",
    )
    log = RequestLog()
    own = urlsplit(url).netloc

    def only_local(route: Any) -> None:
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            route.abort()

    try:
        page = context.new_page()
        page.on("request", log.record)
        page.route("**/*", only_local)
        page.goto(url, wait_until="load")
        yield page, log
    finally:
        context.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test module.

    Per module, not per session: Playwright's synchronous API runs one event
    loop per thread, so a module that starts its own Playwright must find
    none running.
    """
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def live_reload_connected(page: Page) -> None:
    """Wait until the page listens to the preview (livereload's websocket).

    An author's page has long been open when they save; a test's, just
    loaded, may still be connecting: a reload sent before would be missed.
    """
    page.wait_for_function(
        "() => { const c = window.LiveReload && window.LiveReload.connector;"
        " return !!(c && c.socket && c.socket.readyState === 1); }",
        timeout=60_000,
    )


def interrupt(process: subprocess.Popen[bytes]) -> None:
    """Stop a preview or autoreload process as Ctrl+C does; kill it if it hangs."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
