"""Read and rewrite the site's Markdown files for the other generators.

The site's files start with Pelican's ``Key: value`` header. Stock Pelican
reads them almost as they are; Hugo needs front matter. Both are derived
from the very files the project builds, so every generator renders the same
Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path

_FIELD = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):\s?(.*)")


def split(text: str) -> tuple[dict[str, str], str]:
    """Return the header fields (lower-case names) and the Markdown body."""
    header, _, body = text.partition("\n\n")
    fields = {}
    for line in header.splitlines():
        match = _FIELD.fullmatch(line)
        if match:
            fields[match[1].lower()] = match[2].strip()
    return fields, body


def join(fields: dict[str, str], body: str) -> str:
    """Write a header of ``Key: value`` lines back above the body."""
    header = "".join(
        f"{name.capitalize()}: {value}\n" for name, value in fields.items()
    )
    return f"{header}\n{body}"


def markdown_files(content: Path) -> list[Path]:
    """Every Markdown file of a content folder, in a stable order."""
    return sorted(content.rglob("*.md"))
