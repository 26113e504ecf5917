"""A long-running preview forgets each build once it is written.

``invoke serve`` rebuilds the site in one process at every save. Pelican
memoizes the HTML and summary of every page in a cache attached to
``Content.get_content`` and ``Content.get_summary``, keyed by the page
object, which no build ever empties: each rebuild kept the whole previous
site alive, about 5 MiB more per save with a thousand events (measured with
``invoke bench``). A one-shot build ends anyway; a preview must not grow.
"""

from __future__ import annotations

from pelican import Pelican
from pelican.contents import Content


def forget_rendered_content(pelican: Pelican) -> None:
    """Empty Pelican's memoized HTML once a build is over (``finalized``)."""
    del pelican  # The caches are Pelican's, shared by every build.
    for method in (Content.get_content, Content.get_summary):
        method.cache.clear()
