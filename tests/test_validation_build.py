"""A content mistake stops the strict build with one clear line, never a traceback.

The strict build (``--fatal errors``) is the one the tests, ``invoke publish``
and the workflow run; the preview (``invoke serve``) shows the same lines and
keeps serving the rest of the site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .content_errors import GOOD_SITE, MISTAKES, Mistake, lines, mistakes, reported
from .sites import Site, plain, run_pelican, write_content


def build(
    tmp_path: Path, files: dict[str, str | bytes], **options: object
) -> tuple[Path, str, int]:
    content = write_content(tmp_path / "content", files)
    output = tmp_path / "output"
    result = run_pelican(content, output, **options)  # type: ignore[arg-type]
    return output, result.stdout + result.stderr, result.returncode


@pytest.mark.parametrize("mistake", mistakes())
def test_each_mistake_stops_the_strict_build_with_its_line(
    tmp_path: Path, mistake: Mistake
) -> None:
    output, log, status = build(tmp_path, {**GOOD_SITE, **mistake.files})
    assert status == 1, log
    assert reported(log, mistake.line), log
    assert "Traceback" not in log
    assert "Construction arrêtée" in log
    assert not output.exists(), "the build stopped before writing anything"


def test_the_correct_site_around_the_mistakes_builds(tmp_path: Path) -> None:
    output, log, status = build(tmp_path, GOOD_SITE)
    assert status == 0, log
    assert (output / "agenda" / "bon" / "index.html").is_file()


def test_every_mistake_of_the_site_is_reported_at_once(tmp_path: Path) -> None:
    files = {name: text for m in MISTAKES.values() for name, text in m.files.items()}
    _, log, status = build(tmp_path, {**GOOD_SITE, **files})
    assert status == 1
    missing = [m.line for m in MISTAKES.values() if not reported(log, m.line)]
    assert not missing, log
    where = re.compile(r"\S+\.(md|html)(, ligne \d+)?: ")
    errors = [line for line in lines(log) if where.match(line)]
    assert f"Construction arrêtée : {len(errors)} erreurs de contenu" in log
    assert "Traceback" not in log


def test_a_failed_publication_leaves_the_previous_site_as_it_was(
    tmp_path: Path,
) -> None:
    # publishconf.py empties the output folder before building: a content
    # mistake must stop the build before that.
    earlier = tmp_path / "output" / "index.html"
    earlier.parent.mkdir()
    earlier.write_text("Le site publié hier.", encoding="utf-8")
    _, log, status = build(
        tmp_path,
        {**GOOD_SITE, **MISTAKES["start-impossible-month"].files},
        settings="publishconf.py",
    )
    assert status == 1, log
    assert earlier.read_text(encoding="utf-8") == "Le site publié hier."


def test_the_preview_shows_the_mistakes_and_builds_the_rest(tmp_path: Path) -> None:
    mistaken = {
        **MISTAKES["start-impossible-month"].files,
        **MISTAKES["not-utf8-page"].files,
        **MISTAKES["template-unknown"].files,
        **MISTAKES["same-slug-for-two-events"].files,
    }
    output, log, status = build(tmp_path, {**GOOD_SITE, **mistaken}, strict=False)
    assert status == 0, log
    for name in (
        "start-impossible-month",
        "not-utf8-page",
        "template-unknown",
        "same-slug-for-two-events",
    ):
        assert reported(log, MISTAKES[name].line), log
    assert "Traceback" not in log
    site = Site(output, None)  # type: ignore[arg-type]
    assert site.page("agenda/bon/").css_first("h1").text() == "Bon"
    assert "Un tiers-lieu." in site.text("le-projet/")
    assert not (output / "agenda" / "soupe").exists()
    assert not (output / "agendaa").exists()
    # Of two files with one address, the first keeps it.
    assert site.page("agenda/fete/").css_first("h1").text() == "Fête"


def test_what_may_be_left_out_is_not_a_mistake(tmp_path: Path) -> None:
    output, log, status = build(
        tmp_path,
        {
            **GOOD_SITE,
            # A draft may be unfinished; a milestone may be its title and date.
            "events/brouillon.md": "Title: Plus tard\nStart: 2019-12\nStatus: draft\n",
            "milestones/court.md": "Title: Un jalon court\nDate: 2019-10\n",
            # Keys in any case, as Pelican reads them; empty optional fields.
            "events/minuscules.md": (
                "title: En minuscules\nstart: 2019-12-06 19:00\nEnd:\nLocation:\n"
                "Summary:\nTags:\n\nTexte.\n"
            ),
            # Either wall-clock 02:30 of the night summer time ends.
            "events/nuit.md": "Title: Nuit\nStart: 2019-10-27T02:30:00+01:00\n\nT.\n",
        },
    )
    assert status == 0, log
    assert not re.search(r"\b(ERROR|CRITICAL)\b|\.md: ", log), log
    site = Site(output, None)  # type: ignore[arg-type]
    assert plain(site.page("agenda/minuscules/").css_first("h1").text()) == (
        "En minuscules"
    )
    time = site.page("agenda/nuit/").css_first("time")
    assert time.attributes["datetime"] == "2019-10-27T02:30:00+01:00"


SPECIAL = {
    "home": (
        "pages/accueil.md",
        (
            "pages/: Le site n'a pas de page d'accueil (attendu une page avec la ligne "
            "« Save_as: index.html », comme pages/accueil.md)"
        ),
    ),
    "agenda": (
        "pages/agenda.md",
        (
            "pages/: Le site n'a pas de page pour l'agenda (attendu une page avec la "
            "ligne « Template: agenda »)"
        ),
    ),
    "timeline": (
        "pages/etat.md",
        (
            "pages/: Le site n'a pas de page pour la frise « État d'avancement » "
            "(attendu une page avec la ligne « Template: timeline »)"
        ),
    ),
}


@pytest.mark.parametrize("missing", list(SPECIAL))
def test_a_site_without_one_of_its_special_pages_does_not_build(
    tmp_path: Path, missing: str
) -> None:
    # Every page links the home page, the agenda and the timeline (the menu,
    # the events' pages, the milestones' anchors): without one, every page
    # would carry a broken link.
    name, line = SPECIAL[missing]
    files = {
        "pages/accueil.md": "Title: Accueil\nSave_as: index.html\nURL:\n\nIci.\n",
        **GOOD_SITE,
    }
    del files[name]
    content = write_content(tmp_path / "content", files, special_pages=False)
    result = run_pelican(content, tmp_path / "output")
    log = result.stdout + result.stderr
    assert result.returncode == 1, log
    assert reported(log, line), log
    assert not (tmp_path / "output").exists()
