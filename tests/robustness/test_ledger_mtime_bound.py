"""Finding F08 of the 2026-12-07 robustness review: a ledger holding the largest mtime it accepts
(2**53) made the next build write 2**53 + 1, which every later command refused. Now the ledger
never writes what it would not read back: a changed note either gets a newer mtime that loads
again, or the build stops in one line and the ledger is left as it was."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.anki.ledger import Ledger
from quizgen.errors import BankError

LARGEST = 2**53  # the largest mtime the README promises the ledger keeps (Anki's integers, JavaScript numbers)
NEAR_ENDS = st.one_of(st.integers(0, 2**31), st.integers(LARGEST - 5, LARGEST))


@settings(max_examples=60, deadline=None, database=None)
@given(newest=NEAR_ENDS, epoch=st.one_of(st.none(), NEAR_ENDS))
def test_f08_a_changed_note_gets_a_newer_mtime_that_loads_again_or_one_line(newest, epoch):
    data = {"note_types": {}, "notes": {"kept": {"hash": "h1", "mtime": newest}}}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "anki-versions.json"
        path.write_text(json.dumps(data))
        before = path.read_bytes()
        ledger = Ledger.load(path)
        with pytest.MonkeyPatch.context() as patch:
            if epoch is None:
                patch.delenv("SOURCE_DATE_EPOCH", raising=False)
            else:
                patch.setenv("SOURCE_DATE_EPOCH", str(epoch))
            try:
                times = ledger.stamp("notes", {"kept": "h2"})
            except BankError as exc:
                assert newest == LARGEST and len(exc.problems) == 1, exc.problems
                assert "leaves no newer one" in exc.problems[0]
                assert path.read_bytes() == before
                return
        assert newest < LARGEST and newest < times["kept"] <= LARGEST
        assert times["kept"] == max(newest + 1, epoch if epoch is not None else times["kept"])
        ledger.save()
        assert Ledger.load(path).sections["notes"]["kept"].mtime == times["kept"]


def test_f08_the_cli_stops_in_one_line_and_writes_nothing(tmp_path):
    from test_review_findings import FACT, quizgen, write_review_bank

    write_review_bank(tmp_path)
    bank = ("--decks", "decks", "--seeds", "seeds", "--out", "out")
    assert quizgen(tmp_path, "anki", *bank).returncode == 0
    ledger = tmp_path / "decks/x/anki-versions.json"
    ledger.write_text(ledger.read_text().replace('"mtime": 1793491200', f'"mtime": {LARGEST}'))
    (tmp_path / "decks/x/facts.yaml").write_text(FACT.replace("In which year", "In what year"))
    before = {p: p.read_bytes() for p in (ledger, *sorted((tmp_path / "out").rglob("*.apkg")))}
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = quizgen(tmp_path, "anki", *bank, env=env)
    assert "Traceback" not in result.stderr and result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"decks/x/anki-versions.json:1: its newest mtime {LARGEST} leaves no newer one for a changed note "
        f"(Anki keeps at most {LARGEST}); restore it from version control"
    )
    assert {p: p.read_bytes() for p in before} == before
