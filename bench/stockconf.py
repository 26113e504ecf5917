"""Stock Pelican for the benchmark: default theme, no plugin.

The benchmark's reference build: the same synthetic files read as plain
articles (events and milestones) and pages, by Pelican alone, with every
default (its theme, its index, tag, category, author and archive pages and
its feeds). ``bench.stock`` gives each event a ``Date`` (its ``Start``) so
that Pelican accepts it as an article, and drops the page templates that
only the site's theme has.
"""

SITENAME = "Pelican de référence"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
PLUGINS: list[str] = []
ARTICLE_PATHS = ["events", "milestones"]
PAGE_PATHS = ["pages"]
