"""Jinja filters of the theme: dates in French, text for attributes, links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alternateur.french.dates import format_precise
from alternateur.french.plaintext import plain_text
from alternateur.french.typography import french_text


def plain_french(html: Any) -> str:
    """Plain text, French spacing included, from a title or summary in HTML.

    Typogrify runs on titles too, so a title may carry markup
    (``<span class="caps">``, ``&amp;``; Pelican issues #1930 and #3273).
    Whatever is not a text node of the page needs plain text: ``<title>``,
    attributes and ``<meta>`` tags here, and JSON-LD, iCalendar and feeds.
    The result is not escaped: in HTML, follow it with ``|e``.
    """
    if html is None:
        return ""
    return french_text(plain_text(str(html)))


def site_root(siteurl: str | None) -> str:
    """``SITEURL`` if it is absolute, else ``""`` (links from the site's root).

    With ``RELATIVE_URLS`` (the preview), a page's ``SITEURL`` is relative to
    the page (``..``): right for normal pages, wrong for the 404 page, which
    the server shows at any depth, and useless for a canonical URL.
    """
    siteurl = (siteurl or "").rstrip("/")
    return siteurl if siteurl.startswith(("https://", "http://")) else ""


def menu_current(link: str, url: str | None) -> str | None:
    """Give the ``aria-current`` value of a menu link on the page at ``url``.

    ``page`` on the page itself; ``true`` on a page below it (an event under
    « Agenda »), so the menu still says where the reader is; else nothing.
    """
    if url is None:
        return None
    if url == link:
        return "page"
    if link and url.startswith(link):
        return "true"
    return None


FILTERS: dict[str, Callable[..., Any]] = {
    "french_date": format_precise,
    "plain_french": plain_french,
    "site_root": site_root,
    "menu_current": menu_current,
}
