"""The « État d'avancement » line: milestones by year, with the project's position.

The templates get a ready-made ``timeline`` (years, their milestones, which
are planned, which one is the current position), so that no ordering or date
logic lives in Jinja. The milestones arrive already published-only and
sorted (by date, then file name) from ``MilestonesGenerator``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from pelican.contents import Content
from pelican.generators import Generator

from alternateur import keys
from alternateur.french.dates import format_precise
from alternateur.model.clock import build_now
from alternateur.model.contents import Milestone, is_planned
from alternateur.model.dates import PreciseDatetime
from alternateur.model.pages import page_with_template

logger = logging.getLogger(__name__)

TEMPLATE = "timeline"


@dataclass(frozen=True)
class Step:
    """One milestone as the timeline shows it."""

    milestone: Milestone
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
    page: Content | None = None
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
    milestones: Sequence[Milestone],
    now: datetime,
    *,
    page: Content | None = None,
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


def add_timeline(generators: Sequence[Generator]) -> None:
    """Place the milestones on the timeline page and hand templates the line.

    Connected to ``all_generators_finalized``: every page is known (so the
    timeline page can be found), and nothing is written yet (so milestone
    URLs, page templates and intra-site links all see the final addresses).
    """
    if not generators:
        return
    context = generators[0].context
    milestones = context.get(keys.MILESTONES, [])
    pages = [*context.get(keys.PAGES, []), *context.get(keys.HIDDEN_PAGES, [])]
    page = page_with_template(pages, TEMPLATE)
    if page is None and milestones:
        logger.warning(
            "Aucune page ne porte « Template: %s » : les jalons n'ont pas de "
            "page où s'afficher",
            TEMPLATE,
        )
    for milestone in milestones:
        milestone.timeline_url = page.url if page is not None else ""
    context[keys.TIMELINE] = build_timeline(
        milestones,
        build_now(context),
        page=page,
        latest_count=context["HOME_LATEST_MILESTONES"],
    )
