"""Who an event or a venue welcomes: its accessibility and its age range.

Both are read as OpenAgenda records them, the French reference for
associations' agendas: five kinds of disability (motor, hearing, visual,
psychic, intellectual), and an age range. Authors write them in French words
(``moteur, auditif``, ``6-12``, ``16+``, ``tout public``); a word that is
none of them is an error that suggests the nearest one, never a silent
« accessible » the venue is not.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .errors import ContentError
from .values import folded

# The five kinds, in OpenAgenda's order, as authors write them.
KINDS = ("moteur", "auditif", "visuel", "psychique", "mental")
NONE = "aucune"
# Other spellings of the same kinds (feminine, the other word for « mental »).
_SAME = {
    "motrice": "moteur",
    "moteurs": "moteur",
    "auditive": "auditif",
    "auditifs": "auditif",
    "visuelle": "visuel",
    "visuels": "visuel",
    "psychiques": "psychique",
    "mentale": "mental",
    "mentaux": "mental",
    "intellectuel": "mental",
    "intellectuelle": "mental",
    "aucun": NONE,
}
ACCESSIBILITY_EXPECTED = "moteur, auditif, visuel, psychique, mental, ou aucune"

# Ages people are: a range beyond it is a typo (« 6-120 » for « 6-12 »).
MAX_AGE = 120
AGE_EXPECTED = "6-12, 16+ ou tout public"
_RANGE = re.compile(r"([0-9]{1,3})\s*[-–]\s*([0-9]{1,3})(?:\s*ans)?")
_FROM = re.compile(r"([0-9]{1,3})\s*\+(?:\s*ans)?")
_EVERYONE = ("tout public", "tous publics")


def parse_accessibility(raw: str, field: str = "Accessibility") -> tuple[str, ...]:
    """Return the kinds of disability ``raw`` names, in OpenAgenda's order.

    ``aucune`` is an empty tuple: written, and saying that the place is
    adapted for none (an event at a venue then does not inherit the venue's).
    """
    words = [folded(word) for word in raw.split(",")]
    if "" in words:
        problem = f"a une virgule en trop (attendu {ACCESSIBILITY_EXPECTED})"
        raise ContentError(field, problem, raw)
    kinds = []
    for word in words:
        kind = _SAME.get(word, word)
        if kind not in {*KINDS, NONE}:
            raise ContentError(field, _unknown(word), word)
        if kind in kinds:
            problem = "est écrit deux fois (attendu chaque handicap une fois)"
            raise ContentError(field, problem, raw)
        kinds.append(kind)
    if NONE in kinds and len(kinds) > 1:
        problem = (
            f"dit à la fois « {NONE} » et un handicap (attendu {NONE} seul, ou "
            "la liste des handicaps pour lesquels le lieu est adapté)"
        )
        raise ContentError(field, problem, raw)
    return tuple(kind for kind in KINDS if kind in kinds)


def _unknown(word: str) -> str:
    """Say that ``word`` is none of the five, with the nearest one if any."""
    near = difflib.get_close_matches(word, [*KINDS, NONE, *_SAME], n=1, cutoff=0.6)
    hint = f" : vouliez-vous dire « {_SAME.get(near[0], near[0])} » ?" if near else ""
    return f"n'est pas un handicap connu{hint} (attendu {ACCESSIBILITY_EXPECTED})"


@dataclass(frozen=True)
class AgeRange:
    """The ages an event is meant for; both None: « tout public »."""

    minimum: int | None
    maximum: int | None

    @property
    def everyone(self) -> bool:
        """Whether the event is for all ages (« tout public »)."""
        return self.minimum is None and self.maximum is None

    @property
    def schema(self) -> str | None:
        """schema.org's ``typicalAgeRange``: « 6-12 », « 16- »; None for all ages."""
        if self.minimum is None:
            return None
        return f"{self.minimum}-{self.maximum if self.maximum is not None else ''}"


def parse_age(raw: str, field: str = "Age") -> AgeRange:
    """Read ``6-12``, ``16+`` or ``tout public`` (« ans » may follow the numbers)."""
    text = " ".join(folded(raw).split())
    if text in _EVERYONE:
        return AgeRange(None, None)
    ranged = _RANGE.fullmatch(text)
    if ranged is not None:
        low, high = (int(part) for part in ranged.groups())
        if low > high:
            problem = f"va de {low} à {high} ans (attendu le plus petit âge d'abord)"
            raise ContentError(field, problem, raw)
        _check_age(high, field, raw)
        return AgeRange(low, high)
    started = _FROM.fullmatch(text)
    if started is not None:
        low = int(started.group(1))
        _check_age(low, field, raw)
        return AgeRange(low, None)
    raise ContentError(field, f"n'est pas un âge (attendu {AGE_EXPECTED})", raw)


def _check_age(age: int, field: str, raw: str) -> None:
    if age > MAX_AGE:
        problem = f"dépasse {MAX_AGE} ans (attendu {AGE_EXPECTED})"
        raise ContentError(field, problem, raw)
