"""``invoke gh-pages``: publish the site to the ``gh-pages`` branch of ``origin``.

Each test makes a repository of the project as it is now (tracked and new
files, the working tree's versions), whose ``origin`` is a bare repository in
a temporary folder, and runs the real task in it, as a person or the workflow
would.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .sites import FIXED_NOW, ROOT, plain, run_pelican, write_content

DOMAIN = "www.example.org"
DRAFTS = {
    "pages/brouillon-de-page.md": """\
        Title: Page en préparation secrète
        Status: draft

        Pas encore.
        """,
    "events/brouillon-d-evenement.md": """\
        Title: Événement en préparation secrète
        Start: 2030-01-15
        Status: draft

        Pas encore.
        """,
}
# Git for these repositories only: no user or system configuration.
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def git(cwd: Path, *args: str) -> str:
    """Run git in a test repository and return what it printed."""
    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


class Project:
    """A repository of the project, and its bare ``origin``."""

    def __init__(self, root: Path) -> None:
        self.clone = root / "projet"
        self.origin = root / "origin.git"
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for name in sorted(set(listed.split("\0")) - {""}):
            source = ROOT / name
            if source.is_file():  # Not a file deleted but not yet committed.
                target = self.clone / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
        git(root, "init", "--quiet", "--bare", str(self.origin))
        git(self.clone, "init", "--quiet", "--initial-branch=main")
        git(self.clone, "remote", "add", "origin", str(self.origin))
        self.commit("Le projet")

    def commit(self, message: str) -> None:
        """Commit everything in the working tree."""
        git(self.clone, "add", "--all")
        git(self.clone, "commit", "--quiet", "--message", message)

    def gh_pages(self, **env: str) -> subprocess.CompletedProcess[str]:
        """Run ``invoke gh-pages`` in the repository."""
        inherited = {
            name: value
            for name, value in os.environ.items()
            if name not in {"SITEURL", "PAGES_DOMAIN"}
        }
        return subprocess.run(
            [sys.executable, "-m", "invoke", "gh-pages"],
            cwd=self.clone,
            env={**inherited, **GIT_ENV, "SOURCE_DATE_EPOCH": FIXED_NOW, **env},
            capture_output=True,
            text=True,
            check=False,
        )

    def published(self) -> dict[str, bytes]:
        """Every file on ``gh-pages`` in ``origin``, by path."""
        names = git(self.origin, "ls-tree", "-r", "-z", "--name-only", "gh-pages")
        return {
            name: subprocess.run(
                ["git", "show", f"gh-pages:{name}"],
                cwd=self.origin,
                capture_output=True,
                check=True,
            ).stdout
            for name in names.split("\0")
            if name
        }

    def has_gh_pages(self) -> bool:
        """Whether ``origin`` has a ``gh-pages`` branch."""
        return bool(git(self.origin, "branch", "--list", "gh-pages").strip())


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def fresh_build(project: Project, output: Path, **env: str) -> dict[str, bytes]:
    """Build the repository's site as ``invoke publish`` would, elsewhere."""
    result = run_pelican(
        project.clone / "content",
        output,
        settings="publishconf.py",
        env=env,
        cwd=project.clone,
        search=True,  # As published: with the search index.
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in output.rglob("*")
        if path.is_file()
    }


def test_gh_pages_publishes_the_whole_production_build(
    project: Project, tmp_path: Path
) -> None:
    write_content(project.clone / "content", DRAFTS)
    project.commit("Deux brouillons")

    result = project.gh_pages(PAGES_DOMAIN=DOMAIN)

    assert result.returncode == 0, result.stdout + result.stderr
    published = project.published()
    expected = fresh_build(project, tmp_path / "fresh", PAGES_DOMAIN=DOMAIN)
    kinds = {Path(name).suffix for name in expected}
    assert {".html", ".xml", ".css"} <= kinds
    # Every page, feed, calendar and asset, as built, and nothing else.
    assert sorted(published) == sorted(expected)
    assert [name for name in expected if published[name] != expected[name]] == []
    assert published[".nojekyll"] == b""
    assert published["CNAME"] == f"{DOMAIN}\n".encode()
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt"):
        assert name in published
    for name, data in published.items():
        assert "brouillon" not in name
        assert "préparation secrète".encode() not in data, name


def test_each_publication_replaces_the_last_one(project: Project) -> None:
    """The branch holds the site, not its past: one commit, naming its source."""
    assert project.gh_pages(SITEURL="https://example.org/sub").returncode == 0
    page = project.clone / "content" / "pages" / "le-projet.md"
    page.write_text(page.read_text() + "\nUne phrase ajoutée.\n")
    project.commit("Une phrase de plus")

    result = project.gh_pages(SITEURL="https://example.org/sub")

    assert result.returncode == 0, result.stdout + result.stderr
    page_html = html.unescape(project.published()["le-projet/index.html"].decode())
    assert "Une phrase ajoutée." in plain(page_html)
    log = git(project.origin, "log", "--format=%s", "gh-pages").splitlines()
    source = git(project.clone, "rev-parse", "--short", "HEAD").strip()
    assert log == [f"Publication du site ({source})"]
    assert "CNAME" not in project.published()
    assert "Site publié sur la branche gh-pages de origin" in result.stdout


@pytest.mark.parametrize("change", ["modified", "new"])
def test_a_working_tree_with_uncommitted_changes_is_refused(
    project: Project, change: str
) -> None:
    if change == "modified":
        page = project.clone / "content" / "pages" / "le-projet.md"
        page.write_text(page.read_text() + "\nPas encore enregistré.\n")
    else:
        write_content(project.clone / "content", {"pages/nouvelle.md": "Title: N\n"})

    result = project.gh_pages(SITEURL="https://example.org/sub")

    assert result.returncode != 0
    assert "Publication refusée : des fichiers ont changé" in result.stderr
    assert "content/pages/" in result.stderr
    assert not project.has_gh_pages()


def test_a_failed_build_publishes_nothing(project: Project) -> None:
    write_content(
        project.clone / "content",
        {"events/faute.md": "Title: Faute\nStart: 2019-13-01\n\nTexte.\n"},
    )
    project.commit("Une date impossible")

    result = project.gh_pages(SITEURL="https://example.org/sub")

    assert result.returncode != 0
    faulty = "events/faute.md, ligne 2: Start « 2019-13-01 »"
    assert faulty in result.stdout + result.stderr
    assert "La construction de production a échoué" in result.stderr
    assert not project.has_gh_pages()


def test_a_site_without_its_address_is_not_published(project: Project) -> None:
    result = project.gh_pages()

    assert result.returncode != 0
    assert "Publication refusée : l'adresse du site n'est pas définie" in result.stderr
    assert not project.has_gh_pages()
