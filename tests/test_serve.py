"""``invoke serve``: the preview finds a port, outlives a build that fails,
has its own folder, and shows every save.

The real task runs in a copy of the project (links to its files, a small
content folder of its own), as ``make serve`` starts it, and is read over
HTTP as a browser would.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from invoke.exceptions import Exit
from playwright.sync_api import Browser

from .browser import interrupt, live_reload_connected, open_page
from .sites import FIXED_NOW, ROOT, write_content

HOST = "127.0.0.1"
SERVED = re.compile(r"Site servi sur http://127\.0\.0\.1:(\d+)/")
SITE = {
    "pages/accueil.md": "Title: Accueil\nSave_as: index.html\nURL:\n\nBienvenue.\n",
    "pages/le-projet.md": "Title: Le projet\n\nUn tiers-lieu.\n",
}
# A page template that raises while rendering, for the project copy's theme.
BOOM_TEMPLATE = "{{ page.title.upper().no_such_method() }}\n"


@pytest.fixture
def tasks(monkeypatch: pytest.MonkeyPatch) -> object:
    """The project's ``tasks.py``, imported from its folder."""
    monkeypatch.chdir(ROOT)
    import tasks  # noqa: PLC0415 (reads pelicanconf.py from the project folder)

    return tasks


@contextmanager
def taken_port(port: int = 0) -> Iterator[int]:
    """Listen on a port (a free one by default), as another server would."""
    with socket.socket() as server:
        server.bind((HOST, port))
        server.listen()
        yield server.getsockname()[1]


def free_port() -> int:
    """A port nothing listens on now."""
    with taken_port() as port:
        return port


def can_listen(port: int) -> bool:
    try:
        with taken_port(port):
            return True
    except OSError:
        return False


def test_a_free_port_is_kept(tasks: object, capsys: pytest.CaptureFixture) -> None:
    port = free_port()
    assert tasks.choose_port(HOST, port) == port  # type: ignore[attr-defined]
    assert capsys.readouterr().err == ""


def test_a_taken_port_gives_the_next_free_one_and_says_so(
    tasks: object, capsys: pytest.CaptureFixture
) -> None:
    with taken_port() as taken:
        chosen = tasks.choose_port(HOST, taken)  # type: ignore[attr-defined]
        assert chosen > taken
        assert can_listen(chosen)
    err = capsys.readouterr().err
    assert err == (
        f"Le port {taken} est déjà pris (un autre aperçu tourne peut-être ?) : "
        f"l'aperçu prend le port {chosen}.\n"
    )


def test_when_every_port_tried_is_taken_the_preview_says_so(tasks: object) -> None:
    with ExitStack() as stack:
        first = stack.enter_context(taken_port())
        try:
            stack.enter_context(taken_port(first + 1))
        except OSError:
            pytest.skip("the next port is someone else's")
        with pytest.raises(Exit) as stopped:
            tasks.choose_port(HOST, first, tries=2)  # type: ignore[attr-defined]
    assert str(stopped.value.message) == (
        f"Les ports {first} à {first + 1} sont tous pris sur {HOST} : arrêtez un "
        "autre aperçu, ou choisissez un port (PORT=8100 make serve)."
    )


class Preview:
    """``invoke serve`` running in a copy of the project."""

    def __init__(self, project: Path, log: Path, process: subprocess.Popen) -> None:
        self.project = project
        self.log = log
        self.process = process

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, condition: Callable[[], object], what: str) -> object:
        """Wait up to a minute for ``condition`` to be true; return it."""
        deadline = time.monotonic() + 60
        while not (found := condition()):
            if self.process.poll() is not None:
                pytest.fail(f"invoke serve stopped, {what} never:\n{self.text()}")
            if time.monotonic() > deadline:
                pytest.fail(f"{what}, never:\n{self.text()}")
            time.sleep(0.1)
        return found

    def port(self) -> int:
        found = self.wait_for(lambda: SERVED.search(self.text()), "Site servi sur")
        return int(found[1])  # type: ignore[index]


