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
    # Search (outputs/search_index.py): Pagefind indexes the written pages
    # into pagefind/ after each build; pelicanconf.py turns it on.
    "SEARCH_INDEX": False,
    # The association (issue 19): how to reach, join and follow it, and the
    # legal notice. The sources give none of these facts: every one is empty
    # until the team fills it in, and shown only once set (docs/rediger.md,
    # « Réglages de l'association »). Checked as the build starts
    # (checking/settings_rules.py).
    "ASSOCIATION_NAME": None,  # Defaults to SITENAME.
    "ASSOCIATION_ADDRESS": "",  # Postal address; lines kept (text or list).
    "ASSOCIATION_EMAIL": "",  # contact@…, without mailto:.
    "ASSOCIATION_PHONE": "",  # As written: « 01 23 45 67 89 ».
    "ASSOCIATION_HOURS": "",  # Opening hours; lines kept.
    "ASSOCIATION_JOIN_URL": "",  # Adhésion (https only).
    "ASSOCIATION_DONATE_URL": "",  # Dons, e.g. a HelloAsso page (https only).
    "ASSOCIATION_NEWSLETTER_URL": "",  # Newsletter sign-up (https only).
    # Profiles as plain links, never widgets: [("Mastodon", "https://…"), …];
    # a « Mastodon » link gets rel="me" (profile verification).
    "ASSOCIATION_SOCIAL": [],
    # The legal notice's publisher (LCEN, article 6): missing ones are listed
    # as « à compléter » by invoke check and the build's log.
    "ASSOCIATION_RNA": "",  # W and 9 digits.
    "ASSOCIATION_SIREN": "",  # 9 digits, if the association has one.
    "ASSOCIATION_SEAT": "",  # Siège social; lines kept.
    "ASSOCIATION_PUBLICATION_DIRECTOR": "",
    # The host of the published site: GitHub Pages. Source: GitHub's General
    # Privacy Statement, « Contacting GitHub »
    # (https://docs.github.com/en/site-policy/privacy-policies/github-general-privacy-statement):
    # GitHub, Inc., 88 Colin P. Kelly Jr. Street, San Francisco, CA 94107,
    # United States. Override both if the site moves.
    "LEGAL_HOST_NAME": "GitHub, Inc. (GitHub Pages)",
    "LEGAL_HOST_ADDRESS": [
        "88 Colin P. Kelly Jr. Street",
        "San Francisco, CA 94107",
        "États-Unis",
    ],
    "LEGAL_HOST_URL": "https://pages.github.com",
    # « Modifier cette page »: the GitHub repository (https://github.com/o/r),
    # its default branch and the content folder in it; no link while empty.
    "SOURCE_REPOSITORY": "",
    "SOURCE_BRANCH": "main",
    "SOURCE_CONTENT_FOLDER": "content",
    # --- The preview's banner (hooks/preview.py) ---
    # Only ``invoke serve`` turns it on: every page then lists the content
    # problems in a banner. Never in a build that is published.
    "PREVIEW_PROBLEMS_BANNER": False,
    # --- The incremental preview (hooks/incremental.py) ---
    # Only ``invoke serve`` turns it on: an event page whose inputs did not
    # change is not rendered again, the search index is the first build's.
    "PREVIEW_INCREMENTAL": False,
    # Themes (issue 16): each of the events' Tags has a page listing its
    # events and a feed of them; {slug} is Pelican's slugify of the tag
    # (TAG_REGEX_SUBSTITUTIONS), so « Vélo » and « velo » are one theme.
    "AGENDA_THEME_URL": "agenda/themes/{slug}/",
    "AGENDA_THEME_SAVE_AS": "agenda/themes/{slug}/index.html",
    "AGENDA_THEME_ICS_URL": "agenda/themes/{slug}.ics",
    "AGENDA_THEME_ICS_SAVE_AS": "agenda/themes/{slug}.ics",
    # Each event's serialized VEVENT kept under CACHE_PATH/vevents by a hash
    # of its inputs (hooks/calendar_cache.py); the same bytes either way.
    "VEVENT_CACHE": True,
    # Jinja's compiled templates kept in memory and under CACHE_PATH/templates
    # by the environment that compiled them (hooks/template_cache.py).
    "TEMPLATE_CACHE": True,
    # Venues (issue 16): one Markdown file each in content/venues/, named by
    # events' ``Venue``; each has a page listing its events and a feed.
    "VENUE_PATHS": ["venues"],
    "VENUE_EXCLUDES": [],
    "VENUE_URL": "lieux/{slug}/",
    "VENUE_SAVE_AS": "lieux/{slug}/index.html",
    "VENUE_ICS_URL": "lieux/{slug}.ics",
    "VENUE_ICS_SAVE_AS": "lieux/{slug}.ics",
    # --- Images (issue 17; outputs/images.py, docs/architecture.md) ---
    # Widths made of each source, in pixels: never wider than the source,
    # whose own width is added when it is narrower than the widest. 320 is a
    # phone at 1x and the agenda's thumbnails at 2x or 3x; 1920 the content
    # column (41rem) at 3x, with some margin.
    "IMAGE_WIDTHS": [320, 640, 960, 1280, 1920],
    # Modern formats, best first, each a <source> of <picture>; the fallback
    # (JPEG, PNG for a transparent source) is always made.
    "IMAGE_FORMATS": ["avif", "webp"],
    # Encoders' quality (0 to 100): a 4000×3000 photo at 1280 px, what a
    # 390 px phone at 3x loads, is about 60 KB in AVIF (budget: 80 KB).
    "IMAGE_QUALITY": {"avif": 45, "webp": 70, "jpeg": 80},
    # Where the variants go in the site: <folder>/<name>-<hash8>-<width>.<ext>.
    "IMAGE_OUTPUT": "images",
    # Encoded variants kept between builds (None: CACHE_PATH/images).
    "IMAGE_CACHE_PATH": None,
    # How wide an image is shown, for the browser's choice in srcset: the
    # content column of theme/static/site.css (.wrap: 44rem at most, padding
    # 1rem, then 1.5rem from 30em).
    "IMAGE_SIZES": (
        "(min-width: 44em) 41rem, (min-width: 30em) calc(100vw - 3rem), "
        "calc(100vw - 2rem)"
    ),
    # The agenda's thumbnails (.occurrence-thumbnail in site.css).
    "IMAGE_THUMBNAIL_SIZES": "6rem",
    # Sharing (issue 17, outputs/sharing.py): every page's og:image, 1200×630,
    # and each event's JSON-LD images: the page's Image cropped, else a card
    # drawn at build time. False: no picture in link previews or JSON-LD.
    "SHARE_IMAGES": True,
    # The folder of these files in the site (cartes/agenda-soupe.1a2b3c4d.png).
    "SHARE_IMAGES_PATH": "cartes",
    # Processes that draw what the cache lacks (0: one per processor). A first
    # build of a thousand events draws four thousand files.
    "SHARE_IMAGES_PROCESSES": 0,
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
    for path in (
        *settings["MILESTONE_PATHS"],
        *settings["EVENT_PATHS"],
        *settings["VENUE_PATHS"],
    ):
        if path not in excludes:
            excludes.append(path)
