"""Medians, ratios, slopes and budgets, as one table and one JSON document."""

from __future__ import annotations

from itertools import pairwise
from statistics import median
from typing import Any

# The budgets of issue 8 (they are reported, never asserted by a test).
OVERHEAD_SIZE = 1000
MAX_OVERHEAD = 0.10
MAX_REAL_BUILD = 1.5
MAX_REAL_LOOP = 1.0
# Linear growth: the per-event cost between the two largest sizes may exceed
# the one between the two smallest by this factor (timing noise, and the
# N log N of sorting), no more. A quadratic step would multiply it by the
# ratio of the sizes.
MAX_SLOPE_GROWTH = 1.5

COLUMNS = {
    "project": "projet (strict)",
    "cards_cold": "projet, cartes à dessiner",
    "stock": "Pelican seul",
    "hugo": "Hugo",
    "warm": "projet, cache chaud",
    "live": "boucle live",
}


def summarize(seconds: list[float], max_rss_kib: list[int], pages: int) -> dict:
    """One build's figures at one size: median time, peak memory, pages."""
    return {
        "seconds": round(median(seconds), 4),
        "runs": [round(value, 4) for value in seconds],
        "max_rss_mib": round(max(max_rss_kib) / 1024, 1),
        "pages": pages,
    }


def ratios(builds: dict[str, dict]) -> dict[str, float | None]:
    """project/stock and project/Hugo full-build time ratios."""
    project = builds.get("project", {}).get("seconds")

    def ratio(other: str) -> float | None:
        base = builds.get(other, {}).get("seconds")
        return round(project / base, 3) if project and base else None

    return {
        "project/stock": ratio("stock"),
        "project/hugo": ratio("hugo"),
        "project/stock paired": paired_ratio(builds, "project", "stock"),
    }


def paired_ratio(builds: dict[str, dict], build: str, base: str) -> float | None:
    """Median of the ratios of runs made in the same repetition.

    On a shared machine, a slow minute slows both builds of a repetition:
    each repetition's ratio cancels it, where the ratio of the two medians
    compares runs made minutes apart. Reported beside it, not instead: the
    budget is still read on the medians (docs/architecture.md).
    """
    runs = builds.get(build, {}).get("runs") or []
    bases = builds.get(base, {}).get("runs") or []
    pairs = [one / other for one, other in zip(runs, bases, strict=False) if other]
    return round(median(pairs), 3) if pairs else None


def slopes(sizes: list[dict]) -> list[dict]:
    """Per-event cost (ms) between consecutive synthetic sizes, per build."""
    synthetic = [size for size in sizes if size["synthetic"]]
    result = []
    for low, high in pairwise(synthetic):
        events = high["events"] - low["events"]
        row: dict[str, Any] = {"from": low["events"], "to": high["events"]}
        for build in COLUMNS:
            if build in low["builds"] and build in high["builds"]:
                before, after = low["builds"][build], high["builds"][build]
                delta = after["seconds"] - before["seconds"]
                row[f"{build}_ms_per_event"] = round(1000 * delta / events, 3)
        result.append(row)
    return result


def _budget(name: str, limit: str, value: float | None, passed: bool | None) -> dict:
    return {"name": name, "limit": limit, "value": value, "passed": passed}


def budgets(sizes: list[dict], slope_rows: list[dict]) -> list[dict]:
    """Check the budgets; ``passed`` is None when the run did not measure it."""
    by_label = {size["label"]: size for size in sizes}
    result = []
    at_size = by_label.get(str(OVERHEAD_SIZE), {}).get("ratios", {})
    ratio = at_size.get("project/stock")
    overhead = None if ratio is None else round(ratio - 1, 3)
    result.append(
        _budget(
            f"extension et thème : au plus +10 % sur Pelican seul, N = {OVERHEAD_SIZE}",
            f"≤ {MAX_OVERHEAD:+.0%}",
            overhead,
            None if overhead is None else overhead <= MAX_OVERHEAD,
        )
    )
    real = by_label.get("site réel", {}).get("builds", {})
    for build, limit, label in (
        ("project", MAX_REAL_BUILD, "site réel : construction complète"),
        ("live", MAX_REAL_LOOP, "site réel : boucle de rechargement"),
    ):
        value = real.get(build, {}).get("seconds")
        passed = None if value is None else value < limit
        result.append(_budget(label, f"< {limit} s", value, passed))
    drawn = by_label.get(str(OVERHEAD_SIZE), {}).get("builds", {}).get("project")
    made = None if drawn is None else sum(drawn.get("cards_made", []))
    result.append(
        _budget(
            f"reconstruction sans changement : aucune image de partage "
            f"dessinée, N = {OVERHEAD_SIZE}",
            "= 0",
            made,
            None if made is None else made == 0,
        )
    )
    for build in ("project", "warm"):
        key = f"{build}_ms_per_event"
        values = [row[key] for row in slope_rows if key in row]
        growth = None
        if len(values) >= 2 and values[0] > 0:  # noqa: PLR2004 (two segments)
            growth = round(values[-1] / values[0], 2)
        result.append(
            _budget(
                f"croissance linéaire ({COLUMNS[build]}) : pente finale / initiale",
                f"≤ {MAX_SLOPE_GROWTH}",
                growth,
                None if growth is None else growth <= MAX_SLOPE_GROWTH,
            )
        )
    return result


def _cell(build: dict | None) -> str:
    if not build:
        return "—"
    return f"{build['seconds']:.2f} s ({build['max_rss_mib']:.0f} Mio)"


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def table(results: dict) -> str:
    """Write the Markdown table (French, docs/architecture.md), slopes, budgets."""
    header = ["taille", *COLUMNS.values(), "projet / Pelican", "projet / Hugo"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for size in results["sizes"]:
        label = size["label"]
        if size["synthetic"]:
            label = f"N = {size['events']}"
        cells = [label, *(_cell(size["builds"].get(build)) for build in COLUMNS)]
        cells += [_ratio(size["ratios"]["project/stock"])]
        cells += [_ratio(size["ratios"]["project/hugo"])]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    repeats = results["repeats"]
    lines.append(
        f"Médianes de {repeats} mesure{'s' * (repeats > 1)} alternée"
        f"{'s' * (repeats > 1)} ; entre parenthèses, la mémoire maximale du "
        "processus."
    )
    for size in results["sizes"]:
        paired = size["ratios"].get("project/stock paired")
        label = f"N = {size['events']}" if size["synthetic"] else size["label"]
        if paired is not None:
            lines.append(
                f"{label} : projet / Pelican, médiane des rapports "
                f"mesure par mesure : {paired:.3f}"
            )
    for row in results["slopes"]:
        costs = ", ".join(
            f"{COLUMNS[build]} {row[f'{build}_ms_per_event']:.2f}"
            for build in COLUMNS
            if f"{build}_ms_per_event" in row
        )
        span = f"de {row['from']} à {row['to']}"
        lines.append(f"Coût par événement {span} (ms) : {costs}")
    lines.append("")
    for budget in results["budgets"]:
        verdict = {True: "TENU", False: "DÉPASSÉ", None: "non mesuré"}[budget["passed"]]
        value = "—" if budget["value"] is None else budget["value"]
        lines.append(f"- {verdict} : {budget['name']} ({budget['limit']}) : {value}")
    return "\n".join(lines)
