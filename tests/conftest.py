"""Fixtures: the real site, and small fixture sites built on demand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .browser import browser  # noqa: F401 (a fixture, shared by every test file)
from .sites import (
    FIXED_NOW,
    PRODUCTION_URL,
    ROOT,
    Site,
    run_pelican,
    write_content,
)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real site, built once per test process with the strict build."""
    output = tmp_path_factory.mktemp("real-site")
    result = run_pelican(ROOT / "content", output)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(output, result)


@pytest.fixture(scope="session")
def production_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real site as ``invoke publish`` builds it, at ``PRODUCTION_URL``."""
    output = tmp_path_factory.mktemp("production-site")
    result = run_pelican(
        ROOT / "content",
        output,
        settings="publishconf.py",
        env={"SITEURL": PRODUCTION_URL},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(output, result)


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., Site]:
    """Build a small fixture site from a dict of content files."""

    def build(
        files: dict[str, str], *, now: str = FIXED_NOW, special_pages: bool = True
    ) -> Site:
        content = write_content(
            tmp_path / "content", files, special_pages=special_pages
        )
        output = tmp_path / "output"
        return Site(output, run_pelican(content, output, now=now))

    return build
