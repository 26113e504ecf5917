"""Tasks of L'Alternateur's site, run with ``invoke`` (``make`` calls them).

Modelled on the ``tasks.py`` of Pelican's quickstart.
"""

from __future__ import annotations

import errno
import importlib
import logging
import os
import shlex
import shutil
import sys
import threading
import time
from types import ModuleType
from typing import Any

from invoke import Context, task
from invoke.exceptions import Exit
from pelican import LOG_HANDLERS, Pelican
from pelican import get_instance as pelican_instance
from pelican import main as pelican_main
from pelican import parse_arguments as pelican_arguments
from pelican.log import console as pelican_console
from pelican.log import init as init_logging
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file, read_settings

# Commands of the virtualenv that runs this file, whether or not it is activated.
BIN = os.path.dirname(sys.executable)
SETTINGS_FILE_BASE = "pelicanconf.py"
SETTINGS_FILE_PUBLISH = "publishconf.py"
SETTINGS = {**DEFAULT_CONFIG, **get_settings_from_file(SETTINGS_FILE_BASE)}
# The content schema, for the scaffolds' options (the plugin is not installed:
# Pelican finds it in PLUGIN_PATHS, and so does this file).
sys.path[:0] = [os.path.abspath(path) for path in SETTINGS["PLUGIN_PATHS"]]
SCHEMA = importlib.import_module("alternateur.model.schema")
PREVIEW = importlib.import_module("alternateur.hooks.preview")

CONFIG = {
    "settings_base": SETTINGS_FILE_BASE,
    "settings_publish": SETTINGS_FILE_PUBLISH,
    "content": SETTINGS["PATH"],
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    # The preview's own folder: ``make publish`` and ``make gh-pages`` write
    # ``output/`` and never touch a preview that is being served.
    "preview_path": "output-preview",
    "github_pages_branch": "gh-pages",
    "github_pages_remote": "origin",
    "host": os.environ.get("HOST", "127.0.0.1"),
    "port": int(os.environ.get("PORT", "8000")),
}


def pelican_run(*args: str, done: str = "") -> None:
    """Run Pelican in this process, failing the task if Pelican fails.

    One plain line per message, whatever the terminal's width, and the
    French summary (``done`` first) instead of Pelican's English one.
    """
    started = time.perf_counter()
    quiet, pelican_console.quiet = pelican_console.quiet, True
    try:
        pelican_main([CONFIG["content"], *args, "--log-handler", "plain"])
    except SystemExit as exit_:
        if exit_.code:
            raise
    finally:
        pelican_console.quiet = quiet
    if done:
        sys.stderr.write(build_summary(time.perf_counter() - started, done) + "\n")


@task
def clean(c: Context) -> None:
    """Efface les sites construits et le cache de Pelican.

    Everything here is rebuilt by the next command.
    """
    for path in (CONFIG["deploy_path"], CONFIG["preview_path"], SETTINGS["CACHE_PATH"]):
        shutil.rmtree(path, ignore_errors=True)


@task
def build(c: Context) -> None:
    """Construit le site une fois dans output/, sans le servir.

    The preview's settings (relative links), not strict: a content error is
    printed and the faulty file left out, as in the preview.
    """
    pelican_run(
        "-s",
        CONFIG["settings_base"],
        done=f"Site construit dans {CONFIG['deploy_path']}/",
    )


@task
def rebuild(c: Context) -> None:
    """Construit le site dans output/ en repartant de zéro (sans cache)."""
    pelican_run(
        "-d",
        "-s",
        CONFIG["settings_base"],
        done=f"Site construit dans {CONFIG['deploy_path']}/",
    )


PREVIEW_FAILED = (
    "La construction a échoué : {reason} ; le site servi reste le précédent. "
    "Corrigez le fichier et enregistrez : l'aperçu se reconstruit."
)


# The preview's build: a content error must not stop the preview (it is
# logged, the rest of the site is rebuilt, and the author fixes the file); one
# plain line per message, whatever the terminal's width; the banner of the
# problems, and only what a save changed rewritten (hooks/incremental.py).
PREVIEW_ARGUMENTS = (
    "-s",
    CONFIG["settings_base"],
    "-o",
    CONFIG["preview_path"],
    "--log-handler",
    "plain",
    "-e",
    "CACHE_CONTENT=true",
    "LOAD_CONTENT_CACHE=true",
    "PREVIEW_PROBLEMS_BANNER=true",
    "PREVIEW_INCREMENTAL=true",
)


