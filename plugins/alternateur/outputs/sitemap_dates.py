"""The sitemap's dates come from the build's "now", never from the clock.

``pelican-sitemap`` dates each page by its ``modified`` or ``date`` field and
falls back to ``datetime.now()``, read once when the plugin is imported. Our
pages and events have no ``date``, so every ``<lastmod>`` would be that
instant: a different sitemap at each build with the same sources, and a
naive time written as ``-00:00``. The plugin has no setting for it; this
receiver gives it the build's single "now" (``SOURCE_DATE_EPOCH`` when set),
so two builds of the same sources at the same "now" write the same sitemap.
An author may still date a page's last change with ``Modified: AAAA-MM-JJ``.
"""

from __future__ import annotations

from typing import Any

from alternateur.model.clock import build_now

try:
    from pelican.plugins.sitemap import sitemap
except ImportError:  # pragma: no cover - the plugin is in requirements.txt
    sitemap = None


def date_sitemap_from_build(generators: list[Any]) -> None:
    """Give the sitemap the build's "now" (``all_generators_finalized``)."""
    if sitemap is None or not generators:
        return
    sitemap.generator.now = build_now(generators[0].context)
