"""The problems a build found, and how they are reported: one line each.

Every content error of the plugin goes through ``report``, so that none of
them ever ends a build with a traceback.

- **Strict build** (``--fatal errors``: tests, ``invoke publish``, the
  workflow). Pelican's strict mode makes its logger raise ``RuntimeError``
  right after the first ERROR record: it is caught, so every problem is
  printed, not just the first. One CRITICAL line sums up, and the build ends
  with ``SystemExit(1)``, which ``pelican.main`` lets through without a
  traceback, having written nothing (``hooks/staging.py`` keeps the previous
  site).
- **Preview** (``invoke serve``): the problems are printed, the faulty files
  are left out, and the rest of the site is built and served.
- **``invoke check``** (``CONTENT_CHECK_ONLY``): the same reading, stopped
  by ``CheckFinished``, which carries the problems to the task.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pelican.contents import Content
from pelican.utils import posixize_path

from alternateur.keys import CHECK_ONLY, CONTENT_PROBLEMS
from alternateur.reading.header import TRACE_KEY, Trace

logger = logging.getLogger(__name__)

__all__ = ["CHECK_ONLY", "CheckFinished", "Problem", "add_problems", "report"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem of one file: ``path`` is relative to the content folder.

    ``line`` is the line of the header field the message is about, when the
    file gives it (0 otherwise: a missing field, the whole file, the site):
    « events/soupe.md, ligne 2: Start « 2019-13-01 » … ». The path stays
    first and whole, so that the line still reads as the file's name.
    """

    path: str
    message: str
    line: int = 0

    @property
    def where(self) -> str:
        """The file, and its line when known: « events/soupe.md, ligne 2 »."""
        return f"{self.path}, ligne {self.line}" if self.line else self.path

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class CheckFinished(Exception):
    """The end of ``invoke check``: every problem, and how many files were read."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    # What is not wrong but still to fill in (the legal notice's facts).
    warnings: list[Problem] = field(default_factory=list)

    @property
    def paths(self) -> set[str]:
        """The files with a problem."""
        return {problem.path for problem in self.problems}


def problems_of(context: dict[str, Any]) -> list[Problem]:
    """Return this build's problems so far (one list per build, in its context)."""
    return context.setdefault(CONTENT_PROBLEMS, [])


def add_problems(
    context: dict[str, Any],
    path: str,
    messages: Iterable[str],
    trace: Trace | None = None,
) -> None:
    """Keep ``messages`` about the file at ``path`` (relative to the content).

    With the file's ``trace``, each message gets the line of the field it
    names (``Trace.line_of``).
    """
    found = problems_of(context)
    relative = posixize_path(path)
    for message in messages:
        line = trace.line_of(message) if isinstance(trace, Trace) else 0
        found.append(Problem(relative, message, line))


def problem_of(item: Content, message: str, line: int = 0) -> Problem:
    """One problem of ``item``'s file, at ``line`` or the line of the field named."""
    trace = item.metadata.get(TRACE_KEY)
    if not line and isinstance(trace, Trace):
        line = trace.line_of(message)
    return Problem(posixize_path(item.get_relative_source_path()), message, line)


def faulty_paths(context: dict[str, Any]) -> set[str]:
    """Return the files this build rejected (relative, POSIX paths)."""
    return {problem.path for problem in problems_of(context)}


def report(problems: Iterable[Problem], warnings: Iterable[Problem] = ()) -> None:
    """Log each problem as one ERROR line; end a strict build after the last.

    Every content error of the plugin goes through here, so that none of
    them ever ends a build with a traceback. Warnings (« à compléter »)
    come first, as WARNING lines, and never stop a build.
    """
    for warning in warnings:
        logger.warning("%s", warning)
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
