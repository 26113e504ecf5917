"""The site's public address, for what must be absolute: feeds, UIDs, JSON-LD.

The preview is built with a relative ``SITEURL``; calendar apps, search
engines and subscribe links need the published address. ``SITEURL`` gives it
when it is absolute (production); otherwise the ``AGENDA_DOMAIN`` setting
does, so that the preview shows the same links as the published site.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .contents import Event

# Last resort for a site that says nothing of its address: no real domain is
# made up, and the UIDs stay unique to this site.
UNKNOWN_DOMAIN = "localhost"


def _absolute_siteurl(settings: dict[str, Any]) -> str | None:
    url = str(settings.get("SITEURL") or "")
    return url.rstrip("/") if urlsplit(url).scheme in {"http", "https"} else None


def base_url(settings: dict[str, Any]) -> str | None:
    """``https://host`` (no trailing slash), or None if the site has no address."""
    siteurl = _absolute_siteurl(settings)
    if siteurl is not None:
        return siteurl
    domain = settings.get("AGENDA_DOMAIN")
    return f"https://{domain}" if domain else None


def domain(settings: dict[str, Any]) -> str:
    """Return the host that makes the site's iCalendar UIDs globally unique."""
    siteurl = _absolute_siteurl(settings)
    if siteurl is not None:
        return urlsplit(siteurl).netloc
    return settings.get("AGENDA_DOMAIN") or UNKNOWN_DOMAIN


def absolute_url(settings: dict[str, Any], path: str) -> str:
    """Return the absolute URL of a site path (``agenda/x/``)."""
    return f"{base_url(settings) or ''}/{path.lstrip('/')}"


def event_ics_url(event: Event, settings: dict[str, Any]) -> str | None:
    """Return the site path of the event's own ``.ics``, if it can have one.

    An event known to the month only cannot be said in iCalendar.
    """
    if not event.expressible:
        return None
    return settings["EVENT_ICS_URL"].format(slug=event.slug)


def event_ics_path(event: Event, settings: dict[str, Any]) -> str | None:
    """Return the output file of the event's own ``.ics``, if it has one."""
    if not event.expressible:
        return None
    return settings["EVENT_ICS_SAVE_AS"].format(slug=event.slug)
