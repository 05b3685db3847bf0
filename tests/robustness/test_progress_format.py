"""Finding F09 of the 2026-12-07 robustness review: the progress exchange format was read by three
rule sets (the CLI import, the study page, the store). Now what the CLI export writes, the study
page's own check (templates/web/progress.mjs with the vendored ts-fsrs, run in Node) accepts; what
the CLI import accepts, the store accepts too (times in range in UTC); a New card (state 0) from
the page carries no progress and is passed over, not a reason to refuse the file."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.quiz import exchange
from quizgen.quiz.cardcheck import card_problem

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
CHECK = """
import { checkCard } from "PROGRESS";
import { createRequire } from "node:module";
const FSRS = createRequire(import.meta.url)("TS_FSRS");
let text = ""; process.stdin.on("data", (d) => { text += d; });
process.stdin.on("end", () => {
  const cards = JSON.parse(text);
  const now = new Date("2026-12-07T10:00:00Z");
  console.log(JSON.stringify(Object.fromEntries(Object.entries(cards).map(([id, card]) =>
    [id, checkCard(card, now, FSRS.fsrs()).problem || null]))));
});
""".replace("PROGRESS", str(ROOT / "templates/web/progress.mjs")).replace(
    "TS_FSRS", str(next((ROOT / "templates/web/vendor").glob("ts-fsrs-*.umd.js")))
)

TIMES = st.datetimes(datetime(1970, 1, 2), datetime(2998, 12, 30), timezones=st.just(UTC))


@st.composite
def rows(draw):
    """A card row the store calls sound (cardcheck.card_problem is None), drawn from its rules."""
    state = draw(st.sampled_from([1, 2, 3]))
    due = draw(TIMES)
    last = draw(
        st.one_of(st.none(), st.datetimes(datetime(1970, 1, 1), due.replace(tzinfo=None), timezones=st.just(UTC)))
    )
    return {
        "state": state,
        "step": draw(st.integers(0, 99)) if state in (1, 3) else None,
        "stability": draw(st.floats(0.001, 1e7)),
        "difficulty": draw(st.floats(1.0, 10.0)),
        "due": due.replace(microsecond=0).isoformat(),
        "last_review": last.replace(microsecond=0).isoformat() if last else None,
    }


class Store:
    """The two reads export_progress makes, over generated rows."""

    def __init__(self, cards: dict[str, dict]):
        self.rows, self.path = cards, Path("/nonexistent/p.sqlite")

    def cards(self, deck):
        return self.rows

    def review_counts(self, deck):
        return {}


@pytest.mark.skipif(NODE is None, reason="needs Node for the study page's check")
@settings(max_examples=8, deadline=None, database=None)
@given(cards=st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True), rows(), min_size=1, max_size=25))
def test_f09_every_card_the_cli_exports_is_one_the_study_page_accepts(cards, tmp_path_factory):
    assert all(card_problem(row) is None for row in cards.values())  # the generator draws sound rows
    target = tmp_path_factory.mktemp("export") / "p.json"
    bank = SimpleNamespace(name="x", by_id=dict.fromkeys(cards))
    assert exchange.export_progress(Store(cards), bank, target) == len(cards)
    exported = json.loads(target.read_text())["cards"]
    page = subprocess.run(
        [NODE, "--input-type=module", "-e", CHECK],
        input=json.dumps(exported),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(page.stdout) == dict.fromkeys(cards), page.stdout


OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda minutes: timedelta(minutes=minutes))


@settings(max_examples=200, deadline=None, database=None)
@given(
    moment=st.one_of(
        st.datetimes(datetime(1969, 12, 30), datetime(1970, 1, 2)),
        st.datetimes(datetime(2999, 12, 30), datetime(3000, 1, 2)),
        st.datetimes(),
    ),
    offset=OFFSETS,
)
def test_f09_the_import_accepts_a_due_time_exactly_when_the_store_will(moment, offset):
    zone = __import__("datetime").timezone(offset)
    text = moment.replace(tzinfo=zone).isoformat()
    card = {"state": 2, "stability": 3, "difficulty": 5, "due": text}
    in_utc = moment - offset  # naive UTC wall time, computed without the code under test
    expected = 1970 <= in_utc.year < 3000 if datetime.min + timedelta(days=1) < in_utc else False
    try:
        stored = exchange._stored(Path("p.json"), "a", card)
    except exchange.ProgressError:
        assert not expected, text
        return
    assert expected, text
    row = {**stored, "step": stored["step"]}
    assert card_problem(row) is None


def test_f09_a_new_card_from_the_page_is_passed_over_not_a_reason_to_refuse_the_file(tmp_path):
    from test_review_findings import quizgen, write_review_bank

    write_review_bank(tmp_path)
    new = {"state": 0, "reps": 0, "lapses": 0, "stability": 0, "difficulty": 0, "due": "2025-01-01T00:00:00.000Z"}
    (tmp_path / "page.json").write_text(
        json.dumps(
            {"format": "quizgen-progress", "version": 1, "deck": "x", "cards": {"nrc-created": new, "gone-fact": new}}
        )
    )
    result = quizgen(
        tmp_path, "progress", "import", "page.json", "--db", "p.sqlite", "--decks", "decks", "--seeds", "seeds"
    )
    assert result.returncode == 0 and "Imported 0 of 2 cards" in result.stdout, result.stderr
