"""A build replaces the output folder only once it has fully succeeded.

Whatever fails, and when (reading the content, rendering a page, a plugin
while writing or at the very end), the previous output stays byte for byte
and no build folder is left beside it; a build that succeeds leaves exactly
what it wrote (``plugins/alternateur/staging.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from .browser import interrupt
from .sites import FIXED_NOW, PRODUCTION_URL, ROOT, run_pelican, write_content

SITE = {
    "pages/accueil.md": "Title: Accueil\nSave_as: index.html\nURL:\n\nBienvenue.\n",
    "pages/le-projet.md": "Title: Le projet\n\nUn tiers-lieu.\n",
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nIci.\n",
    "events/atelier.md": "Title: Atelier\nStart: 2020-03-14\n\nTexte.\n",
}
# The next version of the site: what a successful build would write instead.
EDITED = {"pages/le-projet.md": "Title: Le projet\n\nUn tiers-lieu, en travaux.\n"}

# A plugin that fails at the stage its BOOM setting names, as a faulty one would.
BOOM_PLUGIN = '''
"""Raise at the stage named by the ``BOOM`` setting."""

from pelican import signals


def boom(stage, settings):
    if settings.get("BOOM") == stage:
        raise ValueError(f"boom: {stage}")


def reading(generator, **kwargs):
    boom("reading", generator.settings)


def writing(path, context=None, **kwargs):
    boom("writing", context or {})


def finishing(pelican):
    boom("finishing", pelican.settings)


def register():
    signals.page_generator_context.connect(reading)
    signals.content_written.connect(writing)
    signals.finalized.connect(finishing)
'''
# A page template that raises while rendering, in a theme override.
BOOM_TEMPLATE = "{{ page.title.upper().no_such_method() }}\n"
# Far above any pid Linux gives (pid_max is at most 2**22): a dead process.
DEAD_PID = 2**22 + 1


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every folder (None) and file (its bytes) under ``root``, by relative path."""
    found: dict[str, bytes | None] = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        for name in dirs:
            found[(here / name).relative_to(root).as_posix() + "/"] = None
        for name in files:
            found[(here / name).relative_to(root).as_posix()] = (
                here / name
            ).read_bytes()
    return found


def overrides(tmp_path: Path, **settings: object) -> list[str]:
    """Pelican's ``-e`` arguments with the test plugin and template available."""
    plugins = tmp_path / "test-plugins"
    plugins.mkdir(exist_ok=True)
    (plugins / "boom.py").write_text(BOOM_PLUGIN, encoding="utf-8")
    templates = tmp_path / "test-templates"
    templates.mkdir(exist_ok=True)
    (templates / "boom.html").write_text(BOOM_TEMPLATE, encoding="utf-8")
    every = {
        "PLUGIN_PATHS": [str(ROOT / "plugins"), str(plugins)],
        "PLUGINS": ["alternateur", "sitemap", "boom"],
        "THEME_TEMPLATES_OVERRIDES": [str(templates)],
        # The search index is its own test's (test_search.py).
        "SEARCH_INDEX": False,
        **settings,
    }
    return ["-e", *(f"{key}={json.dumps(value)}" for key, value in every.items())]


def publish(
    tmp_path: Path, files: Mapping[str, str], **settings: object
) -> subprocess.CompletedProcess[str]:
    """Build ``files`` as ``invoke publish`` does (emptying the output first)."""
    content = write_content(tmp_path / "content", files)
    return run_pelican(
        content,
        tmp_path / "output",
        settings="publishconf.py",
        env={"SITEURL": PRODUCTION_URL},
        extra=overrides(tmp_path, **settings),
    )


def leftovers(folder: Path) -> list[str]:
    """Names of build folders beside the output (``.output.building-…``)."""
    return sorted(name for name in os.listdir(folder) if name.startswith(".output."))


