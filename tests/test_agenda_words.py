"""The agenda's dates and rules said in French, as the site's readers read them."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from alternateur.french.dates import format_span
from alternateur.french.plaintext import plain_paragraphs, plain_text
from alternateur.french.rule_words import describe
from alternateur.model.dates import parse_precise
from alternateur.model.public_address import base_url, domain
from alternateur.model.recurrence import Recurrence

PARIS = ZoneInfo("Europe/Paris")


def precise(text: str | None, field: str = "Start") -> object:
    return parse_precise(text, field, PARIS) if text else None


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2018-06", None, "juin 2018"),
        ("2018-06", "2018-07", "de juin à juillet 2018"),
        ("2018-04", "2018-08", "d'avril à août 2018"),
        ("2018-12", "2019-01", "de décembre 2018 à janvier 2019"),
        ("2019-06-01", None, "samedi 1er juin 2019"),
        ("2019-12-06", "2019-12-08", "du vendredi 6 au dimanche 8 décembre 2019"),
        (
            "2019-11-29",
            "2019-12-01",
            "du vendredi 29 novembre au dimanche 1er décembre 2019",
        ),
        (
            "2019-12-31",
            "2020-01-01",
            "du mardi 31 décembre 2019 au mercredi 1er janvier 2020",
        ),
        (
            "2019-12-06 18:30",
            "2019-12-06 21:00",
            "vendredi 6 décembre 2019, 18 h 30 – 21 h",
        ),
        ("2019-12-06 18:30", None, "vendredi 6 décembre 2019, 18 h 30"),
        ("2019-11-01 18:30", "2019-11-01", "vendredi 1er novembre 2019, 18 h 30"),
        (
            "2019-12-06 18:30",
            "2019-12-08 12:00",
            "du vendredi 6 décembre 2019 à 18 h 30 au dimanche 8 décembre 2019 à 12 h",
        ),
        (
            "2019-12-06 18:30",
            "2019-12-08",
            "du vendredi 6 décembre 2019 à 18 h 30 au dimanche 8 décembre 2019",
        ),
    ],
)
def test_a_span_is_said_at_its_precision(
    start: str, end: str | None, words: str
) -> None:
    assert format_span(precise(start), precise(end, "End")) == words


@pytest.mark.parametrize(
    ("start", "end", "rule", "words"),
    [
        (
            "2019-07-26",
            None,
            "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20191231",
            "chaque dernier vendredi du mois, jusqu'au 31 décembre 2019",
        ),
        (
            "2019-07-26 14:00",
            "2019-07-26 18:00",
            "FREQ=MONTHLY;BYDAY=-1FR",
            "chaque dernier vendredi du mois, de 14 h à 18 h",
        ),
        (
            "2019-07-26",
            None,
            "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1",
            "chaque dernier vendredi du mois",
        ),
        (
            "2019-07-09 18:30",
            None,
            "FREQ=MONTHLY;BYDAY=2TU;COUNT=5",
            "chaque deuxième mardi du mois, à 18 h 30, 5 fois",
        ),
        (
            "2019-07-02",
            None,
            "FREQ=MONTHLY;BYDAY=1TU,3TU",
            "chaque premier et troisième mardi du mois",
        ),
        (
            "2019-07-19",
            None,
            "FREQ=MONTHLY;BYDAY=-2FR",
            "chaque avant-dernier vendredi du mois",
        ),
        (
            "2019-07-26",
            None,
            "FREQ=MONTHLY;BYDAY=-1FR;INTERVAL=3",
            "le dernier vendredi du mois, tous les 3 mois",
        ),
        ("2019-07-15", None, "FREQ=MONTHLY", "le 15 de chaque mois"),
        (
            "2019-07-01",
            None,
            "FREQ=MONTHLY;BYMONTHDAY=1,15",
            "le 1er et le 15 de chaque mois",
        ),
        (
            "2019-07-31",
            None,
            "FREQ=MONTHLY;BYMONTHDAY=-1;INTERVAL=2",
            "le dernier jour du mois, tous les 2 mois",
        ),
        ("2019-07-26", None, "FREQ=WEEKLY", "chaque vendredi"),
        ("2019-07-26", None, "FREQ=WEEKLY;INTERVAL=2", "un vendredi sur deux"),
        (
            "2019-07-22",
            None,
            "FREQ=WEEKLY;BYDAY=MO,WE,FR;INTERVAL=3",
            "toutes les 3 semaines, le lundi, le mercredi et le vendredi",
        ),
        ("2019-07-22", None, "FREQ=WEEKLY;BYDAY=MO,TH", "chaque lundi et jeudi"),
        ("2019-07-22", None, "FREQ=DAILY", "chaque jour"),
        ("2019-07-22", None, "FREQ=DAILY;INTERVAL=2", "tous les 2 jours"),
        ("2019-07-14", None, "FREQ=YEARLY", "chaque année, le 14 juillet"),
        (
            "2019-06-28",
            None,
            "FREQ=YEARLY;BYMONTH=6;BYDAY=-1FR",
            "chaque dernier vendredi de juin",
        ),
        (
            "2019-04-26",
            None,
            "FREQ=YEARLY;BYMONTH=4;BYDAY=-1FR;INTERVAL=2",
            "le dernier vendredi d'avril, tous les 2 ans",
        ),
        # Shapes without plain words get a plain sentence, never wrong words.
        ("2019-07-01", None, "FREQ=YEARLY;BYWEEKNO=27;BYDAY=MO", "à dates régulières"),
        ("2019-07-22", None, "FREQ=MONTHLY;BYDAY=MO", "à dates régulières"),
        (
            "2019-07-22 10:00",
            None,
            "FREQ=DAILY;BYMONTH=7;COUNT=4",
            "à dates régulières, 4 fois",
        ),
    ],
)
def test_a_rule_is_said_in_french(
    start: str, end: str | None, rule: str, words: str
) -> None:
    first = precise(start)
    assert describe(Recurrence.parse(rule, first), first, precise(end, "End")) == words


def test_plain_text_strips_tags_and_unescapes_entities() -> None:
    title = 'Vélo <span class="caps">&amp;</span> compost'
    assert plain_text(title) == "Vélo & compost"
    assert plain_text("La balise &lt;/script&gt;") == "La balise </script>"
    assert plain_text("<script>alert(1)</script>Titre") == "Titre"
    body = "<p>Un\nparagraphe.</p>\n<ul><li>un point ;</li><li>un autre.</li></ul>"
    assert plain_paragraphs(body) == "Un paragraphe.\n\nun point ;\n\nun autre."


@pytest.mark.parametrize(
    ("settings", "base", "host"),
    [
        ({"SITEURL": "https://exemple.fr/"}, "https://exemple.fr", "exemple.fr"),
        (
            {"SITEURL": "", "AGENDA_DOMAIN": "alternateur.github.io"},
            "https://alternateur.github.io",
            "alternateur.github.io",
        ),
        ({"SITEURL": ""}, None, "localhost"),
    ],
)
def test_the_public_address_comes_from_siteurl_else_the_setting(
    settings: dict[str, str], base: str | None, host: str
) -> None:
    assert base_url(settings) == base
    assert domain(settings) == host