def preview_build(*args: str) -> bool:
    """Build the preview once, in this process; on failure, say so in one line.

    ``invoke serve`` rebuilds at every save in one process: whatever a build
    raises (a template or a plugin that fails on one page, a settings file
    saved half-written), the preview must keep serving the last site that
    built, which the plugin keeps whole (``hooks/staging.py``), and the author
    must be told, without a traceback. ``pelican.main`` would turn the
    exception into ``SystemExit(1)`` after a traceback, so this is its
    one-build path (same command line, logging and ``Pelican``) without that.
    Ctrl-C still stops the preview.
    """
    started = time.perf_counter()
    try:
        arguments = pelican_arguments([CONFIG["content"], *args])
        init_logging(
            level=arguments.verbosity,
            fatal=arguments.fatal,
            name="pelican",
            handler=LOG_HANDLERS[arguments.log_handler],
            logs_dedup_min_level=getattr(logging, arguments.logs_dedup_min_level),
        )
        pelican, _ = pelican_instance(arguments)
        # Pelican's English « Done: Processed 0 articles… » counts neither
        # events nor milestones: the French summary below replaces it.
        quiet, pelican_console.quiet = pelican_console.quiet, True
        try:
            pelican.run()
        finally:
            pelican_console.quiet = quiet
    except Exception as error:  # noqa: BLE001 (whatever it is, the preview goes on)
        message = " ".join(str(error).split())
        reason = (
            f"{type(error).__name__} : {message}" if message else type(error).__name__
        )
    except SystemExit as exit_:
        # The plugin's content check (strict builds only), a settings file's
        # sys.exit().
        if not exit_.code:
            return True
        code = exit_.code
        reason = code if isinstance(code, str) else "voir les messages ci-dessus"
    else:
        seconds = time.perf_counter() - started
        sys.stderr.write(build_summary(seconds, shown=True) + "\n")
        return True
    sys.stderr.write(PREVIEW_FAILED.format(reason=reason) + "\n")
    return False


def plural(count: int, word: str, words: str = "") -> str:
    """« 1 jalon », « 7 jalons »: French plurals are from 2 on."""
    return f"{count} {word if count in {0, 1} else (words or word + 's')}"


def build_summary(
    seconds: float, done: str = "Aperçu à jour", *, shown: bool = False
) -> str:
    """Say in French what the last build held, and how long it took.

    « 12 pages, 7 événements, 7 jalons, 7 lieux en 0,4 s », with the number of content
    errors when there are some (their lines are printed above).
    """
    counts = PREVIEW.last_counts() or {}
    held = ", ".join(
        [
            plural(counts.get("pages", 0), "page"),
            plural(counts.get("events", 0), "événement"),
            plural(counts.get("milestones", 0), "jalon"),
            plural(counts.get("venues", 0), "lieu", "lieux"),
        ]
    )
    summary = f"{done} : {held} en {seconds:.1f} s".replace(".", ",")
    problems = counts.get("problems", 0)
    if problems:
        summary += (
            f" ; {plural(problems, 'erreur')} de contenu ci-dessus : fichiers "
            "laissés de côté"
        )
        summary += " (l'aperçu les montre aussi dans le navigateur)" if shown else ""
    return summary + "."


