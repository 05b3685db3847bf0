"""The progress file: someone else's database is refused untouched, damage is one line after a copy."""

import hashlib
import os
import shutil
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quiz_harness import answered_database, copy_bank, quiz_env, run


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line_error(result):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def test_a_foreign_sqlite_file_is_refused_and_left_as_it_was(tmp_path):
    folder, other = copy_bank(tmp_path), tmp_path / "other.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("create table notes(id integer primary key, body text)")
    connection.execute("insert into notes(body) values ('my precious data')")
    connection.commit()
    connection.close()
    before = digest(other)
    for command in (["quiz", "--db", str(other)], ["stats", "--db", str(other)]):
        error = one_line_error(run(folder, *command, stdin="2002\n"))
        assert "not a quizgen progress database (its tables: notes)" in error
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("other")) == ["other.sqlite3"]


def test_damage_past_the_header_is_one_line_one_copy_and_names_the_newest_backup(tmp_path):
    folder, db = answered_database(tmp_path)
    run(folder, "quiz", "--db", str(db), stdin="q\n")  # a session on a file with progress backs it up first
    backups = sorted((tmp_path / "p.sqlite3.backups").glob("*.sqlite3"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("select count(*) from reviews").fetchone()[0] == 6
    data = bytearray(db.read_bytes())
    page = 4096
    data[page + 8 : page + 200] = b"\xa5" * 192  # the second page: past the header
    db.write_bytes(bytes(data))
    damaged = bytes(data)
    for command in ("quiz", "stats", "quiz", "stats"):
        error = one_line_error(run(folder, command, "--db", str(db), stdin="q\n"))
        assert "the progress database is damaged" in error
        assert f"the newest backup is {backups[0]}" in error
    copies = sorted(tmp_path.glob("p.sqlite3.damaged-?"))
    assert [copy.read_bytes() for copy in copies] == [damaged]  # one copy per damage, none by stats


def test_hand_edited_cards_are_set_aside_alone_and_the_others_keep_their_progress(tmp_path):
    for column, value, said in (("due", "soon", "due 'soon' is not a time"), ("state", 7, "state 7 is not 1, 2 or 3")):
        folder, db = answered_database(tmp_path / column)
        connection = sqlite3.connect(db)
        connection.execute(f"update cards set {column} = ? where fact_id = 'quiz-nrc-year'", (value,))
        connection.commit()
        connection.close()
        for command in ("stats", "quiz"):
            result = run(folder, command, "--db", str(db), stdin="q\n")
            assert result.returncode == 0 and "Traceback" not in result.stderr
            assert said in result.stderr and "'quiz-nrc-year'" in result.stderr
        left = {row[0] for row in sqlite3.connect(db).execute("select fact_id from cards")}
        assert len(left) == 5 and "quiz-nrc-year" not in left


def test_stats_only_reads_and_works_on_a_read_only_copy_in_a_read_only_folder(tmp_path):
    folder, db = answered_database(tmp_path)
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    copy = shelf / "backup.sqlite3"
    shutil.copy(db, copy)
    before = digest(copy)
    copy.chmod(0o444)
    shelf.chmod(0o555)
    try:
        env = quiz_env()
        result = run(folder, "stats", "--db", str(copy), env=env)
        assert result.returncode == 0, result.stderr
        assert "Progress in" in result.stdout and "2002" not in result.stderr
        assert digest(copy) == before
        if os.geteuid() != 0:  # root may create SQLite's -shm beside it; nobody else can here
            assert sorted(p.name for p in shelf.iterdir()) == ["backup.sqlite3"]
    finally:
        shelf.chmod(0o755)


def test_bad_db_paths_say_what_is_wrong(tmp_path):
    folder = copy_bank(tmp_path)
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    cases = [(tmp_path, "is a directory"), (a_file / "p.sqlite3", "plain.txt is a file, not a folder")]
    for path, said in cases:
        assert said in one_line_error(run(folder, "quiz", "--db", str(path), stdin="q\n"))


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    folder, db = answered_database(tmp_path)
    import subprocess
    import sys

    for command in ("stats", "quiz"):
        shell = f"{sys.executable} -m quizgen {command} --db {db} </dev/null | head -1"
        result = subprocess.run(
            ["bash", "-c", shell], cwd=folder, env=quiz_env(), capture_output=True, text=True, timeout=60
        )
        assert result.stderr == "" and result.stdout.count("\n") == 1


def test_an_unknown_article_lists_the_known_ones(tmp_path):
    folder = copy_bank(tmp_path)
    error = one_line_error(run(folder, "quiz", "--source", "3", "--db", str(tmp_path / "p.sqlite3")))
    listed = "950 tester; `quizgen list sources` shows each with its title"
    assert error == f"quizgen: --source 3: no such article (articles: {listed})\n"
    result = run(
        folder,
        "quiz",
        "practice",
        "-n",
        "1",
        "--source",
        "0950",
        "--style",
        "MC",
        "--db",
        str(tmp_path / "p.sqlite3"),
        stdin="1\n",
    )  # 0950 is 950; MC is mc
    assert result.returncode == 0 and "practice, 1 question" in result.stdout, result.stderr


def test_a_file_that_is_not_sqlite_is_one_line_left_untouched_and_names_the_newest_backup(tmp_path):
    """Review O7: random bytes or a text file under --db: not raw SQLite text, a next step instead."""
    folder, db = answered_database(tmp_path)
    run(folder, "quiz", "--db", str(db), stdin="q\n")  # makes a backup
    (backup,) = sorted((tmp_path / "p.sqlite3.backups").glob("*.sqlite3"))
    for content in (os.urandom(5000), b"my notes\n" * 100):
        for sidecar in tmp_path.glob("p.sqlite3-*"):  # a file copied in alone, as the review did
            sidecar.unlink()
        db.write_bytes(content)
        for command in ("quiz", "stats"):
            error = one_line_error(run(folder, command, "--db", str(db), stdin="q\n"))
            assert "not a progress database: its first bytes are not SQLite's" in error
            assert f"the newest backup is {backup}" in error
        assert db.read_bytes() == content
    lone = tmp_path / "lone.sqlite3"
    lone.write_bytes(b"text")
    error = one_line_error(run(folder, "quiz", "--db", str(lone), stdin="q\n"))
    assert "move the file aside to start afresh (there is no backup of it yet)" in error


def test_a_read_only_progress_file_is_named_as_such(tmp_path, monkeypatch):
    """Review O7 (read-only mount or folder): the one line says read-only and what to do.
    Tests run as root, whom permissions do not stop, so `os.access` answers as on a read-only mount."""
    import pytest

    from quizgen.errors import ProgressError
    from quizgen.quiz.store import Store

    _, db = answered_database(tmp_path)
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK and real(path, mode))
    with pytest.raises(ProgressError, match=r"read-only \(.*p.sqlite3 cannot be written to"):
        Store(db, backup=True)
    Store(db, readonly=True).close()  # stats and export still read it


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(min_size=1, max_size=4096).filter(lambda b: not b.startswith(b"SQLite format 3\x00")))
def test_any_content_without_sqlites_header_is_not_a_progress_database(tmp_path, content):
    """Whatever the bytes (random, text, a truncated header), the learner reads the same one line, and
    the file is left as it was: the header decides, not the wording of SQLite's error."""
    from quizgen.errors import ProgressError
    from quizgen.quiz.store import Store

    db = tmp_path / "foreign.sqlite3"
    db.write_bytes(content)
    for readonly in (False, True):
        with pytest.raises(ProgressError, match="not a progress database: its first bytes are not SQLite's"):
            Store(db, readonly=readonly)
        assert db.read_bytes() == content
