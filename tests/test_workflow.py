"""The GitHub Actions workflow: tests everything, publishes main, least privilege.

``actionlint`` checks it as GitHub would read it (with ShellCheck on its
``run:`` scripts); the tests below state what it must do.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from .sites import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
BIN = Path(sys.executable).parent


def actionlint(project: Path) -> subprocess.CompletedProcess[str]:
    """Run actionlint on a project's workflows, with ShellCheck at hand."""
    workflows = sorted((project / ".github" / "workflows").glob("*.y*ml"))
    assert workflows
    return subprocess.run(
        [str(BIN / "actionlint"), "-no-color", *map(str, workflows)],
        cwd=project,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key ``on`` as true.
    return data


def test_actionlint_finds_nothing_to_say() -> None:
    assert shutil.which("shellcheck", path=str(BIN)), "ShellCheck checks run: steps"
    result = actionlint(ROOT)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "site.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    text = text.replace("run: make gh-pages", "run: make $TARGET gh-pages")
    text = text.replace("github.event_name", "github.event_nom", 1)
    broken.write_text(text, encoding="utf-8")
    result = actionlint(tmp_path)
    assert result.returncode == 1
    assert "SC2086" in result.stdout  # ShellCheck: unquoted $TARGET.
    assert 'property "event_nom" is not defined' in result.stdout


def test_it_runs_on_push_to_main_pull_requests_every_night_and_by_hand(
    workflow: dict[str, Any],
) -> None:
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert "pull_request" in workflow["on"]
    assert "workflow_dispatch" in workflow["on"]
    assert [entry["cron"] for entry in workflow["on"]["schedule"]] == ["17 3 * * *"]


@pytest.mark.parametrize("day", ["2026-01-15", "2026-07-15"])
def test_the_nightly_run_is_early_morning_in_paris_winter_and_summer(
    workflow: dict[str, Any], day: str
) -> None:
    minute, hour, *_ = workflow["on"]["schedule"][0]["cron"].split()
    utc = datetime.fromisoformat(f"{day}T{int(hour):02}:{int(minute):02}+00:00")
    paris = utc.astimezone(ZoneInfo("Europe/Paris"))
    assert 4 <= paris.hour <= 6, paris


def test_each_job_has_only_the_permissions_it_needs(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["test"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"contents": "write"}


def test_only_main_is_published_and_only_after_the_tests(
    workflow: dict[str, Any],
) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["if"] == (
        "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    )
    assert deploy["steps"][-1]["run"] == "make gh-pages"


def test_publications_wait_in_one_queue(workflow: dict[str, Any]) -> None:
    """Every run on main shares a group: they wait, never cancel a publication."""
    concurrency = workflow["concurrency"]
    assert concurrency["group"] == "${{ github.workflow }}-${{ github.ref }}"
    assert concurrency["cancel-in-progress"] == (
        "${{ github.event_name == 'pull_request' }}"
    )


def test_tests_run_on_debian_as_on_the_developers_machines(
    workflow: dict[str, Any],
) -> None:
    test = workflow["jobs"]["test"]
    assert "bookworm" in test["container"]
    assert test["steps"][-1]["run"] == "bash .ci/run"


def test_python_packages_are_cached(workflow: dict[str, Any]) -> None:
    setup = next(
        step
        for step in workflow["jobs"]["deploy"]["steps"]
        if step.get("uses", "").startswith("actions/setup-python@")
    )
    assert setup["with"]["cache"] == "pip"
    cache = next(
        step
        for step in workflow["jobs"]["test"]["steps"]
        if step.get("uses", "").startswith("actions/cache@")
    )
    assert cache["with"]["path"] == "~/.cache/pip"


def test_publications_keep_the_images_made_before(
    workflow: dict[str, Any],
) -> None:
    steps = workflow["jobs"]["deploy"]["steps"]
    cache = next(
        step for step in steps if step.get("uses", "").startswith("actions/cache@")
    )
    # Pelican's CACHE_PATH (cache/, beside publishconf.py): the variants of
    # content/images/, the sharing cards, the events' VEVENT and the compiled
    # templates, each in its folder.
    assert cache["with"]["path"].split() == [
        "cache/images",
        "cache/cards",
        "cache/vevents",
        "cache/templates",
    ]
    # A new key at every run (a cache is never overwritten), the last restored.
    assert cache["with"]["key"] == "built-images-${{ github.run_id }}"
    assert cache["with"]["restore-keys"] == "built-images-"
    assert steps.index(cache) < len(steps) - 1, "before make gh-pages"


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    uses = re.findall(r"uses: (\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), action
