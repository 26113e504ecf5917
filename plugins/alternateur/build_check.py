"""The content check of every build, in the build's one reading pass.

Each file is checked as Pelican reads it (``reader.py`` traces its header,
the content classes and ``page_problems`` apply its kind's contract). Once
every file is read, and before anything is written (``all_generators_finalized``),
``finish_reading`` adds the rules that need the whole site (one output file
per address, the special pages, links between files), then reports every
problem at once, one ERROR line each, naming the file.

- **Strict build** (``--fatal errors``: tests, ``invoke publish``, the
  workflow). Pelican's strict mode makes its logger raise ``RuntimeError``
  right after the first ERROR record: it is caught, so every problem is
  printed, not just the first. One CRITICAL line sums up, and the build ends
  with ``SystemExit(1)``, which ``pelican.main`` lets through without a
  traceback, having written nothing (``staging.py`` keeps the previous site).
- **Preview** (``invoke serve``): the problems are printed, the faulty files
  are left out, and the rest of the site is built and served.
- **``invoke check``** (``CONTENT_CHECK_ONLY``): the same reading, stopped
  here by ``CheckFinished``, which carries the problems to the task.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlparse

from pelican.contents import Content, Page
from pelican.generators import Generator, PagesGenerator
from pelican.utils import posixize_path

from .checks import item_problems, theme_templates
from .errors import ContentError
from .schema import PAGE
from .site_files import site_files

logger = logging.getLogger(__name__)

CONTEXT_KEY = "content_problems"
CHECK_ONLY = "CONTENT_CHECK_ONLY"
# The special pages, by what makes them special, and how to make one.
HOME = "index.html"
SPECIAL_TEMPLATES = {
    "agenda": "l'agenda",
    "timeline": "la frise « État d'avancement »",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One problem of one file: ``path`` is relative to the content folder."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class CheckFinished(Exception):
    """The end of ``invoke check``: every problem, and how many files were read."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def paths(self) -> set[str]:
        """The files with a problem."""
        return {problem.path for problem in self.problems}


def problems_of(context: dict[str, Any]) -> list[Problem]:
    """Return this build's problems so far (one list per build, in its context)."""
    return context.setdefault(CONTEXT_KEY, [])


def add_problems(context: dict[str, Any], path: str, messages: Iterable[str]) -> None:
    """Keep ``messages`` about the file at ``path`` (relative to the content)."""
    found = problems_of(context)
    found.extend(Problem(posixize_path(path), message) for message in messages)


def faulty_paths(context: dict[str, Any]) -> set[str]:
    """Return the files this build rejected (relative, POSIX paths)."""
    return {problem.path for problem in problems_of(context)}


def report(problems: Iterable[Problem]) -> None:
    """Log each problem as one ERROR line; end a strict build after the last.

    Every content error of the plugin goes through here, so that none of
    them ever ends a build with a traceback.
    """
    count = 0
    fatal = False
    for problem in problems:
        count += 1
        try:
            logger.error("%s", problem)
        except RuntimeError:
            # ``--fatal errors``: Pelican printed the line, then raised.
            fatal = True
    if fatal:
        plural = "s" if count > 1 else ""
        logger.critical(
            "Construction arrêtée : %d erreur%s de contenu ci-dessus, à corriger "
            "dans les fichiers nommés.",
            count,
            plural,
        )
        raise SystemExit(1)


@lru_cache(maxsize=8)
def _templates(folders: tuple[str, ...], extensions: tuple[str, ...]) -> frozenset:
    settings = {
        "THEME_TEMPLATES_OVERRIDES": list(folders[:-1]),
        "THEME": os.path.dirname(folders[-1]),
        "TEMPLATE_EXTENSIONS": list(extensions),
    }
    return theme_templates(settings)


def check_page(page: Content) -> None:
    """Apply the pages' contract to a page as it is read (``content_object_init``).

    A faulty page must reach the report, not Pelican's own English checks
    (``is_valid``): one without a title gets its file name as one, and a
    faulty one writes no file. Its problems keep it off the site.
    """
    if type(page) is not Page:
        return
    settings = page.settings
    theme = os.path.join(str(settings.get("THEME", "")), "templates")
    overrides = tuple(settings.get("THEME_TEMPLATES_OVERRIDES") or ())
    templates = _templates(
        (*overrides, theme), tuple(settings.get("TEMPLATE_EXTENSIONS") or [".html"])
    )
    page.problems = item_problems(PAGE, page, templates)
    if not str(getattr(page, "title", "") or "").strip():
        page.title = page.slug or "page"
    if page.problems:
        # Never written: Pelican must not judge its ``Save_as`` in English.
        page.override_save_as = ""