def choose_port(host: str, wanted: int, tries: int = 20) -> int:
    """Return ``wanted``, or the next port free on ``host``, saying which.

    A port already taken (another preview still running, another server)
    ended ``make serve`` with an ``OSError`` traceback. The port is tried as
    the server will listen on it (tornado's ``bind_sockets``), then released
    for it: another program could take it in between, which a preview on
    one's own computer can live with.
    """
    from tornado.netutil import bind_sockets  # noqa: PLC0415 (as livereload)

    last = min(wanted + tries, 65536) - 1
    for port in range(wanted, last + 1):
        try:
            sockets = bind_sockets(port, address=host)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                continue
            raise Exit(
                f"Impossible de servir l'aperçu sur {host}:{port} : "
                f"{error.strerror or error}."
            ) from None
        chosen = sockets[0].getsockname()[1]  # Port 0: the one the system gave.
        for sock in sockets:
            sock.close()
        if wanted and chosen != wanted:
            sys.stderr.write(
                f"Le port {wanted} est déjà pris (un autre aperçu tourne "
                f"peut-être ?) : l'aperçu prend le port {chosen}.\n"
            )
        return chosen
    raise Exit(
        f"Les ports {wanted} à {last} sont tous pris sur {host} : arrêtez un "
        "autre aperçu, ou choisissez un port (PORT=8100 make serve)."
    )


@task
def serve(c: Context) -> None:
    """Sert l'aperçu sur http://127.0.0.1:8000, rechargé à chaque enregistrement.

    The port is the next free one when 8000 is taken; a build that fails
    leaves the last site served, and the next save builds again. The preview
    has its own folder (``output-preview/``), so that publishing never
    rewrites the site being looked at; only this build shows the content
    problems in a banner on every page (``PREVIEW_PROBLEMS_BANNER``).
    """
    from livereload import Server  # noqa: PLC0415 (only ``serve`` needs it)
    from livereload.handlers import LiveReloadHandler  # noqa: PLC0415

    def cached_build() -> None:
        preview_build(*PREVIEW_ARGUMENTS)

    cached_build()
    # livereload drops a change seen less than 3 s after the last reload
    # (« Ignore: … »): a second save was rebuilt but never shown. Every
    # change now reloads; changes that come together are one already
    # (``notified_watcher``).
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0

    class QuietServer(Server):
        """livereload's ``Server``, without its English lines in the terminal.

        livereload adds a handler of its own to its logger, which also goes
        up to Pelican's: each of its lines (« Running task… », « Reload 1
        waiters… ») came twice, between the author's messages. Only its
        warnings and errors are kept, once.
        """

        def _setup_logging(self) -> None:
            for name in ("livereload", "tornado"):
                log = logging.getLogger(name)
                log.setLevel(logging.WARNING)
                log.propagate = False
                if not log.handlers:
                    log.addHandler(logging.StreamHandler())

    theme = SETTINGS["THEME"]
    watcher = notified_watcher(
        [CONFIG["settings_base"], theme, CONFIG["content"], "plugins"]
    )
    server = QuietServer(watcher=watcher)
    for glob in (
        CONFIG["settings_base"],
        f"{theme}/templates/**/*.html",
        f"{theme}/static/**/*",
        f"{CONFIG['content']}/**/*.md",
        "plugins/**/*.py",
    ):
        server.watch(glob, cached_build)
    host = CONFIG["host"]
    port = choose_port(host, CONFIG["port"])
    sys.stderr.write(f"Site servi sur http://{host}:{port}/\n")
    sys.stderr.write("Ctrl+C arrête l'aperçu.\n")
    try:
        server.serve(host=host, port=port, root=CONFIG["preview_path"])
    finally:
        if watcher is not None:
            watcher.stopped.set()


