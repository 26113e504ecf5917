"""The builds the benchmark times, each in a subprocess of its own.

Every build runs as a separate process, as an author runs it, so that the
interpreter's start-up and Pelican's imports count, and so that the peak
memory of each one is its own: ``os.wait4`` returns the resource usage of
exactly the process it waited for (``ru_maxrss``, in KiB on Linux).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# 2026-11-24 12:00 UTC, the tests' fixed "now": every build sees the same day.
SOURCE_DATE_EPOCH = "1795521600"
# What the live-reload copy of the project leaves out: its content is the
# benchmark's, and its output, cache and environments are its own.
NOT_LINKED = {".git", "content", "output", "output-preview", "cache"}
# Wait out the preview's start (its watcher listens once it serves), then
# spread the saves over a second (golden-ratio steps, the same every run).
STARTUP_SECONDS = 1.0
PHASE_SECONDS = 1.0
GOLDEN = 0.6180339887
_DONE = re.compile(r"Done:.*?in ([0-9.]+) seconds", re.DOTALL)
# The preview's own French summary (tasks.build_summary), one per build.
_PREVIEW_DONE = re.compile(r"Aperçu à jour : .*? en ([0-9]+,[0-9]) s")


@dataclass
class Run:
    """One timed run: wall-clock seconds, peak memory, and what it wrote."""

    seconds: float
    max_rss_kib: int
    pages: int
    # Sharing images (og:image, JSON-LD) the run drew or cropped: the new
    # entries of its cache (outputs/output_cache.py keeps every file made).
    cards_made: int = 0


class BuildError(RuntimeError):
    """A build failed: the benchmark stops and shows the build's log."""


def environment() -> dict[str, str]:
    """Give every build a fixed "now", and log lines wide enough to parse.

    Python writes its bytecode, as on an author's machine: a shell that sets
    ``PYTHONDONTWRITEBYTECODE`` would make each build compile the plugin's
    modules again, while Pelican's own were compiled by pip at install.
    """
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**base, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "COLUMNS": "400"}


def count_pages(output: Path) -> int:
    """How many HTML pages a build wrote."""
    return sum(1 for _ in output.rglob("*.html"))


def timed(command: list[str], *, cwd: Path, log: Path, output: Path) -> Run:
    """Run ``command`` to completion; time it and read its peak memory."""
    with log.open("wb") as stream:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=environment(), stdout=stream, stderr=stream
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        text = log.read_text(encoding="utf-8", errors="replace")
        raise BuildError(f"{' '.join(command)} a échoué :\n{text[-3000:]}")
    return Run(seconds, usage.ru_maxrss, count_pages(output))


def pelican_command(content: Path, output: Path, settings: Path) -> list[str]:
    """Pelican's command line, as ``tests/sites.py`` and publishing run it.

    Without the search index: the build is compared with Pelican's alone,
    and the indexing step is timed on its own (docs/architecture.md). Its
    last option is ``-e``: ``cache_settings`` adds to it (Pelican keeps only
    the last ``-e`` of a command line).
    """
    return [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(settings),
        "-o",
        str(output),
        "--fatal",
        "errors",
        "--log-handler",
        "plain",
        "-e",
        "SEARCH_INDEX=false",
    ]


def cache_settings(cache: Path) -> list[str]:
    """Turn the content cache on, as ``invoke serve`` does (after ``-e``)."""
    return [
        "CACHE_CONTENT=true",
        "LOAD_CONTENT_CACHE=true",
        f"CACHE_PATH={json.dumps(str(cache))}",
    ]


def fresh(path: Path) -> Path:
    """Empty ``path``: a full build starts from nothing."""
    shutil.rmtree(path, ignore_errors=True)
    return path


def card_entries(cache: Path) -> int:
    """How many sharing images a cache folder keeps."""
    folder = cache / "cards"
    return sum(1 for _ in folder.iterdir()) if folder.is_dir() else 0


def project_build(content: Path, work: Path, *, cold_cards: bool = False) -> Run:
    """Run (a), the project's strict build: its settings, plugin and theme.

    Its sharing images come from a cache of their own, kept from run to run
    (an author's rebuild), or emptied first with ``cold_cards`` (a first
    build, or a publication without a cache): then every card is drawn.
    """
    name = "cards-cold" if cold_cards else "project"
    output, cache = fresh(work / name), work / f"{name}-cache"
    if cold_cards:
        fresh(cache)
    command = pelican_command(content, output, ROOT / "pelicanconf.py")
    command.append(f"CACHE_PATH={json.dumps(str(cache))}")
    before = card_entries(cache)
    run = timed(command, cwd=ROOT, log=work / f"{name}.log", output=output)
    run.cards_made = card_entries(cache) - before
    return run


def stock_build(content: Path, work: Path) -> Run:
    """Run (b), stock Pelican on the same files: default theme, no plugin."""
    from .stock import SETTINGS  # noqa: PLC0415 (keeps this module standalone)

    output = fresh(work / "stock")
    command = pelican_command(content, output, SETTINGS)
    return timed(command, cwd=ROOT, log=work / "stock.log", output=output)


def hugo_build(hugo: Path, site: Path, work: Path) -> Run:
    """Run (c), Hugo on the same Markdown, with a minimal layout."""
    output = fresh(work / "hugo")
    command = [str(hugo), "--source", str(site), "--destination", str(output)]
    return timed([*command, "--quiet"], cwd=site, log=work / "hugo.log", output=output)