def fetch(url: str) -> str:
    """The body of a page, or the HTTP error it gives (``404``).

    « Site servi sur … » is printed just before the server listens: a
    refused connection is tried again for a while (readiness, not speed).
    """
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return str(error.code)
        except urllib.error.URLError as error:
            refused = isinstance(error.reason, ConnectionRefusedError)
            if not refused or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@contextmanager
def preview(tmp_path: Path, port: int) -> Iterator[Preview]:
    """Start ``invoke serve`` on ``port`` in a copy of the project; stop it after.

    Its theme has one more template, ``boom``, which raises on any page.
    """
    project = tmp_path / "projet"
    project.mkdir()
    for name in ("tasks.py", "publishconf.py", "plugins", "theme", "Makefile"):
        (project / name).symlink_to(ROOT / name)
    # ``make`` in the copy finds the project's environment up to date.
    (project / ".venv").symlink_to((ROOT / ".venv").resolve())
    installed = (ROOT / ".venv" / ".installed").stat().st_mtime
    for name in ("requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, project / name)
        os.utime(project / name, (installed - 86400, installed - 86400))
    templates = tmp_path / "test-templates"
    templates.mkdir()
    (templates / "boom.html").write_text(BOOM_TEMPLATE, encoding="utf-8")
    settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    (project / "pelicanconf.py").write_text(
        f"{settings}\nTHEME_TEMPLATES_OVERRIDES = [{str(templates)!r}]\n",
        encoding="utf-8",
    )
    write_content(project / "content", SITE)
    log = tmp_path / "serve.log"
    env = {
        **os.environ,
        "HOST": HOST,
        "PORT": str(port),
        "SOURCE_DATE_EPOCH": FIXED_NOW,
        "PYTHONUNBUFFERED": "1",
    }
    with log.open("wb") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "serve"],
            cwd=project,
            env=env,
            stdout=stream,
            stderr=subprocess.STDOUT,
        )
    try:
        yield Preview(project, log, process)
    finally:
        interrupt(process)


def test_invoke_serve_on_a_taken_port_serves_on_the_next(tmp_path: Path) -> None:
    with taken_port() as taken, preview(tmp_path, taken) as served:
        port = served.port()
        assert port > taken
        assert f"Le port {taken} est déjà pris" in served.text()
        assert f"l'aperçu prend le port {port}." in served.text()
        assert "Bienvenue." in fetch(f"http://{HOST}:{port}/")
        assert "Traceback" not in served.text()
        assert "Errno" not in served.text()


