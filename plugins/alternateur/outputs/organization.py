"""schema.org ``Organization`` data (JSON-LD) for the home page.

From the same settings as the footer and ``/contact/``
(``model/association.py``): what is not set is not said. ``sameAs`` lists
the association's profiles, so search engines tie them to the site.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from alternateur.french.plaintext import plain_text
from alternateur.model.association import Association
from alternateur.model.public_address import base_url
from alternateur.outputs.jsonld import SCHEMA, script_json


def organization(association: Association, settings: dict[str, Any]) -> dict[str, Any]:
    """One ``Organization``: name, url, logo, address, email, telephone, sameAs."""
    root = base_url(settings)
    static = settings.get("THEME_STATIC_DIR", "theme")
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": plain_text(association.name),
        "url": f"{root}/" if root else None,
        "logo": f"{root}/{static}/icon.svg" if root else None,
        "address": (
            {"@type": "PostalAddress", "streetAddress": ", ".join(association.address)}
            if association.address
            else None
        ),
        "email": association.email or None,
        "telephone": association.phone_url.removeprefix("tel:") or None,
        "sameAs": [link.url for link in association.social] or None,
    }
    return {key: value for key, value in data.items() if value is not None}


def organization_jsonld(association: Association, settings: dict[str, Any]) -> Markup:
    """Return the home page's ``<script type="application/ld+json">`` content."""
    return script_json(organization(association, settings))
