"""Accessibility and age ranges in words, as the public reads them.

Shown in words, never by an icon alone: a pictogram of a wheelchair says
nothing to a screen reader, and nothing precise to anyone else.
"""

from __future__ import annotations

from alternateur.model.audience import AgeRange

from .dates import joined


def accessibility_words(kinds: tuple[str, ...]) -> str:
    """« Adapté aux personnes en situation de handicap moteur et auditif ».

    An empty tuple is what ``aucune`` says: adapted for none.
    """
    if not kinds:
        return "Non adapté aux personnes en situation de handicap"
    return f"Adapté aux personnes en situation de handicap {joined(list(kinds))}"


def _years(age: int) -> str:
    return f"{age}\u00a0an" if age < 2 else f"{age}\u00a0ans"  # noqa: PLR2004


def age_words(age: AgeRange) -> str:
    """« De 6 à 12 ans », « À partir de 16 ans », « Tout public »."""
    if age.minimum is None:
        return "Tout public"
    if age.maximum is None:
        return f"À partir de {_years(age.minimum)}"
    if age.maximum == age.minimum:
        return _years(age.minimum)
    return f"De {age.minimum} à {_years(age.maximum)}"
