"""The preview shows its content problems in the browser, not only in a terminal.

While a file has an error, the preview leaves it out and serves the rest of
the site: a faulty event vanished from the agenda and the home page, and the
browser said nothing. With ``PREVIEW_PROBLEMS_BANNER`` (set by
``invoke serve`` alone, never by a build that is published), every page of
the build gets, through ``includes/problems_banner.html``, a banner
(``role="alert"``) listing the build's problems, the same French lines as
the terminal's.

A faulty file's own page is not rewritten by the build, and the preview
builds into a fresh folder (``hooks/staging.py``), so its address would turn
into a 404. Its last page that built is carried over instead, with the
banner of this build put in place of the old one and saying that the page
is not up to date. The preview runs in one process: it remembers, from
build to build, which page each source file wrote.

Once every file is read, the hook also keeps what the build holds, for the
task's French summary (« 12 pages, 7 événements, 7 jalons, 7 lieux en 0,4 s »).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.generators import Generator
from pelican.utils import posixize_path

from alternateur import keys
from alternateur.checking.report import problems_of

SETTING = "PREVIEW_PROBLEMS_BANNER"
TEMPLATE = "includes/problems_banner.html"
# The include marks the banner's place on every preview page, problems or
# not, so that a page carried over can have its banner replaced.
REGION = re.compile(r"<!--problems-banner-->.*?<!--/problems-banner-->", re.DOTALL)


@dataclass(frozen=True)
class Shown:
    """One problem as the banner shows it; ``stale``: the page kept, if any."""

    path: str
    message: str
    stale: str = ""
    line: int = 0


@dataclass
class _Memory:
    """What this preview process knows across its builds."""

    served: Path | None = None
    pages: dict[str, str] | None = None
    counts: dict[str, int] | None = None


MEMORY = _Memory(pages={})


def last_counts() -> dict[str, int] | None:
    """Return what the last build of this process held (pages, events…)."""
    return MEMORY.counts


def remember_output(pelican: Pelican) -> None:
    """Note the folder the preview serves (``initialized``, before staging)."""
    if pelican.settings.get(SETTING):
        MEMORY.served = Path(os.path.realpath(pelican.output_path))


def _items(context: dict[str, Any]) -> list[Any]:
    return [
        *context.get(keys.EVENTS, []),
        *context.get(keys.PAGES, []),
        *context.get(keys.HIDDEN_PAGES, []),
    ]


def show_problems(generators: Sequence[Generator]) -> None:
    """Put the banner's lines in the context; carry faulty files' last pages over.

    Connected (through ``after_reading``) to ``all_generators_finalized``,
    after the check: the problems are all known, nothing is written yet.
    """
    if not generators:
        return
    context = generators[0].context
    settings = generators[0].settings
    MEMORY.counts = {
        "pages": len(context.get(keys.PAGES, []))
        + len(context.get(keys.HIDDEN_PAGES, [])),
        "events": len(context.get(keys.EVENTS, [])),
        "milestones": len(context.get(keys.MILESTONES, [])),
        "venues": len(context.get(keys.VENUES, [])),
        "problems": len(set(problems_of(context))),
    }
    if not settings.get(SETTING):
        return
    pages = MEMORY.pages if MEMORY.pages is not None else {}
    for item in _items(context):
        if item.save_as:
            pages[posixize_path(item.get_relative_source_path())] = item.save_as
    shown = []
    for problem in sorted(set(problems_of(context))):
        save_as = pages.get(problem.path, "")
        kept = MEMORY.served is not None and (MEMORY.served / save_as).is_file()
        stale = save_as if kept else ""
        shown.append(Shown(problem.path, problem.message, stale, problem.line))
    context[keys.PREVIEW_PROBLEMS] = shown
    for line in shown:
        if line.stale:
            _carry_over(generators[0], line, shown)


def _carry_over(generator: Generator, line: Shown, shown: list[Shown]) -> None:
    """Copy the last page of a faulty file, with this build's banner in it."""
    assert MEMORY.served is not None
    old = (MEMORY.served / line.stale).read_text(encoding="utf-8")
    settings = generator.settings
    if settings.get("RELATIVE_URLS"):
        root = posixize_path(os.path.relpath(".", os.path.dirname(line.stale) or "."))
    else:
        root = settings.get("SITEURL", "")
    banner = generator.get_template(TEMPLATE.removesuffix(".html")).render(
        {
            **generator.context,
            "SITEURL": root,
            keys.PREVIEW_PROBLEMS: shown,
            "stale_source": line.path,
        }
    )
    new = REGION.sub(lambda _: banner.strip(), old, count=1)
    target = Path(generator.output_path, line.stale)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(new, encoding="utf-8")
