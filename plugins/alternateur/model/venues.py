"""Finding the venue an event names (``Venue: salle-jean-morlet``).

An event names its venue by the venue's file name; a name that is none of
them is a typo far more often than a venue not written yet, and the error
says the nearest file, the way « vouliez-vous dire » does for fields.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from typing import TypeVar

from .contents import Venue
from .errors import ContentError

T = TypeVar("T")


def venue_names(venues: list[Venue]) -> dict[str, Venue]:
    """Each venue by its file name without ``.md`` (and by its slug)."""
    named: dict[str, Venue] = {}
    for venue in venues:
        stem = os.path.splitext(os.path.basename(venue.source_path or ""))[0]
        named.setdefault(venue.slug, venue)
        named.setdefault(stem, venue)
    return named


def find_venue(name: str, named: Mapping[str, T]) -> T:
    """Return the venue ``name`` names, or raise with the nearest name.

    ``named``: the venues by file name (``venue_names``), or anything kept
    by file name (the scaffolds check the files of ``content/venues/``).
    """
    for key in (name, name.lower()):
        if key in named:
            return named[key]
    near = difflib.get_close_matches(name.lower(), sorted(named), n=1, cutoff=0.6)
    hint = f" : vouliez-vous dire « {near[0]} » ?" if near else ""
    problem = (
        f"ne nomme aucun fichier de content/venues/{hint} (attendu le nom d'un "
        "fichier de content/venues/, sans .md)"
    )
    raise ContentError("Venue", problem, name)
