"""Check every content file at once, without rendering it, and say what is wrong.

The authors are not all developers: a typo must give one clear line naming
the file, the field, the value and what was expected, never a silently wrong
page. ``check_site`` reads each file the way a build does (the same folders,
the same reader's field processing, the same content classes, so the same
checks and messages) but stops before the Markdown of the text is rendered:
it is quick enough to run before every build (``preflight.py``) and on its
own (``invoke check``).

What it adds to the content classes' own checks:

- a file that is not UTF-8;
- the header as written: a key no kind knows (with the nearest known key
  suggested), a field written twice or over several lines, a line that ended
  the header without being read as a field (« Début: … », « Start 2020 »);
- ``Status`` and, for pages, ``Template``, with the allowed values;
- an empty text where the site shows one: an event's description and an
  ordinary page's text (a page with its own ``Template`` may leave the page to
  it; a milestone may be just its title and date; a draft may be unfinished);
- two files that would have the same address: events or milestones with the
  same slug, pages writing the same output file.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import cached_property
from pathlib import Path
from typing import Any

import pelican.readers
from pelican.contents import Content, Page
from pelican.readers import (
    MarkdownReader,
    Readers,
    default_metadata,
    parse_path_metadata,
    path_metadata,
)
from pelican.utils import posixize_path

from .contents import Event, Milestone
from .errors import ContentError, missing
from .header import Field, Header, parse_header

# Pelican's marker for a field that an empty value removes (``Tags:``).
_DISCARD = getattr(pelican.readers, "_DISCARD", object())
# Read over several lines by Pelican (Markdown fields): every other field is
# one line, or Pelican turns it into a list and prints « ['a', 'b'] ».
_MULTILINE = frozenset({"summary"})
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A header line Python-Markdown could not read as a field: a key with an
# accent (« Début: »), or a known key with a space or no colon.
_STRAY_KEY = re.compile(r"^[ ]{0,3}(?P<key>[\w'-]+):")
_STRAY_WORD = re.compile(r"^[ ]{0,3}(?P<word>[\w'-]+)")

# French (and cross-kind) names authors may reach for, and the field meant.
SYNONYMS = {
    "titre": "Title",
    "debut": "Start",
    "début": "Start",
    "date": "Start",
    "fin": "End",
    "lieu": "Location",
    "salle": "Location",
    "adresse": "Address",
    "recurrence": "Recurrence",
    "récurrence": "Recurrence",
    "repetition": "Recurrence",
    "répétition": "Recurrence",
    "rrule": "Recurrence",
    "annule": "Cancelled",
    "annulé": "Cancelled",
    "annulation": "Cancelled",
    "canceled": "Cancelled",
    "inscription": "Registration",
    "prix": "Price",
    "tarif": "Price",
    "etiquettes": "Tags",
    "étiquettes": "Tags",
    "tag": "Tags",
    "resume": "Summary",
    "résumé": "Summary",
    "statut": "Status",
    "etat": "Status",
    "état": "Status",
    "gabarit": "Template",
    "modele": "Template",
    "modèle": "Template",
}
# ``start`` in a milestone means its ``Date``.
SYNONYMS_FOR_DATE = {"start", "debut", "début", "date"}
STATUS_WORDS = {
    "brouillon": "draft",
    "publié": "published",
    "publie": "published",
    "caché": "hidden",
    "cache": "hidden",
}

PAGE_FIELDS = (
    "Title",
    "Summary",
    "Template",
    "Save_as",
    "URL",
    "Status",
    "Modified",
)


@dataclass(frozen=True)
class Problem:
    """One problem of one file: ``path`` is relative to the content folder."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Kind:
    """A kind of content: where it lives and what its files may say."""

    setting_prefix: str  # PAGE, MILESTONE, EVENT: ``<prefix>_PATHS``…
    content_class: type[Content]
    fields: tuple[str, ...]
    plural: str  # « des pages », for messages.
    # What the text must be when it may not be empty, None when it may.
    text_expected: str | None

    @cached_property
    def _lower_fields(self) -> frozenset[str]:
        return frozenset(name.lower() for name in self.fields)

    def knows(self, key: str) -> bool:
        """Whether ``key`` (any case, as Pelican reads it) is a field of this kind."""
        return key.lower() in self._lower_fields

    def meant(self, word: str) -> str | None:
        """Return the field ``word`` names, as written or by a synonym (« Lieu »)."""
        if self.knows(word):
            return word
        nearest = suggest(word, self.fields)
        return nearest if word.lower() in SYNONYMS and nearest else None