_PAGE_LISTS = (
    "pages",
    "hidden_pages",
    "draft_pages",
    "translations",
    "hidden_translations",
    "draft_translations",
)


def collect_page_problems(generator: PagesGenerator) -> None:
    """Keep the pages' problems, and faulty pages off the site.

    Connected to ``page_generator_finalized``.

    Read from each page, so that a page from Pelican's cache (the preview)
    is checked again as well.
    """
    for name in _PAGE_LISTS:
        for page in getattr(generator, name, []):
            messages = getattr(page, "problems", [])
            if messages:
                add_problems(
                    generator.context, page.get_relative_source_path(), messages
                )
    _drop_pages(generator, faulty_paths(generator.context))


def _drop_pages(generator: PagesGenerator, faulty: set[str]) -> None:
    if not faulty:
        return
    for name in _PAGE_LISTS:
        items = getattr(generator, name, None)
        if items is not None:
            items[:] = [p for p in items if p.get_relative_source_path() not in faulty]
    generator._update_context(("pages", "hidden_pages", "draft_pages"))


def _listed(generators: Sequence[Generator], name: str) -> list[Any]:
    return [item for g in generators for item in getattr(g, name, [])]


def _theme_files(settings: dict[str, Any]) -> Iterator[str]:
    """List the files the theme's static folders become (``theme/css/style.css``)."""
    theme = str(settings.get("THEME", ""))
    target = str(settings.get("THEME_STATIC_DIR", "theme"))
    for folder in settings.get("THEME_STATIC_PATHS", ["static"]):
        root = os.path.join(theme, folder)
        for dirpath, _, names in os.walk(root):
            for name in names:
                relative = os.path.relpath(os.path.join(dirpath, name), root)
                yield posixize_path(os.path.join(target, relative))


def _generated_files(
    settings: dict[str, Any], generators: Sequence[Generator]
) -> Iterator[tuple[str, str]]:
    """Every file the build writes that no author's file names: (path, owner)."""
    for path in _theme_files(settings):
        yield path, "le thème"
    for name in site_files(settings):
        yield name, "la publication sur GitHub Pages"
    plugins = [getattr(p, "__name__", str(p)) for p in settings.get("PLUGINS", [])]
    if any(name.rsplit(".", 1)[-1] == "sitemap" for name in plugins):
        form = (settings.get("SITEMAP") or {}).get("format", "xml")
        yield f"sitemap.{form}", "le plan du site"
    if settings.get("AGENDA_ICS_SAVE_AS"):
        yield settings["AGENDA_ICS_SAVE_AS"], "le calendrier de l'agenda"
    if settings.get("MILESTONE_FEED_ATOM"):
        yield settings["MILESTONE_FEED_ATOM"], "le flux des jalons"
    for static in _listed(generators, "staticfiles"):
        yield static.save_as, static.get_relative_source_path()


def _authored_files(
    settings: dict[str, Any], generators: Sequence[Generator]
) -> Iterator[tuple[str, Content, str]]:
    """Files written for an author's file: (path, item, what it is)."""
    from .ical import event_ics_url  # noqa: PLC0415 (writers import the model)

    for event in sorted(_listed(generators, "events"), key=lambda e: e.source_path):
        yield event.save_as, event, "la page"
        if event_ics_url(event, settings) is not None:
            ics = settings["EVENT_ICS_SAVE_AS"].format(slug=event.slug)
            yield ics, event, "le calendrier"
    pages = [*_listed(generators, "pages"), *_listed(generators, "hidden_pages")]
    for page in sorted(pages, key=lambda p: p.source_path):
        if page.save_as:
            yield page.save_as, page, "la page"


