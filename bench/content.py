"""Synthetic content in the site's schema, at any size.

The site's authors write pages, milestones (``Date``) and events (``Start``,
``End``, ``Location``, ``Recurrence``…; see docs/rediger.md). The benchmark needs
the same shapes in the thousands: this module writes them, deterministically
(the same ``n`` always gives the same files), with the mix the real content
has: precisions from the year to the minute, one event in ten recurring
under a bounded rule, some cancellations, tags, prices and addresses.

Everything here is obviously synthetic (« Lieu de test 3 »): nothing of it is
a fact about the association, and none of it is ever published.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

# Events spread over ten years around the tests' fixed "now" (2026-11-24):
# most in the past, as in an archive that grows, some ahead in the agenda.
FIRST_DAY = date(2017, 1, 1)
SPAN_DAYS = 10 * 365
KINDS = ("Atelier", "Soirée", "Rencontre", "Apéritif", "Formation", "Visite")
TOPICS = (
    "réparation de vélos",
    "compostage",
    "entrepreneuriat",
    "coworking",
    "économie circulaire",
    "jardin partagé",
    "énergie",
    "alimentation locale",
)
TAGS = ("coworking", "formation", "transition", "quartier", "ESS", "numérique")
SENTENCE = (
    "Nous proposons un temps d'échange ouvert à toutes et à tous, avec une "
    "présentation suivie d'une discussion, puis un moment convivial pour "
    "faire connaissance et partager les projets de chacun."
)
WORDS = SENTENCE.split(" ")

PAGES = {
    "accueil.md": (
        "Title: Accueil du site de test\n"
        "Template: home\n"
        "Save_as: index.html\n"
        "URL:\n"
        "Summary: Page d'accueil d'un site synthétique.\n"
    ),
    "agenda.md": (
        "Title: Agenda\nTemplate: agenda\nSummary: Les événements du site de test.\n"
    ),
    "etat-d-avancement.md": (
        "Title: État d'avancement\n"
        "Template: timeline\n"
        "Summary: Les jalons du site de test.\n"
    ),
    "le-projet.md": "Title: Le projet\nSummary: Une page ordinaire.\n",
}


@dataclass(frozen=True)
class Sizes:
    """How many files of each kind a synthetic site of size ``n`` has."""

    events: int
    milestones: int
    pages: int

    @classmethod
    def of(cls, n: int) -> Sizes:
        """N events, N/5 milestones (at least one), the four pages."""
        return cls(events=n, milestones=max(1, n // 5), pages=len(PAGES))


def _paragraphs(rng: random.Random, count: int) -> str:
    """Write a few paragraphs of French-looking words, with some Markdown."""
    paragraphs = []
    for index in range(count):
        words = rng.sample(WORDS, k=min(len(WORDS), rng.randint(18, 30)))
        text = " ".join(words).capitalize() + "."
        if index == 0:
            text = f"**{text}**"
        paragraphs.append(text)
    paragraphs.append("- premier point ;\n- second point, avec *emphase*.")
    return "\n\n".join(paragraphs) + "\n"


def _day(rng: random.Random) -> date:
    # Day 1–28 so that « the same day every month » always exists.
    day = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
    return day.replace(day=min(day.day, 28))


def event_text(index: int) -> str:
    """Write the Markdown file of synthetic event number ``index`` (from 1)."""
    rng = random.Random(f"event-{index}")
    day = _day(rng)
    hour = rng.choice((10, 14, 18, 19))
    start = datetime(day.year, day.month, day.day, hour, rng.choice((0, 30)))
    kind = rng.choice(KINDS)
    lines = [f"Title: {kind} {rng.choice(TOPICS)} n° {index}"]
    if index % 10 == 0:
        # One event in ten recurs, under a rule bounded by COUNT or UNTIL.
        if index % 20 == 0:
            lines.append(f"Start: {start:%Y-%m-%d %H:%M}")
            lines.append(f"End: {start + timedelta(hours=2):%Y-%m-%d %H:%M}")
            lines.append("Recurrence: FREQ=WEEKLY;COUNT=8")
            lines.append(f"Cancelled: {start + timedelta(weeks=2):%Y-%m-%d}")
        else:
            until = day + timedelta(days=183)
            lines.append(f"Start: {day:%Y-%m-%d}")
            lines.append(f"Recurrence: FREQ=MONTHLY;UNTIL={until:%Y%m%d}")
    elif index % 7 == 0:
        lines.append(f"Start: {day:%Y-%m}")  # Known to the month only.
    elif index % 3 == 0:
        lines.append(f"Start: {day:%Y-%m-%d}")
    else:
        lines.append(f"Start: {start:%Y-%m-%d %H:%M}")
        lines.append(f"End: {start + timedelta(hours=2):%Y-%m-%d %H:%M}")
    lines.append(f"Location: Lieu de test {index % 17}")
    if index % 4 == 0:
        lines.append(f"Address: {index % 90 + 1} rue de l'Exemple, 94500 Ville-Test")
    if index % 5 == 0:
        lines.append(f"Registration: https://example.org/inscription/{index}")
        lines.append(rng.choice(("Price: Gratuit", "Price: 5 €")))
    if index % 50 == 1 and index % 10 != 0:
        lines.append("Cancelled: yes")
    lines.append("Tags: " + ", ".join(rng.sample(TAGS, k=rng.randint(1, 2))))
    return "\n".join(lines) + "\n\n" + _paragraphs(rng, rng.randint(2, 3))


def milestone_text(index: int) -> str:
    """Write the Markdown file of synthetic milestone number ``index``."""
    rng = random.Random(f"milestone-{index}")
    day = _day(rng)
    written = ("%Y", "%Y-%m", "%Y-%m-%d")[index % 3]
    return (
        f"Title: Étape {index} du projet : {rng.choice(TOPICS)}\n"
        f"Date: {day.strftime(written)}\n"
        f"Summary: Résumé de l'étape {index}.\n\n" + _paragraphs(rng, 2)
    )


def write_site(root: Path, n: int) -> Sizes:
    """Write a content folder of size ``n`` (events) under ``root``."""
    sizes = Sizes.of(n)
    folders = {name: root / name for name in ("pages", "milestones", "events")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    for name, header in PAGES.items():
        body = _paragraphs(random.Random(name), 3)
        (folders["pages"] / name).write_text(header + "\n" + body, encoding="utf-8")
    for index in range(1, sizes.milestones + 1):
        path = folders["milestones"] / f"jalon-{index:05d}.md"
        path.write_text(milestone_text(index), encoding="utf-8")
    for index in range(1, sizes.events + 1):
        path = folders["events"] / f"evenement-{index:05d}.md"
        path.write_text(event_text(index), encoding="utf-8")
    return sizes
