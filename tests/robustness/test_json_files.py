"""Findings F01, F05, F07 and F09 (BOM) of the 2026-12-07 robustness review: the JSON files quizgen
reads (the Anki ledger, progress files) and the progress file it writes.

Every JSON read goes through files.parse_json, which turns every way bytes can fail into one
NotJSON; the CLI then says one line, exits non-zero and writes nothing.
"""

from __future__ import annotations

import ast
import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_review_findings import ROOT, quizgen, write_review_bank

from quizgen.files import MAX_DIGITS, NotJSON, parse_json

B = ("--decks", "decks", "--seeds", "seeds")
PYTHON_LIMIT = 4300  # sys.get_int_max_str_digits() default: int() of a longer string raises ValueError


@pytest.fixture
def bank(tmp_path) -> Path:
    return write_review_bank(tmp_path)


def progress(**card) -> str:
    fields = {"state": 2, "stability": 3, "difficulty": 5, "learning_steps": 0, "due": "2025-01-01T00:00:00Z"}
    return json.dumps(
        {"format": "quizgen-progress", "version": 1, "deck": "x", "cards": {"nrc-created": {**fields, **card}}}
    )


def one_line(result) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode != 0 and result.stderr.count("\n") == 1, result.stderr
    return result.stderr.strip()


@settings(max_examples=60, deadline=None, database=None)
@given(
    digits=st.one_of(st.integers(1, 40), st.integers(MAX_DIGITS, PYTHON_LIMIT + 800)),
    sign=st.sampled_from(["", "-"]),
    lines=st.integers(0, 3),
    first=st.sampled_from("123456789"),
)
def test_f01_any_integer_length_is_a_value_or_one_notjson(digits, sign, lines, first):
    number = sign + first + "7" * (digits - 1)
    raw = ("{" + "\n" * lines + f'"n": {number}' + "}").encode()
    if digits <= MAX_DIGITS:
        assert parse_json(raw) == {
            "n": (-1 if sign else 1) * sum(int(d) * 10**i for i, d in enumerate(reversed(number.lstrip("-"))))
        }
    else:
        with pytest.raises(NotJSON) as caught:
            parse_json(raw)
        assert caught.value.line == lines + 1 and f"an integer of {digits} digits" in caught.value.why


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1e999", "-1e400"])
def test_f01_numbers_json_does_not_have_are_refused_at_parsing(token):
    with pytest.raises(NotJSON):
        parse_json(f'{{"n": [1,\n {token}]}}'.encode())


def test_f01_every_json_read_in_quizgen_goes_through_parse_json():
    """By construction: json.loads appears only in parse_json, in the browser's own protocol
    (Chromium's messages) and in the store's own column (JSON quizgen wrote itself)."""
    allowed = {"quizgen/files.py", "quizgen/devtools.py", "quizgen/quiz/store.py"}
    found = set()
    for path in (ROOT / "quizgen").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("load", "loads")
                and isinstance(node.value, ast.Name)
                and node.value.id == "json"
            ):
                found.add(path.relative_to(ROOT).as_posix())
    assert found <= allowed, found - allowed


def test_f01_a_5000_digit_mtime_in_the_ledger_is_one_line_and_nothing_is_written(bank):
    assert quizgen(bank, "anki", *B, "--out", "out").returncode == 0
    ledger = bank / "decks/x/anki-versions.json"
    text = ledger.read_text()
    ledger.write_text(text.replace('"mtime": ', '"mtime": ' + "1" * 5000 + ', "was": ', 1))
    before = sorted(p.name for p in (bank / "out").rglob("*"))
    for command in ("check", "anki", "build"):
        result = quizgen(
            bank,
            command,
            *B,
            *(("--out", "out") if command != "check" else ()),
            *(("--no-pdf",) if command == "build" else ()),
        )
        assert "Traceback" not in result.stderr and result.returncode == 2, result.stderr
        assert result.stderr.splitlines()[0] == (
            "decks/x/anki-versions.json:4: not valid JSON (an integer of "
            "5000 digits; at most 30); restore it from version control"
        )
    assert sorted(p.name for p in (bank / "out").rglob("*")) == before


