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


# What builds a whole site, or drives Chromium: marked, so that the fast
# layer (pure functions) runs alone: pytest -m "not site and not browser".
_SITE_SIGNS = (
    "run_pelican(",
    "run_invoke(",
    "build_site",
    "real_site",
    "production_site",
    "build_theme_site",
    "invoke_here(",
    "subprocess",
    "agenda_site",
    "tmp_path_factory",
    "from bench",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test ``browser`` or ``site`` by what it uses."""
    texts: dict[Path, str] = {}
    for item in items:
        path = Path(str(item.fspath))
        if path not in texts:
            texts[path] = path.read_text(encoding="utf-8")
        fixtures = getattr(item, "fixturenames", ())
        if "browser" in fixtures or "page" in fixtures:
            item.add_marker(pytest.mark.browser)
        if any(sign in texts[path] for sign in _SITE_SIGNS) or "browser" in fixtures:
            item.add_marker(pytest.mark.site)
