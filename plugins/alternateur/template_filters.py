"""Jinja filters the theme uses to say dates in French."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .dates import format_precise

FILTERS: dict[str, Callable[..., Any]] = {
    "french_date": format_precise,
}
