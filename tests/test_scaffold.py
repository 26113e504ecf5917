"""``invoke new-event`` and ``invoke new-milestone``: a new file, ready to fill in."""

from __future__ import annotations

from pathlib import Path

import pytest
from alternateur.model.contents import Event, Milestone

from .sites import Site, plain, run_invoke, run_pelican, write_content

SITE = {
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nLes rendez-vous.\n",
    "pages/etat.md": "Title: État\nTemplate: timeline\n\nLes étapes.\n",
    "events/atelier.md": "Title: Atelier\nStart: 2019-07-26 14:00\n\nTexte.\n",
}
TITLE = "Champy'Soupe de printemps"
# Pelican's slugify: accents and punctuation out, words joined by hyphens.
EVENT_FILE = "events/champysoupe-de-printemps.md"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content", SITE)


def new_event(content: Path, *options: str) -> tuple[int, str]:
    result = run_invoke("new-event", TITLE, *options, "--content", str(content))
    return result.returncode, result.stdout + result.stderr


def publish(path: Path, text: str) -> None:
    """Do what the author does: remove the draft line, write the text."""
    header = path.read_text(encoding="utf-8").replace("Status: draft\n", "")
    path.write_text(header + text, encoding="utf-8")


def build(content: Path) -> Site:
    output = content.parent / "output"
    return Site(output, run_pelican(content, output))


def test_new_event_writes_every_field_in_a_file_named_after_the_title(
    content: Path,
) -> None:
    status, log = new_event(
        content, "--start", "2020-03-20 19:00", "--location", "Salle Jean Morlet"
    )
    assert status == 0, log
    assert f"Créé : {content / EVENT_FILE}" in log
    text = (content / EVENT_FILE).read_text(encoding="utf-8")
    header = [line.split(":", 1)[0] for line in text.splitlines() if line]
    assert header == list(Event.kind.names), "every field, in the guide's order"
    assert "Title: Champy'Soupe de printemps\n" in text
    assert "Start: 2020-03-20 19:00\n" in text
    assert "Location: Salle Jean Morlet\n" in text
    assert "End:\n" in text, "empty, ready to fill in"
    assert "Status: draft\n" in text
    assert text.endswith("ImageCredit:\n\n")


def test_the_new_event_passes_the_check_and_the_build_as_it_is(content: Path) -> None:
    status, log = new_event(content, "--start", "2020-03-20 19:00")
    assert status == 0, log
    check = run_invoke("check", "--content", str(content))
    assert check.returncode == 0, check.stdout + check.stderr
    site = build(content)
    assert site.result.returncode == 0, site.log
    assert not (site.output / "agenda" / "champysoupe-de-printemps").exists(), "draft"


def test_once_published_with_its_text_the_new_event_has_its_page(content: Path) -> None:
    new_event(content, "--start", "2020-03-20 19:00", "--location", "Salle Morlet")
    publish(content / EVENT_FILE, "Une soupe, des projets.\n")
    site = build(content)
    assert site.result.returncode == 0, site.log
    page = site.page("agenda/champysoupe-de-printemps/")
    assert plain(page.css_first("h1").text()) == TITLE
    assert page.css_first("time").attributes["datetime"] == "2020-03-20T19:00:00+01:00"
    text = site.text("agenda/champysoupe-de-printemps/")
    assert "Salle Morlet" in text
    assert "Une soupe, des projets." in text
    assert "Adresse" not in text, "an empty field is no field"


def test_published_without_its_text_the_new_event_is_refused(content: Path) -> None:
    new_event(content, "--start", "2020-03-20 19:00")
    publish(content / EVENT_FILE, "")
    check = run_invoke("check", "--content", str(content))
    assert check.returncode == 1
    assert f"{EVENT_FILE}: Le texte est vide (attendu une description" in check.stdout


def test_new_event_never_overwrites_a_file(content: Path) -> None:
    new_event(content, "--start", "2020-03-20 19:00")
    (content / EVENT_FILE).write_text("Déjà commencé.", encoding="utf-8")
    status, log = new_event(content, "--start", "2021-03-19 19:00")
    assert status == 1
    assert f"{EVENT_FILE} existe déjà : rien n'a été écrit" in log
    assert (content / EVENT_FILE).read_text(encoding="utf-8") == "Déjà commencé."


def test_new_event_refuses_a_name_another_file_has(content: Path) -> None:
    write_content(content, {"events/2019/fete.md": "Title: F\nStart: 2019\n\nT.\n"})
    result = run_invoke(
        "new-event", "Fête", "--start", "2020-06", "--content", str(content)
    )
    assert result.returncode == 1
    assert "events/2019/fete.md a déjà le nom « fete »" in result.stderr
    assert not (content / "events" / "fete.md").exists()


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("2020-13-20", "Start « 2020-13-20 » n'est pas une date valide"),
        ("2020-03-29 02:30", "Start « 2020-03-29 02:30 » n'existe pas"),
        ("vendredi", "Start « vendredi » n'est pas une date valide"),
    ],
)
def test_new_event_refuses_a_start_the_check_would_refuse(
    content: Path, start: str, message: str
) -> None:
    status, log = new_event(content, "--start", start)
    assert status == 1
    assert f"Rien n'a été écrit :\n{EVENT_FILE}: {message}" in log
    assert not (content / EVENT_FILE).exists()


