"""A failed write or build leaves the previous outputs as they were and no temporary files behind."""

import errno
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quizgen import output
from quizgen.cli import main
from quizgen.errors import OutputError
from quizgen.output import staged, write_atomic

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "002-nato-unity-opinion-2023.yaml"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) with its content."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def fail_on_write(monkeypatch, number: int, error: BaseException) -> None:
    """The `number`-th file opened by write_atomic fails on write (a full disk, or Ctrl-C)."""
    opened = []
    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise error

    def fdopen(fd, *args, **kwargs):
        opened.append(fd)
        handle = real_fdopen(fd, *args, **kwargs)
        return Failing(handle) if len(opened) == number else handle

    monkeypatch.setattr(output.os, "fdopen", fdopen)


# write_atomic and staged on their own


def test_failed_rename_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "sheet.html"
    target.write_text("old")

    def replace(*args):
        raise OSError(errno.EXDEV, "boom")

    monkeypatch.setattr(output.os, "replace", replace)
    with pytest.raises(OutputError, match="sheet.html: cannot write: boom"):
        write_atomic(target, "new")
    assert snapshot(tmp_path) == {"sheet.html": b"old"}


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch, error):
    target = tmp_path / "sheet.html"
    target.write_text("old")
    fail_on_write(monkeypatch, 1, error)
    with pytest.raises(OutputError if isinstance(error, OSError) else KeyboardInterrupt):
        write_atomic(target, "new")
    assert snapshot(tmp_path) == {"sheet.html": b"old"}


def test_folder_that_is_a_file_is_an_output_error(tmp_path):
    (tmp_path / "build").write_text("a file where a folder should be")
    with pytest.raises(OutputError, match="Not a directory"):
        write_atomic(tmp_path / "build" / "anki" / "deck.apkg", b"x")
    with pytest.raises(OutputError, match="cannot create output folder"), staged(tmp_path / "build" / "print"):
        pass


def test_staged_files_appear_only_when_the_block_succeeds(tmp_path):
    out = tmp_path / "print"
    out.mkdir()
    (out / "a.html").write_text("old a")
    with pytest.raises(RuntimeError), staged(out) as stage:
        write_atomic(stage / "a.html", "new a")
        write_atomic(stage / "b.html", "new b")
        raise RuntimeError("renderer failed half-way")
    assert snapshot(out) == {"a.html": b"old a"}
    with staged(out) as stage:
        write_atomic(stage / "a.html", "new a")
        write_atomic(stage / "sub" / "b.html", "new b")
    assert snapshot(out) == {"a.html": b"new a", "sub/b.html": b"new b"}


# `quizgen build` with the real exporters


@pytest.fixture
def bank(tmp_path) -> Path:
    """A copy of the bundled bank (the Anki ledger is written next to the facts)."""
    shutil.copytree(ROOT / "decks", tmp_path / "decks")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def build(bank: Path, capsys) -> int:
    code = main(
        [
            "build",
            "--no-pdf",
            "--decks",
            str(bank / "decks"),
            "--seeds",
            str(bank / "seeds"),
            "--out",
            str(bank / "out"),
        ]
    )
    capsys.readouterr()
    return code


def edit_the_bank(bank: Path) -> None:
    """A new question wording, so a complete rebuild would change the outputs."""
    facts = bank / "decks" / "nato-russia" / ARTICLE
    text = facts.read_text()
    facts.write_text(text.replace("    q: ", "    q: (edited) ", 1))


@pytest.mark.parametrize("failing_write", [1, 4])
@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_failed_build_keeps_the_previous_outputs(bank, capsys, monkeypatch, failing_write, error):
    assert build(bank, capsys) == 0
    before = snapshot(bank / "out")
    assert "anki/nato-russia.apkg" in before and any(name.startswith("print/") for name in before)
    edit_the_bank(bank)
    fail_on_write(monkeypatch, failing_write, error)
    assert build(bank, capsys) == (130 if isinstance(error, KeyboardInterrupt) else 1)
    after = snapshot(bank / "out")
    assert set(after) == set(before)  # no temporary files, no staging folders
    prints = {name for name in before if name.startswith("print/")}
    assert {name: after[name] for name in prints} == {name: before[name] for name in prints}
    if failing_write == 1:  # the staged Anki ledger is the first file written, before the package
        assert after["anki/nato-russia.apkg"] == before["anki/nato-russia.apkg"]
    else:  # the package was complete, and the worksheets failed
        assert zipfile.is_zipfile(bank / "out" / "anki" / "nato-russia.apkg")
    monkeypatch.undo()
    assert build(bank, capsys) == 0
    assert snapshot(bank / "out") != before


def test_output_folder_that_is_a_file_is_one_line(bank):
    (bank / "out").write_text("not a folder")
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "build", "--no-pdf", "--out", "out/build"],
        cwd=bank,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("quizgen: out/build") and line.endswith("Not a directory"), line
