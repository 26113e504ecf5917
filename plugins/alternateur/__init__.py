"""L'Alternateur's Pelican plugin: the project's timeline and its agenda.

``register()`` only connects signals; each module does one job.
"""

from __future__ import annotations

from collections.abc import Sequence

from pelican import signals
from pelican.generators import Generator

from .hooks.association import add_association
from .hooks.checking import check_page, collect_page_problems, finish_reading
from .hooks.generators import add_generators
from .hooks.incremental import index_or_carry, remember_builds
from .hooks.memory import forget_rendered_content
from .hooks.pictures import drop_originals, place_images
from .hooks.preview import remember_output, show_problems
from .hooks.sharing import plan_sharing
from .hooks.staging import stage_builds
from .hooks.template_cache import keep_templates
from .hooks.typeset_pages import typeset_rendered_pages
from .outputs.site_files import write_site_files
from .outputs.sitemap_dates import date_sitemap_from_build
from .reading.reader import use_precise_dates
from .settings import apply_defaults
from .views.timeline import add_timeline


def after_reading(generators: Sequence[Generator]) -> None:
    """Once every file is read, in this order (``all_generators_finalized``).

    The check first: in a strict build it stops here, before the timeline
    and the sitemap look at content it rejected; then the preview's banner
    of the problems found (``hooks/preview.py``, off outside the preview),
    the images (planned, body images marked, their variants written before
    any page), the timeline (it gives milestones their URLs), the sitemap's
    dates, and every page's shared picture (its files written before any
    page).
    """
    finish_reading(generators)
    show_problems(generators)
    place_images(generators)
    add_timeline(generators)
    add_association(generators)
    date_sitemap_from_build(generators)
    plan_sharing(generators)


def register() -> None:
    """Connect the plugin to Pelican (receivers live at module level)."""
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(stage_builds)
    # After staging: it wraps the staged run (hooks/incremental.py).
    signals.initialized.connect(remember_builds)
    signals.initialized.connect(remember_output)
    signals.readers_init.connect(use_precise_dates)
    signals.get_generators.connect(add_generators)
    signals.generator_init.connect(typeset_rendered_pages)
    signals.generator_init.connect(keep_templates)
    signals.content_object_init.connect(check_page)
    signals.page_generator_finalized.connect(collect_page_problems)
    signals.static_generator_finalized.connect(drop_originals)
    signals.all_generators_finalized.connect(after_reading)
    signals.finalized.connect(forget_rendered_content)
    signals.finalized.connect(write_site_files)
    signals.finalized.connect(index_or_carry)