def notified_watcher(roots: list[str]) -> Any:
    """Return a livereload watcher woken by the system's file notifications.

    livereload looks at every watched file every 0.8 s: a save waited
    0.4 s on average, up to 0.8 s, before its build even started.
    ``watchfiles`` (Pelican's own dependency, for ``--autoreload``) hears
    the system's notifications (inotify on Linux, FSEvents on macOS, polling
    only where there are none) and wakes livereload's usual check, which
    finds what changed and rebuilds once for all of it. Saves that come
    together (an editor writes, renames, writes again) are one change once
    quiet for 50 ms; a save during a build is rebuilt once it is over: the
    last one is always shown. Without ``watchfiles``,
    livereload polls as before.
    """
    from livereload.watcher import Watcher  # noqa: PLC0415 (only ``serve``)
    from tornado.ioloop import IOLoop, PeriodicCallback  # noqa: PLC0415

    try:
        import watchfiles  # noqa: PLC0415
    except ImportError:  # pragma: no cover (a dependency of Pelican)
        return None

    class NotifiedWatcher(Watcher):
        # Set when the preview stops; the notifications' thread is a daemon
        # anyway, so that Ctrl+C always ends the process.
        stopped = threading.Event()

        def start(self, callback: Any) -> bool:
            loop = IOLoop.current()
            watched = [root for root in roots if os.path.exists(root)]

            def poll(error: Exception) -> None:
                # Notifications lost (a watched folder removed…): look at
                # the files as livereload does, every 0.8 s.
                sys.stderr.write(
                    f"Les notifications de fichiers se sont arrêtées ({error}) : "
                    "l'aperçu regarde les fichiers toutes les 0,8 s.\n"
                )
                PeriodicCallback(callback, 800).start()

            def listen() -> None:
                # In its own thread; each change is handed to the server's
                # loop, where livereload's check and the build run.
                try:
                    for _ in watchfiles.watch(
                        *watched, step=50, stop_event=self.stopped
                    ):
                        loop.add_callback(callback)
                except Exception as error:  # noqa: BLE001 (the preview goes on)
                    loop.add_callback(poll, error)

            threading.Thread(target=listen, name="notifications", daemon=True).start()
            # The server's own start, queued by livereload: taken now, so
            # that the first save is a change like any other.
            callback()
            # The notifications start in their thread: a file saved before
            # (during the first build) is found by one more check.
            loop.call_later(0.5, callback)
            return True

    return NotifiedWatcher()


def site_plugin(module: str, content: str = "") -> tuple[dict[str, Any], ModuleType]:
    """Return a build's settings and one of the plugin's modules, without building.

    ``Pelican()`` loads the plugin and applies its defaults exactly as a build
    does; ``content`` replaces the content folder (``PATH``).
    """
    override = {"PATH": os.path.abspath(content)} if content else None
    pelican = Pelican(read_settings(CONFIG["settings_base"], override=override))
    return pelican.settings, importlib.import_module(f"alternateur.{module}")


def check_content(content: str = "") -> Any:
    """Read every content file as the build does, stop before writing: the result.

    The same Pelican, plugins, generators and readers as a build, so
    ``invoke check`` and the build can never disagree; ``CONTENT_CHECK_ONLY``
    makes the plugin stop the build once every file is read
    (``hooks/checking.finish_reading``), with what it found.
    """
    override: dict[str, Any] = {"CONTENT_CHECK_ONLY": True}
    if content:
        override["PATH"] = os.path.abspath(content)
    pelican = Pelican(read_settings(CONFIG["settings_base"], override=override))
    checking = importlib.import_module("alternateur.checking.report")
    try:
        pelican.run()
    except checking.CheckFinished as finished:
        return finished
    raise Exit("La vérification n'a pas pu lire le contenu.")  # pragma: no cover


@task(help={"content": "dossier du contenu à vérifier (par défaut content/)"})
def check(c: Context, content: str = "") -> None:
    """Vérifie tout le contenu d'un coup, sans rien construire ni écrire."""
    started = time.perf_counter()
    report = check_content(content)
    seconds = f"{time.perf_counter() - started:.2f}".replace(".", ",")
    for problem in report.problems:
        print(problem)
    # Still to fill in (the legal notice's facts): listed, never a failure.
    for warning in getattr(report, "warnings", ()):
        print(warning)
    if report.problems:
        count = len(report.problems)
        files = len(report.paths)
        raise Exit(
            f"{count} problème{'s' * (count > 1)} dans {files} "
            f"fichier{'s' * (files > 1)} (sur {report.files} vérifiés en "
            f"{seconds} s)."
        )
    print(f"{report.files} fichiers vérifiés en {seconds} s : aucun problème.")


@task
def publish(c: Context) -> None:
    """Construit le site de production dans output/ ; la moindre erreur l'arrête.

    The build checks every file as it reads it and reports every problem at
    once before writing anything (``hooks/checking.py``): no separate check
    runs first, so the content is read once. ``publishconf.py`` loads no
    cache, so what is built is exactly what the sources say now; a failed
    build leaves ``output/`` as it was (``hooks/staging.py``).
    """
    failed = (
        "La construction de production a échoué (voir ci-dessus) : rien n'est publié."
    )
    try:
        pelican_run(
            "-s",
            CONFIG["settings_publish"],
            "--fatal",
            "errors",
            done=f"Site de production construit dans {CONFIG['deploy_path']}/",
        )
    except SystemExit as exit_:
        raise Exit(failed) from exit_


