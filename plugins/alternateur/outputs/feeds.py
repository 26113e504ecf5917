"""The Atom feed of milestones, « Dernières nouvelles ».

People follow the project's progress in a feed reader: one entry per
milestone reached. The feed is built with ``feedgenerator`` (the library
Pelican's own ``Writer.write_feed`` uses) rather than through
``write_feed``, because Pelican derives entry ids from each item's date and
URL, and dates a feed without items by the clock; here every value comes from
the content, so the same sources always give the same feed, whatever day it is
built:

- an entry is dated by the start of the period its author wrote
  (``2019-10`` → 1 October 2019, midnight in Paris), never by the build;
- the feed's ``updated`` is the latest milestone reached;
- ids are tag URIs (RFC 4151) that stay the same from build to build: the
  site's host, the year of the oldest milestone (when the project began
  naming its milestones) and the milestone's file name, e.g.
  ``tag:example.org,2017:jalons/financement-region``. Refining a milestone's
  date (``2019-10`` → ``2019-10-15``) or retitling it keeps its id; adding a
  milestone older than every other one would change them all (the project
  began in 2017, so none is expected).

Planned milestones are left out: they are not news yet, and enter the feed
with their own date once a build runs after it.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from feedgenerator import Atom1Feed
from pelican.utils import get_relative_path, path_to_url, sanitised_join

from alternateur import keys
from alternateur.french.plaintext import plain_text
from alternateur.model.clock import build_now
from alternateur.model.contents import Milestone, is_planned
from alternateur.model.images import ProcessedImage, place_pictures

logger = logging.getLogger(__name__)

# The tag of an entry names the kind of content, then the milestone.
TAG_SPECIFIC = "jalons"
# Without a public address (the local preview), ids still need an authority.
PREVIEW_AUTHORITY = "localhost"
# The width of a body image in a feed entry (its fallback file nearest it).
FEED_IMAGE_WIDTH = 960


@dataclass(frozen=True)
class MilestoneFeed:
    """Where the feed is written and how pages link to it."""

    path: str
    url: str
    title: str


def plan_feed(
    settings: Mapping[str, Any], milestones: Sequence[Milestone], now: datetime
) -> MilestoneFeed | None:
    """Say whether this build has a feed, and where.

    A feed needs a path (``MILESTONE_FEED_ATOM``) and at least one milestone
    reached: an empty feed would have no honest ``updated`` date.
    """
    path = settings.get("MILESTONE_FEED_ATOM")
    if not path or all(is_planned(m.date, now) for m in milestones):
        return None
    title = f"{settings['SITENAME']} — {settings['MILESTONE_FEED_TITLE']}"
    return MilestoneFeed(
        path=path,
        url=settings.get("MILESTONE_FEED_ATOM_URL") or path_to_url(path),
        title=plain_text(title),
    )


def _site_base(settings: Mapping[str, Any], feed: MilestoneFeed) -> str:
    """Return the site's address as seen from the feed, without a final slash.

    Published, the site has an absolute address (``FEED_DOMAIN``, which
    Pelican defaults to ``SITEURL``). The local preview has none: links are
    then relative to the feed's own folder, as a feed reader resolves them.
    """
    domain = str(settings.get("FEED_DOMAIN") or settings.get("SITEURL") or "")
    if urlsplit(domain).scheme:
        return domain.rstrip("/")
    return path_to_url(get_relative_path(feed.url))


def _authority(settings: Mapping[str, Any]) -> str:
    domain = str(settings.get("FEED_DOMAIN") or settings.get("SITEURL") or "")
    return urlsplit(domain).hostname or PREVIEW_AUTHORITY


def feed_images(
    content: str, processed: Mapping[str, ProcessedImage], base: str
) -> str:
    """Give a feed entry's body images as one plain ``<img>`` each, absolute.

    Feed readers show ``<img>`` and seldom ``<picture>``: the fallback
    variant nearest 960 px wide, with its size and alternative text.
    """

    def render(name: str, alt: str, eager: bool) -> str:
        del eager  # A feed reader loads as it pleases.
        image = processed.get(name)
        if image is None:
            return ""
        files = image.of_type(image.fallback)
        chosen = next((v for v in files if v.width >= FEED_IMAGE_WIDTH), files[-1])
        return (
            f'<img src="{html.escape(base)}/{chosen.path}" alt="{html.escape(alt)}" '
            f'width="{chosen.width}" height="{chosen.height}">'
        )

    return place_pictures(content, render)


def build_feed(
    feed: MilestoneFeed,
    milestones: Sequence[Milestone],
    now: datetime,
    settings: Mapping[str, Any],
) -> Atom1Feed:
    """Build the Atom feed of the milestones reached, newest first.

    ``milestones`` are every published one, in the timeline's order.
    """
    base = _site_base(settings, feed)
    tagging_entity = f"{_authority(settings)},{milestones[0].date.year}"
    atom = Atom1Feed(
        title=feed.title,
        link=f"{base}/",
        description=plain_text(settings.get("SITESUBTITLE") or ""),
        language=settings.get("DEFAULT_LANG"),
        feed_url=f"{base}/{feed.url}",
        feed_guid=f"tag:{tagging_entity}:{TAG_SPECIFIC}",
        author_name=plain_text(settings["AUTHOR"]),
    )
    reached = [m for m in milestones if not is_planned(m.date, now)]
    newest_first = reached[::-1][: settings.get("FEED_MAX_ITEMS")]
    for milestone in newest_first:
        atom.add_item(
            title=plain_text(milestone.title),
            link=f"{base}/{milestone.url}",
            description=milestone.metadata.get("summary"),
            content=feed_images(
                milestone.get_content(base), settings.get(keys.PICTURES) or {}, base
            ),
            unique_id=f"tag:{tagging_entity}:{TAG_SPECIFIC}/{milestone.slug}",
            pubdate=milestone.date,
        )
    return atom


def write_feed(output_path: str, context: dict[str, Any]) -> None:
    """Write the feed this build planned, if any (from the generator's output)."""
    feed: MilestoneFeed | None = context.get(keys.MILESTONE_FEED)
    milestones: Sequence[Milestone] = context.get(keys.MILESTONES, [])
    now = build_now(context)
    if feed is None or all(is_planned(m.date, now) for m in milestones):
        return
    path = sanitised_join(output_path, feed.path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        build_feed(feed, milestones, now, context).write(file, "utf-8")
    logger.info('Writing "%s"', path)
