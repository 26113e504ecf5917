"""Settings of L'Alternateur's site, for the local preview.

``publishconf.py`` adds the production settings on top of these.
"""

AUTHOR = "L'Alternateur"
SITENAME = "L'Alternateur"
SITESUBTITLE = "Tiers-lieu de la transition écologique et sociale à Champigny-sur-Marne"
SITEURL = ""

PATH = "content"
THEME = "theme"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
LOCALE = ("fr_FR.UTF-8", "fr_FR", "C.UTF-8", "")

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["alternateur"]

# The site has pages, milestones and events; no blog articles.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
# The authors' images (content/images/) are never copied as they are: the
# plugin publishes their resized variants (plugins/alternateur/outputs/images.py).
STATIC_PATHS: list[str] = []
DIRECT_TEMPLATES: list[str] = []
# Pages keep the URL of their file name: retitling a page never breaks a link.
SLUGIFY_SOURCE = "basename"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# No empty archive, author, category or tag pages.
ARTICLE_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_SAVE_AS = ""

# Pelican's article feeds are off: the plugin writes the site's own feeds.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Typogrify's filter that suits French: « & » wrapped for the stylesheet.
# SmartyPants makes English quotes (“ ”) and initial_quotes only knows those:
# both off. ``caps`` is off too: its small capitals clashed with full-size
# letters beside them (« RER E », PADIE, ESS); and ``widont``, whose no-break
# space between the last two words made « l’entrepreneuriat individuel » one
# word wider than a 320 px phone (issue 19, tests/test_visual.py). The plugin
# adds French spacing, guillemets and apostrophes (french/typography.py).
TYPOGRIFY = True
TYPOGRIFY_OMIT_FILTERS = ["smartypants", "initial_quotes", "caps", "widont"]
TYPOGRIFY_IGNORE_TAGS = ["pre", "code", "kbd", "samp", "script", "style"]

RELATIVE_URLS = True

# Pelican's content cache stays off here: only ``invoke serve`` turns it on
# (CACHE_CONTENT, LOAD_CONTENT_CACHE) for quick rebuilds while writing. Builds
# and tests read every file, and ``publishconf.py`` never loads a cache.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DEFAULT_PAGINATION = False

# Main navigation: (label, URL relative to the site root).
MENU = [
    ("Le projet", "le-projet/"),
    ("État d'avancement", "etat-d-avancement/"),
    ("Agenda", "agenda/"),
]

# The site's search (/recherche/): Pagefind indexes the pages after each build,
# the preview's and the published one (plugins/alternateur/outputs/search_index.py).
SEARCH_INDEX = True
# The association: how to reach, join and follow it, and the legal notice
# (« Réglages de l'association » in docs/rediger.md). Empty until the team
# fills them in: nothing empty is shown, and `invoke check` lists the legal
# notice's facts still « à compléter ». Examples, to copy and adapt:
#   ASSOCIATION_ADDRESS = ["12 rue Exemple", "94500 Champigny-sur-Marne"]
#   ASSOCIATION_EMAIL = "contact@example.org"
#   ASSOCIATION_SOCIAL = [("Mastodon", "https://mastodon.example/@nom")]
ASSOCIATION_ADDRESS = ""
ASSOCIATION_EMAIL = ""
ASSOCIATION_PHONE = ""
ASSOCIATION_HOURS = ""
ASSOCIATION_JOIN_URL = ""
ASSOCIATION_DONATE_URL = ""
ASSOCIATION_NEWSLETTER_URL = ""
ASSOCIATION_SOCIAL: list[tuple[str, str]] = []
ASSOCIATION_RNA = ""
ASSOCIATION_SIREN = ""
ASSOCIATION_SEAT = ""
ASSOCIATION_PUBLICATION_DIRECTOR = ""
# « Modifier cette page » in the footer: https://github.com/<owner>/<repository>.
SOURCE_REPOSITORY = ""
