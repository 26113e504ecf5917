"""The reference build: stock Pelican, its default theme, no plugin."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import sources

SETTINGS = Path(__file__).with_name("stockconf.py")
# Fields only the site's theme understands: the default theme has no
# ``timeline``, ``agenda`` or ``home`` template.
THEME_ONLY_FIELDS = ("template", "save_as", "url")


def write_content(project: Path, stock: Path) -> None:
    """Copy the project's content for stock Pelican.

    Events get a ``Date`` (their ``Start``): Pelican requires one of every
    article. Pages lose the fields naming the site's own templates.
    Everything else, the Markdown included, is the same file.
    """
    shutil.rmtree(stock, ignore_errors=True)
    for path in sources.markdown_files(project):
        relative = path.relative_to(project)
        fields, body = sources.split(path.read_text(encoding="utf-8"))
        if relative.parts[0] == "events":
            fields.setdefault("date", fields["start"])
        if relative.parts[0] == "pages":
            for name in THEME_ONLY_FIELDS:
                fields.pop(name, None)
        target = stock / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(sources.join(fields, body), encoding="utf-8")
