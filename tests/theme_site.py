"""A small fixture site for the theme, with hand-made timeline and agenda markup.

The timeline's and the agenda's own templates (issues 3 and 4) are replaced,
for this site only, by templates of plain HTML written by hand in
``theme_fixture/templates`` (Pelican's ``THEME_TEMPLATES_OVERRIDES``): the
theme's stylesheet and its budgets are checked against that markup whatever
state those templates are in. The real site is checked too, with the real
templates.

The content is chosen to catch mistakes: titles with ``&``, capitals and
French punctuation (typogrify's markup must not leak into ``<title>`` or the
meta tags), code, a URL and a time in the text (no French space there).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .sites import ROOT, Site, run_pelican, write_content

OVERRIDES = ROOT / "tests" / "theme_fixture" / "templates"

FILES = {
    "pages/accueil.md": """
        Title: Un tiers-lieu & ses voisins : bienvenue !
        Template: home
        Save_as: index.html
        URL:
        Summary: Un lieu de l'ESS pour « faire ensemble » : ateliers ; et vous ?

        Le tiers-lieu ouvre ses portes : coworking, formation, ateliers !
        Voulez-vous en être ? Écrivez-nous ; nous répondrons vite.

        Un second paragraphe, plus court, pour le rythme de la page d'accueil.
    """,
    "pages/le-projet.md": """
        Title: Le projet
        Summary: Ce que le lieu fera.

        ## Ce que nous ferons

        - accueillir des **coworkeurs** ;
        - proposer des *ateliers* « réparation » : vélos, couture…

        ## Comment

        Un rendez-vous à 18:30, une adresse https://example.org/a?b=c;d et
        du code : `a : b ; c ! d ?` restent tels quels.

            pre : « intact » ; ici !

        > Une citation : « le lieu sera ce que nous en ferons ».
    """,
    "pages/etat-d-avancement.md": """
        Title: État d'avancement
        Template: timeline
        Summary: Les jalons du projet.

        Où en est le projet ? Les jalons, du premier au prochain.
    """,
    "pages/agenda.md": """
        Title: Agenda
        Template: agenda
        Summary: Les rendez-vous du lieu, à venir et passés.

        Les événements et ateliers du lieu : à venir, puis passés.
    """,
    "pages/404.md": (ROOT / "content" / "pages" / "404.md").read_text(encoding="utf-8"),
    "milestones/idee.md": """
        Title: L'idée germe
        Date: 2025

        Quelques voisins se demandent : et si l'on ouvrait un lieu ?
    """,
    "events/apero.md": """
        Title: Apéro du tiers-lieu & de l'ESS : venez nombreux !
        Start: 2026-11-27 18:30
        End: 2026-11-27 21:00
        Venue: l-atelier
        Online: https://visio.example.org/apero?salle=1&langue=fr
        Age: 16+
        Tags: Vie du lieu & ESS

        Un apéritif pour présenter le projet : « venez comme vous êtes » !
        Entrée libre ; le programme est sur https://example.org/programme.
    """,
    "venues/l-atelier.md": """
        Title: L'Atelier & son jardin
        Address: 12 rue de l'Exemple
        PostalCode: 94 500
        Locality: Champigny-sur-Marne
        Access: RER E « Les Boullereaux-Champigny », puis 10 minutes à pied
        Accessibility: moteur, auditive, mental

        L'espace de coworking : salle de 40 places ; jardin ouvert l'été !
    """,
}

# Issue 19: the contact page and the legal notice, with every association
# setting filled in (the real site has none set).
FILES["pages/contact.md"] = (ROOT / "content/pages/contact.md").read_text("utf-8")
FILES["pages/mentions-legales.md"] = (
    ROOT / "content/pages/mentions-legales.md"
).read_text("utf-8")
ASSOCIATION_SETTINGS: dict[str, Any] = {
    "ASSOCIATION_NAME": "Association L'Alternateur & voisins",
    "ASSOCIATION_ADDRESS": ["12 rue de l'Exemple", "94500 Champigny-sur-Marne"],
    "ASSOCIATION_EMAIL": "contact@example.org",
    "ASSOCIATION_PHONE": "01 23 45 67 89",
    "ASSOCIATION_HOURS": ["Mercredi : 14 h – 19 h", "Samedi : 10 h – 13 h"],
    "ASSOCIATION_JOIN_URL": "https://example.org/adhesion",
    "ASSOCIATION_DONATE_URL": "https://www.helloasso.example/associations/x/dons",
    "ASSOCIATION_NEWSLETTER_URL": "https://example.org/lettre",
    "ASSOCIATION_SOCIAL": [
        ["Mastodon", "https://mastodon.example/@alternateur"],
        ["Instagram", "https://instagram.example/alternateur"],
        ["Facebook", "https://facebook.example/alternateur"],
        ["LinkedIn", "https://linkedin.example/company/alternateur"],
    ],
    "ASSOCIATION_RNA": "W941234567",
    "ASSOCIATION_SIREN": "732829320",
    "ASSOCIATION_SEAT": ["12 rue de l'Exemple", "94500 Champigny-sur-Marne"],
    "ASSOCIATION_PUBLICATION_DIRECTOR": "Camille Exemple",
    "SOURCE_REPOSITORY": "https://github.com/example/site",
}

# The pages the budgets are checked on, with the real site's equivalents.
PAGES = {
    "home": "",
    "timeline": "etat-d-avancement/",
    "agenda": "agenda/",
    "event": "agenda/apero/",
    "theme": "agenda/themes/vie-du-lieu-ess/",
    "venue": "lieux/l-atelier/",
    "contact": "contact/",
    "legal": "mentions-legales/",
}


def build_theme_site(
    output: Path,
    *,
    settings: str = "pelicanconf.py",
    siteurl: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Site:
    """Build the fixture site into ``output`` (its content beside it).

    ``extra`` overrides settings (Pelican's ``-e``); ``siteurl`` is the
    address ``publishconf.py`` reads.
    """
    content = write_content(output.parent / f"{output.name}-content", FILES)
    overrides = {
        "THEME_TEMPLATES_OVERRIDES": [str(OVERRIDES)],
        **ASSOCIATION_SETTINGS,
        **(extra or {}),
    }
    result = run_pelican(
        content,
        output,
        settings=settings,
        extra=[
            "-e",
            *(f"{key}={json.dumps(value)}" for key, value in overrides.items()),
        ],
        env={"SITEURL": siteurl} if siteurl else None,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(output, result)
