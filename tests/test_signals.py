"""A SIGTERM whose exception Python drops (in a finaliser) still stops the build before it publishes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

BANK = ("--decks", str(FIXTURES / "valid-bank" / "decks"), "--seeds", str(FIXTURES / "seeds"), "--out", "out")

# The build runs as usual, except that the last thing inside each output block (after the new
# files are written, before they replace the old ones) is, once, a finaliser that waits for SIGTERM.
# Python cannot raise from a finaliser: the signal's exception is dropped there, as it can be in
# an at-fork hook, and the build carries on to its commit point.
PROBE = """
import sys, time
from contextlib import contextmanager
import quizgen.output as output

armed = [True]  # the first block only

class Finaliser:
    def __del__(self):
        if armed.pop() if armed else False:
            print("ready", flush=True)
            while True:
                time.sleep(0.01)

def late(real):
    @contextmanager
    def wrapped(*args, **kwargs):
        with real(*args, **kwargs) as value:
            yield value
            Finaliser()  # collected at once: its __del__ runs here, inside the block
    return wrapped

output.pending = late(output.pending)
output.staged = late(output.staged)
from quizgen.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _outputs(out: Path) -> dict[Path, tuple[int, bytes]]:
    """Each output file with its inode: a file replaced by a rename gets a new one."""
    return {p: (p.stat().st_ino, p.read_bytes()) for p in out.rglob("*") if p.is_file() and p.name[0] != "."}


@pytest.mark.parametrize(
    "command",
    [("print", "--title", "t", "-n", "1", "--types", "blank"), ("web",)],
    ids=["staged-set", "single-file"],
)
def test_a_dropped_sigterm_keeps_the_old_outputs(tmp_path, command):
    first = subprocess.run([sys.executable, "-m", "quizgen", *command, *BANK], cwd=tmp_path, capture_output=True)
    assert first.returncode == 0, first.stderr
    before = _outputs(tmp_path / "out")
    assert before
    build = subprocess.Popen(
        [sys.executable, "-c", PROBE, *command, *BANK],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert build.stdout is not None
        assert build.stdout.readline() == "ready\n"  # the readiness signal: the finaliser is running
        build.terminate()  # SIGTERM
        _, err = build.communicate(timeout=60)
    finally:
        build.kill()
    assert "Traceback" not in err
    assert build.returncode == 143 and err.endswith("quizgen: interrupted\n"), err
    assert _outputs(tmp_path / "out") == before  # same files, same inodes: nothing was replaced
    leftovers = [p.name for p in (tmp_path / "out").rglob(".*") if p.name != ".quizgen-lock"]
    assert leftovers == []  # no staging folder, no temporary file
