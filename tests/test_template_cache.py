"""A template compiled once is never the wrong one.

Jinja's compiled templates are kept in memory and under ``cache/templates``
(``hooks/template_cache.py``), by the template and by the environment that
compiled it. Jinja folds filters applied to constants into the code it
makes, so the code of ``{{ "x" | shout }}`` says what ``shout`` did: an
entry must never serve an environment whose filters, tests, syntax or
extensions differ, nor a template whose text has changed; a damaged entry
is compiled again; a site built from the cache is the site built without.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from alternateur.hooks.template_cache import TemplateCode, environment_key
from jinja2 import DictLoader, Environment, FileSystemLoader, pass_context
from jinja2.ext import Extension

from . import agenda_site
from .agenda_site import build_folder
from .sites import tree, write_content

FOLDED = '{{ "Soupe" | shout }}'


def environment(
    cache: TemplateCode,
    shout: Callable[[str], str] = str.upper,
    templates: dict[str, str] | None = None,
    **options: object,
) -> Environment:
    """A new environment, as each generator of each build has its own."""
    env = Environment(
        loader=DictLoader(templates or {"page.html": FOLDED}),
        bytecode_cache=cache,
        **options,  # type: ignore[arg-type]
    )
    env.filters["shout"] = shout
    return env


def render(env: Environment, name: str = "page.html") -> str:
    return env.get_template(name).render()


def entries(folder: Path) -> dict[str, int]:
    """Each entry of the cache and its inode: a rewritten entry is a new inode."""
    return {path.name: path.stat().st_ino for path in folder.iterdir()}


def module(path: Path, text: str) -> ModuleType:
    """Import ``text`` as a module from ``path`` (an author's filter file)."""
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"filters_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def test_a_second_environment_reads_the_code_the_first_compiled(
    tmp_path: Path,
) -> None:
    first = TemplateCode(tmp_path)
    assert render(environment(first)) == "SOUPE"
    kept = entries(tmp_path)
    assert len(kept) == 1
    # Another process: nothing in memory, the entry on disk.
    second = TemplateCode(tmp_path)
    assert render(environment(second)) == "SOUPE"
    assert second.store is not None
    assert second.store.reused == 1
    assert entries(tmp_path) == kept, "nothing compiled again, nothing rewritten"


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (str.lower, "soupe"),
        (str.swapcase, "sOUPE"),
        (lambda text: text[::-1], "epuoS"),
    ],
    ids=["lower", "swapcase", "a lambda"],
)
def test_a_filter_folded_into_the_code_is_the_environments_own(
    tmp_path: Path, other: Callable[[str], str], expected: str
) -> None:
    cache = TemplateCode(tmp_path)
    assert render(environment(cache)) == "SOUPE"
    assert render(environment(cache, other)) == expected
    assert render(environment(TemplateCode(tmp_path), other)) == expected


def test_a_filter_whose_file_changed_is_another_filter(tmp_path: Path) -> None:
    """The preview reads ``pelicanconf.py`` again: same name, same file, new code."""
    source = tmp_path / "filters.py"
    before = module(source, "def shout(text):\n    return text.upper()\n")
    cache = TemplateCode(tmp_path / "cache")
    assert render(environment(cache, before.shout)) == "SOUPE"
    after = module(source, "def shout(text):\n    return text + ' !'\n")
    # A file rewritten within the same second keeps its date, not its size.
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 1))
    assert render(environment(cache, after.shout)) == "Soupe !"
    assert render(environment(TemplateCode(tmp_path / "cache"), after.shout)) == (
        "Soupe !"
    )


def test_filters_made_by_one_function_are_told_apart(tmp_path: Path) -> None:
    """``make(" !")`` and ``make(" ?")``: one name, one file, two filters."""

    def make(mark: str) -> Callable[[str], str]:
        return lambda text: text + mark

    cache = TemplateCode(tmp_path)
    assert render(environment(cache, make(" !"))) == "Soupe !"
    assert render(environment(cache, make(" ?"))) == "Soupe ?"
    assert render(environment(TemplateCode(tmp_path), make(" ?"))) == "Soupe ?"


class Unsayable:
    """A value whose ``repr`` fails, as a hostile settings file may close over."""

    def __repr__(self) -> str:
        raise RuntimeError


def test_a_filter_that_cannot_be_described_is_compiled_not_shared(
    tmp_path: Path,
) -> None:
    """A filter that calls itself, or holds what cannot be said, still works."""

    def recursive(text: str) -> str:
        return recursive(text[1:]) if text.startswith(" ") else text.upper()

    def odd() -> Callable[[str], str]:
        held = Unsayable()
        return lambda text: f"{text} {type(held).__name__}"

    assert render(environment(TemplateCode(tmp_path), recursive)) == "SOUPE"
    cache = TemplateCode(tmp_path / "odd")
    assert render(environment(cache, odd())) == "Soupe Unsayable"
    # Another process's filter cannot be told from another one: it compiles.
    other = TemplateCode(tmp_path / "odd")
    assert render(environment(other, odd())) == "Soupe Unsayable"
    assert other.store is not None
    assert other.store.reused == 0


