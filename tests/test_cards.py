"""The sharing cards: 1200×630, text inside, same bytes from the same text."""

from __future__ import annotations

import io

import pytest
from alternateur.outputs.cards import HEIGHT, MARGIN, WIDTH, Card, draw, layout, wrap
from alternateur.outputs.cards import font as card_font
from PIL import Image

LONG = (
    "Assemblée générale extraordinaire de l'association L'Alternateur, avec "
    "l'élection du conseil d'administration, le bilan moral et financier et "
    "le vote du budget prévisionnel de l'année à venir, suivie d'un repas"
)
TITLES = [
    "Soupe",
    "« Repair café » : on répare ensemble\u202f!",
    LONG,
    "Anticonstitutionnellementextraordinairementinterminablementlong",
]


@pytest.mark.parametrize("title", TITLES)
def test_every_line_stays_inside_the_card(title: str) -> None:
    card = Card(
        "L'Alternateur", title, ("vendredi 26 juillet 2019 à 14\u202fh", "La Fabrique")
    )
    for (x, y), text, face in layout(card):
        left, _top, right, bottom = face.getbbox(text)
        assert x + left >= MARGIN - 2
        assert x + right <= WIDTH - MARGIN
        assert y + bottom <= HEIGHT - 12
    title = [y + face.getbbox(t)[3] for (_, y), t, face in layout(card)[1:-2]]
    details = [y for (_, y), _, _ in layout(card)[-2:]]
    assert max(title) < min(details)


def test_lines_never_end_at_a_no_break_space() -> None:
    face = card_font("Bold", 72)
    lines = wrap("Réunion\u00a0: préparer la « fête\u00a0» du quartier", face, 400)
    assert all(not line.endswith("\u00a0") for line in lines)
    assert "Réunion\u00a0:" in " ".join(lines)


def test_a_card_is_1200_by_630_and_reproducible() -> None:
    card = Card("L'Alternateur", "Soupe partagée", ("mercredi 10 mars 2027",))
    data = draw(card)
    assert Image.open(io.BytesIO(data)).size == (1200, 630)
    assert draw(card) == data