def refuse_unless_clean(c: Context) -> None:
    """Stop unless the working tree is exactly the last commit.

    The published site must be the one the repository holds: a change not yet
    committed would go live and then vanish at the next publication.
    """
    status = c.run("git status --porcelain", hide=True, warn=True)
    if not status.ok:
        raise Exit("Publication refusée : ce dossier n'est pas un dépôt git.")
    if status.stdout.strip():
        raise Exit(
            "Publication refusée : des fichiers ont changé depuis le dernier "
            "commit (git status) :\n"
            f"{status.stdout.rstrip()}\n"
            "Enregistrez-les (git commit) ou mettez-les de côté (git stash), "
            "puis relancez make gh-pages."
        )


def production_address() -> tuple[str, str]:
    """Return the production ``SITEURL`` and custom domain, refusing a local one."""
    settings = get_settings_from_file(CONFIG["settings_publish"])
    if settings["SITEURL"] == settings["LOCAL_SITEURL"]:
        raise Exit(
            "Publication refusée : l'adresse du site n'est pas définie, les liens "
            f"pointeraient vers {settings['LOCAL_SITEURL']}.\n"
            "Donnez-la dans l'environnement, par exemple :\n"
            "  SITEURL=https://compte.github.io/depot make gh-pages\n"
            "ou, pour un domaine à soi :\n"
            "  PAGES_DOMAIN=www.exemple.org make gh-pages"
        )
    return settings["SITEURL"], settings["CNAME"]


@task
def gh_pages(c: Context) -> None:
    """Publie le site de production sur la branche gh-pages d'origin.

    Refuses a working tree that differs from its last commit, a site without
    its address, and a failed build; the branch then stays as it was.
    """
    refuse_unless_clean(c)
    siteurl, domain = production_address()
    publish(c)
    # The build wrote the whole site, .nojekyll and CNAME included: ghp-import
    # copies the folder as it is.
    output = CONFIG["deploy_path"]
    required = ["index.html", "404.html", ".nojekyll", *(["CNAME"] if domain else [])]
    for name in required:
        if not os.path.isfile(os.path.join(output, name)):
            raise Exit(f"Publication refusée : {output}/{name} n'a pas été écrit.")
    commit = c.run("git rev-parse --short HEAD", hide=True).stdout.strip()
    # One commit with no history: the branch holds the site, not its past,
    # and does not grow with every nightly build.
    command = [
        f"{BIN}/ghp-import",
        "--no-history",
        "--push",
        "--remote",
        CONFIG["github_pages_remote"],
        "--branch",
        CONFIG["github_pages_branch"],
        "--message",
        f"Publication du site ({commit})",
        output,
    ]
    result = c.run(shlex.join(command), warn=True)
    if not result.ok:
        raise Exit(
            f"L'envoi sur la branche {CONFIG['github_pages_branch']} de "
            f"{CONFIG['github_pages_remote']} a échoué (voir ci-dessus)."
        )
    print(
        f"Site publié sur la branche {CONFIG['github_pages_branch']} de "
        f"{CONFIG['github_pages_remote']}, pour l'adresse {siteurl}/"
    )


def field_help(kind_name: str, key: str) -> str:
    """Return the ``--help`` line of a field's option, from the content schema."""
    spec = SCHEMA.kind_named(kind_name).spec(key)
    optional = "" if spec.required else " (facultatif)"
    return spec.help.replace("`", "") + optional


EVENT_OPTIONS = (
    "start",
    "end",
    "venue",
    "location",
    "address",
    "online",
    "recurrence",
    "accessibility",
    "age",
)


