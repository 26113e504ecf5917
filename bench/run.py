"""``invoke bench`` / ``python -m bench``: generate, build, time, report.

For each size, the builds run in turn and the order rotates at every
repetition (alternating runs: a slow moment of the machine does not fall on
the same build every time); the report gives medians.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from . import builds, content, hugo, photos, report, stock

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "out" / "results.json"
REAL = "site réel"


def _default_workdir() -> Path | None:
    """Build in memory when the system has a tmpfs: time the builds, not a disk.

    Virtual machines often throttle disk operations (here, creating a
    thousand folders can take from 0.03 s to 1.7 s depending on the moment),
    which would measure the machine's disk rather than the builds.
    """
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else None


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--sizes",
        default="100,1000,5000",
        help="nombres d'événements synthétiques, séparés par des virgules",
    )
    parser.add_argument("--repeats", type=int, default=3, help="mesures par build")
    parser.add_argument(
        "--touches", type=int, default=5, help="modifications chronométrées en live"
    )
    parser.add_argument("--no-hugo", dest="hugo", action="store_false")
    parser.add_argument("--no-real", dest="real", action="store_false")
    parser.add_argument("--no-live", dest="live", action="store_false")
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=1000,
        default=None,
        metavar="N",
        help="profiler (cProfile) la construction stricte à N événements (1000)",
    )
    parser.add_argument(
        "--photos",
        type=int,
        default=0,
        metavar="N",
        help="mesurer aussi un site de N photos, à froid et cache chaud (50)",
    )
    parser.add_argument(
        "--photo-size",
        default="4000x3000",
        help="taille des photos synthétiques, LARGEURxHAUTEUR",
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=_default_workdir(),
        help="dossier des sites construits (par défaut en mémoire, /dev/shm)",
    )
    parser.add_argument("--keep", action="store_true", help="garder les sites")
    return parser.parse_args(argv)


def _machine() -> dict:
    versions = {name: version(name) for name in ("pelican", "markdown", "jinja2")}
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_start": [round(value, 2) for value in os.getloadavg()],
        "date": datetime.now(tz=UTC).isoformat(timespec="seconds"),
        **versions,
    }


def _synthetic(work: Path, n: int) -> Path:
    folder = work / f"n{n}" / "content"
    if not folder.exists():
        content.write_site(folder, n)
    return folder


def measure(
    label: str,
    source: Path,
    work: Path,
    args: argparse.Namespace,
    hugo_binary: Path | None,
) -> dict:
    """Time every build of one site; return its figures."""
    work.mkdir(parents=True, exist_ok=True)
    events = sorted((source / "events").glob("*.md"))
    stock_content = work / "stock-content"
    stock.write_content(source, stock_content)
    runs: dict[str, Callable[[], builds.Run]] = {
        "project": lambda: builds.project_build(source, work),
        "cards_cold": lambda: builds.project_build(source, work, cold_cards=True),
        "stock": lambda: builds.stock_build(stock_content, work),
        "warm": lambda: builds.warm_build(source, work),
    }
    if hugo_binary is not None:
        site = work / "hugo-site"
        hugo.write_site(source, site)
        runs["hugo"] = lambda: builds.hugo_build(hugo_binary, site, work)
    builds.warm_build(source, work, prime=True)
    builds.project_build(source, work)  # Its sharing images, drawn once.
    measured: dict[str, list[builds.Run]] = {name: [] for name in runs}
    names = list(runs)
    for repeat in range(args.repeats):
        shift = repeat % len(names)
        for name in names[shift:] + names[:shift]:
            measured[name].append(runs[name]())
            sys.stderr.write(f"  {label} {name}: {measured[name][-1].seconds:.2f} s\n")
    figures = {
        name: report.summarize(
            [run.seconds for run in done],
            [run.max_rss_kib for run in done],
            done[-1].pages,
        )
        for name, done in measured.items()
    }
    for name, done in measured.items():
        figures[name]["cards_made"] = [run.cards_made for run in done]
    if args.live and args.touches > 0:
        touched = events[len(events) // 2].stem
        loop = builds.live_loop(source, work, touched, args.touches)
        sys.stderr.write(f"  {label} live: {loop.seconds}\n")
        figures["live"] = report.summarize(loop.seconds, [loop.max_rss_kib], loop.pages)
        figures["live"]["rebuild_seconds"] = loop.rebuild_seconds
        figures["live"]["touched"] = f"events/{touched}.md"
        if loop.visible_seconds:
            sys.stderr.write(f"  {label} à l'écran : {loop.visible_seconds}\n")
            figures["live"]["visible_seconds"] = loop.visible_seconds
    return {
        "label": label,
        "synthetic": label != REAL,
        "events": len(events),
        "milestones": len(list((source / "milestones").glob("*.md"))),
        "pages": len(list((source / "pages").glob("*.md"))),
        "builds": {name: figures[name] for name in report.COLUMNS if name in figures},
        "ratios": report.ratios(figures),
    }


def _package(filename: str) -> str:
    """Name what a profiled function belongs to."""
    if "/plugins/alternateur/" in filename:
        return "alternateur (extension du site)"
    if "site-packages/" in filename:
        inside = filename.split("site-packages/", maxsplit=1)[1]
        return inside.split("/", maxsplit=1)[0].removesuffix(".py")
    return "Python (bibliothèque standard)"


def shares_by_package(stats: pstats.Stats) -> dict[str, float]:
    """Share of the run's own time (tottime) spent in each package.

    Native functions (``open``, regular expressions…) have no file: their
    time goes to the package of the code that called them.
    """
    seconds: dict[str, float] = {}
    rows = stats.stats  # type: ignore[attr-defined]
    for (filename, _, _), (_, _, own, _, callers) in rows.items():
        if filename.startswith(("~", "<")) and callers:
            for (caller, _, _), timing in callers.items():
                package = _package(caller)
                seconds[package] = seconds.get(package, 0.0) + timing[2]
        else:
            seconds[_package(filename)] = seconds.get(_package(filename), 0.0) + own
    total = sum(seconds.values())
    ranked = sorted(seconds.items(), key=lambda item: -item[1])
    return {name: round(value / total, 3) for name, value in ranked}


def profile(n: int, work: Path, output: Path, top: int = 20) -> dict:
    """Profile the strict build at ``n`` events; print where the time goes."""
    source = _synthetic(work, n)
    target = output.with_name(f"profile-{n}.prof")
    site = builds.fresh(work / f"n{n}" / "profiled")
    command = builds.pelican_command(source, site, builds.ROOT / "pelicanconf.py")
    command[1:3] = ["-m", "cProfile", "-o", str(target), "-m", "pelican"]
    builds.timed(command, cwd=builds.ROOT, log=work / "profile.log", output=site)
    stats = pstats.Stats(str(target), stream=sys.stdout)
    shares = shares_by_package(stats)
    stats.strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    sys.stdout.write(f"Part du temps de la construction par paquet, N = {n} :\n")
    for name, share in list(shares.items())[:10]:
        sys.stdout.write(f"  {share:6.1%}  {name}\n")
    sys.stdout.write(f"Profil complet : {target}\n\n")
    return {"events": n, "file": str(target), "time_share": shares}


def _hugo(wanted: bool) -> Path | None:
    """Hugo's binary, or None (and why) when it is not wanted or not installable."""
    if not wanted:
        return None
    try:
        return hugo.ensure_hugo()
    except (OSError, subprocess.CalledProcessError) as error:
        sys.stderr.write(f"Hugo n'a pas pu être installé, mesures sans lui : {error}\n")
        return None


