"""The names the plugin gives its values in Pelican's shared context.

Pelican hands every generator and template one dict, the build's context;
the plugin writes into it and reads from it across several modules. Each
name is said once, here, so that a writer and its readers cannot drift
apart (a literal ``"timeline"`` beside ``timeline.CONTEXT_KEY``).
"""

from __future__ import annotations

# The build's "now", read once per build (``model/clock.py``).
NOW = "now"
# The content problems found while reading (``checking/report.py``).
CONTENT_PROBLEMS = "content_problems"
# A setting: stop the build once every file is read (``invoke check``).
CHECK_ONLY = "CONTENT_CHECK_ONLY"
# What the generators read, as templates see it.
MILESTONES = "milestones"
EVENTS = "events"
# What the views build for the templates.
TIMELINE = "timeline"
AGENDA = "agenda"
# Every theme (views/themes.Theme), for their pages and feeds.
THEMES = "agenda_themes"
# The venues (model/contents.Venue), and their pages (views/venues.VenuePage).
VENUES = "venues"
VENUE_PAGES = "venue_pages"
# Where the milestones' feed goes, decided before any page is written.
MILESTONE_FEED = "milestone_feed"
# Pelican's own lists of pages.
PAGES = "pages"
HIDDEN_PAGES = "hidden_pages"
# The association's facts from the settings, and the home page's JSON-LD.
ASSOCIATION = "association"
ORGANIZATION_JSONLD = "organization_jsonld"
# Every page's shared picture (``outputs/sharing.Sharing``; issue 17).
SHARING = "sharing"

# The preview's banner of content problems (``hooks/preview.py``; issue 15).
PREVIEW_PROBLEMS = "preview_problems"

# The build's images (``outputs/images.Images``), and what each became, by
# file name (``model/images.ProcessedImage``), for the views and filters.
IMAGES = "alternateur_images"
PICTURES = "alternateur_pictures"
