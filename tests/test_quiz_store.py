"""The progress file: someone else's database is refused untouched, damage is one line after a copy."""

import hashlib
import os
import shutil
import sqlite3

from quiz_harness import copy_bank, quiz_env, reviews, run


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


def _answered_database(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    run(folder, "quiz", "practice", "-n", "6", "--schedule", "--style", "typed", "--seed", "1", "--db", str(db),
        stdin="2002\nRasmussen\nParis\n28\nPJC\nstrategic\n")
    assert len(reviews(db)) == 6
    return folder, db


def test_damage_past_the_header_is_one_line_and_a_copy_is_kept(tmp_path):
    folder, db = _answered_database(tmp_path)
    data = bytearray(db.read_bytes())
    page = 4096
    data[page + 8: page + 200] = os.urandom(192)  # the second page: past the header
    db.write_bytes(bytes(data))
    damaged = bytes(data)
    for command in ("quiz", "stats"):
        error = one_line_error(run(folder, command, "--db", str(db), stdin="q\n"))
        assert "the progress database is damaged" in error and "restore a backup" in error
    copies = sorted(tmp_path.glob("p.sqlite3.damaged-*"))
    assert copies and copies[0].read_bytes() == damaged


def test_hand_edited_cards_are_reported_not_crashed_on(tmp_path):
    for column, value, said in (("due", "soon", "due 'soon' is not a time"), ("state", 7, "state 7 is not 1, 2 or 3")):
        folder, db = _answered_database(tmp_path / column)
        connection = sqlite3.connect(db)
        connection.execute(f"update cards set {column} = ?", (value,))
        connection.commit()
        connection.close()
        for command in ("quiz", "stats"):
            assert said in one_line_error(run(folder, command, "--db", str(db), stdin="q\n"))


def test_stats_only_reads_and_works_on_a_read_only_copy_in_a_read_only_folder(tmp_path):
    folder, db = _answered_database(tmp_path)
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
    folder, db = _answered_database(tmp_path)
    import subprocess
    import sys
    for command in ("stats", "quiz"):
        shell = f"{sys.executable} -m quizgen {command} --db {db} </dev/null | head -1"
        result = subprocess.run(["bash", "-c", shell], cwd=folder, env=quiz_env(), capture_output=True,
                                text=True, timeout=60)
        assert result.stderr == "" and result.stdout.count("\n") == 1


def test_an_unknown_article_lists_the_known_ones(tmp_path):
    folder = copy_bank(tmp_path)
    error = one_line_error(run(folder, "quiz", "--source", "3", "--db", str(tmp_path / "p.sqlite3")))
    assert error == "quizgen: --source 3: no such article (articles: 950)\n"