@task(
    help={
        "title": "titre de l'événement (il donne le nom du fichier)",
        **{key: field_help("event", key) for key in EVENT_OPTIONS},
        "content": "dossier du contenu (par défaut content/)",
    }
)
def new_event(  # noqa: PLR0917 (invoke makes each parameter a flag)
    c: Context,
    title: str,
    start: str,
    end: str = "",
    venue: str = "",
    location: str = "",
    address: str = "",
    online: str = "",
    recurrence: str = "",
    accessibility: str = "",
    age: str = "",
    content: str = "",
) -> None:
    """Crée le brouillon d'un événement, nommé d'après son titre ; n'écrase rien."""
    settings, scaffold = site_plugin("checking.scaffold", content)
    values = {
        "end": end,
        "venue": venue,
        "location": location,
        "address": address,
        "online": online,
        "accessibility": accessibility,
        "age": age,
    }
    try:
        path = scaffold.new_event(
            settings, title, start, **values, recurrence=recurrence
        )
    except scaffold.ScaffoldError as error:
        raise Exit(str(error)) from None
    print_created(path)


@task(
    help={
        "title": "titre du jalon (il donne le nom du fichier)",
        "date": field_help("milestone", "date"),
        "content": "dossier du contenu (par défaut content/)",
    }
)
def new_milestone(c: Context, title: str, date: str, content: str = "") -> None:
    """Crée le brouillon d'un jalon, nommé d'après son titre ; n'écrase rien."""
    settings, scaffold = site_plugin("checking.scaffold", content)
    try:
        path = scaffold.new_milestone(settings, title, date)
    except scaffold.ScaffoldError as error:
        raise Exit(str(error)) from None
    print_created(path)


def print_created(path: os.PathLike[str]) -> None:
    """Say where the new file is, and how to publish it."""
    shown = os.path.relpath(path)
    shown = os.path.abspath(path) if shown.startswith("..") else shown
    print(
        f"Créé : {shown}\n"
        "C'est un brouillon : complétez-le, puis retirez la ligne "
        "« Status: draft » pour le publier (make check dit s'il manque "
        "quelque chose)."
    )


@task
def lint(c: Context) -> None:
    """Vérifie le style du code Python (ruff)."""
    c.run(f"{BIN}/ruff check .")
    c.run(f"{BIN}/ruff format --check .")


@task(pre=[lint])
def test(c: Context) -> None:
    """Vérifie le code (ruff), puis lance tous les tests."""
    c.run(f"{BIN}/pytest")


@task(
    help={
        "sizes": "nombres d'événements synthétiques (100,1000,5000)",
        "repeats": "mesures alternées par build (médiane)",
        "touches": "modifications chronométrées dans la boucle live",
        "hugo": "mesurer Hugo (installé dans bench/.venv)",
        "real": "mesurer aussi le site réel (content/)",
        "live": "mesurer la boucle de rechargement (make serve)",
        "profile": "profiler la construction stricte (cProfile)",
        "profile_size": "taille du site profilé",
        "output": "fichier JSON des résultats (bench/out/results.json)",
        "photos": "mesurer aussi un site de N photos 4000×3000 (froid, cache chaud)",
    }
)
def bench(  # noqa: PLR0917 (invoke makes each parameter a flag)
    c: Context,
    sizes: str = "100,1000,5000",
    repeats: int = 3,
    touches: int = 5,
    hugo: bool = True,
    real: bool = True,
    live: bool = True,
    profile: bool = False,
    profile_size: int = 1000,
    output: str = "",
    photos: int = 0,
) -> None:
    """Mesure la construction face à Pelican seul et Hugo (docs « Performances »)."""
    from bench.run import main  # noqa: PLC0415 (only ``bench`` needs it)

    args = ["--sizes", sizes, "--repeats", str(repeats), "--touches", str(touches)]
    args += [] if hugo else ["--no-hugo"]
    args += [] if real else ["--no-real"]
    args += [] if live else ["--no-live"]
    args += ["--profile", str(profile_size)] if profile else []
    args += ["--output", output] if output else []
    args += ["--photos", str(photos)] if photos else []
    main(args)


@task
def audit(c: Context) -> None:
    """Lighthouse (mobile) et captures d'écran du site réel, puis du site d'images."""
    from audit.run import main  # noqa: PLC0415 (only ``audit`` needs it)

    if main():
        raise SystemExit(1)
