"""The timeline the templates receive: years, order, planned milestones, position."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from alternateur.model.contents import is_planned
from alternateur.model.dates import parse_precise
from alternateur.model.pages import page_with_template
from alternateur.outputs.feeds import plan_feed
from alternateur.views.timeline import build_timeline

PARIS = ZoneInfo("Europe/Paris")
# 24 November 2026, 13:00 in Paris.
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def milestone(slug: str, date: str) -> SimpleNamespace:
    """A stand-in with what the timeline reads of a Milestone."""
    return SimpleNamespace(
        slug=slug,
        title=slug.capitalize(),
        url=f"chronologie/#{slug}",
        content=f"<p>{slug}</p>",
        date=parse_precise(date, "Date", PARIS),
    )


@pytest.mark.parametrize(
    ("date", "planned"),
    [
        ("2026", False),  # The year has begun.
        ("2027", True),
        ("2026-10", False),
        ("2026-11", False),  # Current month: reached from its first day.
        ("2026-12", True),
        ("2026-11-24", False),  # Today (Paris).
        ("2026-11-25", True),
        ("2026-11-30", True),  # Later this month, with its day written.
    ],
)
def test_a_milestone_is_planned_when_its_written_period_starts_after_now(
    date: str, planned: bool
) -> None:
    assert is_planned(parse_precise(date, "Date", PARIS), NOW) is planned


def test_a_period_starts_at_midnight_in_paris_not_in_utc() -> None:
    december = parse_precise("2026-12", "Date", PARIS)
    # 30 November 23:30 UTC is already 1 December, 00:30, in Paris.
    assert not is_planned(december, datetime(2026, 11, 30, 23, 30, tzinfo=UTC))
    assert is_planned(december, datetime(2026, 11, 30, 22, 59, tzinfo=UTC))


def test_a_month_precise_milestone_is_reached_whatever_day_of_its_month() -> None:
    november = parse_precise("2026-11", "Date", PARIS)
    for day in (1, 15, 30):
        assert not is_planned(november, datetime(2026, 11, day, 12, tzinfo=UTC))


SORTED = [
    milestone("idee", "2017"),
    milestone("aide", "2018-12"),
    milestone("emergence", "2019-05"),
    milestone("visite", "2019-05"),
    milestone("region", "2019-10-15"),
    milestone("chantier", "2026-11"),
    milestone("fin-du-mois", "2026-11-30"),
    milestone("ouverture", "2027"),
]


def test_milestones_are_grouped_by_year_in_the_order_given() -> None:
    timeline = build_timeline(SORTED, NOW)
    assert [(year.year, [s.slug for s in year.steps]) for year in timeline.years] == [
        (2017, ["idee"]),
        (2018, ["aide"]),
        (2019, ["emergence", "visite", "region"]),
        (2026, ["chantier", "fin-du-mois"]),
        (2027, ["ouverture"]),
    ]
    assert [year.anchor for year in timeline.years][:2] == ["annee-2017", "annee-2018"]


def test_each_step_says_its_date_at_its_precision() -> None:
    steps = build_timeline(SORTED, NOW).steps
    assert [(s.iso, s.label) for s in steps] == [
        ("2017", "2017"),
        ("2018-12", "décembre 2018"),
        ("2019-05", "mai 2019"),
        ("2019-05", "mai 2019"),
        ("2019-10-15", "15 octobre 2019"),
        ("2026-11", "novembre 2026"),
        ("2026-11-30", "30 novembre 2026"),
        ("2027", "2027"),
    ]


def test_the_current_position_is_the_latest_milestone_reached() -> None:
    timeline = build_timeline(SORTED, NOW)
    assert [s.slug for s in timeline.steps if s.planned] == ["fin-du-mois", "ouverture"]
    assert timeline.current is not None
    assert timeline.current.slug == "chantier"
    assert [s.slug for s in timeline.steps if s.current] == ["chantier"]
    classes = {s.slug: s.css_class for s in timeline.steps}
    assert classes["chantier"] == "milestone milestone-current"
    assert classes["ouverture"] == "milestone milestone-planned"
    assert classes["idee"] == "milestone"


def test_of_two_milestones_of_the_same_month_the_last_file_is_current() -> None:
    timeline = build_timeline(SORTED[:4], NOW)
    assert timeline.current is not None
    assert timeline.current.slug == "visite"


def test_the_position_moves_with_now() -> None:
    later = datetime(2027, 2, 1, tzinfo=UTC)
    timeline = build_timeline(SORTED, later)
    assert timeline.current is not None
    assert timeline.current.slug == "ouverture"
    assert not any(step.planned for step in timeline.steps)


def test_before_the_first_milestone_nothing_is_current() -> None:
    timeline = build_timeline(SORTED, datetime(2016, 6, 1, tzinfo=UTC))
    assert timeline.current is None
    assert all(step.planned for step in timeline.steps)
    assert timeline.latest == ()


def test_the_latest_are_the_last_reached_newest_first() -> None:
    timeline = build_timeline(SORTED, NOW)
    assert [s.slug for s in timeline.latest] == ["chantier", "region", "visite"]
    two = build_timeline(SORTED, NOW, latest_count=2)
    assert [s.slug for s in two.latest] == ["chantier", "region"]


def test_no_milestone_gives_an_empty_timeline() -> None:
    timeline = build_timeline([], NOW)
    assert (timeline.years, timeline.current, timeline.latest) == ((), None, ())


def page(path: str, template: str) -> SimpleNamespace:
    return SimpleNamespace(
        source_path=path,
        template=template,
        get_relative_source_path=lambda: path,
    )


def test_the_timeline_page_is_the_one_with_the_timeline_template(
    caplog: pytest.LogCaptureFixture,
) -> None:
    pages = [page("pages/b.md", "page"), page("pages/c.md", "timeline")]
    assert page_with_template(pages, "timeline") is pages[1]
    assert page_with_template(pages[:1], "timeline") is None
    with caplog.at_level(logging.WARNING):
        second = page("pages/a.md", "timeline")
        assert page_with_template([*pages, second], "timeline") is second
    assert "pages/c.md: une autre page porte déjà « Template: timeline »" in (
        caplog.text
    )


SETTINGS = {
    "SITENAME": "L'Alternateur",
    "MILESTONE_FEED_ATOM": "feeds/jalons.atom.xml",
    "MILESTONE_FEED_ATOM_URL": None,
    "MILESTONE_FEED_TITLE": "Dernières nouvelles",
}


def test_the_feed_exists_once_a_milestone_is_reached() -> None:
    feed = plan_feed(SETTINGS, SORTED, NOW)
    assert feed is not None
    assert (feed.path, feed.url) == ("feeds/jalons.atom.xml", "feeds/jalons.atom.xml")
    assert feed.title == "L'Alternateur — Dernières nouvelles"
    assert plan_feed(SETTINGS, SORTED[-1:], NOW) is None, "only planned milestones"
    assert plan_feed(SETTINGS, [], NOW) is None
    assert plan_feed({**SETTINGS, "MILESTONE_FEED_ATOM": None}, SORTED, NOW) is None