def test_f01_a_5000_digit_number_in_a_progress_file_is_one_line_and_no_database_is_made(bank):
    (bank / "big.json").write_text(progress(learning_steps=int("9" * 1000)).replace("9" * 1000, "9" * 5000))
    line = one_line(quizgen(bank, "progress", "import", "big.json", "--db", "p.sqlite", *B))
    assert line == "quizgen: big.json:1: not a quizgen progress file (an integer of 5000 digits; at most 30)"
    assert not (bank / "p.sqlite").exists()


def test_f09_a_progress_file_with_a_byte_order_mark_is_read_as_the_study_page_reads_it(bank):
    (bank / "bom.json").write_bytes(b"\xef\xbb\xbf" + progress().encode())
    result = quizgen(bank, "progress", "import", "bom.json", "--db", "p.sqlite", *B)
    assert result.returncode == 0 and "Imported 1 of 1 cards" in result.stdout, result.stderr
    row = sqlite3.connect(bank / "p.sqlite").execute("SELECT state, stability FROM cards").fetchone()
    assert row == (2, 3.0)


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_f07_a_progress_file_that_is_not_a_regular_file_is_named_not_the_db(bank, kind):
    target = {"fifo": "pipe", "folder": "folder", "device": "/dev/zero"}[kind]
    if kind == "fifo":
        os.mkfifo(bank / "pipe")
    elif kind == "folder":
        (bank / "folder").mkdir()
    line = one_line(quizgen(bank, "progress", "import", target, "--db", "p.sqlite", *B, timeout=20))
    assert line.startswith(f"quizgen: not a progress file: {target}:1: ") and "--db" not in line
    assert not (bank / "p.sqlite").exists()


@pytest.fixture
def studied(bank) -> Path:
    (bank / "in.json").write_text(progress())
    assert quizgen(bank, "progress", "import", "in.json", "--db", "p.sqlite", *B).returncode == 0
    return bank


def test_f05_export_refuses_the_database_itself_by_inode(studied):
    os.link(studied / "p.sqlite", studied / "hard.json")
    os.symlink("p.sqlite", studied / "soft.json")
    before = (studied / "p.sqlite").read_bytes()
    for name in ("p.sqlite", "./p.sqlite", "hard.json", "soft.json"):
        line = one_line(quizgen(studied, "progress", "export", name, "--db", "p.sqlite", *B))
        assert (
            line == f"quizgen: {Path(name)}: that is the progress database itself (--db); give another file name "
            "for the export"
        )
    assert (studied / "p.sqlite").read_bytes() == before


@pytest.mark.parametrize("target", ["decks/x/facts.yaml", "p.sqlite-wal", "notes.json", "list.json"])
def test_f05_export_refuses_an_existing_file_that_is_not_a_progress_file(studied, target):
    (studied / "notes.json").write_text('{"mine": 1}')
    (studied / "list.json").write_text("[1, 2]")
    (studied / "p.sqlite-wal").write_bytes(b"\0" * 10)
    before = (studied / target).read_bytes()
    line = one_line(quizgen(studied, "progress", "export", target, "--db", "p.sqlite", *B))
    assert line == (
        f"quizgen: {target}: exists and is not a quizgen progress file; not overwritten "
        "(give another file name, or remove it first)"
    )
    assert (studied / target).read_bytes() == before


@pytest.mark.parametrize("target", ["pipe", ".", "folder"])
def test_f05_export_refuses_a_target_that_is_not_a_regular_file(studied, target):
    os.mkfifo(studied / "pipe")
    (studied / "folder").mkdir()
    line = one_line(quizgen(studied, "progress", "export", target, "--db", "p.sqlite", *B, timeout=20))
    assert line.startswith(f"quizgen: not overwritten: {target}:1: ")
    assert (studied / "pipe").exists() and (studied / "folder").is_dir()


def test_f05_export_replaces_an_earlier_export_whole(studied):
    (studied / "out.json").write_text(progress(stability=9))
    result = quizgen(studied, "progress", "export", "out.json", "--db", "p.sqlite", *B)
    assert result.returncode == 0, result.stderr
    assert json.loads((studied / "out.json").read_text())["cards"]["nrc-created"]["stability"] == 3
    assert sorted(p.name for p in studied.iterdir() if p.name.startswith(".out.json")) == []
