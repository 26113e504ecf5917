"""The « État d'avancement » line: milestones by year, with the project's position.

The templates get a ready-made ``timeline`` (years, their milestones, which
are planned, which one is the current position), so that no ordering or date
logic lives in Jinja. The milestones arrive already published-only and
sorted (by date, then file name) from ``MilestonesGenerator``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import Any

from .clock import build_now
from .dates import PreciseDatetime, format_precise

logger = logging.getLogger(__name__)

TEMPLATE = "timeline"
CONTEXT_KEY = "timeline"


def is_planned(date: PreciseDatetime, now: datetime) -> bool:
    """Say whether a milestone is still to come (« prévu »).

    A milestone is planned when the period its author wrote *starts* after
    now: ``2027`` is planned until 1 January 2027 at midnight, Paris time;
    ``2026-11`` until 1 November 2026 at midnight, and reached during the whole
    of November 2026, including the days before the event if it is late in the
    month. Authors who know that a milestone of the current month is still to
    come give its day (``2026-11-30``), which is planned until that day.
    The rule never looks at a day the author did not write.
    """
    return date > now


@dataclass(frozen=True)
class Step:
    """One milestone as the timeline shows it."""

    milestone: Any
    planned: bool
    current: bool = False

    @property
    def slug(self) -> str:
        """The anchor of the milestone on the timeline page (its file name)."""
        return self.milestone.slug

    @property
    def title(self) -> str:
        """The milestone's title (HTML: typography may have marked it up)."""
        return self.milestone.title

    @property
    def url(self) -> str:
        """The milestone's address: its anchor on the timeline page."""
        return self.milestone.url

    @property
    def content(self) -> str:
        """The milestone's text, as HTML."""
        return self.milestone.content

    @property
    def date(self) -> PreciseDatetime:
        """The start of the period the author wrote."""
        return self.milestone.date

    @property
    def label(self) -> str:
        """The date in French at the author's precision: « octobre 2019 »."""
        return format_precise(self.milestone.date)

    @property
    def iso(self) -> str:
        """The ``<time datetime>`` value at the author's precision: ``2019-10``."""
        return self.milestone.date.iso

    @property
    def css_class(self) -> str:
        """The classes of the milestone's ``<li>``, state included."""
        classes = ["milestone"]
        if self.planned:
            classes.append("milestone-planned")
        if self.current:
            classes.append("milestone-current")
        return " ".join(classes)


@dataclass(frozen=True)
class Year:
    """One year of the timeline and its milestones, in order."""

    year: int
    steps: tuple[Step, ...]

    @property
    def anchor(self) -> str:
        """The ``id`` of the year's heading: ``annee-2019``."""
        return f"annee-{self.year}"


@dataclass(frozen=True)
class Timeline:
    """Every published milestone, grouped by year, and the project's position."""

    years: tuple[Year, ...]
    page: Any = None
    latest_count: int = 3

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every milestone, oldest first."""
        return tuple(step for year in self.years for step in year.steps)

    @property
    def reached(self) -> tuple[Step, ...]:
        """The milestones already reached, oldest first."""
        return tuple(step for step in self.steps if not step.planned)

    @property
    def current(self) -> Step | None:
        """The project's position: the latest milestone reached, if any."""
        return next((step for step in self.steps if step.current), None)

    @property
    def latest(self) -> tuple[Step, ...]:
        """The last milestones reached, newest first, for the home page."""
        return tuple(reversed(self.reached[-self.latest_count :]))


def build_timeline(
    milestones: Sequence[Any],
    now: datetime,
    *,
    page: Any = None,
    latest_count: int = 3,
) -> Timeline:
    """Build the timeline of ``milestones``, already in chronological order.

    The current position is the last reached milestone in that order: of two
    milestones reached in the same month, the one whose file name comes last.
    """
    reached = [m for m in milestones if not is_planned(m.date, now)]
    current = reached[-1] if reached else None
    steps = [
        Step(m, planned=is_planned(m.date, now), current=m is current)
        for m in milestones
    ]
    years = tuple(
        Year(year, tuple(group))
        for year, group in groupby(steps, key=lambda step: step.date.year)
    )
    return Timeline(years, page=page, latest_count=latest_count)


def find_timeline_page(pages: Iterable[Any]) -> Any:
    """Return the page whose template is ``timeline``, or None.

    With several, the first by source path wins and the others are reported:
    a milestone has one address.
    """
    candidates = sorted(
        (page for page in pages if page.template == TEMPLATE),
        key=lambda page: page.source_path,
    )
    for extra in candidates[1:]:
        logger.warning(
            "%s: une autre page porte déjà « Template: %s » (%s) ; "
            "les jalons renvoient à celle-là",
            extra.get_relative_source_path(),
            TEMPLATE,
            candidates[0].get_relative_source_path(),
        )
    return candidates[0] if candidates else None


def add_timeline(generators: Sequence[Any]) -> None:
    """Place the milestones on the timeline page and hand templates the line.

    Connected to ``all_generators_finalized``: every page is known (so the
    timeline page can be found), and nothing is written yet (so milestone
    URLs, page templates and intra-site links all see the final addresses).
    """
    if not generators:
        return
    context = generators[0].context
    milestones = context.get("milestones", [])
    pages = [*context.get("pages", []), *context.get("hidden_pages", [])]
    page = find_timeline_page(pages)
    if page is None and milestones:
        logger.warning(
            "Aucune page ne porte « Template: %s » : les jalons n'ont pas de "
            "page où s'afficher",
            TEMPLATE,
        )
    for milestone in milestones:
        milestone.timeline_url = page.url if page is not None else ""
    context[CONTEXT_KEY] = build_timeline(
        milestones,
        build_now(context),
        page=page,
        latest_count=context["HOME_LATEST_MILESTONES"],
    )
