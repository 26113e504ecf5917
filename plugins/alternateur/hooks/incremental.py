"""The preview rewrites only what a save changed.

``invoke serve`` rebuilds the whole site at every save, in one process: with
a thousand events, rendering a thousand event pages (Jinja, then the French
typography), serializing a thousand ``VEVENT`` and indexing the search took
seconds, for one changed file. Pelican 4.12 no longer has
``WRITE_SELECTED``. With ``PREVIEW_INCREMENTAL`` (set by ``invoke serve``
alone, never by a build that is published), the preview remembers, from
build to build:

- **the events and milestones read**, by their file's date and size, the
  settings and the plugin (``kept_item``): an unchanged file is not read
  again, its item moves into the new build's context (Pelican's own content
  cache still parsed every file's cached text into a new item);
- **each event page's inputs**, as a fingerprint: the site's (``site_key``:
  settings, theme, plugin, every page and milestone file, every event's
  address and tags, the banner's lines) and the page's own (the event
  file's bytes, the facts of its page around now, its themes). A page whose
  fingerprint has not changed is not rendered again: the file the last build
  wrote is hard-linked into the new build's folder, which still replaces the
  served one whole (``hooks/staging.py`` is unchanged);
- **each event's ``VEVENT``**, by the event file's bytes, its themes and the
  settings: serialized again only when one of them changes. Its ``DTSTAMP``
  is then the build that first wrote this version of the event (the same in
  every build when ``SOURCE_DATE_EPOCH`` is set, as in the tests);
- **the search index**, written by the first build, carried over by the next
  ones (hard links too): the preview's search finds the pages as they were
  when the preview started (``invoke build`` and the publication index every
  build).

Edit to screen at a thousand events went from 2.6 s to under 1 s
(``docs/architecture.md``, « Performances »).

The home page, the agenda, the timeline, the other pages, the themes' pages
and every feed depend on every event and milestone: they are written at each
build. What a build remembers counts only once its folder is served: a build
that fails leaves the memory of the folder still served.

``tests/test_incremental.py`` checks the promise: after each of a series of
edits (an event edited, added, removed, broken, fixed; a page, a milestone),
the preview's folder is byte for byte a full build of the same content.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.contents import Content
from pelican.generators import Generator

from alternateur import keys
from alternateur.model.images import FOLDER as IMAGES_FOLDER
from alternateur.outputs.hard_links import hard_link
from alternateur.outputs.search_index import FOLDER as SEARCH_FOLDER
from alternateur.outputs.search_index import write_search_index

SETTING = "PREVIEW_INCREMENTAL"
# The folders whose files shape every page: the plugin's own code, here.
PLUGIN = Path(__file__).resolve().parent.parent
# Where a build keeps the fingerprint its items are read with.
_ITEMS_KEY = "incremental_items_key"
# Settings that name this build's folder, not what it holds.
_PER_BUILD = frozenset({"OUTPUT_PATH"})


@dataclass
class _Memory:
    """What the preview knows of the folder it serves, and of this build."""

    served: Path | None = None
    # save_as -> fingerprint of the page in the served folder.
    pages: dict[str, str] = field(default_factory=dict)
    # The same, for the build under way; kept once its folder is served.
    pending: dict[str, str] = field(default_factory=dict)
    # (generator, file) -> (its stamp, the item read from it).
    items: dict[tuple[str, str], tuple[tuple[int, int, str], Content]] = field(
        default_factory=dict
    )
    # The files this build looked at: the others' items are forgotten.
    read: set[tuple[str, str]] = field(default_factory=set)
    # event slug -> (fingerprint, serialized VEVENT).
    vevents: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    pending_vevents: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    # Whether the served folder holds a search index written by a build.
    indexed: bool = False
    pending_indexed: bool = False


MEMORY = _Memory()


def enabled(settings: dict[str, Any]) -> bool:
    """Whether this build is the incremental preview's."""
    return bool(settings.get(SETTING))


def digest(*parts: object) -> str:
    """Return a fingerprint of ``parts``, by their ``repr`` (stable for our values)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def file_digest(path: str | os.PathLike[str]) -> str:
    """Return the fingerprint of a file's bytes (empty when it cannot be read)."""
    try:
        return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return ""


def tree_digest(root: Path, suffixes: tuple[str, ...] = ()) -> str:
    """Return a fingerprint of the files under ``root``: names, sizes, dates."""
    found = []
    for dirpath, _, names in os.walk(root):
        for name in sorted(names):
            if suffixes and not name.endswith(suffixes):
                continue
            stat = os.stat(os.path.join(dirpath, name))
            found.append((dirpath, name, stat.st_size, stat.st_mtime_ns))
    return digest(sorted(found))


