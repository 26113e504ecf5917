"""Every build writes a fresh folder, which replaces the output only on success.

Pelican writes straight into the output folder, and a strict build that
fails halfway (a template that raises on one page, a plugin error while
writing, a content error found while reading) left a site half old, half
new, or, with ``DELETE_OUTPUT_DIRECTORY`` (``publishconf.py``), half empty:
what ``invoke gh-pages`` would then publish, what the preview would serve.

So each run of a build (``Pelican.run``) writes into a new sibling of the
output folder, ``.<output>.building-<pid>-<token>``: on the same file system,
so that putting it in place is a rename, and outside the content folder.

- **Success.** The old output is renamed away and the new one renamed in
  (two renames: the only moment without an output folder); the entries of
  ``OUTPUT_RETENTION`` (``.git``…) that the build did not write itself move
  from the old output into the new one, and the old one is removed. The
  output is exactly what this build wrote: a page whose source was removed
  disappears, with or without ``DELETE_OUTPUT_DIRECTORY``.
- **Failure**, whatever raised (an exception, ``SystemExit`` from the
  plugin's content check, Ctrl-C): the new folder is removed and the
  exception goes on, so Pelican's exit status is what it was; the output
  is left byte for byte.
- **A build killed** (``kill -9``, power cut) leaves its folder behind: the
  next build of the same output removes it, unless its process still runs
  (two builds of one output at once each keep their own). Killed between the
  two renames, it leaves the old output renamed away: the next build puts it
  back in place.

The output's ``Pelican.run`` is wrapped, on the ``initialized`` signal, for
this one ``Pelican`` object: a signal cannot do it, as nothing is sent when a
build fails, and the order of ``finalized`` receivers (which still write
files, the sitemap's among them) is not defined. Wrapping ``run`` covers
every way this site is built: ``pelican`` on the command line (the tests,
``invoke publish`` and ``gh-pages``, the workflow), ``pelican --autoreload``
(one ``Pelican``, ``run`` again at each change) and ``invoke serve`` (a new
``Pelican`` per build). No part of Pelican is patched.

Where renaming the output could move the content, or cannot work (the
output contains the content folder or lies inside it, is a mount point, or
its parent cannot be written), the build writes in place, as Pelican does,
after a warning.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pelican import Pelican

logger = logging.getLogger(__name__)

BUILDING = "building"
PREVIOUS = "previous"


def sibling(target: Path, kind: str) -> Path:
    """Return a new, unused name next to ``target`` for this process."""
    token = secrets.token_hex(4)
    return target.with_name(f".{target.name}.{kind}-{os.getpid()}-{token}")


def leftover_pattern(target: Path) -> re.Pattern[str]:
    """Match the names ``sibling`` gives, capturing their kind and pid."""
    name = re.escape(target.name)
    return re.compile(rf"\.{name}\.({BUILDING}|{PREVIOUS})-(\d+)-[0-9a-f]+")


def running(pid: int) -> bool:
    """Tell whether another process with this pid is alive."""
    if pid == os.getpid():
        # This process builds one site at a time: the folder is from an
        # earlier build of it, whose cleanup failed.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # Another user's process.
    except OverflowError:
        return False
    return True


def remove(path: Path) -> None:
    """Remove a folder, a file or a link, whichever ``path`` is."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def clean_leftovers(target: Path, retained: Iterable[str]) -> None:
    """Remove what killed builds of ``target`` left, and restore a lost output.

    A build killed between its two renames left no output and the previous
    one under its ``previous`` name: that one is put back. Killed just after
    them, it left the retained entries in the previous one: they move over.
    """
    if not target.parent.is_dir():
        return
    pattern = leftover_pattern(target)
    for entry in sorted(target.parent.iterdir()):
        found = pattern.fullmatch(entry.name)
        if found is None or running(int(found[2])):
            continue
        if found[1] == PREVIOUS and not os.path.lexists(target):
            entry.rename(target)
            logger.warning(
                "Le dossier %s, mis de côté par une construction interrompue, "
                "reprend sa place.",
                target,
            )
            continue
        if found[1] == PREVIOUS and entry.is_dir() and target.is_dir():
            carry_retained(entry, target, retained)
        # What cannot be removed now stays a leftover, for the next build.
        with contextlib.suppress(OSError):
            remove(entry)


def reason_to_build_in_place(target: Path, content: Path) -> str | None:
    """Say why this output cannot be swapped, or None when it can."""
    if content == target or target in content.parents:
        return f"il contient le dossier du contenu {content}"
    if content in target.parents:
        return f"il est dans le dossier du contenu {content}"
    if target.is_dir() and os.path.ismount(target):
        return "c'est un point de montage"
    return None


def make_staging(target: Path) -> Path:
    """Create the build's empty folder next to ``target``.

    It gets the mode of the output it replaces (a web server reading the
    folder keeps reading it), else the umask's (``os.mkdir``'s default).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = sibling(target, BUILDING)
    staging.mkdir()
    if target.is_dir():
        staging.chmod(stat.S_IMODE(target.stat().st_mode))
    return staging


def carry_retained(source: Path, destination: Path, names: Iterable[str]) -> None:
    """Move the retained entries of the old output the build did not write."""
    for name in names:
        if os.path.lexists(source / name) and not os.path.lexists(destination / name):
            (source / name).rename(destination / name)


def swap(staging: Path, target: Path, retained: Iterable[str]) -> None:
    """Put the built folder in place of ``target``, then remove the old one.

    Between the two renames there is no output folder: nothing else runs
    there. Should the second fail, the old output goes back.
    """
    previous = None
    if os.path.lexists(target):
        previous = sibling(target, PREVIOUS)
        target.rename(previous)
    try:
        staging.rename(target)
    except BaseException:
        if previous is not None:
            previous.rename(target)
        raise
    if previous is None:
        return
    if previous.is_dir():
        carry_retained(previous, target, retained)
    # The site is in place: an old folder that resists is a leftover, which
    # the next build removes.
    with contextlib.suppress(OSError):
        remove(previous)


@contextlib.contextmanager
def staged_output(pelican: Pelican) -> Iterator[None]:
    """Point one run of ``pelican`` at a fresh folder; swap it in on success."""
    target = Path(os.path.realpath(pelican.output_path))
    content = Path(os.path.realpath(pelican.path))
    reason = reason_to_build_in_place(target, content)
    if reason is None:
        try:
            clean_leftovers(target, pelican.output_retention)
            staging = make_staging(target)
        except OSError as error:
            reason = f"impossible d'écrire à côté : {error}"
    if reason is not None:
        logger.warning(
            "Construction directement dans %s (%s) : un échec peut y laisser "
            "un site incomplet.",
            target,
            reason,
        )
        yield
        return
    settings = pelican.settings
    output_path, setting = pelican.output_path, settings["OUTPUT_PATH"]
    # Pelican's generators and writer, and the plugins, write where these say.
    pelican.output_path = settings["OUTPUT_PATH"] = str(staging)
    try:
        yield
        swap(staging, target, pelican.output_retention)
    except BaseException:
        # Whatever is left of it, the next build removes.
        with contextlib.suppress(OSError):
            remove(staging)
        raise
    finally:
        pelican.output_path, settings["OUTPUT_PATH"] = output_path, setting


def stage_builds(pelican: Pelican) -> None:
    """Make every run of this ``Pelican`` write a fresh folder (``initialized``)."""
    build: Callable[[], None] = pelican.run

    def staged_run() -> None:
        with staged_output(pelican):
            build()

    pelican.run = staged_run  # type: ignore[method-assign]
