"""Jinja filters of the theme: dates in French, text for attributes, links."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from alternateur.french.dates import format_precise
from alternateur.french.plaintext import plain_text
from alternateur.french.typography import french_text
from alternateur.keys import PICTURES
from alternateur.model.images import ProcessedImage, place_pictures

from .pictures import Picture, picture

#: The theme's macros that write a ``<picture>`` (``includes/picture.html``).
PICTURE_TEMPLATE = "includes/picture.html"


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


def srcset(files: tuple[tuple[str, int], ...], siteurl: str | None) -> str:
    """``a-320.avif 320w, a-640.avif 640w``: a ``srcset`` from the site's root."""
    root = siteurl or ""
    return ", ".join(f"{root}/{path} {width}w" for path, width in files)


def _processed(context: Context) -> Mapping[str, ProcessedImage]:
    return context.get(PICTURES) or {}


@pass_context
def poster(context: Context, item: Any, eager: bool = True) -> Picture | None:
    """Describe the ``<picture>`` of a content's ``Image``, alt and credit.

    ``eager``: it is the first image of the page's main content (a page's or
    an event's own image); a timeline entry's is not.
    """
    metadata = getattr(item, "metadata", None) or {}
    image = _processed(context).get(str(metadata.get("image") or "").strip())
    if image is None:
        return None
    return picture(
        image,
        str(metadata.get("imagealt") or "").strip(),
        context["IMAGE_SIZES"],
        eager=eager,
        credit=str(metadata.get("imagecredit") or "").strip() or None,
    )


@pass_context
def pictures(context: Context, content: Any) -> Markup:
    """Make each marked body image of a content's HTML a ``<picture>``.

    The markup is the theme's macro, the one ``Image`` uses, rendered with
    the page's ``SITEURL``.
    """
    processed = _processed(context)
    macro = context.environment.get_template(PICTURE_TEMPLATE).module.picture
    siteurl = context.get("SITEURL", "")

    def render(name: str, alt: str, eager: bool) -> str:
        image = processed.get(name)
        if image is None:  # Never marked without being processed.
            return ""
        shown = picture(image, alt, context["IMAGE_SIZES"], eager=eager)
        return str(macro(shown, siteurl))

    return Markup(place_pictures(str(content or ""), render))


FILTERS: dict[str, Callable[..., Any]] = {
    "french_date": format_precise,
    "plain_french": plain_french,
    "site_root": site_root,
    "menu_current": menu_current,
    "srcset": srcset,
    "poster": poster,
    "pictures": pictures,
}
