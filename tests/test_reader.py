"""Each file is read on its own, though one Markdown instance reads them all.

The plugin's reader converts every file of a folder with the same
``Markdown`` (``reset()`` between files) instead of building one per file:
nothing of a file may leak into the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from .sites import Site, plain

FIRST = """
    Title: Premier atelier
    Start: 2020-03-14 14:00

    Voir [le site][lien] et l'ESS[^note].

    [lien]: https://example.org/premier
    *[ESS]: Économie sociale et solidaire

    [^note]: Une note du premier atelier.
"""

SECOND = """
    Title: Second atelier
    Start: 2020-03-21
    Location: Ailleurs
    Summary: Un résumé *en Markdown*, converti à part.

    Encore [le site][lien] et l'ESS, avec sa propre note[^autre].

    [^autre]: La note du second atelier.
"""


def test_nothing_of_a_file_leaks_into_the_next(
    build_site: Callable[..., Site],
) -> None:
    site = build_site({"events/a-premier.md": FIRST, "events/b-second.md": SECOND})
    assert site.result.returncode == 0, site.log
    first = site.page("agenda/a-premier/")
    assert first.css_first('a[href="https://example.org/premier"]')
    abbreviation = first.css_first("abbr").attributes["title"]
    assert abbreviation == "Économie sociale et solidaire"
    second = site.page("agenda/b-second/")
    # Every header is read, and a formatted field (Summary) is converted alone.
    assert plain(second.css_first("h1").text()) == "Second atelier"
    assert second.css_first("time").attributes["datetime"] == "2020-03-21"
    assert "Ailleurs" in site.text("agenda/b-second/")
    assert "converti à part" not in site.text("agenda/b-second/")
    # The first file's links, abbreviations and notes are its own.
    assert not second.css_first('a[href="https://example.org/premier"]')
    assert "[le site][lien]" in site.text("agenda/b-second/")
    assert not second.css_first("abbr")
    notes = site.text("agenda/b-second/")
    assert "La note du second atelier." in notes
    assert "Une note du premier atelier." not in notes
