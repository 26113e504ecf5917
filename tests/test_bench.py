"""The benchmark still runs: a tiny site, one measure of each build.

Timings are never asserted (a test may not depend on the machine's speed):
only that every build ran, wrote its pages, and that the report has the
shape ``invoke bench`` documents.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import content, photos, report
from bench.run import main

N = 5


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("bench")
    output = folder / "results.json"
    arguments = ["--sizes", str(N), "--repeats", "1", "--touches", "1"]
    arguments += ["--no-hugo", "--no-real", "--output", str(output)]
    main([*arguments, "--workdir", str(folder)])
    written = json.loads(output.read_text(encoding="utf-8"))
    assert not list(folder.glob("alternateur-bench-*")), "the built sites are removed"
    return written


def test_the_synthetic_site_has_the_documented_shape(tmp_path: Path) -> None:
    sizes = content.write_site(tmp_path, 20)
    assert (sizes.events, sizes.milestones, sizes.pages) == (20, 4, 4)
    events = [path.read_text() for path in sorted(tmp_path.glob("events/*.md"))]
    assert sum("Recurrence: " in text for text in events) == 2, "one in ten recurs"
    rules = [text for text in events if "Recurrence: " in text]
    assert all("COUNT=" in text or "UNTIL=" in text for text in rules), "bounded"
    templates = {
        line
        for path in tmp_path.glob("pages/*.md")
        for line in path.read_text().splitlines()
        if line.startswith("Template:")
    }
    assert templates == {"Template: home", "Template: agenda", "Template: timeline"}
    assert content.event_text(7) == content.event_text(7), "deterministic"


def test_every_build_ran_and_wrote_its_pages(results: dict) -> None:
    [size] = results["sizes"]
    assert (size["label"], size["events"], size["milestones"]) == (str(N), N, 1)
    builds = size["builds"]
    assert set(builds) == {"project", "cards_cold", "stock", "warm", "live"}
    for name, build in builds.items():
        assert build["seconds"] > 0, name
        assert len(build["runs"]) == 1, name
        assert build["max_rss_mib"] > 10, name
    # Pages and events of the project's site; stock Pelican adds its own.
    for name in ("project", "warm", "live"):
        assert builds[name]["pages"] >= N + size["pages"], name
    assert builds["stock"]["pages"] > builds["project"]["pages"]
    assert builds["live"]["touched"].startswith("events/evenement-")
    assert len(builds["live"]["rebuild_seconds"]) == 1


def test_the_cards_are_drawn_cold_and_never_again(results: dict) -> None:
    [size] = results["sizes"]
    builds = size["builds"]
    # One card per page and per event, three more per event to come.
    [cold] = builds["cards_cold"]["cards_made"]
    assert cold >= N + size["pages"]
    assert builds["project"]["cards_made"] == [0]


def test_a_paired_ratio_compares_runs_of_the_same_repetition() -> None:
    # The machine slowed down in the second repetition: both builds did.
    builds = {"project": {"runs": [1.1, 2.2, 1.05]}, "stock": {"runs": [1.0, 2.0, 1.0]}}
    assert report.paired_ratio(builds, "project", "stock") == 1.1
    assert (
        report.ratios(
            {name: {**build, "seconds": 1.1} for name, build in builds.items()}
        )["project/stock paired"]
        == 1.1
    )
    assert report.paired_ratio({"project": {"runs": [1.0]}}, "project", "stock") is None


def test_the_report_has_ratios_and_every_budget(results: dict) -> None:
    [size] = results["sizes"]
    assert size["ratios"]["project/stock"] > 0
    assert size["ratios"]["project/stock paired"] > 0
    assert size["ratios"]["project/hugo"] is None, "Hugo was not asked for"
    assert results["slopes"] == [], "one size has no slope"
    assert len(results["budgets"]) == 6
    for budget in results["budgets"]:
        assert set(budget) == {"name", "limit", "value", "passed"}
        assert budget["passed"] is None, "nothing here measures a budget"
    assert {"cpus", "python", "pelican", "loadavg_start"} <= set(results["machine"])
    assert "| N = 5 |" in report.table(results)


@pytest.mark.site
def test_the_photo_builds_count_their_encodes(tmp_path: Path) -> None:
    # Small photos, for speed: the benchmark's own are 4000×3000.
    measured = photos.measure(2, tmp_path, repeats=1, size=(400, 300))
    none, cold, warm = measured["none"], measured["cold"], measured["warm"]
    assert (none["encoded"], none["files"]) == (0, 0)
    assert (cold["encoded"], cold["cached"]) == (2, 0)
    assert (warm["encoded"], warm["cached"]) == (0, 2)
    # 320 and 400 px, in AVIF, WebP and JPEG, for each photo.
    assert cold["files"] == warm["files"] == 12
    assert cold["bytes"] == warm["bytes"] > 0
    assert photos.photo((40, 30), 1) == photos.photo((40, 30), 1), "deterministic"
    assert "| cache chaud |" in photos.table(measured)
    assert "| sans images |" in photos.table(measured)
