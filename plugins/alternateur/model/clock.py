"""The build's "now": one instant per build, reproducible when asked to be."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

from alternateur.keys import NOW


def read_clock() -> datetime:
    """Return now, from ``SOURCE_DATE_EPOCH`` when set, else from the clock.

    ``SOURCE_DATE_EPOCH`` is the reproducible-builds convention: tests and
    publishing set it so that the same sources always give the same site.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)


def build_now(context: dict[str, Any]) -> datetime:
    """Return the instant of this build, read once and kept in its context.

    Pelican makes a new context for every build (the live-reload server
    builds many times in one process), so each build reads the clock once and
    every generator and template of that build sees the same instant.
    """
    if NOW not in context:
        context[NOW] = read_clock()
    return context[NOW]
