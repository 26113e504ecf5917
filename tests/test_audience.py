"""Who an event welcomes: accessibility, age, and the values of venues (issue 16).

Also the invisible characters refused in any value.

Pure functions: each class of mistake an author can make, with the words
the site then shows.
"""

from __future__ import annotations

import unicodedata

import pytest
from alternateur.french.audience import accessibility_words, age_words
from alternateur.model.audience import KINDS, AgeRange, parse_accessibility, parse_age
from alternateur.model.errors import ContentError
from alternateur.model.values import (
    invisible_control,
    makes_address,
    parse_postal_code,
    parse_web_url,
)


@pytest.mark.parametrize(
    ("written", "kinds"),
    [
        ("moteur", ("moteur",)),
        ("Visuel, MOTEUR", ("moteur", "visuel")),  # OpenAgenda's order, any case.
        ("auditive, motrice, intellectuelle", ("moteur", "auditif", "mental")),
        (" psychique ,mental ", ("psychique", "mental")),
        ("aucune", ()),
        ("Aucun", ()),
        (", ".join(KINDS), KINDS),
    ],
)
def test_accessibility_is_read_in_openagendas_five_kinds(
    written: str, kinds: tuple[str, ...]
) -> None:
    assert parse_accessibility(written) == kinds


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("visul", "vouliez-vous dire « visuel » ?"),
        ("auditiv", "vouliez-vous dire « auditif » ?"),
        ("fauteuil", "n'est pas un handicap connu (attendu"),
        ("moteur,", "a une virgule en trop"),
        ("moteur, moteur", "est écrit deux fois"),
        ("mental, intellectuel", "est écrit deux fois"),
        ("aucune, visuel", "dit à la fois « aucune » et un handicap"),
        ("oui", "n'est pas un handicap connu"),
    ],
)
def test_an_accessibility_mistake_says_what_is_expected(
    written: str, said: str
) -> None:
    with pytest.raises(ContentError) as raised:
        parse_accessibility(written)
    assert said in str(raised.value)
    assert "(attendu" in str(raised.value)


def test_accessibility_is_said_in_words() -> None:
    assert accessibility_words(("moteur",)) == (
        "Adapté aux personnes en situation de handicap moteur"
    )
    assert accessibility_words(("moteur", "auditif", "visuel")) == (
        "Adapté aux personnes en situation de handicap moteur, auditif et visuel"
    )
    assert (
        accessibility_words(()) == "Non adapté aux personnes en situation de handicap"
    )


@pytest.mark.parametrize(
    ("written", "age", "words", "schema"),
    [
        ("6-12", AgeRange(6, 12), "De 6 à 12\u00a0ans", "6-12"),
        ("6 – 12 ans", AgeRange(6, 12), "De 6 à 12\u00a0ans", "6-12"),
        ("0-1", AgeRange(0, 1), "De 0 à 1\u00a0an", "0-1"),
        ("16+", AgeRange(16, None), "À partir de 16\u00a0ans", "16-"),
        ("1+", AgeRange(1, None), "À partir de 1\u00a0an", "1-"),
        ("3-3", AgeRange(3, 3), "3\u00a0ans", "3-3"),
        ("Tout public", AgeRange(None, None), "Tout public", None),
        ("tous publics", AgeRange(None, None), "Tout public", None),
        ("0-120", AgeRange(0, 120), "De 0 à 120\u00a0ans", "0-120"),
    ],
)
def test_an_age_range_is_read_said_and_given_to_search_engines(
    written: str, age: AgeRange, words: str, schema: str | None
) -> None:
    assert parse_age(written) == age
    assert age_words(age) == words
    assert age.schema == schema


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("12-6", "va de 12 à 6 ans"),
        ("6-121", "dépasse 120 ans"),
        ("999+", "dépasse 120 ans"),
        ("-5", "n'est pas un âge"),
        ("enfants", "n'est pas un âge"),
        ("6-12-18", "n'est pas un âge"),
        ("1e3+", "n'est pas un âge"),
        ("١٢+", "n'est pas un âge"),  # Arabic-Indic digits: not what is expected.
    ],
)
def test_an_age_mistake_says_what_is_expected(written: str, said: str) -> None:
    with pytest.raises(ContentError) as raised:
        parse_age(written)
    assert said in str(raised.value)


@pytest.mark.parametrize(
    ("written", "code"),
    [("94500", "94500"), ("94 500", "94500"), ("20000", "20000"), ("97400", "97400")],
)
def test_a_postal_code_has_five_digits_of_a_departement(
    written: str, code: str
) -> None:
    assert parse_postal_code(written, "PostalCode") == code


@pytest.mark.parametrize(
    "written",
    ["9450", "945000", "00100", "96000", "99000", "94S00", "F-94500", "", "٩٤٥٠٠"],
)
def test_anything_else_is_not_a_postal_code(written: str) -> None:
    with pytest.raises(ContentError, match="n'est pas un code postal français"):
        parse_postal_code(written, "PostalCode")


@pytest.mark.parametrize(
    "written",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>1</script>",
        "file:///etc/passwd",
        "mailto:a@example.org",
        "tel:0102030405",
        "//evil.example/x",
        "visio.example.org",
        "https://",
        "https://a b.example",
        "",
    ],
)
def test_online_is_a_web_page_and_nothing_else(written: str) -> None:
    with pytest.raises(ContentError) as raised:
        parse_web_url(written, "Online")
    assert "(attendu" in str(raised.value)
    assert "mailto:… ou tel:…" not in str(raised.value)


def test_online_keeps_a_web_address_as_written() -> None:
    assert parse_web_url("HTTPS://visio.example/a?b=1&c=2", "Online") == (
        "https://visio.example/a?b=1&c=2"
    )


@pytest.mark.parametrize(
    ("slug", "makes"),
    [("velo", True), ("2019", True), ("-", False), ("--", False), ("", False)],
)
def test_a_slug_makes_an_address_with_a_letter_or_a_digit(
    slug: str, makes: bool
) -> None:
    assert makes_address(slug) is makes


def test_no_character_that_is_refused_passes_the_quick_search() -> None:
    """Every code point, alone in a value: refused exactly as the definition says.

    ``invisible_control`` searches first for the characters it may refuse
    (one regular expression), then decides: that search must miss none.
    """
    refused = []
    for point in range(0x110000):
        character = chr(point)
        meant = character in "\t\n\r"
        wrong = not meant and (
            character in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
            or unicodedata.category(character) in {"Cc", "Cs"}
            or point & 0xFFFE == 0xFFFE
        )
        if (invisible_control(f"a{character}b") == character) != wrong:
            refused.append(hex(point))
    assert refused == []