def _hugo_version(binary: Path) -> str:
    result = subprocess.run(
        [str(binary), "version"], capture_output=True, text=True, check=True
    )
    return result.stdout.split()[1]


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmark; print the table; write and return the results."""
    args = _arguments(argv)
    sizes = [int(value) for value in args.sizes.split(",") if value.strip()]
    work = Path(tempfile.mkdtemp(prefix="alternateur-bench-", dir=args.workdir))
    machine = {**_machine(), "workdir": str(work.parent)}
    hugo_binary = _hugo(args.hugo)
    if hugo_binary is not None:
        machine["hugo"] = _hugo_version(hugo_binary)
    try:
        cases = [(REAL, builds.ROOT / "content")] if args.real else []
        cases += [(str(n), _synthetic(work, n)) for n in sizes]
        results_sizes = [
            measure(label, source, work / f"build-{index}", args, hugo_binary)
            for index, (label, source) in enumerate(cases)
        ]
        machine["loadavg_end"] = [round(value, 2) for value in os.getloadavg()]
        slope_rows = report.slopes(results_sizes)
        results = {
            "command": "python -m bench " + " ".join(argv or sys.argv[1:]),
            "machine": machine,
            "repeats": args.repeats,
            "touches": args.touches,
            "sizes": results_sizes,
            "slopes": slope_rows,
            "budgets": report.budgets(results_sizes, slope_rows),
        }
        args.output.parent.mkdir(parents=True, exist_ok=True)
        if args.profile:
            results["profile"] = profile(args.profile, work, args.output)
        if args.photos > 0:
            width, height = (int(v) for v in args.photo_size.lower().split("x"))
            results["photos"] = photos.measure(
                args.photos, work, args.repeats, (width, height)
            )
        args.output.write_text(
            json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        sys.stdout.write(report.table(results) + "\n")
        if "photos" in results:
            sys.stdout.write("\n" + photos.table(results["photos"]) + "\n")
        sys.stdout.write(
            "Charge de la machine (loadavg) au début / à la fin : "
            f"{machine['loadavg_start']} / {machine['loadavg_end']}\n"
            f"Résultats : {args.output}\n"
        )
    finally:
        if args.keep:
            sys.stderr.write(f"Sites gardés dans {work}\n")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return results
