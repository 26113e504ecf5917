"""The special pages: the home page, and the pages a template makes special.

The timeline and the agenda are shown by the page whose ``Template`` says
so (``Template: timeline``); the milestones' addresses, the events' way back
and the site's rules all ask for that one page, by one function.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from pelican.contents import Content

logger = logging.getLogger(__name__)

# The file the home page writes (``Save_as: index.html``).
HOME = "index.html"


def page_with_template(
    pages: Iterable[Content], template: str, *, warn: bool = True
) -> Content | None:
    """Return the page whose template is ``template``, or None.

    With several, the first by source path wins (the same one in every
    build) and, when ``warn``, the others are reported: a milestone has one
    address.
    """
    candidates = sorted(
        (page for page in pages if getattr(page, "template", None) == template),
        key=lambda page: page.source_path,
    )
    if warn:
        for extra in candidates[1:]:
            logger.warning(
                "%s: une autre page porte déjà « Template: %s » (%s) ; "
                "les liens mènent à celle-là",
                extra.get_relative_source_path(),
                template,
                candidates[0].get_relative_source_path(),
            )
    return candidates[0] if candidates else None
