"""A fixture agenda with one event for each case the agenda must get right.

Built at ``NOW``, Friday 15 November 2019, 13:00 in Paris (12:00 UTC):
one event is ongoing, one ended five minutes ago, one is tonight, a monthly
series has a cancelled occurrence, two series cross the DST changes of 2019,
one event is known to the month only, one is a draft.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from .sites import Site, run_pelican, write_content

NOW = "1573819200"  # 2019-11-15 12:00 UTC, 13:00 in Paris.
NOW_UTC = "20191115T120000Z"
# The preview has no public address: the fixture gives one (AGENDA_DOMAIN).
DOMAIN = "alternateur.example"
LONG_TITLE = (
    "Rencontre « Économie sociale et solidaire » à la Maison de la vie "
    "associative, édition élargie"
)

FILES = {
    "pages/agenda.md": """
        Title: Agenda
        Template: agenda

        Les événements de l'association.
    """,
    "pages/accueil.md": """
        Title: Accueil
        Template: home
        Save_as: index.html
        URL:

        Bienvenue.
    """,
    "events/atelier.md": """
        Title: Atelier du dernier vendredi
        Start: 2019-07-26 14:00
        End: 2019-07-26 18:00
        Recurrence: FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20200630
        Cancelled: 2019-12-27
        Location: L'Atelier

        Chaque dernier vendredi du mois.
    """,
    "events/forum.md": """
        Title: Forum des associations
        Start: 2019-11-14
        End: 2019-11-16
        Location: Gymnase

        Trois jours de forum.
    """,
    "events/petit-dejeuner.md": """
        Title: Petit-déjeuner des voisins
        Start: 2019-11-15 09:00
        End: 2019-11-15 12:55

        Fini cinq minutes avant la construction.
    """,
    "events/apero.md": """
        Title: Apéritif du vendredi
        Start: 2019-11-15 18:30
        End: 2019-11-15 21:00
        Location: Le jardin

        Ce soir.
    """,
    "events/soiree-annulee.md": """
        Title: Soirée cinéma
        Start: 2019-12-06 18:30
        End: 2019-12-06 21:00
        Cancelled: yes

        Annulée, faute de salle.
    """,
    "events/fete-hiver.md": """
        Title: Fête d'hiver
        Start: 2020-01
        Location: Quelque part

        Le jour reste à fixer.
    """,
    "events/rencontre.md": f"""
        Title: {LONG_TITLE}
        Start: 2020-03-06 19:00
        End: 2020-03-06 22:00
        Location: Maison de la vie associative
        Address: 12 rue de l'Exemple, 94500 Champigny-sur-Marne
        Registration: https://example.org/inscription?a=1&b=2
        Price: Gratuit

        Une rencontre ouverte à toutes et à tous.
    """,
    "events/printemps.md": """
        Title: Stage de printemps
        Start: 2019-03-30 10:00
        End: 2019-03-30 12:00
        Recurrence: FREQ=DAILY;COUNT=2

        Samedi 30 et dimanche 31 mars : l'heure d'été commence entre les deux.
    """,
    "events/automne.md": """
        Title: Stage d'automne
        Start: 2019-10-26 10:00
        End: 2019-10-26 12:00
        Recurrence: FREQ=DAILY;COUNT=2

        Samedi 26 et dimanche 27 octobre : l'heure d'hiver revient entre les deux.
    """,
    "events/balises.md": """
        Title: La balise </script> & les autres
        Start: 2019-12-13 19:00

        On y parle de `</script>` et de `<b>` sans rien casser.
    """,
    "events/brouillon.md": """
        Title: Projet confidentiel
        Start: 2019-11-22 18:00
        Status: draft

        Pas encore annoncé.
    """,
}


# A small agenda: a venue, an event there with a theme, a monthly series
# with a cancelled date; what the caches of the build must tell apart.
SMALL = {
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nLes rendez-vous.\n",
    "venues/salle.md": "Title: Salle\nLocality: Champigny-sur-Marne\n",
    "events/soupe.md": (
        "Title: Soupe\nStart: 2019-11-20 19:00\nVenue: salle\nTags: Cuisine\n\n"
        "Une soupe.\n"
    ),
    "events/atelier.md": (
        "Title: Atelier\nStart: 2019-07-26 14:00\nEnd: 2019-07-26 18:00\n"
        "Recurrence: FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20200630\n"
        "Cancelled: 2019-12-27\n\nChaque mois.\n"
    ),
}


def build(
    tmp_path_factory: pytest.TempPathFactory,
    now: str = NOW,
    *,
    settings: str = "pelicanconf.py",
    env: dict[str, str] | None = None,
    extra_settings: tuple[str, ...] = (),
    files: dict[str, str] | None = None,
) -> Site:
    """Build the fixture agenda (strictly), failing loudly if the build fails.

    ``files`` replaces the fixture's own content (another agenda, built the
    same way: the same "now", domain and strict build).
    """
    root: Path = tmp_path_factory.mktemp("agenda-site")
    content = write_content(root / "content", FILES if files is None else files)
    output = root / "output"
    extra = ("-e", f'AGENDA_DOMAIN="{DOMAIN}"', *extra_settings)
    result = run_pelican(
        content, output, now=now, settings=settings, env=env, extra=extra
    )
    site = Site(output, result)
    assert result.returncode == 0, site.log
    return site


def build_folder(
    content: Path, output: Path, settings: Sequence[str] = (), *, now: str = NOW
) -> Site:
    """Build ``content`` into ``output`` at the fixture's domain, or fail loudly.

    ``settings`` add to Pelican's ``-e`` (``CACHE_PATH=…``).
    """
    extra = ["-e", f"AGENDA_DOMAIN={json.dumps(DOMAIN)}", *settings]
    result = run_pelican(content, output, now=now, extra=extra)
    site = Site(output, result)
    assert result.returncode == 0, site.log
    return site


def build_in(root: Path, files: dict[str, str]) -> Site:
    """Build ``files`` in ``root`` at the fixture's "now" and domain, pass or fail.

    For the agenda's small sites (themes, venues) and their mistakes: the
    caller reads the log of a build that must fail.
    """
    content = write_content(root / "content", files)
    extra = ("-e", f'AGENDA_DOMAIN="{DOMAIN}"')
    result = run_pelican(content, root / "output", now=NOW, extra=extra)
    return Site(root / "output", result)
