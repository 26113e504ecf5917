"""Budgets of the theme on the real site, with the real timeline and agenda."""

from __future__ import annotations

import pytest

from .budget_suite import (  # noqa: F401 (tests, collected here)
    base_url,
    test_complete_without_javascript,
    test_every_page_fits_in_the_first_round_trip,
    test_every_page_is_valid_html,
    test_no_accessibility_violation_and_no_request_elsewhere,
    test_readable_from_320_px_keyboard_first_and_printable,
)
from .sites import Site


@pytest.fixture(scope="module")
def site(real_site: Site) -> Site:
    return real_site


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {
        "home": "",
        "timeline": "etat-d-avancement/",
        "agenda": "agenda/",
        "event": "agenda/soiree-reconomie/",
        "theme": "agenda/themes/prefiguration/",
        "venue": "lieux/l-atelier/",
        "contact": "contact/",
        "legal": "mentions-legales/",
    }
