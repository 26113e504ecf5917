"""The plugin is loaded, and builds any content folder of the site's shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pelican import Pelican
from pelican.plugins._utils import get_plugin_name
from pelican.settings import read_settings

from .sites import ROOT, Site, plain

SMALL_SITE = {
    "pages/chronologie.md": """
        Title: Chronologie
        Template: timeline

        Introduction de la chronologie.
    """,
    "pages/rendez-vous.md": """
        Title: Rendez-vous
        Template: agenda

        Introduction de l'agenda.
    """,
    "milestones/premier-pas.md": """
        Title: Premier pas
        Date: 2020-02

        Le tout premier pas.
    """,
    "events/atelier-velo.md": """
        Title: Atelier vélo
        Start: 2020-03-14 14:00
        Location: Un parking

        On répare des vélos.
    """,
}


def test_pelican_loads_the_plugin() -> None:
    # Pelican only logs a plugin that fails to import and builds on without it.
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    names = [get_plugin_name(plugin) for plugin in Pelican(settings).plugins]
    assert "alternateur" in names


def test_another_content_folder_builds_with_the_same_code(
    build_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = build_site(SMALL_SITE)
    assert site.result.returncode == 0, site.log
    assert "Le tout premier pas." in site.text("chronologie/")
    assert site.page("chronologie/").css_first("li#premier-pas time").text() == (
        "février 2020"
    )
    assert plain(site.page("agenda/atelier-velo/").css_first("h1").text()) == (
        "Atelier vélo"
    )
    assert "Atelier vélo" in site.text("rendez-vous/")
    # Nothing of the real content leaks into another site.
    assert not (site.output / "agenda" / "soiree-reconomie").exists()


def test_milestones_and_events_are_not_read_as_articles(
    build_site: Callable[..., Site],
) -> None:
    site = build_site(SMALL_SITE)
    assert "Processed 0 articles" in site.log
    feeds = sorted(
        path.relative_to(site.output).as_posix() for path in site.output.rglob("*.xml")
    )
    assert feeds == ["feeds/jalons.atom.xml"], "no article feed, only the plugin's"


def test_a_draft_is_nowhere(build_site: Callable[..., Site]) -> None:
    site = build_site(
        {
            **SMALL_SITE,
            "milestones/secret.md": """
                Title: Jalon secret
                Date: 2020-01
                Status: draft

                Pas encore.
            """,
            "events/secret.md": """
                Title: Fête secrète
                Start: 2020-01
                Status: draft

                Pas encore.
            """,
        }
    )
    assert site.result.returncode == 0, site.log
    every_file = "".join(
        path.read_text(encoding="utf-8")
        for path in site.output.rglob("*")
        if path.is_file() and path.suffix in {".html", ".xml", ".ics", ".json"}
    )
    assert "secrète" not in every_file
    assert "Jalon secret" not in every_file
    assert not (site.output / "agenda" / "secret").exists()
