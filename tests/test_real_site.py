"""The real site: every fact of the seed texts is on it, every file has its page."""

from __future__ import annotations

import re

import pytest

from .sites import ROOT, Site, plain

SEED_FACTS = {
    "etat-d-avancement/": [
        "début 2017",
        "Conseil départemental du Val-de-Marne",
        "Programme d'actions départemental pour l'insertion et l'emploi (PADIE)",
        "étude de faisabilité",
        "Emergence",
        "France Active",
        "ancien collège Lucie Aubrac",
        "« Création de tiers-lieux »",
        "présélectionné par le Conseil régional d'Île-de-France",
        "chaque dernier vendredi du mois",
        "40 % des travaux",
        "RER E « Les Boullereaux »",
        "co-construction",
        "gouvernance partagée",
        "autonomie financière",
    ],
    "agenda/": [
        "Soirée REconomie",
        "Maison des Acteurs du Paris Durable",
        "Soirée découverte de l'entrepreneuriat individuel",
        "Maison de la vie citoyenne et associative",
        "Centre Gérard Philipe",
        "Maison pour Tous Youri Gagarine",
        "Salle Jean Morlet",
        "Collège Willy Ronis",
        "Journal du futur – Champigny 2030",
        "Rendez-vous mensuel à l'Atelier",
    ],
    "le-projet/": [
        "coworking",
        "formation",
        "transition écologique et sociale",
        "gouvernance partagée",
        "autonomie financière",
        "lieu éphémère",
        "apéritif régulier",
    ],
    "": ["Champigny-sur-Marne", "Val-de-Marne", "tiers-lieu"],
}


@pytest.mark.parametrize(
    ("url", "fact"),
    [(url, fact) for url, facts in SEED_FACTS.items() for fact in facts],
)
def test_every_seed_fact_is_on_its_page(real_site: Site, url: str, fact: str) -> None:
    assert fact in real_site.text(url)


def test_the_strict_build_passes_without_a_warning(real_site: Site) -> None:
    assert not re.search(r"\b(WARNING|ERROR|CRITICAL)\b", real_site.log), real_site.log


def test_every_page_file_has_its_page(real_site: Site) -> None:
    for path in sorted((ROOT / "content" / "pages").glob("*.md")):
        url = "" if path.stem == "accueil" else f"{path.stem}/"
        if path.stem == "404":
            url = "404.html"  # Where GitHub Pages looks for it.
        assert real_site.page(url).css_first("h1"), path


def test_every_event_file_has_its_page(real_site: Site) -> None:
    for path in sorted((ROOT / "content" / "events").glob("*.md")):
        page = real_site.page(f"agenda/{path.stem}/")
        title = next(
            line.removeprefix("Title:").strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("Title:")
        )
        assert plain(page.css_first("h1").text()) == title


def test_every_milestone_file_is_on_the_timeline(real_site: Site) -> None:
    timeline = real_site.page("etat-d-avancement/")
    for path in sorted((ROOT / "content" / "milestones").glob("*.md")):
        assert timeline.css_first(f"li#{path.stem}"), path


def test_seed_dates_keep_the_precision_the_texts_give(real_site: Site) -> None:
    timeline = real_site.page("etat-d-avancement/")
    dates = [
        (node.attributes["datetime"], node.text().strip())
        for node in timeline.css("li time")
    ]
    # A date known to the year only is said by its year's heading alone.
    assert timeline.css_first("#idee time") is None
    assert timeline.css_first("#annee-2017").text() == "2017"
    assert ("2018-12", "décembre 2018") in dates
    assert ("2019-10", "octobre 2019") in dates
    soiree = real_site.page("agenda/soiree-reconomie/").css_first("time")
    assert soiree.attributes["datetime"] == "2017-06"
    assert soiree.text().strip() == "juin 2017"