FAILURES: dict[str, tuple[dict[str, str], dict[str, object]]] = {
    "content-error": (
        {"events/sans-date.md": "Title: Sans date\n\nTexte.\n"},
        {},
    ),
    "template-raises-on-one-page": (
        {"pages/piege.md": "Title: Piège\nTemplate: boom\n\nTexte.\n"},
        {},
    ),
    "plugin-raises-while-reading": ({}, {"BOOM": "reading"}),
    "plugin-raises-while-writing": ({}, {"BOOM": "writing"}),
    "plugin-raises-at-the-end": ({}, {"BOOM": "finishing"}),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failed_build_leaves_the_previous_output_byte_for_byte(
    tmp_path: Path, failure: str
) -> None:
    built = publish(tmp_path, SITE)
    assert built.returncode == 0, built.stdout + built.stderr
    before = snapshot(tmp_path / "output")
    assert "index.html" in before
    assert ".nojekyll" in before

    files, settings = FAILURES[failure]
    failed = publish(tmp_path, {**SITE, **EDITED, **files}, **settings)

    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert snapshot(tmp_path / "output") == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "failure",
    [
        "template-raises-on-one-page",
        "plugin-raises-while-writing",
        "plugin-raises-at-the-end",
    ],
)
def test_the_write_time_failures_strike_once_pages_are_written(
    tmp_path: Path, failure: str
) -> None:
    """The failures above do break a build halfway, as the output would show.

    Built in place (the output holds the content: nothing can be renamed),
    they leave pages written: what the build folder keeps out of the output.
    """
    site = tmp_path / "site"
    files, settings = FAILURES[failure]
    content = write_content(site / "content", {**SITE, **files})
    result = run_pelican(content, site, extra=overrides(tmp_path, **settings))
    assert result.returncode == 1
    assert list(site.glob("**/*.html")), "pages were written before the failure"
    assert "Construction directement dans" in result.stdout + result.stderr


def test_a_successful_build_leaves_exactly_what_it_wrote(tmp_path: Path) -> None:
    """A page whose source is gone disappears, even without emptying the output."""
    content = write_content(tmp_path / "content", SITE)
    output = tmp_path / "a" / "b" / "output"  # Neither it nor its parents exist.
    first = run_pelican(content, output)
    assert first.returncode == 0, first.stdout + first.stderr
    assert (output / "le-projet" / "index.html").is_file()
    (output / "ancienne-page").mkdir()
    (output / "ancienne-page" / "index.html").write_text("Supprimée depuis.")
    output.chmod(0o751)

    (content / "pages" / "le-projet.md").unlink()
    second = run_pelican(content, output)

    assert second.returncode == 0, second.stdout + second.stderr
    assert not (output / "le-projet").exists()
    assert not (output / "ancienne-page").exists()
    assert (output / "agenda" / "atelier" / "index.html").is_file()
    assert output.stat().st_mode & 0o777 == 0o751, "a web server keeps its access"
    assert leftovers(output.parent) == []


def test_the_retained_entries_of_the_output_survive_a_build(tmp_path: Path) -> None:
    head = tmp_path / "output" / ".git" / "HEAD"
    head.parent.mkdir(parents=True)
    head.write_bytes(b"ref: refs/heads/gh-pages\n")
    (tmp_path / "output" / "autre").write_text("Pas retenu.")

    result = publish(tmp_path, SITE, OUTPUT_RETENTION=[".git"])

    assert result.returncode == 0, result.stdout + result.stderr
    assert head.read_bytes() == b"ref: refs/heads/gh-pages\n"
    assert not (tmp_path / "output" / "autre").exists()
    assert (tmp_path / "output" / "index.html").is_file()


def test_folders_left_by_killed_builds_are_removed_by_the_next(
    tmp_path: Path,
) -> None:
    dead = tmp_path / f".output.building-{DEAD_PID}-0123abcd"
    (dead / "agenda").mkdir(parents=True)
    dead_previous = tmp_path / f".output.previous-{DEAD_PID}-4567ef01"
    dead_previous.mkdir()
    # A build still running (this test's process) keeps its folder.
    alive = tmp_path / f".output.building-{os.getpid()}-89abcdef"
    alive.mkdir()
    (tmp_path / "output").mkdir()

    result = publish(tmp_path, SITE)

    assert result.returncode == 0, result.stdout + result.stderr
    assert leftovers(tmp_path) == [alive.name]
    assert (tmp_path / "output" / "index.html").is_file()


def test_retained_entries_a_killed_build_left_behind_come_back(
    tmp_path: Path,
) -> None:
    """Killed just after its swap, a build left ``.git`` in the old output."""
    previous = tmp_path / f".output.previous-{DEAD_PID}-0123abcd"
    (previous / ".git").mkdir(parents=True)
    (previous / ".git" / "HEAD").write_bytes(b"ref: refs/heads/gh-pages\n")
    (tmp_path / "output").mkdir()

    result = publish(tmp_path, SITE, OUTPUT_RETENTION=[".git"])

    assert result.returncode == 0, result.stdout + result.stderr
    head = tmp_path / "output" / ".git" / "HEAD"
    assert head.read_bytes() == b"ref: refs/heads/gh-pages\n"
    assert leftovers(tmp_path) == []


