"""Keys as terminals send them, at every prompt: bursts, arrows, pastes, fast typing, Ctrl-Z and fg.

Each test reads the SQLite log afterwards: exactly the answers given are recorded.
"""

import re
import sys
import time

import pexpect
from quiz_harness import copy_bank, drawn, finish, logged, quiz_env, read_past, reviews, run, spawn

TYPED = r">(?=\x08|\x1b| )"
CONFIRM = r"Ctrl-D quit:"
TOO_SOON = "(too soon: press it again)"
GRACE = "3000"  # ms: far longer than a test's reaction to a prompt, waited out where the test reads a card
UP, DOWN, RIGHT, LEFT = "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D"


def test_a_double_enter_never_answers_the_next_card_unseen(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect(TYPED)
    child.send("2002\r\r\r\r")  # answer, then Enters typed before the rating prompt appeared: dropped
    child.expect("Correct: 2002")
    child.expect(CONFIRM)
    child.send("\r")  # an Enter typed at the prompt: next
    child.expect("Who was NATO Secretary General")
    child.expect(TYPED)
    child.send("\r\r")  # "I don't know", and a second Enter: it must not skip the rating prompt
    child.expect("Wrong: the answer is Anders Fogh Rasmussen")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect("In which city")
    child.expect(TYPED)
    child.sendcontrol("d")
    finish(child)
    assert child.exitstatus == 0
    assert logged(db) == [("quiz-nrc-year", "2002", 3), ("quiz-secretary-general", "", 1)]


def test_arrow_keys_edit_a_typed_answer_recall_history_and_are_ignored_at_key_prompts(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect(TYPED)
    child.send("202" + LEFT + "0\r")  # typed 202, moved left, inserted 0: 2002
    child.expect("Correct: 2002")
    child.expect(CONFIRM)
    child.send(UP + DOWN + RIGHT + LEFT + "\x1b[1;5C\x1bOH")  # arrows, Ctrl-Right, Home: no answer
    child.send("\r")
    child.expect("Who was NATO Secretary General")
    child.expect(TYPED)
    child.send(UP + "\r")  # history: the previous answer again
    child.expect("Wrong: the answer is Anders Fogh Rasmussen")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect(TYPED)
    child.send("Paris\r")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect(r"Answer \[1-4")
    options = dict(re.findall(r"\n  (\d)\) (.+?)\r", child.before))
    right = next(n for n, text in options.items() if text == "a strategic partnership")
    child.send(UP + DOWN + "Turkey" + "quit" + right)  # letters at a choice prompt neither undo nor quit
    child.expect("Correct: a strategic partnership")
    child.expect(CONFIRM)
    child.sendcontrol("d")
    finish(child)
    assert logged(db) == [
        ("quiz-nrc-year", "2002", 3),
        ("quiz-secretary-general", "2002", 1),
        ("quiz-founding-act-city", "Paris", 3),
        ("quiz-lisbon-partnership", "a strategic partnership", 3),
    ]


def test_a_pasted_block_of_lines_answers_one_card_only(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect(TYPED)
    child.send("NATO\nthe European Union\n3\n")  # \n as a paste without bracketed-paste marks sends it
    child.expect("Wrong: the answer is 2002")
    child.expect(CONFIRM)  # the rest of the paste came before this prompt: dropped, the prompt waits
    child.sendcontrol("d")
    finish(child)
    assert logged(db) == [("quiz-nrc-year", "NATO", 1)]


def test_a_digit_right_after_a_choice_is_not_a_rating(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    # A grace far longer than the test's reaction: the digit sent on seeing the prompt always falls inside it.
    child = spawn(
        folder, "quiz", "--db", str(db), "--style", "mc", "--kind", "place", env=quiz_env(QUIZGEN_GRACE_MS=GRACE)
    )
    child.expect(r"Answer \[1-4")
    shown = time.monotonic()
    options = dict(re.findall(r"\n  (\d)\) (.+?)\r", child.before))
    wrong = next(n for n, text in options.items() if text != "Paris")
    read_past(shown, int(GRACE))  # a digit at once would be held too: the card has just appeared
    child.send(wrong + "4")  # "2… no, 4" in one burst: the 4 came before the rating prompt
    child.expect("Wrong: the answer is Paris")
    child.expect(CONFIRM)
    child.send("4")  # and a 4 at once after the prompt appeared: still the finger that chose
    child.expect(drawn(TOO_SOON))
    child.send("\r")  # Enter is never held back at a rating: next card (this one again), rated as graded
    child.expect(r"Answer \[1-4")
    child.sendcontrol("d")
    finish(child)
    assert logged(db) == [("quiz-founding-act-city", options[wrong], 1)]


def test_ctrl_d_on_a_typed_answer_deletes_a_letter_and_keeps_the_answer(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect(TYPED)
    child.send("20022" + LEFT)
    child.sendcontrol("d")  # deletes the last 2 under the cursor, as in a shell
    child.send("\r")
    child.expect("Correct: 2002")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect(TYPED)
    child.sendcontrol("d")  # on an empty line: quit
    finish(child)
    assert child.exitstatus == 0
    assert logged(db) == [("quiz-nrc-year", "2002", 3)]


def test_term_dumb_on_a_terminal_stays_interactive_with_the_rating_prompt(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), env=quiz_env(TERM="dumb"))
    child.expect("> ")
    child.sendline("2002")
    child.expect("Correct: 2002")
    child.expect(r"\[Enter\] next [\s\S]*?u\s+undo\s+q\s+quit: ")  # the rating prompt, as lines
    child.sendline("x")  # no rating: asked again
    child.expect(r"\[Enter\] next ")
    child.sendline("4")
    child.expect("Rated Easy")
    child.expect("> ")
    child.sendeof()
    finish(child)
    assert "\x1b[" not in child.before
    assert logged(db) == [("quiz-nrc-year", "2002", 4)]


def test_term_dumb_drops_type_ahead_so_a_triple_enter_never_answers_the_next_card(tmp_path):
    """Review O3: the burst reaches the terminal before the answer is read; the rating prompt drops the rest."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed", env=quiz_env(TERM="dumb"))
    child.expect("> ")
    child.send("2002\r\r\r")
    child.expect(r"\[Enter\] next [\s\S]*?u\s+undo\s+q\s+quit: ")
    assert all(len(line) <= 100 for line in child.match.group(0).splitlines())  # wrapped at spaces (O10)
    child.sendline("q")
    finish(child)
    assert logged(db) == [("quiz-nrc-year", "2002", 3)]  # one answer, rated as graded


def test_term_dumb_a_digit_right_after_a_choice_is_not_a_rating(tmp_path):
    """Review O3: `1⏎4⏎` at a choice card; the 4 comes within the grace period and is not Easy."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    env = quiz_env(TERM="dumb", QUIZGEN_GRACE_MS=GRACE)
    child = spawn(folder, "quiz", "--db", str(db), "--style", "mc", env=env)
    child.expect(r"Answer \[1-4, u undo, q quit\]: ")
    read_past(time.monotonic(), int(GRACE))
    child.sendline("1")
    child.expect(r"\[Enter\] next [\s\S]*?u\s+undo\s+q\s+quit: ")
    shown = time.monotonic()
    child.sendline("4")
    child.expect("too soon: press it again")
    child.expect(r"\[Enter\] next [\s\S]*?u\s+undo\s+q\s+quit: ")
    read_past(shown, int(GRACE))
    child.sendline("4")  # pressed again once the grace is over: taken
    child.expect("Rated Easy")
    child.sendline("q")
    finish(child)
    assert [rating for _, _, rating in logged(db)] == [4]


def test_fast_typing_at_a_rating_prompt_keeps_only_the_keys_it_knows(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect(TYPED)
    child.send("2002\r")
    child.expect(CONFIRM)
    child.send("NATuq2")  # a word typed into the rating prompt, then 2 (Hard)
    child.expect("Rated Hard")
    child.expect(TYPED)
    child.sendcontrol("u")  # Ctrl-U on an empty answer line undoes
    child.expect("Undone: In which year")
    child.expect(TYPED)
    child.sendcontrol("d")
    finish(child)
    assert logged(db) == []


def test_ctrl_z_then_fg_redraws_the_prompt_with_its_text_and_keys_still_work(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    shell = pexpect.spawn(
        "bash",
        ["--norc", "--noprofile", "-i"],
        cwd=str(folder),
        encoding="utf-8",
        env=quiz_env(PS1="$ "),
        timeout=15,
        dimensions=(50, 200),
    )
    shell.expect(r"\$ ")
    shell.sendline(f"{sys.executable} -m quizgen quiz --db {db}")
    shell.expect(TYPED)
    shell.send("20")
    shell.sendcontrol("z")  # at a typed prompt, with an answer half typed
    shell.expect("Stopped")
    shell.expect(r"\$ ")
    shell.sendline("fg")
    shell.expect(r">(?:\x08|\x1b\[[0-9;?]*[A-Za-z]| )*20")  # the prompt drawn again, with what was typed
    shell.send("02\r")
    shell.expect("Correct: 2002")
    shell.expect(CONFIRM)
    shell.sendcontrol("z")  # at a single-key prompt
    shell.expect("Stopped")
    shell.expect(r"\$ ")
    shell.sendline("fg")
    shell.expect(CONFIRM)
    shell.send("1")  # one key, acted on at once: the terminal is back in raw mode
    shell.expect("Rated Again")
    shell.expect(TYPED)
    shell.sendcontrol("d")
    shell.expect(r"1 answered \(1 rated by you\): 0 correct, 1 wrong")
    shell.expect(r"\$ ")
    shell.sendline("exit")
    shell.expect(pexpect.EOF)
    assert "Traceback" not in shell.before
    assert logged(db) == [("quiz-nrc-year", "2002", 1)]


def test_the_rating_prompt_shows_each_ratings_interval_and_the_card_its_article(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect(r"\[1\] new · year · 6 left in this session · 2012 A short history of NATO-Russia relations")
    child.expect(TYPED)
    child.send("2002\r")
    child.expect("“The NATO-Russia Council was created in May 2002 in Rome.”")  # the quote, verbatim
    # FSRS defaults for a new card: learning steps 1 and 10 minutes; Easy graduates at once
    child.expect(r"\[1\]Again 1m  \[2\]Hard 6m  \[3\]Good 10m  \[4\]Easy \d+d  r report")
    child.sendcontrol("d")
    finish(child)


def test_r_reports_a_card_with_a_note_and_question_mark_shows_the_keys(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect(TYPED)
    child.send("2002\r")
    child.expect(CONFIRM)
    child.send("?")
    child.expect("report this card")
    child.expect(CONFIRM)
    child.send("r")
    child.expect("What is wrong with this card")
    child.send("the quote says Rome\r")
    child.expect("Reported quiz-nrc-year: saved in")
    child.expect(CONFIRM)
    child.send("r")  # an empty note cancels: nothing is written, the card waits for its rating
    child.expect("What is wrong with this card")
    child.send("\r")
    child.expect("Nothing reported")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect(TYPED)
    child.sendcontrol("d")
    finish(child)
    line = (tmp_path / "p-reports.txt").read_text().splitlines()
    assert len(line) == 1
    assert [part for part in line[0].split("\t")[1:]] == ["quiz", "quiz-nrc-year", "the quote says Rome"]
    assert logged(db) == [("quiz-nrc-year", "2002", 3)]


def test_s_suspends_and_b_buries_a_card_until_unsuspend_or_tomorrow(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect(TYPED)
    child.send("2002\r")
    child.expect(CONFIRM)
    child.send("s")
    child.expect("Suspended: not asked again until you run: quizgen quiz --unsuspend")
    child.expect("Who was NATO Secretary General")
    child.expect(TYPED)
    child.send("Rasmussen\r")
    child.expect(CONFIRM)
    child.send("b")
    child.expect("Buried: not asked again until tomorrow")
    child.expect("In which city")
    child.expect(TYPED)
    child.sendcontrol("d")
    finish(child)
    later = quiz_env(now="2025-03-03T09:30:00+00:00")  # both would be due again (learning steps)
    again = spawn(folder, "quiz", "--db", str(db), env=later)
    again.expect(TYPED)
    assert "In which year" not in again.before and "Secretary General" not in again.before
    again.sendcontrol("d")
    finish(again)
    tomorrow = quiz_env(now="2025-03-04T09:30:00+00:00")
    back = spawn(folder, "quiz", "--db", str(db), "--unsuspend", env=tomorrow)
    back.expect("1 suspended card of Quiz test deck brought back")
    back.expect("In which year|Secretary General")
    back.expect(TYPED)
    back.sendcontrol("d")
    finish(back)


def test_piped_q_ends_the_prompt_line_before_the_summary(tmp_path):
    """Review O13: `q` from a pipe is echoed like any answer, so the summary has its own line."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(folder, "quiz", "--db", str(db), "--style", "typed", stdin="q\n")
    assert result.returncode == 0, result.stderr
    assert "\n> q\n0 answered: " in result.stdout


def test_on_a_40_column_terminal_the_rating_prompt_wraps_and_shows_every_key(tmp_path):
    """Review O10: the live rating prompt was cut after 40 columns; the card header broke mid-word."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed", dimensions=(14, 40))
    child.expect(TYPED)
    header = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before)
    assert all(len(line) <= 40 for line in header.splitlines()), header  # wrapped by the quiz, at spaces
    child.send("2002\r")
    child.expect("Correct: 2002")
    child.expect("quit:")
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\r|\n", "", child.before)
    for key in (
        "[Enter] next",
        "[1]Again",
        "[2]Hard",
        "[3]Good",
        "[4]Easy",
        "r report",
        "s suspend",
        "b bury",
        "? help",
        "Ctrl-U undo",
        "Ctrl-D",
    ):
        assert key in drawn, (key, drawn[-300:])
    child.send("\r")
    child.expect(TYPED)  # the next card
    child.sendcontrol("d")
    finish(child)
    assert len(logged(db)) == 1


def test_f_flags_a_card_and_practice_flagged_asks_only_the_flagged(tmp_path):
    """Issue 20 item 5 (Anki's flags): `f` at the rating prompt flags the card, again unflags it."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    none = run(folder, "quiz", "practice", "--flagged", "--db", str(db))
    assert none.returncode == 2 and none.stderr.count("\n") == 1 and "no flagged cards" in none.stderr
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed")
    child.expect(TYPED)
    child.send("2002\r")
    child.expect(CONFIRM)
    child.send("f")
    child.expect("Flagged: quizgen quiz practice --flagged")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect(TYPED)
    child.sendcontrol("d")
    finish(child)
    result = run(
        folder, "quiz", "practice", "--flagged", "-n", "10", "--db", str(db), "--style", "typed", stdin="2002\n"
    )
    assert result.returncode == 0 and "practice, 1 question" in result.stdout, result.stderr
    assert [row["fact_id"] for row in reviews(db)][-1] == "quiz-nrc-year"


def test_quitting_at_were_you_right_keeps_the_close_answer_as_again(tmp_path):
    """The help says every answer is already saved: so is a close one left undecided by Ctrl-D."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed", "--kind", "person")
    child.expect(TYPED)
    child.send("Anders Fogh Rasmusen\r")
    child.expect(r"Were you right\?")
    child.sendcontrol("d")
    child.expect(r"1 answered")
    finish(child)
    assert logged(db) == [("quiz-secretary-general", "Anders Fogh Rasmusen", 1)]