def _shown(value: object) -> object:
    """Say a setting JSON cannot: a function or a module by its name, a set sorted."""
    if isinstance(value, set | frozenset):
        return sorted(map(repr, value))
    name = getattr(value, "__qualname__", None) or getattr(value, "__name__", None)
    return f"{getattr(value, '__module__', '')}.{name}" if name else repr(value)


def settings_key(settings: dict[str, Any]) -> str:
    """Return a fingerprint of the settings (a function counts by its name).

    A setting whose text changes at every build (an object shown with its
    address) only makes every build a full one.
    """
    shown = {k: v for k, v in settings.items() if k not in _PER_BUILD}
    try:
        text = json.dumps(shown, sort_keys=True, default=_shown)
    except (TypeError, ValueError):  # Keys that cannot be sorted: no reuse.
        text = os.urandom(16).hex()
    return digest(text)


def site_key(context: dict[str, Any], settings: dict[str, Any]) -> str:
    """Return the fingerprint of what any event page may show but its own file.

    Conservative on purpose: a change of the settings, the theme or its
    overriding templates, the content's static files, the plugin, any page,
    milestone or venue file, the banner's lines, or an event added, removed,
    renamed or given other tags renders every event page again. Empty
    outside the incremental preview.
    """
    if not enabled(settings):
        return ""
    pages = [
        *context.get(keys.PAGES, []),
        *context.get(keys.HIDDEN_PAGES, []),
        *context.get(keys.MILESTONES, []),
        # An event page shows its venue's facts (views/event_page.py).
        *context.get(keys.VENUES, []),
    ]
    events = context.get(keys.EVENTS, [])
    content = Path(str(settings.get("PATH", "")))
    return digest(
        settings_key(settings),
        tree_digest(Path(str(settings.get("THEME", "")))),
        [
            tree_digest(Path(str(f)))
            for f in settings.get("THEME_TEMPLATES_OVERRIDES") or ()
        ],
        # The content's own files: a page may show what they hold. The
        # images are no static files (hooks/pictures.py): their variants'
        # names, in every page that shows one, come from their bytes.
        [tree_digest(content / str(f)) for f in settings.get("STATIC_PATHS") or ()],
        tree_digest(content / IMAGES_FOLDER),
        tree_digest(PLUGIN, (".py",)),
        sorted((p.source_path, file_digest(p.source_path)) for p in pages),
        sorted(
            (e.source_path, e.slug, e.url, repr(e.metadata.get("tags"))) for e in events
        ),
        repr(context.get(keys.PREVIEW_PROBLEMS)),
    )


def page_key(site: str, event: Any, facts: object) -> str:
    """Return an event page's fingerprint: the site's, the file's, the facts'."""
    source = event.source_path
    return digest(site, source, file_digest(source), event.template, facts)


def _source_stamp(generator: Generator, filename: str) -> tuple[int, int, str]:
    """Return what tells a file is as it was read: date, size, build's key."""
    context = generator.context
    base = context.get(_ITEMS_KEY)
    if base is None:
        # An image changed: every item is read and checked again (its
        # ``Image`` or a body image may now be missing or broken).
        images = Path(generator.path, IMAGES_FOLDER)
        base = context[_ITEMS_KEY] = digest(
            settings_key(generator.settings),
            tree_digest(PLUGIN, (".py",)),
            tree_digest(images),
        )
    stat = os.stat(os.path.join(generator.path, filename))
    return stat.st_mtime_ns, stat.st_size, base


def kept_item(generator: Generator, filename: str) -> Content | None:
    """Return the item an earlier build read from this unchanged file, or None.

    Reading a thousand events again (Markdown, the contract's checks, the
    content classes), even from Pelican's content cache, took most of a
    save's build. The item is the earlier build's object, moved into this
    build's context; a file, a setting or the plugin that changed reads the
    file again.
    """
    if not enabled(generator.settings):
        return None
    MEMORY.read.add((type(generator).__name__, filename))
    known = MEMORY.items.get((type(generator).__name__, filename))
    if known is None or known[0] != _source_stamp(generator, filename):
        return None
    item = known[1]
    item._context = generator.context
    item.settings = generator.settings
    return item


def keep_item(generator: Generator, filename: str, item: Content) -> None:
    """Keep an item read without a problem, for the next build of the preview."""
    if enabled(generator.settings):
        stamp = _source_stamp(generator, filename)
        MEMORY.items[(type(generator).__name__, filename)] = (stamp, item)


def reuse(settings: dict[str, Any], output_path: str, save_as: str, key: str) -> bool:
    """Link the served page ``save_as`` into this build if ``key`` is its own.

    Returns whether it was: otherwise the caller writes the page, then calls
    ``written``.
    """
    if not enabled(settings) or MEMORY.served is None:
        return False
    if MEMORY.pages.get(save_as) != key:
        return False
    if not hard_link(MEMORY.served / save_as, Path(output_path, save_as)):
        return False
    MEMORY.pending[save_as] = key
    return True