def _output_problems(
    settings: dict[str, Any], generators: Sequence[Generator]
) -> list[Problem]:
    """One file, one source: two sources of one output file name both."""
    owners: dict[str, str] = {}
    for path, owner in _generated_files(settings, generators):
        owners.setdefault(posixize_path(os.path.normpath(path)), owner)
    found = []
    for path, item, what in _authored_files(settings, generators):
        key = posixize_path(os.path.normpath(path))
        source = item.get_relative_source_path()
        if key not in owners:
            owners[key] = source
            continue
        if "save_as" in item.metadata:
            name, value = "Save_as", item.metadata["save_as"]
        else:
            name, value = "Le nom de fichier", os.path.splitext(source)[0]
            value = os.path.basename(value)
        problem = (
            f"donne {what} {path}, déjà écrite pour {owners[key]} "
            "(attendu une adresse propre à chaque page)"
        )
        found.append(Problem(source, str(ContentError(name, problem, value))))
    return found


def _special_pages(
    settings: dict[str, Any], generators: Sequence[Generator]
) -> list[Problem]:
    """Require the home page, the agenda and the timeline: every page links them."""
    pages = [*_listed(generators, "pages"), *_listed(generators, "hidden_pages")]
    folder = posixize_path((settings.get("PAGE_PATHS") or ["pages"])[0]) + "/"
    found = []
    if not any(page.save_as == HOME for page in pages):
        problem = (
            "Le site n'a pas de page d'accueil (attendu une page avec la ligne "
            "« Save_as: index.html », comme pages/accueil.md)"
        )
        found.append(Problem(folder, problem))
    for template, shown in SPECIAL_TEMPLATES.items():
        if not any(getattr(page, "template", None) == template for page in pages):
            problem = (
                f"Le site n'a pas de page pour {shown} (attendu une page avec la "
                f"ligne « Template: {template} »)"
            )
            found.append(Problem(folder, problem))
    return found


def _link_target(item: Content, what: str, value: str) -> bool:
    """Whether ``{what}value`` in ``item`` finds a file, as Pelican looks for it."""
    keys = ["generated_content"] if what == "filename" else ["static_content"]
    if what == "filename":
        keys.append("static_content")
    url = urlparse(value)
    for path in {url.path, unquote(url.path)}:
        if path.startswith("/"):
            relative = path[1:]
        else:
            joined = os.path.join(item.relative_dir, path)
            relative = item.get_relative_source_path(joined)
        for key in keys:
            if relative in item._context[key]:
                return True
    return False


def _link_problems(generators: Sequence[Generator]) -> list[Problem]:
    """Find ``{filename}`` links to no file: they would be published as written."""
    items = [
        *_listed(generators, "pages"),
        *_listed(generators, "hidden_pages"),
        *_listed(generators, "events"),
        *_listed(generators, "milestones"),
    ]
    found = []
    for item in items:
        regex = item._get_intrasite_link_regex()
        texts = [item._content or "", str(item.metadata.get("summary") or "")]
        for text in texts:
            for match in regex.finditer(text):
                what = match.group("what")
                value = match.group("value")
                if what in {"filename", "static", "attach"} and not _link_target(
                    item, what, value
                ):
                    problem = (
                        "ne mène à aucun fichier du contenu (attendu le chemin "
                        "d'un fichier, relatif à celui-ci, par exemple "
                        "{filename}../events/mon-evenement.md)"
                    )
                    error = ContentError("Le lien", problem, f"{{{what}}}{value}")
                    found.append(Problem(item.get_relative_source_path(), str(error)))
    return found


def check_site(generators: Sequence[Generator]) -> list[Problem]:
    """Every problem of this build: each file's, then the whole site's."""
    context = generators[0].context
    settings = generators[0].settings
    found = problems_of(context)
    found += _output_problems(settings, generators)
    found += _special_pages(settings, generators)
    found += _link_problems(generators)
    faulty = faulty_paths(context)
    for generator in generators:
        if isinstance(generator, PagesGenerator):
            _drop_pages(generator, faulty)
    return sorted(set(found))


def finish_reading(generators: Sequence[Generator]) -> None:
    """Check the site once every file is read, then report.

    Connected (through ``after_reading``) to ``all_generators_finalized``.

    In ``invoke check`` the build stops here, whatever was found.
    """
    if not generators:
        return
    problems = check_site(generators)
    context = generators[0].context
    if context.get(CHECK_ONLY):
        files = len(context.get("generated_content", {}))
        raise CheckFinished(problems, files)
    report(problems)
