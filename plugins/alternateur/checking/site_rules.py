"""The rules of the whole site, once every file is read and before any is written.

- one source for every file the site writes: a page whose ``Save_as`` would
  write an event's page, a calendar, the feed or the theme's stylesheet is
  named, with the file that writes it already;
- the special pages every page links to: the home page, the agenda, the
  timeline;
- ``{filename}`` links that lead to a file of the content: Pelican would
  publish a broken one as written.

Each rule takes plain values (paths, owners, pages), not Pelican's
generators: ``hooks/checking.py`` gathers them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

from pelican.contents import Content
from pelican.utils import posixize_path

from alternateur.model.errors import ContentError
from alternateur.model.pages import HOME, page_with_template

from .report import Problem, problem_of

SPECIAL_TEMPLATES = {
    "agenda": "l'agenda",
    "timeline": "la frise « État d'avancement »",
}


def _key(path: str) -> str:
    return posixize_path(os.path.normpath(path))


def _folders_of(key: str) -> Iterable[str]:
    """List the folders a site path lies in, itself first (``a/b``: a/b, a)."""
    parts = key.split("/")
    return ("/".join(parts[:end]) for end in range(len(parts), 0, -1))


def output_problems(
    generated: Iterable[tuple[str, str]],
    authored: Iterable[tuple[str, Content, str]],
) -> list[Problem]:
    """One file, one source: name both sources of an output file.

    ``generated``: the files no author's file names, with what writes them
    (« le thème »); a path ending in ``/`` is a whole folder (``pagefind/``,
    whose file names only its writer knows); ``authored``: the files written
    for an author's file, in order (the first keeps its file), with what
    they are (« la page »).
    """
    owners: dict[str, str] = {}
    folders: dict[str, str] = {}
    for path, owner in generated:
        (folders if path.endswith("/") else owners).setdefault(_key(path), owner)
    found = []
    for path, item, what in authored:
        key = _key(path)
        source = item.get_relative_source_path()
        folder = next((f for f in _folders_of(key) if f in folders), None)
        if folder is not None:
            owners.setdefault(key, folders[folder])
        if key not in owners:
            owners[key] = source
            continue
        if "save_as" in item.metadata:
            name, value = "Save_as", item.metadata["save_as"]
        else:
            name = "Le nom de fichier"
            value = os.path.splitext(os.path.basename(source))[0]
        problem = (
            f"donne {what} {path}, déjà écrite pour {owners[key]} "
            "(attendu une adresse propre à chaque page)"
        )
        found.append(problem_of(item, str(ContentError(name, problem, value))))
    return found


def special_page_problems(pages: list[Content], folder: str) -> list[Problem]:
    """Require the home page, the agenda and the timeline: every page links them.

    ``folder`` is the pages' folder, named in the message (``pages/``).
    """
    found = []
    if not any(page.save_as == HOME for page in pages):
        problem = (
            "Le site n'a pas de page d'accueil (attendu une page avec la ligne "
            "« Save_as: index.html », comme pages/accueil.md)"
        )
        found.append(Problem(folder, problem))
    for template, shown in SPECIAL_TEMPLATES.items():
        if page_with_template(pages, template, warn=False) is None:
            problem = (
                f"Le site n'a pas de page pour {shown} (attendu une page avec la "
                f"ligne « Template: {template} »)"
            )
            found.append(Problem(folder, problem))
    return found


def _link_target(item: Content, what: str, value: str) -> bool:
    """Whether ``{what}value`` in ``item`` finds a file, as Pelican looks for it.

    Pelican's ``Content._link_replacer`` looks the path up in the build's
    ``generated_content`` (``{filename}``, which may also name a static
    file) or ``static_content``, relative to the linking file unless it
    starts with ``/``, as written or unquoted.
    """
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


def link_problems(items: Iterable[Content]) -> list[Problem]:
    """Find ``{filename}`` links to no file: they would be published as written."""
    found = []
    for item in items:
        regex = item._get_intrasite_link_regex()
        texts = [item._content or "", str(item.metadata.get("summary") or "")]
        for text in texts:
            for match in regex.finditer(text):
                what, value = match.group("what"), match.group("value")
                if what not in {"filename", "static", "attach"}:
                    continue
                if _link_target(item, what, value):
                    continue
                problem = (
                    "ne mène à aucun fichier du contenu (attendu le chemin d'un "
                    "fichier, relatif à celui-ci, par exemple "
                    "{filename}../events/mon-evenement.md)"
                )
                written = f"{{{what}}}{value}"
                error = ContentError("Le lien", problem, written)
                line = _line_of(item, written)
                found.append(problem_of(item, str(error), line))
    return found


def _line_of(item: Content, text: str) -> int:
    """Return the first line of ``item``'s file where ``text`` is, or 0."""
    try:
        source = Path(item.source_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    at = source.find(text)
    return source.count("\n", 0, at) + 1 if at >= 0 else 0