def warm_build(content: Path, work: Path, *, prime: bool = False) -> Run:
    """Run (d), a rebuild with Pelican's content cache, nothing having changed.

    With ``prime`` the output and the cache are emptied first: that run fills
    the cache, and is not one of the timed ones.
    """
    output, cache = work / "warm", work / "warm-cache"
    if prime:
        fresh(output), fresh(cache)
    command = pelican_command(content, output, ROOT / "pelicanconf.py")
    command += cache_settings(cache)
    return timed(command, cwd=ROOT, log=work / "warm.log", output=output)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _listening(port: str) -> bool:
    try:
        socket.create_connection(("127.0.0.1", int(port)), timeout=1).close()
    except OSError:
        return False
    return True


def _wait_for(
    condition: Callable[[], bool], timeout: float, what: str, log: Path
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            text = log.read_text(encoding="utf-8", errors="replace")
            raise BuildError(f"{what} : rien après {timeout:.0f} s.\n{text[-3000:]}")
        time.sleep(0.002)


@dataclass
class LiveLoop:
    """(e) The live-reload loop: touch-to-page times, rebuild times, memory."""

    seconds: list[float]
    rebuild_seconds: list[float]
    max_rss_kib: int
    pages: int
    # Save to the new text on screen, in headless Chromium reloaded by the
    # preview itself (empty without Playwright, a test tool).
    visible_seconds: list[float] = field(default_factory=list)


def live_loop(content: Path, work: Path, event: str, touches: int) -> LiveLoop:
    """Run the real ``invoke serve`` on ``content``; time saving ``event``.

    The project is mirrored in ``work`` (links to its files, the benchmark's
    content in ``content/``), and ``invoke serve`` is started there, on a free
    loopback port: the very task authors run, with its watcher and its cached
    build. Each touch rewrites the event file with a new line, and the loop
    ends when that line is in the event's page on disk.
    """
    project = fresh(work / "serve")
    project.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in NOT_LINKED and not entry.name.startswith(".venv"):
            (project / entry.name).symlink_to(entry)
    shutil.copytree(content, project / "content")
    source = project / "content" / "events" / f"{event}.md"
    page = project / "output-preview" / "agenda" / event / "index.html"
    log = work / "serve.log"
    env = {**environment(), "HOST": "127.0.0.1", "PORT": str(_free_port())}
    with log.open("wb") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "serve"],
            cwd=project,
            env=env,
            stdout=stream,
            stderr=stream,
        )
    # Never outlive the benchmark, whatever happens below.
    killer = threading.Timer(600, process.kill)
    killer.start()
    seconds: list[float] = []
    rebuilds: list[float] = []
    visible: list[float] = []
    browser = contextlib.ExitStack()

    def builds_done() -> list[str]:
        text = log.read_text(encoding="utf-8", errors="replace")
        return [seconds.replace(",", ".") for seconds in _PREVIEW_DONE.findall(text)]

    try:
        # The server listens once its first build is done and its watcher
        # has taken note of the files: from then on, a save is seen.
        _wait_for(lambda: _listening(env["PORT"]), 600, "invoke serve", log)
        # livereload's first poll only announces the server's own start.
        time.sleep(STARTUP_SECONDS)
        screen = browser.enter_context(_browser_page(env["PORT"], event))
        original = source.read_text(encoding="utf-8")
        for touch in range(touches):
            # The watcher polls: saves land anywhere in its period, as an
            # author's do, rather than right after the previous rebuild.
            time.sleep(PHASE_SECONDS * ((touch * GOLDEN) % 1))
            marker = f"bench-touch-{touch}"
            done = len(builds_done())
            source.write_text(f"{original}\n{marker}\n", encoding="utf-8")
            start = time.perf_counter()
            _wait_for(
                lambda marker=marker: (
                    page.exists() and marker in page.read_text(encoding="utf-8")
                ),
                60,
                f"page {event} après modification",
                log,
            )
            seconds.append(time.perf_counter() - start)
            if screen is not None:
                _wait_for(
                    lambda marker=marker: _shows(screen, marker),
                    60,
                    f"page {event} à l'écran",
                    log,
                )
                visible.append(time.perf_counter() - start)
            _wait_for(lambda done=done: len(builds_done()) > done, 60, "build", log)
            rebuilds.append(float(builds_done()[-1]))
    finally:
        browser.close()
        process.send_signal(signal.SIGTERM)
        _, _, usage = os.wait4(process.pid, 0)
        process.returncode = -signal.SIGTERM
        killer.cancel()
    pages = count_pages(project / "output-preview")
    return LiveLoop(seconds, rebuilds, usage.ru_maxrss, pages, visible)


@contextlib.contextmanager
def _browser_page(port: str, event: str) -> Iterator[Any]:
    """Open the event's page in headless Chromium (None without Playwright)."""
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415
    except ImportError:
        yield None
        return
    from tests.browser import launch  # noqa: PLC0415 (the tests' Chromium)

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/agenda/{event}/")
            yield page
        finally:
            browser.close()


def _shows(page: Any, marker: str) -> bool:
    """Whether the open page's text has ``marker`` (mid-reload: not yet)."""
    try:
        return bool(page.evaluate("m => document.body.innerText.includes(m)", marker))
    except Exception:  # noqa: BLE001 (the page is being reloaded)
        return False
