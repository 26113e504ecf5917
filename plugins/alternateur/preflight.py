"""Check all content before a build reads it, and stop a strict build cleanly.

Without this, a content error reached the authors one at a time, under a
traceback: Pelican's strict mode (``--fatal errors``, used by the tests,
``invoke publish`` and the workflow) makes its logger raise ``RuntimeError``
right after the first ERROR record, which ``pelican.main`` then logs with
``exc_info=True``. And Pelican reads pages before the plugin's generators,
with its own English messages.

So, once per build, when Pelican creates the build's first generator
(``generator_init``: before it empties the output folder, before any file is
read or written), ``validation.check_site`` checks every content file in one
pass, without rendering, and each problem is logged once, at ERROR level,
as one line naming the file.

- **Strict build.** The only sign of ``--fatal errors`` Pelican gives a plugin
  is that very ``RuntimeError``, raised *after* the record was printed: it is
  caught, so every problem is printed, not just the first. Then one CRITICAL
  line (which strict mode does not turn into an exception) sums up, and the
  build ends with ``SystemExit(1)``. ``SystemExit`` is not an ``Exception``:
  ``pelican.main`` lets it through untouched, so the process exits with
  status 1, without a traceback, having written nothing. No part of Pelican
  is patched; if a later Pelican stops raising, the problems are still
  printed and Pelican's own strict mode still decides the exit status.
- **Preview** (``invoke serve``, no ``--fatal``). Nothing raises: the
  problems are printed, the faulty files are left out (the plugin's
  generators skip them, ``drop_faulty_pages`` takes faulty pages out of
  Pelican's lists) and the rest of the site is built and served. Pelican may
  add its own line for a page it cannot read itself (not UTF-8, no title).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from pelican.generators import Generator, PagesGenerator

from .validation import Problem, check_site

logger = logging.getLogger(__name__)

CONTEXT_KEY = "content_problems"


def report(problems: Iterable[Problem]) -> None:
    """Log each problem as one ERROR line; end a strict build after the last.

    Every content error of the plugin goes through here, so that none of
    them ever ends a build with a traceback.
    """
    count = 0
    fatal = False
    for problem in problems:
        count += 1
        try:
            logger.error("%s", problem)
        except RuntimeError:
            # ``--fatal errors``: Pelican printed the line, then raised.
            fatal = True
    if fatal:
        plural = "s" if count > 1 else ""
        logger.critical(
            "Construction arrêtée : %d erreur%s de contenu ci-dessus, à corriger "
            "dans les fichiers nommés.",
            count,
            plural,
        )
        raise SystemExit(1)


def faulty_paths(context: dict[str, Any]) -> set[str]:
    """Return the files this build's check rejected (relative, POSIX paths)."""
    return {problem.path for problem in context.get(CONTEXT_KEY, [])}


def check_before_reading(generator: Generator) -> None:
    """Check all content once per build, before any generator reads a file.

    Connected to ``generator_init``; the build's context (one per build, even
    in the live preview's single process) remembers that it was done.
    """
    context = generator.context
    if CONTEXT_KEY in context:
        return
    context[CONTEXT_KEY] = []
    found = check_site(generator.settings, generator.readers)
    context[CONTEXT_KEY] = found.problems
    report(found.problems)


def drop_faulty_pages(generator: PagesGenerator) -> None:
    """Leave the pages the check rejected out of the preview.

    Connected to ``page_generator_finalized``; in a strict build there are
    none (it stopped before reading).
    """
    faulty = faulty_paths(generator.context)
    if not faulty:
        return
    for name in ("pages", "hidden_pages", "draft_pages"):
        items = getattr(generator, name, None)
        if items is not None:
            items[:] = [
                page for page in items if page.get_relative_source_path() not in faulty
            ]
