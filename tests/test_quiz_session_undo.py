"""Ctrl-U after s, b or f (review rv4 L7): the answer and the mark set after it are taken back, in the real store."""

import sqlite3

import pexpect
from quiz_harness import copy_bank, reviews, spawn

TYPED = r">(?=\x08|\x1b| )"
CONFIRM = r"Ctrl-D quit:"


def marks(db):
    connection = sqlite3.connect(db)
    return {
        "marks": connection.execute("SELECT fact_id, mark FROM marks").fetchall(),
        "flags": connection.execute("SELECT fact_id FROM flags").fetchall(),
    }


def test_undo_after_suspend_bury_or_flag_takes_the_mark_back_too(tmp_path):
    for key, said, word in (
        ("s", "Suspended", "suspension"),
        ("b", "Buried", "burial"),
        ("f", "Flagged", "flag"),
    ):
        folder, db = copy_bank(tmp_path / key), tmp_path / f"{key}.sqlite3"
        child = spawn(folder, "quiz", "--db", str(db), "--style", "typed")
        child.expect(TYPED)
        child.send("2002\r")
        child.expect(CONFIRM)
        child.send(key)
        child.expect(said)
        if key == "f":  # the prompt stays: the flag is taken, then Enter goes on
            child.expect(CONFIRM)
            child.send("\r")
        child.expect("Who was NATO Secretary General")
        child.expect(TYPED)
        before = marks(db)
        assert before["marks"] or before["flags"], (key, before)  # the mark is in the store
        child.sendcontrol("u")
        child.expect(rf"Undone \(and its {word}\): In which year")
        child.expect(TYPED)  # asked again at once
        child.send("2002\r")
        child.expect(CONFIRM)
        child.send("\r")
        child.expect(TYPED)
        child.sendcontrol("d")
        child.expect(pexpect.EOF)
        child.close()
        assert "Traceback" not in child.before
        assert marks(db) == {"marks": [], "flags": []}, key
        assert [(row["fact_id"], row["answer"]) for row in reviews(db)] == [("quiz-nrc-year", "2002")]


def test_undo_after_flag_then_unflag_leaves_the_flag_as_it_was(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed")
    child.expect(TYPED)
    child.send("2002\r")
    child.expect(CONFIRM)
    child.send("f")
    child.expect("Flagged")
    child.expect(CONFIRM)
    child.send("f")
    child.expect("Flag taken away")
    child.expect(CONFIRM)
    child.sendcontrol("u")
    child.expect(r"Undone: In which year")  # nothing else to take back: flag and unflag cancel
    child.expect(TYPED)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    assert marks(db) == {"marks": [], "flags": []}
    assert reviews(db) == []
