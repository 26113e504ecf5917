"""The association's facts in the templates' context, once every file is read.

``model/association.py`` reads the settings (their mistakes were reported by
``hooks/checking.py``, and are left out here); this hook finds the pages
that show them (``Template: contact``, ``Template: legal``), adds « Contact »
to the menu only when that page has something to show, gives each page and
event built from a file its « Modifier cette page » address, and hands the
home page its ``Organization`` JSON-LD.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pelican.generators import Generator

from alternateur import keys
from alternateur.model.association import (
    CONTACT_TEMPLATE,
    LEGAL_TEMPLATE,
    read_association,
)
from alternateur.outputs.organization import organization_jsonld


def add_association(generators: Sequence[Generator]) -> None:
    """Put ``association`` and ``organization_jsonld`` in the context."""
    if not generators:
        return
    context = generators[0].context
    settings = generators[0].settings
    association, _ = read_association(settings)
    contents = [
        item
        for generator in generators
        for name in (keys.PAGES, keys.HIDDEN_PAGES, keys.EVENTS)
        for item in getattr(generator, name, [])
    ]
    pages = {}
    for item in contents:
        template = getattr(item, "template", "")
        if template in {CONTACT_TEMPLATE, LEGAL_TEMPLATE} and template not in pages:
            pages[template] = item.url
        item.edit_url = association.edit_url(item.get_relative_source_path())
    association = replace(association, pages=pages)
    context[keys.ASSOCIATION] = association
    context[keys.ORGANIZATION_JSONLD] = organization_jsonld(association, settings)
    contact = pages.get(CONTACT_TEMPLATE)
    menu = list(context.get("MENU") or [])
    shown = contact is not None and association.has_contact
    if shown and all(link != contact for _, link in menu):
        context["MENU"] = [*menu, ("Contact", contact)]