def test_the_preview_outlives_a_build_that_raises(tmp_path: Path) -> None:
    with preview(tmp_path, free_port()) as served:
        base = f"http://{HOST}:{served.port()}/"
        assert "Un tiers-lieu." in fetch(f"{base}le-projet/")
        # The watcher sees files saved after it started.
        time.sleep(0.2)
        write_content(
            served.project / "content",
            {
                "pages/le-projet.md": "Title: Le projet\n\nUn tiers-lieu, demain.\n",
                "pages/piege.md": "Title: Piège\nTemplate: boom\n\nTexte.\n",
            },
        )
        served.wait_for(
            lambda: "La construction a échoué" in served.text(), "the failure line"
        )
        [line] = [
            line
            for line in served.text().splitlines()
            if "La construction a échoué" in line
        ]
        assert line == (
            "La construction a échoué : UndefinedError : 'str object' has no "
            "attribute 'no_such_method' ; le site servi reste le précédent. "
            "Corrigez le fichier et enregistrez : l'aperçu se reconstruit."
        )
        assert "Traceback" not in served.text()
        # Still serving, the whole previous site.
        assert "Un tiers-lieu." in fetch(f"{base}le-projet/")
        assert fetch(f"{base}piege/") == "404"

        write_content(
            served.project / "content",
            {"pages/piege.md": "Title: Piège\n\nTexte corrigé.\n"},
        )
        served.wait_for(
            lambda: "Texte corrigé." in fetch(f"{base}piege/"), "the fixed page"
        )
        assert "Un tiers-lieu, demain." in fetch(f"{base}le-projet/")
        assert served.process.poll() is None


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root``: its bytes and its modification time."""
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_publishing_leaves_the_served_preview_untouched(tmp_path: Path) -> None:
    with preview(tmp_path, free_port()) as served:
        base = f"http://{HOST}:{served.port()}/"
        home = fetch(base)
        assert "Bienvenue." in home
        folder = served.project / "output-preview"
        before = snapshot(folder)
        assert "index.html" in before
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in {"SITEURL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}
        }
        published = subprocess.run(
            ["make", "publish"],
            cwd=served.project,
            env={**env, "SOURCE_DATE_EPOCH": FIXED_NOW},
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert published.returncode == 0, published.stdout + published.stderr
        production = (served.project / "output" / "index.html").read_text("utf-8")
        assert 'href="http://127.0.0.1:8000/' in production, "absolute links"
        assert snapshot(folder) == before
        assert fetch(base) == home
        assert 'href="http://127.0.0.1:8000/' not in home


def test_a_second_save_a_second_later_is_shown(
    tmp_path: Path, browser: Browser
) -> None:
    with preview(tmp_path, free_port()) as served:
        base = f"http://{HOST}:{served.port()}/"
        assert "Un tiers-lieu." in fetch(f"{base}le-projet/")
        pages = served.project / "content"
        with open_page(browser, f"{base}le-projet/") as (page, _):
            time.sleep(0.2)  # The watcher sees files saved after it started.
            live_reload_connected(page)
            for text in ("Première version.", "Seconde version."):
                write_content(
                    pages, {"pages/le-projet.md": f"Title: Le projet\n\n{text}\n"}
                )
                # livereload reloads the open page: the test never does.
                page.get_by_text(text).wait_for(timeout=60_000)
                # livereload dropped any change within 3 s of its last reload.
                time.sleep(1)
        assert "Seconde version." in fetch(f"{base}le-projet/")
        builds = served.text().count("Aperçu à jour :")
        assert builds >= 3, "the first build, then one per save"


def test_the_terminal_says_each_thing_once_in_french(tmp_path: Path) -> None:
    with preview(tmp_path, free_port()) as served:
        base = f"http://{HOST}:{served.port()}/"
        assert "Bienvenue." in fetch(base)
        time.sleep(0.2)  # The watcher sees files saved after it started.
        faulty = "Title: Soupe\nStart: 2019-13-01\n\nUne soupe.\n"
        write_content(
            served.project / "content", {"events/soupe.md": faulty}, special_pages=False
        )
        served.wait_for(lambda: "1 erreur de contenu" in served.text(), "the summary")
        lines = served.text().splitlines()
    problem = (
        "events/soupe.md, ligne 2: Start « 2019-13-01 » n'est pas une date valide "
        "(attendu AAAA-MM-JJ HH:MM, AAAA-MM-JJ, AAAA-MM)"
    )
    assert lines.count(problem) == 1, "one whole line, once"
    summaries = [line for line in lines if line.startswith("Aperçu à jour : ")]
    assert len(summaries) == 2
    assert re.fullmatch(
        r"Aperçu à jour : 4 pages, 0 événement, 0 jalon, 0 lieu en \d+,\d s\.",
        summaries[0],
    )
    assert summaries[1].startswith(
        "Aperçu à jour : 4 pages, 0 événement, 0 jalon, 0 lieu en "
    )
    assert summaries[1].endswith(
        " ; 1 erreur de contenu ci-dessus : fichiers laissés de côté (l'aperçu "
        "les montre aussi dans le navigateur)."
    )
    assert "Ctrl+C arrête l'aperçu." in lines
    for english in (
        "Done: Processed",
        "Running task",
        "Reload ",
        "Serving on",
        "Ignore",
    ):
        assert english not in served.text()
    assert len(lines) == len(set(lines)), "no line twice"


def test_ctrl_c_stops_the_preview(tmp_path: Path) -> None:
    """The notifications' thread must not keep the process alive."""
    with preview(tmp_path, free_port()) as served:
        assert "Bienvenue." in fetch(f"http://{HOST}:{served.port()}/")
        served.process.send_signal(signal.SIGINT)
        try:
            served.process.wait(30)
        except subprocess.TimeoutExpired:
            pytest.fail(f"Ctrl+C did not stop invoke serve:\n{served.text()}")
        assert served.process.returncode == 0
        assert "Traceback" not in served.text()
