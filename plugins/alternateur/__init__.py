"""L'Alternateur's Pelican plugin: the project's timeline and its agenda.

``register()`` only connects signals; each module does one job.
"""

from __future__ import annotations

from pelican import signals

from .generators import add_generators
from .memory import forget_rendered_content
from .preflight import check_before_reading, drop_faulty_pages
from .reader import use_precise_dates
from .settings import apply_defaults
from .site_files import write_site_files
from .sitemap_dates import date_sitemap_from_build
from .staging import stage_builds
from .timeline import add_timeline
from .typeset_pages import typeset_rendered_pages


def register() -> None:
    """Connect the plugin to Pelican (receivers live at module level)."""
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(stage_builds)
    signals.readers_init.connect(use_precise_dates)
    signals.get_generators.connect(add_generators)
    signals.generator_init.connect(check_before_reading)
    signals.page_generator_finalized.connect(drop_faulty_pages)
    signals.all_generators_finalized.connect(add_timeline)
    signals.finalized.connect(forget_rendered_content)
    signals.all_generators_finalized.connect(date_sitemap_from_build)
    signals.finalized.connect(write_site_files)
    signals.generator_init.connect(typeset_rendered_pages)
