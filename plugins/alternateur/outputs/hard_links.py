"""Putting a file already written into a new build's folder without copying it.

The preview swaps in a whole new folder at each save (``hooks/staging.py``);
a page or an image that did not change is hard-linked from the folder being
served rather than written again: no bytes copied, nothing half-written.
"""

from __future__ import annotations

import os
from pathlib import Path


def hard_link(source: Path, target: Path) -> bool:
    """Hard-link ``source`` to ``target`` (same file system); False if it cannot."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target)
    except OSError:
        return False
    return True
