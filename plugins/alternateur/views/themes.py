"""Themes: the events' ``Tags``, each with its page and its feed.

A theme is one of Pelican's ``Tag`` objects, read from an event's ``Tags``:
its slug is Pelican's ``slugify`` of the name (with the site's
``TAG_REGEX_SUBSTITUTIONS``), so « Vélo » and « velo » are one theme, named
as the first file that writes it (by file name) spells it. Each theme's page
lists its events as the agenda does (« À venir », « Passés »), and its feed
holds only them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from pelican.urlwrappers import Tag

from alternateur.model.contents import Event
from alternateur.model.occurrences import Schedule
from alternateur.model.values import makes_address

from .agenda import Agenda, Subscription, part_of_agenda


@dataclass(frozen=True)
class ThemeLink:
    """A theme as a link: its name and the URL of its page."""

    name: str
    slug: str
    url: str


@dataclass(frozen=True)
class Theme:
    """One theme's page and feed: its events, sorted as the agenda sorts them."""

    link: ThemeLink
    save_as: str
    ics_save_as: str
    events: list[Event]
    agenda: Agenda

    @property
    def subscription(self) -> Subscription:
        """The theme's feed, for calendar apps."""
        return self.agenda.subscription

    # What ``base.html``'s head reads of a ``page``.
    @property
    def title(self) -> str:
        """« Thème : Vélo » (text; the template escapes it)."""
        return f"Thème : {self.link.name}"

    @property
    def summary(self) -> str:
        """The page's description for search engines and link previews."""
        return f"Les événements de l'agenda sur le thème {self.link.name}."

    @property
    def url(self) -> str:
        """The page's URL (``AGENDA_THEME_URL``)."""
        return self.link.url


def event_tags(event: Event) -> list[Tag]:
    """Return the event's ``Tags`` that make an address, each slug once."""
    seen: set[str] = set()
    found = []
    for tag in getattr(event, "tags", None) or []:
        if makes_address(tag.slug) and tag.slug not in seen:
            seen.add(tag.slug)
            found.append(tag)
    return found


def theme_link(name: str, slug: str, settings: dict[str, Any]) -> ThemeLink:
    """Return a theme's link, its URL from ``AGENDA_THEME_URL``."""
    return ThemeLink(name, slug, settings["AGENDA_THEME_URL"].format(slug=slug))


def theme_names(events: list[Event]) -> dict[str, str]:
    """Each theme's slug and its name, as the first file (by name) writes it."""
    names: dict[str, str] = {}
    for event in sorted(events, key=lambda item: item.source_path or ""):
        for tag in event_tags(event):
            names.setdefault(tag.slug, tag.name)
    return names


def links_of(
    event: Event, names: dict[str, str], settings: dict[str, Any]
) -> list[ThemeLink]:
    """Return the event's themes as links, in its order, named as the site does."""
    return [
        theme_link(names.get(tag.slug, tag.name), tag.slug, settings)
        for tag in event_tags(event)
    ]


def build_themes(
    scheduled: list[tuple[Event, Schedule]], page_url: str, settings: dict[str, Any]
) -> list[Theme]:
    """Every theme of the events, in alphabetical order, with its agenda.

    ``page_url`` is the agenda page's, which each theme's page links back to.
    """
    names = theme_names([event for event, _ in scheduled])
    themes = []
    for slug, name in sorted(names.items(), key=lambda pair: sort_key(pair[1])):
        chosen = [
            (event, times)
            for event, times in scheduled
            if any(tag.slug == slug for tag in event_tags(event))
        ]
        agenda = part_of_agenda(
            chosen,
            settings["AGENDA_THEME_ICS_URL"].format(slug=slug),
            page_url,
            settings,
        )
        themes.append(
            Theme(
                link=theme_link(name, slug, settings),
                save_as=settings["AGENDA_THEME_SAVE_AS"].format(slug=slug),
                ics_save_as=settings["AGENDA_THEME_ICS_SAVE_AS"].format(slug=slug),
                events=[event for event, _ in chosen],
                agenda=agenda,
            )
        )
    return themes


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical as readers expect: « école » between « eau » and « fête »."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)), name
