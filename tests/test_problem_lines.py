"""The line of a problem: the header field each message is about, where it is.

``Trace.line_of`` finds it from the message (every ``ContentError`` starts
with the field), ``Problem`` says it after the path. The whole build's lines
are checked with the mistakes (``tests/content_errors.py``), in the strict
build, ``invoke check`` and the preview's banner.
"""

from __future__ import annotations

from alternateur.checking.report import Problem, add_problems, problems_of
from alternateur.model.errors import ContentError
from alternateur.reading.header import trace_header

TEXT = (
    "Title: Soupe\n"
    "start: 2019-13-01\n"
    "Start_time: 19:00\n"
    "Lieu : La salle\n"
    "\n"
    "Une soupe.\n"
)


def test_a_message_gets_the_line_of_the_field_it_names() -> None:
    _, trace = trace_header(TEXT)
    start = str(ContentError("Start", "n'est pas une date valide", "2019-13-01"))
    assert trace.line_of(start) == 2, "the key as written: « start: »"
    assert trace.line_of("Title « Soupe » est trop long") == 1


def test_the_longest_key_that_starts_the_message_wins() -> None:
    _, trace = trace_header(TEXT)
    assert trace.line_of("Start_time « 19:00 » n'est pas un champ") == 3


def test_a_field_the_file_does_not_give_has_no_line() -> None:
    _, trace = trace_header(TEXT)
    assert trace.line_of("End est obligatoire (attendu une date)") == 0
    assert trace.line_of("Le texte est vide (attendu du texte)") == 0
    assert trace.line_of("Titles « x » n'est pas un champ") == 0, "a whole word"


def test_the_line_that_ended_the_header_says_its_own_number() -> None:
    _, trace = trace_header(TEXT)
    assert trace.stray_number == 4
    assert trace.line_of("La ligne 4 « Lieu : La salle » n'est pas lue") == 0


def test_the_line_follows_the_path() -> None:
    context: dict[str, object] = {}
    _, trace = trace_header(TEXT)
    add_problems(
        context,
        "events/soupe.md",
        ["Start « 2019-13-01 » n'est pas", "End manque"],
        trace,
    )
    found = [str(problem) for problem in problems_of(context)]
    assert found == [
        "events/soupe.md, ligne 2: Start « 2019-13-01 » n'est pas",
        "events/soupe.md: End manque",
    ]
    assert str(Problem("pages/", "Le site n'a pas de page")) == (
        "pages/: Le site n'a pas de page"
    )
