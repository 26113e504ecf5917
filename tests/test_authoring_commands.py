"""The authors' commands work as the guide prints them, and so do the messages.

Each ``make …`` line of the guide's and the README's command blocks is run
as written, by a shell, in a fresh copy of the project (links to its code,
a copy of its content), and its exit status and French output are read.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .sites import FIXED_NOW, ROOT, write_content

DOCUMENTS = ("docs/rediger.md", "README.md")
FENCE = re.compile(r"^```(?:sh|bash)?\n(.*?)^```", re.DOTALL | re.MULTILINE)
# What each author command prints when all goes well.
EXPECTED = {
    "check": r"^\d+ fichiers vérifiés en \d+,\d\d s : aucun problème\.$",
    "new-event": r"^Créé : content/events/[a-z0-9-]+\.md$",
    "new-milestone": r"^Créé : content/milestones/[a-z0-9-]+\.md$",
    "build": (
        r"^Site construit dans output/ : \d+ pages, \d+ événements, \d+ jalons, "
        r"\d+ lieux en \d+,\d s\.$"
    ),
    "publish": (
        r"^Site de production construit dans output/ : \d+ pages, \d+ "
        r"événements, \d+ jalons, \d+ lieux en \d+,\d s\.$"
    ),
}
# Tested elsewhere: the preview (test_serve.py, test_preview_banner.py),
# the developers' suite, and publishing to a remote (test_gh_pages.py).
ELSEWHERE = {"serve", "test", "gh-pages", "bench", "audit"}


def documented_commands() -> list[str]:
    """Every ``make …`` line of the documents' code blocks, in order, once."""
    found: list[str] = []
    for name in DOCUMENTS:
        text = (ROOT / name).read_text(encoding="utf-8")
        for block in FENCE.findall(text):
            for line in block.splitlines():
                if line.startswith("make ") and line not in found:
                    found.append(line)
    return found


def target(command: str) -> str:
    return command.split()[1]


def project_copy(root: Path) -> Path:
    """A fresh copy of the project: its code linked, its content copied.

    The environment is the project's own (``.venv`` linked): its
    requirements files are copied older than it, so that ``make`` finds it
    up to date and installs nothing.
    """
    project = root / "projet"
    project.mkdir()
    for name in (
        "Makefile",
        "tasks.py",
        "pelicanconf.py",
        "publishconf.py",
        "plugins",
        "theme",
    ):
        (project / name).symlink_to(ROOT / name)
    (project / ".venv").symlink_to((ROOT / ".venv").resolve())
    installed = (ROOT / ".venv" / ".installed").stat().st_mtime
    for name in ("requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, project / name)
        os.utime(project / name, (installed - 86400, installed - 86400))
    shutil.copytree(ROOT / "content", project / "content")
    return project


def shell(project: Path, command: str) -> subprocess.CompletedProcess[str]:
    """Run ``command`` as typed in a terminal, in ``project``."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"SITEURL", "PAGES_DOMAIN", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}
    }
    return subprocess.run(
        ["bash", "-c", command],
        cwd=project,
        env={**env, "SOURCE_DATE_EPOCH": FIXED_NOW},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_the_guide_documents_every_author_command() -> None:
    targets = {target(command) for command in documented_commands()}
    assert set(EXPECTED) <= targets
    assert targets <= set(EXPECTED) | ELSEWHERE, "a command this file does not run"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project_copy(tmp_path_factory.mktemp("commandes"))


@pytest.mark.parametrize(
    "command",
    [c for c in documented_commands() if target(c) in EXPECTED],
)
def test_each_documented_command_works_as_printed(project: Path, command: str) -> None:
    result = shell(project, command)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    lines = output.splitlines()
    assert any(re.fullmatch(EXPECTED[target(command)], line) for line in lines), output
    assert "Traceback" not in output
    assert "Done: Processed" not in output, "Pelican's English summary"
    assert len(lines) == len(set(lines)), "no line twice"
    if target(command).startswith("new-"):
        created = re.search(r"^Créé : (\S+)$", output, re.MULTILINE)
        assert created is not None
        assert (project / created[1]).is_file()
        assert "(make check dit s'il manque quelque chose)" in output


def test_make_new_event_takes_every_option_and_keeps_the_title_as_typed(
    tmp_path: Path,
) -> None:
    project = project_copy(tmp_path)
    result = shell(
        project,
        """make new-event TITLE="L'atelier \\"vélo\\" \\$HOME \\`id\\`" """
        'START="2020-03-20 19:00" END="2020-03-20 21:00" LOCATION="Salle Morlet" '
        'ADDRESS="1 rue X" RECURRENCE="FREQ=WEEKLY;COUNT=3"',
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [path] = (project / "content" / "events").glob("latelier*.md")
    text = path.read_text(encoding="utf-8")
    assert 'Title: L\'atelier "vélo" $HOME `id`\n' in text
    assert "End: 2020-03-20 21:00\n" in text
    assert "Location: Salle Morlet\n" in text
    assert "Address: 1 rue X\n" in text
    assert "Recurrence: FREQ=WEEKLY;COUNT=3\n" in text
    check = shell(project, "make check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_make_new_event_without_its_title_says_how_to_write_it(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    result = shell(project, 'make new-event START="2020-03-20"')
    assert result.returncode != 0
    assert 'make new-event TITLE="Atelier vélo" START="2020-03-20 19:00"' in (
        result.stdout
    )
    example = re.search(r"^  (make new-event .*)$", result.stdout, re.MULTILINE)
    assert example is not None
    assert shell(project, example[1]).returncode == 0, "the example works as printed"


def test_a_refused_value_is_refused_by_make_as_by_the_build(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    result = shell(project, 'make new-event TITLE="Fête" START="2019-13-01"')
    assert result.returncode != 0
    refused = "events/fete.md: Start « 2019-13-01 » n'est pas une date valide"
    assert refused in result.stderr
    assert not (project / "content" / "events" / "fete.md").exists()


def test_make_check_fails_on_a_content_error_with_one_line_each(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    write_content(
        project / "content",
        {"events/soupe.md": "Title: Soupe\nStart: 2019-13-01\n\nTexte.\n"},
        special_pages=False,
    )
    result = shell(project, "make check")
    assert result.returncode != 0
    assert result.stdout.splitlines()[0] == (
        "events/soupe.md, ligne 2: Start « 2019-13-01 » n'est pas une date valide "
        "(attendu AAAA-MM-JJ HH:MM, AAAA-MM-JJ, AAAA-MM)"
    )
    assert "1 problème dans 1 fichier" in result.stderr


def _strings(path: Path) -> list[str]:
    """The string literals of a Python file, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(
            node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef
        )
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_message_names_a_command_that_is_not_on_the_path() -> None:
    """``invoke`` is in ``.venv/bin``, not on the PATH: messages say ``make``."""
    files = [
        ROOT / "tasks.py",
        ROOT / "publishconf.py",
        *sorted((ROOT / "plugins").rglob("*.py")),
    ]
    named = [
        (path.relative_to(ROOT).as_posix(), text)
        for path in files
        for text in _strings(path)
        if re.search(r"(?<![./\w])invoke [a-z]", text)
    ]
    assert named == []
