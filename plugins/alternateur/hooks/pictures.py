"""The images of a build: planned while reading, written before the pages.

- The agenda's thumbnails are planned with the events
  (``event_thumbnails``, from ``EventsGenerator.generate_context``).
- Once every file is read and checked (``place_images``, in
  ``after_reading``): each published content's ``Image`` is planned, its body
  images are marked for the ``pictures`` filter, and every planned image is
  written into the build's folder (encoded, or copied from the cache).
- The originals stay out of the site (``drop_originals``): ``STATIC_PATHS``
  no longer lists ``images``, and a ``{static}`` link to one of them, which
  Pelican would copy, is taken off its list of files to copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pelican.contents import Content
from pelican.generators import Generator, StaticGenerator
from pelican.utils import posixize_path

from alternateur import keys
from alternateur.model.contents import Event
from alternateur.model.images import FOLDER
from alternateur.outputs.images import Images
from alternateur.views.pictures import Picture, mark_body_images, thumbnail

# The contents whose text or image a page shows.
_LISTS = ("pages", "hidden_pages", keys.EVENTS, keys.MILESTONES, keys.VENUES)


def images_of(context: dict[str, Any]) -> Images:
    """Return the build's images, made once per build in its shared context."""
    images = context.get(keys.IMAGES)
    if not isinstance(images, Images):
        images = Images.from_settings(context)
        context[keys.IMAGES] = images
        context[keys.PICTURES] = images.planned
    return images


def _image_name(item: Content) -> str | None:
    name = str(item.metadata.get("image") or "").strip()
    return name or None


def event_thumbnails(
    events: Iterable[Event], context: dict[str, Any]
) -> dict[str, Picture]:
    """Make each published event's image small, by the event's URL."""
    images = images_of(context)
    sizes = context["IMAGE_THUMBNAIL_SIZES"]
    return {
        event.url: thumbnail(images.plan(name), sizes)
        for event in events
        if (name := _image_name(event)) is not None
    }


def _contents(context: dict[str, Any]) -> Iterable[tuple[Content, bool]]:
    """Every published content, and whether it is a timeline entry."""
    seen: set[int] = set()
    for key in _LISTS:
        for item in context.get(key) or []:
            if id(item) not in seen:
                seen.add(id(item))
                yield item, key == keys.MILESTONES


def place_images(generators: Sequence[Generator]) -> None:
    """Plan each content's images, mark its body images, write every file.

    Runs after the check: a content with a missing or unreadable image never
    gets here (the strict build stopped, the preview left it out).
    """
    if not generators:
        return
    context = generators[0].context
    images = images_of(context)

    def known(name: str) -> bool:
        # Checked while reading: every image of a content left here is good.
        if not images.source(name).is_file():
            return False
        images.plan(name)
        return True

    for item, on_timeline in _contents(context):
        name = _image_name(item)
        if name is not None:
            known(name)  # Planned, for the ``poster`` filter.
        item._content = mark_body_images(
            item._content,
            known,
            first_eager=name is None and not on_timeline,
        )
    images.write(Path(generators[0].output_path))


def drop_originals(generator: StaticGenerator) -> None:
    """Answer ``static_generator_finalized``: never copy a source image as is."""
    prefix = FOLDER + "/"
    # The list itself: the context's ``staticfiles`` is the same object.
    generator.staticfiles[:] = [
        static
        for static in generator.staticfiles
        if not posixize_path(static.get_relative_source_path()).startswith(prefix)
    ]
