"""``invoke check``: every content mistake at once, without building the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from invoke import Collection, Program

from .content_errors import GOOD_SITE, MISTAKES, Mistake, mistakes, reported
from .sites import ROOT, run_invoke, write_content


def invoke_here(
    *args: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    """Run an ``invoke`` command line in this process: status, stdout, stderr.

    The same command line parser, task and exit status as ``invoke`` in a
    terminal, without starting Python and Pelican again for each of the
    many cases (``run_invoke`` does, for the others).
    """
    monkeypatch.chdir(ROOT)
    import tasks  # noqa: PLC0415 (reads pelicanconf.py from the project folder)

    program = Program(namespace=Collection.from_module(tasks), binary="invoke")
    try:
        program.run(["invoke", *args])
    except SystemExit as exit_:
        status = exit_.code
    else:
        status = 0
    captured = capsys.readouterr()
    return int(status or 0), captured.out, captured.err


@pytest.mark.parametrize("mistake", mistakes())
def test_invoke_check_reports_each_mistake(
    tmp_path: Path,
    mistake: Mistake,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    content = write_content(tmp_path / "content", {**GOOD_SITE, **mistake.files})
    status, out, err = invoke_here(
        "check", "--content", str(content), capsys=capsys, monkeypatch=monkeypatch
    )
    assert status == 1, out + err
    assert reported(out, mistake.line), out
    assert "Traceback" not in out + err
    assert re.match(r"\d+ problèmes? dans \d+ fichiers? \(sur \d+ vérifiés en ", err)


def test_invoke_check_reports_every_mistake_at_once(tmp_path: Path) -> None:
    files = {name: text for m in MISTAKES.values() for name, text in m.files.items()}
    content = write_content(tmp_path / "content", {**GOOD_SITE, **files})
    result = run_invoke("check", "--content", str(content))
    assert result.returncode == 1
    missing = [m.line for m in MISTAKES.values() if not reported(result.stdout, m.line)]
    assert not missing, result.stdout
    count = len(result.stdout.splitlines())
    where = re.compile(r"(?:, ligne \d+)?: ")
    faulty = len({where.split(line, 1)[0] for line in result.stdout.splitlines()})
    # Images are read by the pages that name them, not checked as files.
    checked = len([n for n in {**GOOD_SITE, **files} if not n.startswith("images/")])
    assert f"{count} problèmes dans {faulty} fichiers (sur {checked} vérifiés" in (
        result.stderr
    )


def test_invoke_check_passes_the_real_content() -> None:
    result = run_invoke("check")
    assert result.returncode == 0, result.stdout + result.stderr
    files = len(list((ROOT / "content").rglob("*.md")))
    # The legal notice's facts still « à compléter » come first (issue 19).
    assert result.stdout.splitlines()[-1].startswith(f"{files} fichiers vérifiés en ")
    assert result.stdout.rstrip().endswith(": aucun problème.")


def test_invoke_check_writes_nothing(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", GOOD_SITE)
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))
    result = run_invoke("check", "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before


def test_invoke_check_reads_the_files_the_build_reads(tmp_path: Path) -> None:
    # An HTML event is read by the build: the check reads it the same way.
    content = write_content(
        tmp_path / "content",
        {
            **GOOD_SITE,
            "events/page.html": (
                "<html><head><title>HTML</title></head><body><p>T.</p></body></html>"
            ),
        },
    )
    result = run_invoke("check", "--content", str(content))
    assert result.returncode == 1
    assert "events/page.html: Start est obligatoire" in result.stdout


def test_invoke_check_finds_a_missing_special_page(tmp_path: Path) -> None:
    files = dict(GOOD_SITE)
    del files["pages/agenda.md"]
    content = write_content(tmp_path / "content", files, special_pages=False)
    result = run_invoke("check", "--content", str(content))
    assert result.returncode == 1
    assert "pages/: Le site n'a pas de page pour l'agenda" in result.stdout