def test_an_output_a_killed_build_had_moved_away_is_put_back(tmp_path: Path) -> None:
    """Killed between its two renames, a build left no output: the next restores it."""
    previous = tmp_path / f".output.previous-{DEAD_PID}-0123abcd"
    (previous / "agenda").mkdir(parents=True)
    (previous / "index.html").write_bytes(b"<p>Le site d'hier.</p>\n")
    before = snapshot(previous)

    failed = publish(tmp_path, SITE, BOOM="writing")

    assert failed.returncode == 1
    assert snapshot(tmp_path / "output") == before
    assert leftovers(tmp_path) == []
    assert "reprend sa place" in failed.stdout + failed.stderr


def test_an_output_reached_by_a_link_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "www" / "site"
    real.mkdir(parents=True)
    (tmp_path / "output").symlink_to(real)

    result = publish(tmp_path, SITE)

    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "output").is_symlink()
    assert (real / "index.html").is_file()
    assert leftovers(real.parent) == []


@pytest.mark.parametrize("nesting", ["output-holds-content", "content-holds-output"])
def test_an_output_nested_with_the_content_is_built_in_place(
    tmp_path: Path, nesting: str
) -> None:
    """Renaming such an output would move the content, or build into it."""
    site = tmp_path / "site"
    content = write_content(site / "content", SITE)
    output = site if nesting == "output-holds-content" else content / "sortie"
    result = run_pelican(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "index.html").is_file()
    assert (content / "pages" / "accueil.md").is_file()
    assert "Construction directement dans" in result.stdout + result.stderr
    assert leftovers(output.parent) == []


def text(path: Path) -> str:
    """A file's text, or nothing while it is not there (between two renames)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""


def wait_for(
    condition: Callable[[], bool],
    log: Path,
    what: str,
    save: Callable[[], object] | None = None,
) -> None:
    """Wait up to two minutes for ``condition``, failing with the process's log.

    A readiness wait, not a speed target: a loaded machine may take long.
    ``save`` writes the change waited for, again every two seconds until it
    shows: ``pelican --autoreload`` starts watching only once its build is
    done, and misses a change written in between (Pelican's own race, which
    an author who saves again never notices).
    """
    deadline = time.monotonic() + 120
    saved = 0.0
    while not condition():
        now = time.monotonic()
        if now > deadline:
            pytest.fail(f"{what}, never:\n{log.read_text(errors='replace')}")
        if save is not None and now - saved > 2:
            save()
            saved = now
        time.sleep(0.1)


def test_pelican_autoreload_swaps_each_build_in_and_keeps_it_on_failure(
    tmp_path: Path,
) -> None:
    """``pelican --autoreload`` runs one ``Pelican`` again at each change."""
    content = write_content(tmp_path / "content", SITE)
    output = tmp_path / "output"
    page = output / "le-projet" / "index.html"
    log = tmp_path / "autoreload.log"
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-o",
        str(output),
        "--autoreload",
        "--log-handler",
        "plain",
        *overrides(tmp_path),
    ]
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_NOW}
    with log.open("wb") as stream:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=stream, stderr=subprocess.STDOUT
        )
    try:
        wait_for(page.is_file, log, "first build")
        wait_for(
            lambda: "en travaux" in text(page),
            log,
            "rebuild",
            save=lambda: write_content(content, EDITED),
        )
        wait_for(lambda: leftovers(tmp_path) == [], log, "old output removed")
        before = snapshot(output)
        builds = log.read_text().count("Done:")
        trap = {"pages/piege.md": "Title: P\nTemplate: boom\n\nT.\n"}
        wait_for(
            lambda: "Caught exception" in text(log),
            log,
            "failed rebuild",
            save=lambda: write_content(content, trap),
        )
        assert log.read_text().count("Done:") == builds
        assert snapshot(output) == before
        assert process.poll() is None, "autoreload goes on after a failure"
    finally:
        interrupt(process)
    # (Pelican tries a failed build again at once, so a build folder may
    # exist at any moment until it stops.)
    assert snapshot(output) == before