def served(settings: dict[str, Any], path: str) -> Path | None:
    """Return the served folder's file ``path``, which this build may link."""
    if not enabled(settings) or MEMORY.served is None:
        return None
    return MEMORY.served / path


def written(settings: dict[str, Any], save_as: str, key: str) -> None:
    """Note the fingerprint of a page this build wrote."""
    if enabled(settings):
        MEMORY.pending[save_as] = key


def link_tree(source: Path, target: Path) -> bool:
    """Hard-link every file of the folder ``source`` under ``target``."""
    if not source.is_dir():
        return False
    for dirpath, _, names in os.walk(source):
        relative = Path(dirpath).relative_to(source)
        for name in names:
            if not hard_link(Path(dirpath, name), target / relative / name):
                return False
    return True


Serializer = Callable[[Iterable[Any], Callable[[Any], bytes]], dict[str, bytes]]


def vevent_inputs(event: Any, categories: dict[str, list[str]]) -> tuple[object, ...]:
    """Return what one ``VEVENT`` follows from, besides the settings and the code.

    The event's file, its themes (``categories``) and its venue's file
    (``LOCATION`` is the venue's name and address). The preview's memory and
    the builds' cache (``hooks/calendar_cache.py``) key each ``VEVENT`` by it.
    """
    source = event.source_path
    venue = getattr(event, "venue", None)
    place = file_digest(venue.source_path) if venue is not None else None
    return source, file_digest(source), categories.get(event.slug), place


def vevent_cache(
    settings: dict[str, Any], categories: dict[str, list[str]]
) -> Serializer | None:
    """Serialize each event's ``VEVENT`` again only when its inputs changed.

    ``outputs/ical.write_calendars`` hands over its events and its own
    serializer; a ``VEVENT`` follows from the event's file, its themes
    (``categories``), the settings and the plugin, and from the build's now
    for its ``DTSTAMP`` alone, which is kept (see the module's docstring).
    None outside the incremental preview: every build serializes.
    """
    if not enabled(settings):
        return None
    base = digest(settings_key(settings), tree_digest(PLUGIN, (".py",)))

    def serialized(
        events: Iterable[Any], serialize: Callable[[Any], bytes]
    ) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        for event in events:
            key = digest(base, *vevent_inputs(event, categories))
            known = MEMORY.vevents.get(event.slug)
            fresh = known is not None and known[0] == key
            data = known[1] if fresh and known is not None else serialize(event)
            MEMORY.pending_vevents[event.slug] = (key, data)
            found[event.slug] = data
        return found

    return serialized


def index_or_carry(pelican: Pelican) -> None:
    """Index the search (``finalized``), or carry the served index over.

    In the incremental preview, the first build indexes; the next ones link
    the index of the folder served, whatever changed since (0.9 s saved at
    each save with a thousand events).
    """
    if not pelican.settings.get("SEARCH_INDEX"):
        return
    if not enabled(pelican.settings):
        write_search_index(pelican)
        return
    served = MEMORY.served / SEARCH_FOLDER if MEMORY.served else None
    built = Path(pelican.output_path, SEARCH_FOLDER)
    if MEMORY.indexed and served is not None and link_tree(served, built):
        MEMORY.pending_indexed = True
        return
    write_search_index(pelican)
    MEMORY.pending_indexed = built.is_dir()


def remember_builds(pelican: Pelican) -> None:
    """Keep what a build wrote once it is served (``initialized``).

    Connected after ``hooks/staging.stage_builds``: this wraps the staged run,
    so a build's memory counts only once its folder has replaced the served
    one; a build that fails forgets its own.
    """
    if not enabled(pelican.settings):
        return
    MEMORY.served = Path(os.path.realpath(pelican.output_path))
    build: Callable[[], None] = pelican.run

    def remembered_run() -> None:
        MEMORY.pending, MEMORY.pending_vevents = {}, {}
        MEMORY.pending_indexed = False
        MEMORY.read = set()
        try:
            build()
        finally:
            pending, MEMORY.pending = MEMORY.pending, {}
            vevents, MEMORY.pending_vevents = MEMORY.pending_vevents, {}
            # A file removed, or left out by an error: its item goes.
            MEMORY.items = {
                key: kept for key, kept in MEMORY.items.items() if key in MEMORY.read
            }
        MEMORY.pages, MEMORY.vevents = pending, vevents
        MEMORY.indexed = MEMORY.pending_indexed

    pelican.run = remembered_run  # type: ignore[method-assign]
