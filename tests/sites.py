"""Build real sites into temporary folders and read them back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

ROOT = Path(__file__).resolve().parent.parent
# 2026-11-24 12:00 UTC: a fixed "now" after every real event.
FIXED_NOW = "1795521600"
# A production address under a sub-path, as a project's GitHub Pages site has:
# a link that forgets the sub-path, or is relative, shows.
PRODUCTION_URL = "https://example.org/sub"


def run_pelican(
    content: Path,
    output: Path,
    *,
    now: str = FIXED_NOW,
    settings: str = "pelicanconf.py",
    env: Mapping[str, str] | None = None,
    cwd: Path = ROOT,
    extra: Sequence[str] = (),
    strict: bool = True,
    timeout: float | None = None,
    search: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run the strict build as CI and publishing do, with one log line per message.

    ``env`` adds to the environment (``SITEURL`` for a production build); the
    site's address is never inherited from the shell that runs the tests.
    ``extra`` adds to Pelican's command line (``-e CACHE_CONTENT=true``…).
    ``strict=False`` builds as the local preview does, without ``--fatal``.
    ``search=True`` writes the search index (Pagefind), which the settings
    ask for; the other tests leave it out, to stay quick.
    """
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name not in {"SITEURL", "PAGES_DOMAIN"}
    }
    env = {**inherited, "SOURCE_DATE_EPOCH": now, **(env or {})}
    if not search:
        extra = without_search_index(extra)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-s",
            str(cwd / settings),
            "-o",
            str(output),
            *(["--fatal", "errors"] if strict else []),
            "--log-handler",
            "plain",
            *extra,
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def without_search_index(extra: Sequence[str]) -> list[str]:
    """Add ``SEARCH_INDEX=false`` to Pelican's ``-e`` settings.

    Pelican keeps only the last ``-e`` of a command line: the setting joins
    the caller's own, before them (a caller's ``SEARCH_INDEX`` wins).
    """
    extra = list(extra)
    flags = [i for i, arg in enumerate(extra) if arg in {"-e", "--extra-settings"}]
    if not flags:
        return [*extra, "-e", "SEARCH_INDEX=false"]
    extra.insert(flags[-1] + 1, "SEARCH_INDEX=false")
    return extra


def run_invoke(*args: str) -> subprocess.CompletedProcess[str]:
    """Run an ``invoke`` task of the project, as an author types it."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


class Site:
    """A built site: read its files and parse its pages."""

    def __init__(self, output: Path, result: subprocess.CompletedProcess[str]) -> None:
        self.output = output
        self.result = result

    @property
    def log(self) -> str:
        """Everything Pelican printed."""
        return self.result.stdout + self.result.stderr

    def file(self, path: str) -> str:
        """Text of an output file, by its path in the site."""
        return (self.output / path).read_text(encoding="utf-8")

    def page(self, url: str) -> HTMLParser:
        """Parsed HTML of a page, by its URL path (``agenda/`` → its index)."""
        path = url.strip("/")
        path = f"{path}/index.html" if path and not path.endswith(".html") else path
        return HTMLParser(self.file(path or "index.html"))

    def texts(self, url: str, selector: str) -> list[str]:
        """Text of each element ``selector`` finds on a page, as ``plain`` reads it."""
        return [plain(node.text()) for node in self.page(url).css(selector)]

    def text(self, url: str) -> str:
        """Visible text of a page's ``<main>``, as ``plain`` reads it."""
        return plain(self.page(url).css_first("main").text())


def plain(text: str) -> str:
    """Text as a person compares it, whatever its typography.

    The site's typography puts no-break spaces (U+00A0, U+202F) and
    typographic apostrophes (’) in every text (``typography.py``): a test of
    a fact (« l'Atelier » is on the page) reads through them, a test of the
    typography reads the HTML itself.
    """
    # U+2060 (word joiner) keeps a time range on one line: it is invisible.
    return " ".join(text.replace("’", "'").replace("\u2060", "").split())


# The pages every site must have (the content contract): the home page, the
# agenda and the timeline. A fixture that does not give its own gets these.
SPECIAL_PAGES = {
    "Save_as: index.html": (
        "pages/accueil.md",
        "Title: Accueil\nTemplate: home\nSave_as: index.html\nURL:\n\nBienvenue.\n",
    ),
    "Template: agenda": (
        "pages/agenda.md",
        "Title: Agenda\nTemplate: agenda\n\nLes rendez-vous.\n",
    ),
    "Template: timeline": (
        "pages/etat-d-avancement.md",
        "Title: État d'avancement\nTemplate: timeline\n",
    ),
}


def tree(root: Path, pattern: str = "*") -> dict[str, bytes]:
    """Every file of a built site (or of one of its folders), by its path there."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob(pattern))
        if path.is_file()
    }


def with_special_pages(files: Mapping[str, str | bytes]) -> dict[str, str | bytes]:
    """Add the special pages a fixture does not give (by the line that makes one)."""
    texts = [textwrap.dedent(t) for t in files.values() if isinstance(t, str)]
    added = dict(files)
    for line, (name, text) in SPECIAL_PAGES.items():
        if name not in added and not any(line in t for t in texts):
            added[name] = text
    return added


def write_content(
    root: Path, files: Mapping[str, str | bytes], *, special_pages: bool = True
) -> Path:
    """Write a content folder: ``{"events/x.md": "Title: …"}``.

    Bytes are written as they are (a file in another encoding than UTF-8).
    A fixture is a whole site: the special pages it does not give are added
    (``special_pages=False`` leaves them out, to test their absence).
    """
    if special_pages:
        files = with_special_pages(files)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root
