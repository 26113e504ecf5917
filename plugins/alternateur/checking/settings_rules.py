"""The association's settings, checked once per build like the content.

A mistyped e-mail or link in ``pelicanconf.py`` is an error, one French line
naming the setting (``model/association.py`` reads them); a publisher fact
the legal notice still lacks is a warning, « à compléter »: the site builds,
and the page shows nothing in its place rather than a placeholder.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from alternateur.checking.report import Problem
from alternateur.model.association import (
    LEGAL_TEMPLATE,
    missing_legal_facts,
    read_association,
)

# Where the lines point: the settings file the team edits.
SETTINGS_FILE = "pelicanconf.py"


def settings_check(
    settings: dict[str, Any], pages: Iterable[Any]
) -> tuple[list[Problem], list[Problem]]:
    """Return the settings' errors, and the legal notice's facts « à compléter ».

    The warnings only matter to a site with a legal notice
    (``Template: legal``).
    """
    association, errors = read_association(settings)
    problems = [Problem(SETTINGS_FILE, str(error)) for error in errors]
    warnings = []
    if any(getattr(page, "template", "") == LEGAL_TEMPLATE for page in pages):
        warnings = [
            Problem(
                SETTINGS_FILE,
                f"{name} à compléter : {what}, pour les mentions légales "
                "(LCEN, article 6)",
            )
            for name, what in missing_legal_facts(association)
        ]
    return problems, warnings
