"""Files at the root of the published site, read by its host and by crawlers.

Each is written only when its setting asks for it (``publishconf.py`` does),
never by the local preview:

- ``.nojekyll`` (``NOJEKYLL``): GitHub Pages serves the files as they are,
  instead of running Jekyll on them (which would drop any ``_``-prefixed file);
- ``CNAME`` (``CNAME``, a domain): the custom domain GitHub Pages serves the
  site on; a branch published without it loses its domain;
- ``robots.txt`` (``ROBOTS_TXT``): lets every crawler in and points to the
  sitemap, by its absolute address.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import Pelican

logger = logging.getLogger(__name__)


def robots_txt(siteurl: str, sitemap: str) -> str:
    """Return a ``robots.txt`` that allows everything and names the sitemap."""
    lines = ["User-agent: *", "Disallow:"]
    if sitemap:
        lines.append(f"Sitemap: {siteurl}/{sitemap}")
    return "\n".join(lines) + "\n"


def site_files(settings: dict) -> dict[str, str]:
    """Return the root files these settings ask for, by name."""
    files = {}
    if settings["NOJEKYLL"]:
        files[".nojekyll"] = ""
    if settings["CNAME"]:
        files["CNAME"] = settings["CNAME"] + "\n"
    if settings["ROBOTS_TXT"]:
        files["robots.txt"] = robots_txt(
            settings["SITEURL"], settings["ROBOTS_TXT_SITEMAP"]
        )
    return files


def write_site_files(pelican: Pelican) -> None:
    """Write the root files once the site is built (``finalized``)."""
    for name, text in site_files(pelican.settings).items():
        path = Path(pelican.output_path) / name
        path.write_text(text, encoding="utf-8", newline="\n")
        logger.info("Writing %s", path)
