"""Every HTML page the theme renders comes out in French typography.

Pelican renders each page with its template's ``render`` and writes what it
returns. Jinja makes an environment's templates from a class it lets us
choose (``Environment.template_class``): ours typesets what ``render``
returns, once, before the page is written, whichever generator or template
renders it, including the ones added later. Reading each written page back
from disk (the ``content_written`` signal) cost a read and a second write
per page.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Template
from pelican.generators import Generator

from alternateur.french.typography import french_page


class TypesetTemplate(Template):
    """A template whose HTML pages are typeset as they are rendered."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        """Render, then typeset if the template makes an HTML page."""
        page = super().render(*args, **kwargs)
        if self.name is not None and self.name.endswith(".html"):
            return french_page(page)
        return page


def typeset_rendered_pages(generator: Generator) -> None:
    """Answer ``generator_init``: its templates, loaded later, typeset pages.

    ``FRENCH_TYPOGRAPHY = False`` leaves Jinja's own templates.
    """
    if generator.settings.get("FRENCH_TYPOGRAPHY", True):
        generator.env.template_class = TypesetTemplate
