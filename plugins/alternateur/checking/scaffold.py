"""New event and milestone files, named and laid out as the site expects.

``invoke new-event`` and ``invoke new-milestone`` call these. The file is
named after the title with Pelican's own ``slugify`` (the name the build
gives its address), never replaces a file, and holds every field the kind
documents: those given filled in, the others empty (an empty field counts as
absent, see ``contents._AuthoredContent``), ready to fill in.

It is created as a draft (``Status: draft``): built and checked, but not
published until its author removes that line. An event must have a
description to be published, and a scaffold cannot write one; a draft cannot
reach the site half-written. Before anything is written the file is read by
the build's own reader and content class, in a scratch folder: a scaffold
that the build (and so ``invoke check``) would reject is refused with the
same message.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican.readers import Readers
from pelican.utils import posixize_path, slugify

from alternateur.model.contents import Event, Milestone, _AuthoredContent
from alternateur.model.errors import ContentError
from alternateur.model.schema import EVENT, MILESTONE, Kind
from alternateur.model.venues import find_venue

CLASSES: dict[str, type[_AuthoredContent]] = {"event": Event, "milestone": Milestone}


class ScaffoldError(Exception):
    """Why a file was not created, in French, for the author."""


def file_text(fields: tuple[str, ...], values: Mapping[str, str]) -> str:
    """Write a header with every field, in the documented order, then an empty text."""
    lines = [f"{name}: {values.get(name, '')}".rstrip() for name in fields]
    return "\n".join(lines) + "\n\n"


def slug_for(settings: Mapping[str, Any], title: str) -> str:
    """Return the file name (and address) Pelican makes of ``title``."""
    return slugify(
        title,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def _one_line(name: str, value: str) -> str:
    text = " ".join(value.split())
    if "\n" in value.strip() or "\r" in value.strip():
        msg = f"{name} « {text} » tient sur plusieurs lignes (attendu une seule ligne)"
        raise ScaffoldError(msg)
    return text


def create(
    settings: Mapping[str, Any], kind: Kind, title: str, values: Mapping[str, str]
) -> Path:
    """Create the draft file of a new ``kind`` titled ``title``; return its path.

    Raises ``ScaffoldError``, having written nothing, when the title gives no
    file name, when a file already has that name or address, or when the file
    would not pass ``invoke check``.
    """
    title = _one_line("Title", title)
    if not title:
        raise ScaffoldError("Title est vide (attendu le titre, entre guillemets)")
    slug = slug_for(settings, title)
    if not slug:
        msg = (
            f"Title « {title} » ne donne aucun nom de fichier (attendu un titre "
            "avec des lettres ou des chiffres)"
        )
        raise ScaffoldError(msg)
    base = Path(settings["PATH"])
    folder = posixize_path(settings[f"{kind.setting_prefix}_PATHS"][0])
    relative = f"{folder}/{slug}.md"
    path = base / relative
    if path.exists():
        msg = (
            f"{relative} existe déjà : rien n'a été écrit (attendu un autre "
            "titre, ou modifiez ce fichier)"
        )
        raise ScaffoldError(msg)
    for other in _same_slug(settings, kind, slug):
        msg = (
            f"{other} a déjà le nom « {slug} » : rien n'a été écrit (attendu un "
            "autre titre)"
        )
        raise ScaffoldError(msg)
    written = {name: _one_line(name, value) for name, value in values.items()}
    text = file_text(kind.names, {"Title": title, **written, "Status": "draft"})
    problems = [f"{relative}: {p}" for p in read_problems(settings, kind, text)]
    if problems:
        raise ScaffoldError("Rien n'a été écrit :\n" + "\n".join(problems))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as new_file:
            new_file.write(text)
    except FileExistsError:  # Created meanwhile: still never overwritten.
        msg = f"{relative} existe déjà : rien n'a été écrit"
        raise ScaffoldError(msg) from None
    return path


def read_problems(settings: Mapping[str, Any], kind: Kind, text: str) -> list[str]:
    """Read ``text`` as the build reads a file of ``kind``: its problems."""
    with tempfile.TemporaryDirectory() as folder:
        relative = f"{kind.name}.md"
        Path(folder, relative).write_text(text, encoding="utf-8")
        readers = Readers(dict(settings))
        context = {**settings, "generated_content": {}, "static_content": {}}
        item = readers.read_file(
            base_path=folder,
            path=relative,
            content_class=CLASSES[kind.name],
            context=context,
        )
    return item.problems


def _same_slug(settings: Mapping[str, Any], kind: Kind, slug: str) -> list[str]:
    """List the files of ``kind`` whose name gives ``slug`` (``Fête.md``: fete)."""
    base = Path(settings["PATH"])
    found = []
    for folder in settings[f"{kind.setting_prefix}_PATHS"]:
        for path in sorted((base / folder).rglob("*.md")):
            if slug_for(settings, path.stem) == slug:
                found.append(posixize_path(os.path.relpath(path, base)))
    return found


def new_event(
    settings: Mapping[str, Any], title: str, start: str, **fields: str
) -> Path:
    """Create a draft event (``invoke new-event``); ``fields`` by their key.

    A ``venue`` must name a file of ``content/venues/``, as the build checks.
    """
    values = {"start": start, **fields}
    named = {_spec_name(EVENT, key): value for key, value in values.items()}
    venue = (named.get("Venue") or "").strip()
    if venue:
        base = Path(settings["PATH"])
        files = {
            path.stem: path
            for folder in settings["VENUE_PATHS"]
            for path in sorted((base / folder).rglob("*.md"))
        }
        try:
            find_venue(venue.removesuffix(".md"), files)
        except ContentError as error:
            msg = f"Rien n'a été écrit : {error}"
            raise ScaffoldError(msg) from None
    return create(settings, EVENT, title, named)


def _spec_name(kind: Kind, key: str) -> str:
    spec = kind.spec(key)
    if spec is None:
        msg = f"{key} n'est pas un champ {kind.plural}"
        raise ScaffoldError(msg)
    return spec.name


def new_milestone(settings: Mapping[str, Any], title: str, date: str) -> Path:
    """Create a draft milestone (``invoke new-milestone``)."""
    return create(settings, MILESTONE, title, {"Date": date})
