"""Production settings: ``pelicanconf.py`` plus what publishing needs.

The site's address is not written here but read from the environment, so the
same sources publish to whichever repository or domain serves them:

- ``PAGES_DOMAIN`` (``www.exemple.org``): the site's own domain. The site is
  then ``https://<domain>``, and the domain is written to ``CNAME``, the file
  by which GitHub Pages keeps serving the site on it.
- ``SITEURL`` (``https://<owner>.github.io/<repository>``): the absolute
  address of a site without a domain of its own; the workflow computes it
  from the repository.
- neither: ``LOCAL_SITEURL``, an address on this computer, to look at the
  production build before publishing it (``python3 -m http.server -d output
  8000``). ``invoke gh-pages`` refuses to publish it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from urllib.parse import urlsplit

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403
from pelicanconf import PLUGINS

LOCAL_SITEURL = "http://127.0.0.1:8000"
# A host name: dot-separated labels of letters, digits and inner hyphens.
LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
DOMAIN = re.compile(rf"(?:{LABEL}\.)+{LABEL}")


def site_address(environ: Mapping[str, str]) -> tuple[str, str]:
    """Return ``(SITEURL, custom domain)``, or stop on a malformed value.

    A malformed address would publish a site whose every link is broken: the
    build stops with a message instead.
    """
    domain = environ.get("PAGES_DOMAIN", "").strip().lower()
    siteurl = environ.get("SITEURL", "").strip().rstrip("/")
    if domain and not DOMAIN.fullmatch(domain):
        sys.exit(
            f"publishconf.py: PAGES_DOMAIN « {domain} » n'est pas un nom de domaine "
            "(attendu par exemple www.exemple.org, sans https:// ni /)"
        )
    if domain and siteurl and siteurl != f"https://{domain}":
        sys.exit(
            f"publishconf.py: SITEURL « {siteurl} » ne correspond pas à "
            f"PAGES_DOMAIN « {domain} » (attendu https://{domain}, ou l'un des deux)"
        )
    if domain:
        return f"https://{domain}", domain
    if not siteurl:
        return LOCAL_SITEURL, ""
    parts = urlsplit(siteurl)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query:
        sys.exit(
            f"publishconf.py: SITEURL « {siteurl} » n'est pas une adresse absolue "
            "(attendu par exemple https://compte.github.io/depot)"
        )
    return siteurl, ""


SITEURL, CNAME = site_address(os.environ)
RELATIVE_URLS = False

# Every publication starts from an empty output folder and reads every source
# again: no file of an earlier build, no cached content can reach the site.
# (``invoke serve`` turns Pelican's content cache on for the preview only.)
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Root files for GitHub Pages and crawlers (plugins/alternateur/site_files.py).
NOJEKYLL = True
ROBOTS_TXT = True

# sitemap.xml, by the pelican-sitemap plugin; dated by the build's "now"
# (plugins/alternateur/sitemap_dates.py), never by the clock.
PLUGINS = [*PLUGINS, "sitemap"]
SITEMAP = {"format": "xml"}
