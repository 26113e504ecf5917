"""The rules of one content file, as its kind's contract (``schema.py``) says.

The authors are not all developers: a typo must give one clear line naming
the file, the field, the value and what was expected, never a silently wrong
page. These rules run inside the build's own reading: the reader leaves its
trace of the header (``reading/header.py``), the content classes parse their
fields, and ``file_problems`` adds what every kind shares: keys no field of
the kind has (with the field meant), the line that ended the header without
being read as a field, required fields, ``Status``, a page's ``Template``
and paths, and an empty text where the site shows one.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from pelican.contents import Content

from alternateur.checking.images import body_image_problems, image_problems
from alternateur.model.errors import ContentError, missing
from alternateur.model.schema import STATUS_WORDS, Kind, Spec, Type
from alternateur.model.values import site_path_problem
from alternateur.reading.header import TRACE_KEY, Trace

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

# A header line Python-Markdown could not read as a field: a key with an
# accent (« Début: »), or a known key with a space or no colon.
_STRAY_KEY = re.compile(r"^[ ]{0,3}(?P<key>[\w'-]+):")

_STRAY_WORD = re.compile(r"^[ ]{0,3}(?P<word>[\w'-]+)")


def suggest(word: str, kind: Kind) -> Spec | None:
    """Return the field nearest to ``word``: a synonym, or a near spelling."""
    meant = kind.meant(word)
    if meant is not None:
        return meant
    by_key = {spec.key: spec for spec in kind.fields}
    close = difflib.get_close_matches(word.lower(), list(by_key), n=1, cutoff=0.6)
    return by_key[close[0]] if close else None


def _did_you_mean(word: str, kind: Kind) -> str:
    nearest = suggest(word, kind)
    if nearest is None or nearest.key == word.lower():
        return ""
    return f" : vouliez-vous dire {nearest.name} ?"


def _unknown_keys(kind: Kind, trace: Trace) -> list[str]:
    problems = []
    last = trace.keys[-1][0] if trace.keys else None
    for key, _, value in trace.keys:
        if kind.spec(key) is not None:
            continue
        hint = ""
        if key == last and trace.ended_by_text and suggest(key, kind) is None:
            hint = (
                " ; si c'est la première ligne du texte, laissez une ligne vide "
                "entre les champs et le texte"
            )
        problem = (
            f"n'est pas un champ {kind.plural}{_did_you_mean(key, kind)} "
            f"(attendu un de ces champs : {', '.join(kind.names)}){hint}"
        )
        problems.append(str(ContentError(key, problem, value)))
    return problems


def _stray_line(kind: Kind, trace: Trace) -> str | None:
    """Report the line that ended the header, when it was meant as a field.

    Python-Markdown reads it as the first line of the text: the field is
    silently lost, and so are the fields below it.
    """
    line = trace.stray_line or ""
    keyed = _STRAY_KEY.match(line)
    word = _STRAY_WORD.match(line)
    if keyed and not keyed.group("key").isascii():
        meant = keyed.group("key")
    elif word and kind.meant(word.group("word")):
        meant = word.group("word")
    else:
        return None
    problem = (
        f"n'est pas lue comme un champ{_did_you_mean(meant, kind)} "
        "(attendu Clé: valeur, la clé sans accent ni espace, collée aux "
        "deux-points ; puis une ligne vide avant le texte)"
    )
    return str(ContentError(f"La ligne {trace.stray_number}", problem, line.strip()))


def _status(kind: Kind, item: Content) -> str | None:
    status = str(getattr(item, "status", "published"))
    if status in kind.statuses:
        return None
    nearest = STATUS_WORDS.get(status.lower())
    if nearest not in kind.statuses:
        close = difflib.get_close_matches(status.lower(), kind.statuses, n=1)
        nearest = close[0] if close else None
    hint = f" : vouliez-vous dire {nearest} ?" if nearest else ""
    problem = (
        f"n'est pas un statut connu{hint} (attendu "
        f"{', '.join(s for s in kind.statuses if s != 'published')}, ou pas de "
        "Status pour publier)"
    )
    return str(ContentError("Status", problem, status))


def has_text(html: str) -> bool:
    """Whether the text shows anything (HTML comments show nothing)."""
    return bool(_COMMENT.sub("", html or "").strip())


def theme_templates(settings: dict[str, object]) -> frozenset[str]:
    """Template names the theme offers (``Template: agenda``)."""
    overrides = settings.get("THEME_TEMPLATES_OVERRIDES") or []
    folders = [*overrides, os.path.join(str(settings.get("THEME", "")), "templates")]
    extensions = tuple(settings.get("TEMPLATE_EXTENSIONS") or [".html"])
    names = set()
    for folder in folders:
        for path in Path(str(folder)).rglob("*"):
            if path.suffix in extensions:
                names.add(path.relative_to(folder).with_suffix("").as_posix())
    return frozenset(names)


def _template(name: str, templates: frozenset[str]) -> str | None:
    if name in templates or name.startswith("!"):
        return None
    offered = tuple(sorted(t for t in templates if "/" not in t))
    close = difflib.get_close_matches(name, offered, n=1, cutoff=0.6)
    hint = f" : vouliez-vous dire {close[0]} ?" if close else ""
    problem = (
        f"n'est pas un gabarit du thème{hint} "
        f"(attendu un de ces gabarits : {', '.join(offered)})"
    )
    return str(ContentError("Template", problem, name))


def _page_fields(kind: Kind, item: Content, templates: frozenset[str]) -> list[str]:
    problems = []
    for spec in kind.fields:
        value = item.metadata.get(spec.key)
        if not isinstance(value, str):
            continue
        if spec.type is Type.TEMPLATE:
            problem = _template(value, templates)
            if problem:
                problems.append(problem)
        elif spec.type is Type.SITE_PATH:
            why = site_path_problem(value)
            if why:
                text = f"{why} (attendu {spec.formats})"
                problems.append(str(ContentError(spec.name, text, value)))
    return problems


def item_problems(
    kind: Kind, item: Content, templates: frozenset[str] = frozenset()
) -> list[str]:
    """Everything the contract of ``kind`` finds wrong with ``item``.

    The content classes' own rules (dates, recurrence) are theirs; this is
    what every kind shares.
    """
    trace = item.metadata.get(TRACE_KEY)
    problems: list[str] = []
    if isinstance(trace, Trace):
        problems += trace.problems
        problems += _unknown_keys(kind, trace)
        stray = _stray_line(kind, trace)
        if stray:
            problems.append(stray)
    for spec in kind.fields:
        value = item.metadata.get(spec.key)
        if spec.required and (value is None or not str(value).strip()):
            problems.append(str(missing(spec.name, spec.formats)))
    status = _status(kind, item)
    if status:
        problems.append(status)
    if kind.name == "page":
        problems += _page_fields(kind, item, templates)
    settings = getattr(item, "settings", None) or {}
    folder = str(settings.get("PATH", ""))
    problems += image_problems(item.metadata, folder)
    problems += body_image_problems(getattr(item, "_content", ""), folder)
    own_template = kind.name == "page" and "template" in item.metadata
    if (
        kind.text_expected
        and getattr(item, "status", "") != "draft"
        and not own_template
        and not has_text(getattr(item, "_content", ""))
    ):
        problems.append(
            str(ContentError("Le texte", f"est vide (attendu {kind.text_expected})"))
        )
    return problems


def file_problems(
    kind: Kind, item: Content, templates: frozenset[str] = frozenset()
) -> list[str]:
    """Every problem of one file: its kind's contract, then its own rules.

    The content classes parse their fields and rules themselves (dates,
    recurrence) and keep what they found in ``problems``.
    """
    return [*item_problems(kind, item, templates), *getattr(item, "problems", [])]