PAGES = Kind(
    "PAGE",
    Page,
    PAGE_FIELDS,
    "des pages",
    "le texte de la page, en Markdown, après une ligne vide sous les champs",
)
MILESTONES = Kind("MILESTONE", Milestone, Milestone.fields, "des jalons", None)
EVENTS = Kind(
    "EVENT",
    Event,
    Event.fields,
    "des événements",
    "une description de l'événement, après une ligne vide sous les champs",
)
KINDS = (PAGES, MILESTONES, EVENTS)


@dataclass
class Report:
    """What a check found: how many files it read, and every problem."""

    files: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def paths(self) -> set[str]:
        """The files with a problem, as paths relative to the content folder."""
        return {problem.path for problem in self.problems}


def suggest(word: str, known: tuple[str, ...]) -> str | None:
    """Return the known name nearest to ``word``, if one is near enough."""
    lowered = word.lower()
    synonym = SYNONYMS.get(lowered)
    if lowered in SYNONYMS_FOR_DATE and "Date" in known:
        synonym = "Date"
    if synonym in known:
        return synonym
    by_lower = {name.lower(): name for name in known}
    close = difflib.get_close_matches(lowered, list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close else None


def _did_you_mean(word: str, known: tuple[str, ...]) -> str:
    nearest = suggest(word, known)
    if nearest is None or nearest.lower() == word.lower():
        return ""
    return f" : vouliez-vous dire {nearest} ?"


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    line = data.count(b"\n", 0, error.start) + 1
    byte = data[error.start]
    hint = ""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        hint = ", il semble enregistré en Windows-1252 (Latin-1)"
    return (
        f"Le fichier n'est pas en UTF-8 : octet 0x{byte:02X} illisible à la "
        f"ligne {line}{hint} (attendu un fichier texte enregistré en UTF-8)"
    )


def _has_text(body: str) -> bool:
    """Whether the text shows anything (HTML comments show nothing)."""
    return bool(_COMMENT.sub("", body).strip())


class _SiteCheck:
    """One pass over a content folder; see ``check_site``."""

    def __init__(
        self,
        settings: dict[str, Any],
        readers: Readers,
        planned: Mapping[str, str] | None = None,
    ) -> None:
        self.settings = settings
        self.readers = readers
        self.planned = dict(planned or {})
        self.base = os.path.abspath(settings["PATH"])
        self.report = Report()
        # One fresh context, as Pelican.run makes one per build: the check
        # never touches a build's own.
        self.context: dict[str, Any] = {
            **settings,
            "generated_content": {},
            "static_links": set(),
            "static_content": {},
            "localsiteurl": settings.get("SITEURL", ""),
        }
        self.templates = self._templates()
        self.slugs: dict[tuple[str, str], str] = {}
        self.outputs: dict[str, str] = {}

    def run(self) -> Report:
        for kind in KINDS:
            for path in self.files(kind):
                self.report.files += 1
                self.check_file(kind, path)
        self.report.problems.sort(key=lambda problem: problem.path)
        return self.report

    def files(self, kind: Kind) -> list[str]:
        """List the files a build reads for ``kind``, as ``Generator.get_files``."""
        prefix = kind.setting_prefix
        excluded: dict[str, set[str]] = {}
        for name in self.settings.get(f"{prefix}_EXCLUDES", []):
            parent, child = os.path.split(os.path.join(self.base, name))
            excluded.setdefault(parent, set()).add(child)
        ignores = self.settings.get("IGNORE_FILES", [])
        extensions = tuple(self.readers.extensions)
        found: set[str] = set()
        for folder in self.settings.get(f"{prefix}_PATHS", []):
            root = os.path.join(self.base, folder) if folder else self.base
            for dirpath, dirs, names in os.walk(root, followlinks=True):
                dirs[:] = [
                    name
                    for name in dirs
                    if name not in excluded.get(dirpath, ())
                    and not any(fnmatch(name, ignore) for ignore in ignores)
                ]
                for name in names:
                    if any(fnmatch(name, ignore) for ignore in ignores):
                        continue
                    if os.path.splitext(name)[1][1:] in extensions:
                        path = os.path.join(dirpath, name)
                        found.add(posixize_path(os.path.relpath(path, self.base)))
            prefix_path = posixize_path(folder).rstrip("/") + "/" if folder else ""
            found.update(path for path in self.planned if path.startswith(prefix_path))
        return sorted(found)

    def problem(self, path: str, message: str | ContentError) -> None:
        self.report.problems.append(Problem(path, str(message)))

    def check_file(self, kind: Kind, path: str) -> None:
        full_path = os.path.join(self.base, path)
        if path in self.planned:
            data = self.planned[path].encode("utf-8")
        else:
            data = Path(full_path).read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.problem(path, _not_utf8(data, error))
            return
        text = text.removeprefix("\ufeff")  # As ``pelican_open`` does.
        reader = self.readers.readers.get(os.path.splitext(path)[1][1:])
        if not isinstance(reader, MarkdownReader):
            return  # Only Markdown is written here; other formats are Pelican's.
        header = parse_header(text)
        self.check_header(kind, path, header)
        metadata = self.metadata(path, full_path, header, reader)
        if metadata is None:
            return
        try:
            item = kind.content_class(
                content=header.body,
                metadata=metadata,
                settings=self.settings,
                source_path=full_path,
                context=self.context,
            )
        except ContentError as error:
            self.problem(path, error)
            return
        except Exception as error:
            # A fault of the plugin's own code on this file: name the file
            # rather than stop every other check with a traceback.
            self.problem(
                path,
                f"le fichier n'a pas pu être lu ({type(error).__name__} : {error})",
            )
            return
        self.check_item(kind, path, item, header)
        self.check_address(kind, path, item)

    def check_header(self, kind: Kind, path: str, header: Header) -> None:
        """Keys nobody reads, fields written twice or on several lines."""
        if header.stray_line is not None:
            self.check_stray_line(kind, path, header)
        first: dict[str, Field] = {}
        for item in header.fields:
            if not kind.knows(item.key):
                problem = (
                    f"n'est pas un champ {kind.plural}"
                    f"{_did_you_mean(item.key, kind.fields)} "
                    f"(attendu un de ces champs : {', '.join(kind.fields)})"
                )
                self.problem(path, ContentError(item.key, problem, item.value))
            elif item.name in first:
                problem = (
                    f"est écrit deux fois, lignes {first[item.name].line} et "
                    f"{item.line} (attendu une seule ligne {item.key}:)"
                )
                self.problem(path, ContentError(item.key, problem, item.value))
            elif len(item.values) > 1 and item.name not in _MULTILINE:
                problem = (
                    f"continue sur la ligne {item.line + 1} "
                    f"(attendu tout sur la ligne {item.line}, après {item.key}:)"
                )
                self.problem(path, ContentError(item.key, problem, item.value))
            first.setdefault(item.name, item)

    def check_stray_line(self, kind: Kind, path: str, header: Header) -> None:
        """Report the line that ended the header, when it was meant as a field.

        Python-Markdown reads it as the first line of the text: the field is
        silently lost, and so are the fields below it.
        """
        line = header.stray_line or ""
        keyed = _STRAY_KEY.match(line)
        word = _STRAY_WORD.match(line)
        if keyed and not keyed.group("key").isascii():
            meant = keyed.group("key")
        elif word and kind.meant(word.group("word")):
            meant = word.group("word")
        else:
            return
        problem = (
            f"n'est pas lue comme un champ{_did_you_mean(meant, kind.fields)} "
            "(attendu Clé: valeur, la clé sans accent ni espace, collée aux "
            "deux-points ; puis une ligne vide avant le texte)"
        )
        field_name = f"La ligne {header.stray_number}"
        self.problem(path, ContentError(field_name, problem, line.strip()))

    def metadata(
        self, path: str, full_path: str, header: Header, reader: MarkdownReader
    ) -> dict[str, Any] | None:
        """Return what a build gives the content class (``Readers.read_file``).

        Markdown fields (``Summary``) are kept as written: nothing is rendered.
        """
        process = reader.process_metadata
        try:
            metadata = default_metadata(settings=self.settings, process=process)
            metadata.update(path_metadata(full_path, path, self.settings))
            metadata.update(
                parse_path_metadata(
                    source_path=path, settings=self.settings, process=process
                )
            )
        except ContentError as error:
            self.problem(path, error)
            return None
        metadata["reader"] = type(reader).__name__.replace("Reader", "").lower()
        failed = False
        seen: set[str] = set()
        for item in header.fields:
            if item.name in seen:
                continue
            seen.add(item.name)
            raw = "\n".join(item.values) if item.name in _MULTILINE else item.values[0]
            try:
                metadata[item.name] = process(item.name, raw)
            except ContentError as error:
                self.problem(path, error)
                failed = True
            except (ValueError, TypeError, OverflowError):
                expected = "AAAA-MM-JJ" if item.name == "modified" else "une valeur"
                problem = f"n'est pas lisible (attendu {expected})"
                self.problem(path, ContentError(item.key, problem, raw))
                failed = True
        if failed:
            return None
        return {key: value for key, value in metadata.items() if value is not _DISCARD}

    def check_item(self, kind: Kind, path: str, item: Content, header: Header) -> None:
        """Status, a page's title and template, and the text where one is needed."""
        statuses = item.allowed_statuses
        if item.status not in statuses:
            nearest = STATUS_WORDS.get(item.status.lower()) or suggest(
                item.status, statuses
            )
            hint = f" : vouliez-vous dire {nearest} ?" if nearest else ""
            problem = (
                f"n'est pas un statut connu{hint} (attendu "
                f"{', '.join(s for s in statuses if s != 'published')}, ou pas de "
                "Status pour publier)"
            )
            self.problem(path, ContentError("Status", problem, item.status))
        if kind is PAGES:
            if not str(getattr(item, "title", "")).strip():
                self.problem(path, missing("Title", "un titre"))
            template = item.metadata.get("template")
            if template is not None and not self.template_exists(template):
                self.problem(path, self.unknown_template(template))
        own_template = kind is PAGES and "template" in item.metadata
        if (
            kind.text_expected
            and item.status != "draft"
            and not own_template
            and not _has_text(header.body)
        ):
            problem = f"est vide (attendu {kind.text_expected})"
            self.problem(path, ContentError("Le texte", problem))

    def check_address(self, kind: Kind, path: str, item: Content) -> None:
        """Two files, one address: the second one is reported.

        Events and milestones by their slug (an event's page, feed entry and
        calendar UID; a milestone's anchor), pages by the file they write.
        """
        slug = getattr(item, "slug", "")
        if kind is not PAGES:
            key = (kind.setting_prefix, slug)
            if key in self.slugs:
                where = item.url or slug
                problem = (
                    f"donne l'adresse {where}, déjà celle de {self.slugs[key]} "
                    f"(attendu un nom de fichier propre à chacun {kind.plural})"
                )
                stem = os.path.splitext(os.path.basename(path))[0]
                self.problem(path, ContentError("Le nom de fichier", problem, stem))
            self.slugs.setdefault(key, path)
            return
        save_as = item.save_as if item.status != "draft" else ""
        if not save_as:
            return
        if save_as in self.outputs:
            if "save_as" in item.metadata:
                name, value = "Save_as", item.metadata["save_as"]
            else:
                name = "Le nom de fichier"
                value = os.path.splitext(os.path.basename(path))[0]
            problem = (
                f"donne la page {save_as}, déjà écrite pour {self.outputs[save_as]} "
                "(attendu une adresse propre à chaque page)"
            )
            self.problem(path, ContentError(name, problem, value))
            return
        self.outputs[save_as] = path

    def _templates(self) -> set[str]:
        """Template names the theme offers (``Template: agenda``)."""
        folders = [
            *self.settings.get("THEME_TEMPLATES_OVERRIDES", []),
            os.path.join(self.settings.get("THEME", ""), "templates"),
        ]
        extensions = tuple(self.settings.get("TEMPLATE_EXTENSIONS", [".html"]))
        names = set()
        for folder in folders:
            for path in Path(folder).rglob("*"):
                if path.suffix in extensions:
                    names.add(path.relative_to(folder).with_suffix("").as_posix())
        return names

    def template_exists(self, name: str) -> bool:
        return name in self.templates or name.startswith("!")

    def unknown_template(self, name: str) -> ContentError:
        offered = tuple(sorted(t for t in self.templates if "/" not in t))
        problem = (
            f"n'est pas un gabarit du thème{_did_you_mean(name, offered)} "
            f"(attendu un de ces gabarits : {', '.join(offered)})"
        )
        return ContentError("Template", problem, name)


def check_site(
    settings: dict[str, Any],
    readers: Readers | None = None,
    planned: Mapping[str, str] | None = None,
) -> Report:
    """Check every page, milestone and event of ``settings["PATH"]``.

    ``settings`` are a build's (with the plugin's defaults applied);
    ``readers`` are a build's readers (the plugin's Markdown reader reads
    ``Date``), made from ``settings`` when not given. ``planned`` adds files
    not written yet (path relative to the content folder: text), so that a
    scaffold is checked among the others before it is created.
    """
    return _SiteCheck(settings, readers or Readers(settings), planned).run()