def test_new_milestone_is_on_the_timeline_once_published(content: Path) -> None:
    result = run_invoke(
        "new-milestone", "Ouverture du lieu", "--date", "2020-03", "--content",
        str(content),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    path = content / "milestones" / "ouverture-du-lieu.md"
    text = path.read_text(encoding="utf-8")
    assert [line.split(":")[0] for line in text.splitlines() if line] == list(
        Milestone.kind.names
    )
    assert run_invoke("check", "--content", str(content)).returncode == 0
    publish(path, "")  # A milestone may be just its title and date.
    site = build(content)
    assert site.result.returncode == 0, site.log
    item = site.page("etat/").css_first("li#ouverture-du-lieu")
    assert "Ouverture du lieu" in plain(item.text())
    assert item.css_first("time").attributes["datetime"] == "2020-03"


def test_a_field_left_empty_is_the_same_as_no_field(tmp_path: Path) -> None:
    empty_fields = {
        "milestones/jalon.md": "Title: J\nDate: 2020-03\nSummary:\n\nTexte.\n",
        "events/soiree.md": (
            "Title: Soirée\nStart: 2020-03-20 19:00\nEnd:\nLocation:\nAddress:\n"
            "Recurrence:\nCancelled:\nRegistration:\nPrice:\nTags:\nSummary:\n\n"
            "Une soirée.\n"
        ),
    }
    no_fields = {
        "milestones/jalon.md": "Title: J\nDate: 2020-03\n\nTexte.\n",
        "events/soiree.md": "Title: Soirée\nStart: 2020-03-20 19:00\n\nUne soirée.\n",
    }
    sites = [
        build(write_content(tmp_path / name / "content", {**SITE, **files}))
        for name, files in (("vides", empty_fields), ("absents", no_fields))
    ]
    files = [
        {
            path.relative_to(site.output): path.read_bytes()
            for path in site.output.rglob("*")
            if path.is_file()
        }
        for site in sites
    ]
    assert all(site.result.returncode == 0 for site in sites)
    assert files[0] == files[1]
    assert any(path.suffix == ".xml" for path in files[0]), "the feed is compared too"


def test_new_event_takes_a_recurrence_checked_as_the_build_does(
    content: Path,
) -> None:
    status, log = new_event(
        content, "--start", "2020-03-20 19:00", "--recurrence", "FREQ=MONTHLY;BYDAY=1MO"
    )
    assert status == 1
    assert (
        f"{EVENT_FILE}: Recurrence « FREQ=MONTHLY;BYDAY=1MO » ne tombe pas à Start"
    ) in log
    assert not (content / EVENT_FILE).exists()
    status, log = new_event(
        content, "--start", "2020-03-20 19:00", "--recurrence", "FREQ=MONTHLY;BYDAY=3FR"
    )
    assert status == 0, log
    text = (content / EVENT_FILE).read_text(encoding="utf-8")
    assert "Recurrence: FREQ=MONTHLY;BYDAY=3FR\n" in text


@pytest.mark.site
def test_new_event_takes_a_venue_and_checks_it_exists(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "venues").mkdir(parents=True)
    (content / "venues" / "salle-jean-morlet.md").write_text(
        "Title: Salle Jean Morlet\n", encoding="utf-8"
    )
    wrong = run_invoke(
        "new-event",
        "--title",
        "Soupe",
        "--content",
        str(content),
        "--start",
        "2020-03-20 19:00",
        "--venue",
        "salle-jean-morle",
    )
    assert wrong.returncode != 0
    assert "vouliez-vous dire « salle-jean-morlet » ?" in wrong.stderr + wrong.stdout
    assert not (content / "events").exists() or not list((content / "events").iterdir())
    made = run_invoke(
        "new-event",
        "--title",
        "Soupe",
        "--content",
        str(content),
        "--start",
        "2020-03-20 19:00",
        "--venue",
        "salle-jean-morlet",
        "--online",
        "https://visio.example.org/s",
        "--age",
        "6-12",
        "--accessibility",
        "moteur",
    )
    assert made.returncode == 0, made.stderr
    text = (content / "events" / "soupe.md").read_text(encoding="utf-8")
    for line in (
        "Venue: salle-jean-morlet\n",
        "Online: https://visio.example.org/s\n",
        "Age: 6-12\n",
        "Accessibility: moteur\n",
    ):
        assert line in text
    bad_age = run_invoke(
        "new-event",
        "--title",
        "Autre",
        "--content",
        str(content),
        "--start",
        "2020-03-20 19:00",
        "--age",
        "12-6",
    )
    assert bad_age.returncode != 0
    assert "Age « 12-6 » va de 12 à 6 ans" in bad_age.stderr + bad_age.stdout
