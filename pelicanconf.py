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
STATIC_PATHS = ["images"]
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

# Typogrify's filters that suit French: « & » and capitals wrapped for the
# stylesheet, no widowed last word. SmartyPants makes English quotes (“ ”) and
# initial_quotes only knows those: both off. The plugin adds French spacing,
# guillemets and apostrophes (plugins/alternateur/typography.py).
TYPOGRIFY = True
TYPOGRIFY_OMIT_FILTERS = ["smartypants", "initial_quotes"]
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
