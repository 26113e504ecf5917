"""The plugin's settings, with their defaults in one place.

Any of them can be overridden in ``pelicanconf.py``.
"""

from __future__ import annotations

from typing import Any

from pelican import Pelican

from .views.filters import FILTERS

DEFAULTS: dict[str, Any] = {
    # Milestones (jalons): one Markdown file each, shown on the timeline page.
    "MILESTONE_PATHS": ["milestones"],
    "MILESTONE_EXCLUDES": [],
    # A milestone's address is its anchor on the page with ``Template: timeline``.
    "MILESTONE_URL": "{timeline_url}#{slug}",
    "MILESTONE_SAVE_AS": "",
    # Atom feed of the milestones reached (« Dernières nouvelles »); None: none.
    "MILESTONE_FEED_ATOM": "feeds/jalons.atom.xml",
    "MILESTONE_FEED_ATOM_URL": None,  # Defaults to the path.
    "MILESTONE_FEED_TITLE": "Dernières nouvelles",
    # How many milestones reached the home page lists, newest first.
    "HOME_LATEST_MILESTONES": 3,
    # Events: one Markdown file each, one page each under the agenda.
    "EVENT_PATHS": ["events"],
    "EVENT_EXCLUDES": [],
    "EVENT_URL": "agenda/{slug}/",
    "EVENT_SAVE_AS": "agenda/{slug}/index.html",
    # How far ahead the agenda lists each occurrence of a recurring event.
    "AGENDA_HORIZON_MONTHS": 3,
    # Root files of the published site (site_files.py); publishconf.py sets them.
    "NOJEKYLL": False,
    "CNAME": "",
    "ROBOTS_TXT": False,
    "ROBOTS_TXT_SITEMAP": "sitemap.xml",
    # How many occurrences the home page announces.
    "AGENDA_HOME_OCCURRENCES": 3,
    # The agenda's iCalendar files: the whole agenda, and one per event.
    "AGENDA_ICS_URL": "agenda.ics",
    "AGENDA_ICS_SAVE_AS": "agenda.ics",
    "EVENT_ICS_URL": "agenda/{slug}.ics",
    "EVENT_ICS_SAVE_AS": "agenda/{slug}.ics",
    # The calendar's name in calendar apps (None: « Agenda de <SITENAME> »).
    "AGENDA_CALENDAR_NAME": None,
    # The published site's host, for UIDs and subscribe links when SITEURL is
    # relative (the preview); an absolute SITEURL gives it otherwise.
    "AGENDA_DOMAIN": None,
    # The host written in every iCalendar UID. Unset, it is the site's host;
    # before the site moves to another domain, set it to the old host so that
    # subscribers' calendars do not get every event twice.
    "ICAL_UID_DOMAIN": None,
    # French spacing and quotes on every written page (typography.py).
    "FRENCH_TYPOGRAPHY": True,
    # --- The preview's banner (hooks/preview.py) ---
    # Only ``invoke serve`` turns it on: every page then lists the content
    # problems in a banner. Never in a build that is published.
    "PREVIEW_PROBLEMS_BANNER": False,
}


def apply_defaults(pelican: Pelican) -> None:
    """Fill in missing settings, and keep our folders out of the articles.

    Pelican reads the whole content folder as articles by default; milestones
    and events have their own generators and must not be read twice.
    """
    settings = pelican.settings
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    settings["JINJA_FILTERS"] = {**FILTERS, **settings.get("JINJA_FILTERS", {})}
    excludes = settings.setdefault("ARTICLE_EXCLUDES", [])
    for path in (*settings["MILESTONE_PATHS"], *settings["EVENT_PATHS"]):
        if path not in excludes:
            excludes.append(path)
