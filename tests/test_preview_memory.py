"""The live preview rebuilds in one process: a rebuild must not keep the last one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican import Pelican
from pelican.contents import Content
from pelican.settings import read_settings

from .sites import FIXED_NOW, ROOT, write_content


def test_a_rebuild_does_not_keep_the_previous_site_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_NOW)
    content = write_content(
        tmp_path / "content",
        {
            "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nIci.\n",
            "events/atelier.md": "Title: Atelier\nStart: 2020-03-14\n\nTexte.\n",
        },
    )
    output = tmp_path / "output"
    settings = {"PATH": str(content), "OUTPUT_PATH": str(output)}
    for build in range(2):
        # As ``invoke serve`` does: a new Pelican for each save, one process.
        Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=settings)).run()
        assert "Texte." in (output / "agenda/atelier/index.html").read_text(), build
        assert not Content.get_content.cache, "no page of this build is kept"
        assert not Content.get_summary.cache, "nor its summary"
