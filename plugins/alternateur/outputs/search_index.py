"""The site's search index, written by Pagefind once Pelican has written the pages.

Pagefind (``pagefind`` and its binary, ``pagefind-bin``, from PyPI) reads
the built HTML and writes ``pagefind/``: the search script, its French
stemmer (WebAssembly) and the index, cut in small files that a visitor's
browser fetches only when searching, on ``/recherche/``
(``theme/static/search.js``).

What is indexed is decided by the theme: only the ``<main>`` of a page that
carries ``data-pagefind-body`` (``base.html``: every page but the 404 and
the search page itself); events carry their kind and date
(``data-pagefind-meta``, ``data-pagefind-filter`` in ``event.html``);
milestones are headings with an ``id`` on the timeline page, which Pagefind
makes sub-results of it. Lists that repeat other pages (the agenda's and the
home page's occurrences, the latest milestones) are left out here
(``EXCLUDED``), so that a search finds the event, not every list naming it.
Drafts are never written, so never indexed.

Run on ``finalized``, inside the build's run: ``pelican.output_path`` is
then the build's fresh folder (``hooks/staging.py``), and the index is
swapped in with the pages, or thrown away with them. Pagefind runs in an
empty folder with none of its ``PAGEFIND_*`` variables: no configuration
file or variable of the machine changes what it writes. Its output depends
only on the pages (file names are hashes of their content; the same pages
give the same bytes, ``tests/test_search.py``).

``SEARCH_INDEX`` (``settings.py``) turns it on; ``pelicanconf.py`` does, for
the preview and for publishing; the tests turn it off unless they search.
"""

from __future__ import annotations

import logging
import os
import subprocess
import tempfile
from pathlib import Path

from pelican import Pelican

logger = logging.getLogger(__name__)

# The folder Pagefind writes in the site; no page may write there
# (``hooks/checking.py``).
FOLDER = "pagefind"
# The site is French: one index, French stemming (« soupes » finds « soupe »).
LANGUAGE = "fr"
# Pagefind's own interfaces, which the site does not use (search.js writes
# the results in the site's markup): never published.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# Parts of the indexed <main> that repeat other pages' text.
EXCLUDED = (".occurrences", ".latest-milestones", ".subscribe")


def pagefind_command(site: Path) -> list[str]:
    """Build the command that indexes ``site`` (the binary of ``pagefind-bin``).

    Pagefind's Python module is imported here, by the builds that index:
    it imports ``asyncio``, 20 ms of every build's start.
    """
    from pagefind.service import get_executable  # noqa: PLC0415

    binary = get_executable()
    if binary is None:
        raise FileNotFoundError(
            "Pagefind est introuvable : installez requirements.txt "
            "(pagefind et pagefind-bin)"
        )
    excluded = [a for selector in EXCLUDED for a in ("--exclude-selectors", selector)]
    return [
        str(binary),
        "--site",
        str(site),
        "--output-subdir",
        FOLDER,
        "--force-language",
        LANGUAGE,
        *excluded,
        "--silent",
    ]


def index_site(site: Path) -> None:
    """Write ``site``'s search index into ``site/pagefind``, or raise."""
    command = pagefind_command(site.resolve())
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND")}
    with tempfile.TemporaryDirectory(prefix="pagefind-") as empty:
        result = subprocess.run(
            command,
            cwd=empty,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(result.stdout + result.stderr)
    for name in UNUSED:
        (site / FOLDER / name).unlink(missing_ok=True)


def write_search_index(pelican: Pelican) -> None:
    """Index the pages just written (``finalized``), when ``SEARCH_INDEX`` is on.

    A failure is an error of the build: the strict build stops and its folder
    is thrown away; the preview says so and serves the site without search.
    """
    if not pelican.settings.get("SEARCH_INDEX"):
        return
    try:
        index_site(Path(pelican.output_path))
    except (OSError, RuntimeError) as error:
        # One French line, as every build error; no traceback for authors.
        logger.error("La recherche du site n'a pas pu être indexée : %s", error)  # noqa: TRY400
