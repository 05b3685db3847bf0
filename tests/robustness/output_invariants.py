"""What every output of a valid bank must hold, whatever text the bank holds (used by the
Hypothesis bank suite): the export's CSV, TSV and GIFT read back by real parsers, the study page's
data, and a progress export/import round trip through the CLI. Expected values come from the
bank's own files and the README's description of each format, never from the writers."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GIFT_PARSER = ROOT / "tests" / "gift" / "parse.js"
CSV_HEADER = ["id", "question", "answer", "accepted", "options", "source", "quote", "note", "stance", "tags"]
FORMULA = tuple("=+-@")  # a spreadsheet would run a cell starting so: the README says it gets a '


def spreadsheet(text: str) -> str:
    """The README's rule: a formula start gets a `'`, at the start and after a `;`, `,` or tab."""
    text = re.sub(r"([;,\t]\s*)([=+\-@])", r"\1'\2", text)
    return "'" + text if text.startswith(FORMULA) else text


def assert_export_holds(export_dir: Path, facts: list[dict]) -> None:
    ids = [fact["id"] for fact in facts]
    with open(export_dir / "x.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == CSV_HEADER
    by_id = {row[0]: dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]}
    assert len(rows) - 1 == len(facts) and set(by_id) == set(ids)
    for fact in facts:
        assert by_id[fact["id"]]["question"] == spreadsheet(fact["q"])
        assert by_id[fact["id"]]["answer"] == spreadsheet(fact["a"])
    tsv = (export_dir / "x.tsv").read_text(encoding="utf-8").split("\n")
    assert tsv[-1] == "" and len(tsv) - 1 == len(facts)  # one line per fact, none broken by a value
    assert all(len(line.split("\t")) == 2 for line in tsv[:-1]), tsv
    node = shutil.which("node")
    ready = node and (GIFT_PARSER.parent / "node_modules" / "gift-pegjs").is_dir()
    assert ready or "CI" not in os.environ, "CI needs Node and gift-pegjs (npm ci --prefix tests/gift)"
    if ready:
        parsed = subprocess.run(
            [str(node), str(GIFT_PARSER), str(export_dir / "x.gift")], capture_output=True, text=True, timeout=60
        )
        assert parsed.returncode == 0, parsed.stderr  # Moodle's grammar reads the whole file
        titles = [q["title"] for q in json.loads(parsed.stdout) if q.get("type") != "Category"]
        assert titles and {title.split(" ")[0] for title in titles} <= set(ids), titles


def assert_page_data_holds(page: Path, facts: list[dict]) -> None:
    html = page.read_text(encoding="utf-8")
    found = re.findall(r'<script type="application/json" id="bank">(.*?)</script>', html, re.S)
    assert len(found) == 1, "one data block, not cut short by a '</script>' in a value"
    data = json.loads(found[0])
    assert data["deck"] == "x"
    shown = [(fact["id"], fact["q"], fact["a"]) for fact in data["facts"]]
    assert len(shown) == len(facts) and set(shown) == {(fact["id"], fact["q"], fact["a"]) for fact in facts}


CARD_FIELDS = ("state", "step", "stability", "difficulty", "due", "last_review")


def assert_progress_round_trip(run, root: Path, facts: list[dict]) -> None:
    """Progress for every fact, imported, exported and imported into a fresh database: the same cards."""
    work = root / "progress"
    work.mkdir()
    # reviewed in the past (an import refuses a review dated in the future), due on later days
    due = [(date(2026, 1, 1) + timedelta(days=n)).isoformat() for n in range(len(facts))]
    cards = {
        fact["id"]: {
            "state": 2,
            "stability": 3.5 + n,
            "difficulty": 5,
            "learning_steps": 0,
            "due": f"{due[n]}T08:00:00.000Z",
            "last_review": "2025-12-20T08:00:00.000Z",
        }
        for n, fact in enumerate(facts)
    }
    (work / "in.json").write_text(json.dumps({"format": "quizgen-progress", "version": 1, "deck": "x", "cards": cards}))
    first, second = work / "a.sqlite", work / "b.sqlite"
    for argv in (("import", "in.json", first), ("export", "out.json", first), ("import", "out.json", second)):
        code, out, err = run(root, "progress", argv[0], str(work / argv[1]), "--db", str(argv[2]))
        assert code == 0 and "Traceback" not in err, err
    exported = json.loads((work / "out.json").read_text())
    assert exported["format"] == "quizgen-progress" and set(exported["cards"]) == set(cards)

    def rows(db: Path) -> dict:
        with sqlite3.connect(db) as connection:
            return {
                row[0]: row[1:] for row in connection.execute(f"SELECT fact_id, {', '.join(CARD_FIELDS)} FROM cards")
            }

    assert rows(first) == rows(second) and set(rows(first)) == set(cards)
    assert {key: value[2] for key, value in rows(first).items()} == {
        key: card["stability"] for key, card in cards.items()
    }


def read_facts(files: dict[str, str]) -> list[dict]:
    return json.loads(files["decks/x/facts.yaml"])["facts"]