def test_how_a_filter_is_called_is_part_of_the_key() -> None:
    def shout(text: str) -> str:
        return text.upper()

    @pass_context
    def shout_in_context(context: object, text: str) -> str:
        return text.upper()

    cache = TemplateCode(None)
    plain, in_context = environment(cache, shout), environment(cache)
    in_context.filters["shout"] = shout_in_context
    assert environment_key(plain) != environment_key(in_context)
    assert render(plain) == render(in_context) == "SOUPE"


class Mark(Extension):
    """An extension: its tags and its preprocessing change the code made."""

    def preprocess(
        self, source: str, name: str | None, filename: str | None = None
    ) -> str:
        return source.replace("Soupe", "Potage")


@pytest.mark.parametrize(
    ("options", "templates", "expected"),
    [
        (
            {"variable_start_string": "[[", "variable_end_string": "]]"},
            {"page.html": '[[ "a" | shout ]]{{ "b" }}'},
            ('[[ "a" | shout ]]b', 'A{{ "b" }}'),
        ),
        (
            {"trim_blocks": True},
            {"page.html": "{% if true %}\nSoupe{% endif %}"},
            ("\nSoupe", "Soupe"),
        ),
        ({"extensions": [Mark]}, {"page.html": FOLDED}, ("SOUPE", "POTAGE")),
        (
            {"autoescape": True},
            {"page.html": '{{ "<b>" | shout }}'},
            ("<B>", "&lt;B&gt;"),
        ),
    ],
    ids=["delimiters", "trim_blocks", "an extension", "autoescape"],
)
def test_an_environment_option_is_part_of_the_key(
    tmp_path: Path,
    options: dict[str, object],
    templates: dict[str, str],
    expected: tuple[str, str],
) -> None:
    cache = TemplateCode(tmp_path)
    assert render(environment(cache, templates=templates)) == expected[0]
    other = environment(cache, templates=templates, **options)
    assert render(other) == expected[1]
    assert (
        render(environment(TemplateCode(tmp_path), templates=templates))
        == (expected[0])
    )


def test_the_same_environment_twice_has_the_same_key() -> None:
    """Or a build would never find what the previous one kept."""
    cache = TemplateCode(None)
    assert environment_key(environment(cache)) == environment_key(environment(cache))
    added = environment(cache)
    added.tests["soupe"] = lambda value: value == "soupe"
    assert environment_key(added) != environment_key(environment(cache))


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    page = theme / "page.html"
    page.write_text("Avant", encoding="utf-8")
    folder = tmp_path / "cache"

    def built() -> str:
        env = Environment(
            loader=FileSystemLoader(theme), bytecode_cache=TemplateCode(folder)
        )
        return env.get_template("page.html").render()

    assert built() == "Avant"
    page.write_text("Après", encoding="utf-8")
    assert built() == "Après"
    assert built() == "Après"


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b"j2" * 40, None],
    ids=["empty", "garbage", "a wrong header", "truncated"],
)
def test_a_damaged_entry_is_compiled_again(
    tmp_path: Path, damage: bytes | None
) -> None:
    render(environment(TemplateCode(tmp_path)))
    (entry,) = tmp_path.iterdir()
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2] if damage is None else damage)
    cache = TemplateCode(tmp_path)
    assert render(environment(cache)) == "SOUPE"
    (replaced,) = tmp_path.iterdir()
    assert replaced.read_bytes() == data, "the entry is whole again"


def test_an_unwritable_cache_costs_time_not_pages(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = TemplateCode(blocker / "templates")
    assert render(environment(cache)) == "SOUPE"
    assert render(environment(cache)) == "SOUPE"


FILES = {
    **agenda_site.SMALL,
    "milestones/ouverture.md": "Title: Ouverture\nDate: 2019-09\n\nLe lieu ouvre.\n",
}


@pytest.mark.site
def test_a_site_built_from_the_cache_is_the_site_built_without(
    tmp_path: Path,
) -> None:
    content = write_content(tmp_path / "content", FILES)
    cache = tmp_path / "cache"
    with_cache = [f"CACHE_PATH={json.dumps(str(cache))}"]
    build_folder(content, tmp_path / "first", with_cache)
    kept = entries(cache / "templates")
    assert kept, "the build kept its compiled templates"
    cached = tree(build_folder(content, tmp_path / "cached", with_cache).output)
    assert entries(cache / "templates") == kept, "every template came from the cache"
    other = json.dumps(str(tmp_path / "other"))
    without = ["TEMPLATE_CACHE=false", f"CACHE_PATH={other}"]
    fresh = tree(build_folder(content, tmp_path / "fresh", without).output)
    assert not (tmp_path / "other" / "templates").exists()
    assert cached == fresh
