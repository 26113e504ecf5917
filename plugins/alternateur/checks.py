"""The checks of one content file, worded for the authors who make mistakes.

The authors are not all developers: a typo must give one clear line naming
the file, the field, the value and what was expected, never a silently wrong
page. These checks run inside the build's own reading (``reader.py`` traces
the header as written, the content classes and ``build_check.py`` call the
rest): ``invoke check`` is that same reading, stopped before anything is
written, so the two can never disagree.

Two layers:

- ``trace_header``: what only the file's text shows, whatever its kind: a
  YAML front matter, a field written twice or over several lines, invisible
  control characters;
- ``item_problems``: what the kind's contract (``schema.py``) says: keys no
  field of the kind has (with the field meant), the line that ended the
  header without being read as a field, required fields, ``Status``, a
  page's ``Template`` and paths, and an empty text where the site shows one.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from pelican.contents import Content

from .errors import ContentError, missing
from .header import Header, parse_header
from .schema import STATUS_WORDS, Kind, Spec, Type
from .values import control_problem, site_path_problem

# The metadata key under which the reader leaves its trace of the header.
TRACE_KEY = "header_trace"
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A header line Python-Markdown could not read as a field: a key with an
# accent (« Début: »), or a known key with a space or no colon.
_STRAY_KEY = re.compile(r"^[ ]{0,3}(?P<key>[\w'-]+):")
_STRAY_WORD = re.compile(r"^[ ]{0,3}(?P<word>[\w'-]+)")
_YAML_VALUE = re.compile(r"""^(["'].*["']|\[.*\])$""")


@dataclass(frozen=True)
class Trace:
    """The header as its author wrote it, and what is wrong with it already.

    Kept in the file's metadata (and so in Pelican's caches) by the reader:
    the kind's checks need the keys as written, with their lines.
    """

    keys: tuple[tuple[str, int, str], ...]  # (key as written, line, value).
    problems: tuple[str, ...] = ()
    stray_line: str | None = None
    stray_number: int = 0
    ended_by_text: bool = False


def _yaml_problem(text: str, header: Header) -> str | None:
    """Say how to write the header when it is a Jekyll or Hugo front matter."""
    yaml_values = [f for f in header.fields if _YAML_VALUE.match(f.value)]
    if not text.startswith("---") and not yaml_values:
        return None
    shown = "---" if text.startswith("---") else yaml_values[0].value
    problem = (
        "ressemble à un en-tête YAML (Jekyll, Hugo) : ici, l'en-tête n'a ni --- "
        "ni guillemets ni crochets (attendu des lignes Clé: valeur, par exemple "
        "Title: Mon titre et Tags: a, b, puis une ligne vide avant le texte)"
    )
    return str(ContentError("L'en-tête", problem, shown))


def trace_header(text: str) -> tuple[Header, Trace]:
    """Read the header of a Markdown file and what its text alone shows wrong."""
    header = parse_header(text)
    problems: list[str] = []
    yaml = _yaml_problem(text, header)
    if yaml:
        problems.append(yaml)
    first: dict[str, int] = {}
    for item in header.fields:
        if item.name in first:
            problem = (
                f"est écrit deux fois, lignes {first[item.name]} et {item.line} "
                f"(attendu une seule ligne {item.key}:)"
            )
            problems.append(str(ContentError(item.key, problem, item.value)))
        elif len(item.values) > 1 and item.name != "summary":
            problem = (
                f"continue sur la ligne {item.line + 1} "
                f"(attendu tout sur la ligne {item.line}, après {item.key}:)"
            )
            problems.append(str(ContentError(item.key, problem, item.value)))
        first.setdefault(item.name, item.line)
        control = control_problem(item.key, item.value, f", ligne {item.line}")
        if control:
            problems.append(str(control))
    body_control = _body_control(header)
    if body_control:
        problems.append(body_control)
    trace = Trace(
        keys=tuple((f.key, f.line, f.value) for f in header.fields),
        problems=tuple(problems),
        stray_line=header.stray_line,
        stray_number=header.stray_number,
        ended_by_text=header.stray_line is not None,
    )
    return header, trace


def _body_control(header: Header) -> str | None:
    start = len(header.fields) + (header.stray_line is None)
    for offset, line in enumerate(header.body.split("\n")):
        control = control_problem("Le texte", line, f", ligne {start + offset + 1}")
        if control:
            return str(control)
    return None


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
