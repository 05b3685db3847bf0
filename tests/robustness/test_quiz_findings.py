"""The quiz's findings of the 2026-12-07 robustness and quiz reviews, by number, through the real CLI.

Each test runs `quizgen quiz` or `quizgen stats` on the quiz test deck as a subprocess (or in a
pseudo-terminal) and asserts the exit code, one line on standard error, no traceback, and what
the progress file holds afterwards.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pexpect
import pytest
from quiz_harness import answered_database, cards, copy_bank, quiz_env, reviews, run, spawn

TYPED = r">(?=\x08|\x1b| )"


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def test_h4_db_fifo_is_refused_at_once_by_quiz_and_stats_without_blocking(tmp_path):
    folder = copy_bank(tmp_path)
    fifo = tmp_path / "progress.fifo"
    os.mkfifo(fifo)
    for command in ("stats", "quiz"):  # SQLite's open() would block for ever, deaf to Ctrl-C and SIGTERM
        error = one_line(run(folder, command, "--db", str(fifo), stdin="q\n"))
        assert "is a FIFO (named pipe); the progress file must be a regular file" in error
    plain = tmp_path / "p.sqlite3"
    os.mkfifo(tmp_path / "p.sqlite3-wal")  # SQLite opens its -wal beside the file: refused too
    assert "p.sqlite3-wal is a FIFO" in one_line(run(folder, "quiz", "--db", str(plain), stdin="q\n"))
    assert not plain.exists()


def test_l5_odd_db_targets_are_named_and_nothing_is_created_beside_them(tmp_path):
    folder = copy_bank(tmp_path)
    loop = tmp_path / "loop.sqlite3"
    loop.symlink_to(tmp_path / "loop2.sqlite3")
    (tmp_path / "loop2.sqlite3").symlink_to(loop)
    for target, said in (
        ("/dev/null", "is a character device"),
        (str(loop), "is a symbolic link loop"),
        (str(tmp_path), "is a directory"),
        (".", "is a directory"),
        ("/", "is a directory"),
    ):
        for command in ("quiz", "stats"):
            assert said in one_line(run(folder, command, "--db", target, stdin="q\n"))


def test_db_empty_is_refused_not_the_default(tmp_path):
    folder = copy_bank(tmp_path)
    home = tmp_path / "home"
    env = quiz_env(HOME=str(home), XDG_DATA_HOME=str(home / "data"))
    for command in ("quiz", "stats"):
        assert "--db is empty" in one_line(run(folder, command, "--db", "", stdin="2002\n", env=env))
    assert not home.exists()


def test_m4_damaged_card_rows_are_set_aside_alone_with_one_copy(tmp_path):
    damages = [
        ("due without a time zone", "due = '2025-01-01T00:00:00'", "has no time zone"),
        ("due as a date", "due = '2025-01-01'", "has no time zone"),
        ("last_review without a zone", "last_review = '2025-01-01T00:00:00'", "has no time zone"),
        ("no stability in review", "stability = NULL, state = 2", "stability None"),
        ("negative stability", "stability = -5, state = 2", "stability -5.0"),
        ("infinite stability", "stability = 1e999, state = 2", "stability inf"),
        ("step as text", "step = 'abc', state = 1", "step 'abc'"),
        ("difficulty as text", "difficulty = 'hard'", "difficulty 'hard'"),
    ]
    for number, (label, change, said) in enumerate(damages):
        folder, db = answered_database(tmp_path / str(number))
        connection = sqlite3.connect(db)
        connection.execute(f"UPDATE cards SET {change} WHERE fact_id = 'quiz-nrc-year'")
        connection.commit()
        connection.close()
        stats = run(folder, "stats", "--db", str(db))
        assert stats.returncode == 0 and "Traceback" not in stats.stderr, label
        assert said in stats.stderr and "left out of these figures" in stats.stderr, label
        assert not list(db.parent.glob("*.damaged-*")), "stats only reads"
        quiz = run(folder, "quiz", "--db", str(db), stdin="2002\n" * 3)
        assert quiz.returncode == 0 and "Traceback" not in quiz.stderr, (label, quiz.stderr)
        assert said in quiz.stderr and "p.sqlite3.damaged-1 and the card starts afresh" in quiz.stderr, label
        kept = sqlite3.connect(db.parent / "p.sqlite3.damaged-1")
        assert kept.execute("SELECT count(*) FROM cards").fetchone()[0] == 6  # the copy holds the damaged row
        assert len(cards(db)) >= 5 and len(reviews(db)) >= 6  # every other card and the whole log kept


def test_l7_one_damaged_copy_per_damage_not_per_run(tmp_path):
    folder, db = answered_database(tmp_path)
    run(folder, "quiz", "--db", str(db), stdin="q\n")
    data = bytearray(db.read_bytes())
    data[4096 + 8 : 4096 + 200] = b"\xa5" * 192
    db.write_bytes(bytes(data))
    for _ in range(3):
        for command in ("stats", "quiz"):
            error = one_line(run(folder, command, "--db", str(db), stdin="q\n"))
            assert "damaged" in error and "the newest backup is" in error
    assert sorted(p.name for p in tmp_path.glob("p.sqlite3.damaged-?")) == ["p.sqlite3.damaged-1"]
    data[4096 + 8 : 4096 + 200] = b"\x5a" * 192  # another damage: one more copy
    db.write_bytes(bytes(data))
    one_line(run(folder, "quiz", "--db", str(db), stdin="q\n"))
    one_line(run(folder, "quiz", "--db", str(db), stdin="q\n"))
    assert len(list(tmp_path.glob("p.sqlite3.damaged-?"))) == 2


def test_backups_rotate_and_restore_every_answer(tmp_path):
    folder, db = answered_database(tmp_path)
    for _ in range(9):
        run(folder, "quiz", "--db", str(db), stdin="q\n")
    backups = sorted((tmp_path / "p.sqlite3.backups").glob("*.sqlite3"))
    assert len(backups) == 7
    restored = sqlite3.connect(backups[-1])
    assert restored.execute("SELECT count(*) FROM reviews").fetchone()[0] == 6
    assert restored.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_m11_undecodable_piped_answers_are_recorded_not_crashed_on(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "quiz", "--db", str(db)],
        cwd=folder,
        input=b"2002\xe9\nRasmu\xff\xfessen\n",
        capture_output=True,
        env=quiz_env(),
        timeout=60,
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    assert [row["answer"] for row in reviews(db)] == ["2002\ufffd", "Rasmu\ufffd\ufffdssen"]


def test_s3_an_empty_or_non_option_line_at_a_choice_card_is_its_wrong_answer(tmp_path):
    for line in ("", "12", "0", "1234", "x", "\x00", "\xff"):
        folder, db = copy_bank(tmp_path / str(len(list(tmp_path.iterdir())))), None
        db = folder.parent / "p.sqlite3"
        result = run(
            folder, "quiz", "practice", "-n", "1", "--style", "mc", "--seed", "3", "--db", str(db), stdin=line + "\n"
        )
        assert result.returncode == 0 and "Traceback" not in result.stderr, (line, result.stderr)
        logged = reviews(db)
        assert len(logged) == 1 and logged[0]["grade"] == "wrong" and logged[0]["rating"] == 1, line


def test_l8_an_ascii_stdout_and_an_impossible_time_zone_are_no_tracebacks(tmp_path):
    folder, db = answered_database(tmp_path)
    ascii_env = quiz_env(LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", PYTHONIOENCODING="ascii")
    for command in ("stats", "quiz"):
        result = run(folder, command, "--db", str(db), stdin="q\n", env=ascii_env)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    error = one_line(run(folder, "stats", "--db", str(db), env=quiz_env(TZ="UTC+25")))
    assert "the time zone TZ='UTC+25' is out of range" in error


def test_o12_closed_or_full_standard_output_is_one_line(tmp_path):
    folder, db = answered_database(tmp_path)
    for command in ("stats", "quiz"):
        for redirect, said in ((">&-", "standard output is closed"), (">/dev/full", "No space left on device")):
            shell = f"{sys.executable} -m quizgen {command} --db {db} </dev/null {redirect}"
            result = subprocess.run(
                ["bash", "-c", shell],
                cwd=folder,
                env=quiz_env(),
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert said in one_line(result), (command, redirect)
    shell = f"{sys.executable} -m quizgen quiz --db {db} <&-"
    result = subprocess.run(
        ["bash", "-c", shell], cwd=folder, env=quiz_env(), capture_output=True, text=True, timeout=60, check=False
    )
    assert "standard input is closed" in one_line(result)


def test_sigterm_exits_143_with_the_summary_and_every_answer_kept(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect(TYPED)
    child.send("2002\r")
    child.expect("Ctrl-D quit:")
    child.send("\r")
    child.expect(TYPED)
    child.kill(signal.SIGTERM)
    child.expect("1 answered: 1 correct")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 143 and "Traceback" not in child.before
    assert [row["answer"] for row in reviews(db)] == ["2002"]


@pytest.mark.parametrize("order", ["interleaved"])
def test_two_sessions_at_once_keep_each_others_answers(tmp_path, order):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    first, second = spawn(folder, "quiz", "--db", str(db)), spawn(folder, "quiz", "--db", str(db))
    for child in (first, second):
        child.expect(TYPED)
    for child, answer in ((first, "2002"), (second, "2003"), (first, "Rasmussen"), (second, "Paris")):
        child.send(answer + "\r")
        child.expect("Ctrl-D quit:")
        child.send("\r")
        child.expect(TYPED)
    for child in (first, second):
        child.sendcontrol("d")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
    logged = [(row["fact_id"], row["answer"]) for row in reviews(db)]
    assert logged == [
        ("quiz-nrc-year", "2002"),
        ("quiz-nrc-year", "2003"),
        ("quiz-secretary-general", "Rasmussen"),
        ("quiz-secretary-general", "Paris"),
    ]
    state = cards(db)
    assert set(state) == {"quiz-nrc-year", "quiz-secretary-general"}
    # Each card's state went through both answers: the second session rated on top of the first.
    card_after = [row["card_after"] for row in reviews(db)]
    before = [row["card_before"] for row in reviews(db)]
    assert before[1] == card_after[0] and before[3] == card_after[2]


def test_rv3_f8_piped_answers_are_echoed_without_terminal_controls(tmp_path):
    """Review rv3 F8: an answer holding ESC sequences, BEL, NUL or a bidi override is echoed without them
    (it cannot retitle or recolour the terminal); the progress file keeps what was typed."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    hostile = "\x1b]0;PWNED\x07\x1b[31mred\x00\u202eMaas"
    result = run(
        folder,
        "quiz",
        "practice",
        "-n",
        "2",
        "--kind",
        "year,person",  # two cards neither of which gives the other away: both are asked
        "--style",
        "typed",
        "--db",
        str(db),
        "--schedule",
        stdin=f"{hostile}\n\x1b[2Jq\n",
    )
    assert result.returncode == 0, result.stderr
    for control in ("\x1b", "\x07", "\x00", "\u202e"):
        assert control not in result.stdout
    assert "]0;PWNED[31mredMaas" in result.stdout  # the printable rest is still shown
    assert "[2Jq" in result.stdout.replace("\n", "")  # the quit line too (not quite 'q': a wrong answer)
    assert reviews(db)[0]["answer"] == hostile
    choice = run(folder, "quiz", "practice", "-n", "1", "--style", "mc", "--db", str(db), stdin="\x1b[31m2\n")
    assert "\x1b" not in choice.stdout and "[31m2" in choice.stdout
