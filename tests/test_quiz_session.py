"""`quizgen quiz` in a real pseudo-terminal: answer, undo, quit, resume, and survive SIGKILL."""

import re
import signal
import sqlite3
from datetime import datetime, timedelta

import pexpect
import pytest
from fsrs import Card, Rating, Scheduler
from quiz_harness import MONDAY, answered_database, cards, copy_bank, drawn, quiz_env, reviews, spawn

CONFIRM = r"Ctrl-D quit:"
TYPED = r">(?=\x08|\x1b| )"  # prompt_toolkit draws "> " as ">" and a cursor move
BREAK = r"(?:\s|\x1b\[[0-9;?]*[A-Za-z])+"  # two spaces, or the end of one line of the prompt and the start of the next
COLOUR = re.compile(r"\x1b\[[0-9;]*3[0-7]m")


def fsrs_due(*reviews_at: tuple[Rating, datetime]) -> str:
    """What the fsrs package itself says a new card's next due time is after these ratings."""
    card = Card(card_id=1, due=reviews_at[0][1])
    for rating, moment in reviews_at:
        card, _ = Scheduler(enable_fuzzing=False).review_card(card, rating, moment)
    return card.due.isoformat()


def choose(child: pexpect.spawn, wanted: str, right: bool) -> None:
    """Press the number of the option `wanted` (or of another option when not `right`)."""
    child.expect(r"Answer \[1-(\d)")
    options = dict(re.findall(r"\n  (\d)\) (.+?)\r", child.before))
    number = next(n for n, text in options.items() if (text == wanted) == right)
    child.send(number)


def test_answer_right_wrong_almost_undo_quit_then_resume(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "progress.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect("Quiz test deck: 6 cards to review")
    child.expect(TYPED)
    child.sendline("2002")  # right
    child.expect("Correct: 2002")
    child.expect("Note: It replaced the Permanent Joint Council.")
    child.expect(r"Source: A short history of NATO-Russia relations for quiz tests \(Quinn Tester")
    child.expect("Rated Good: next review in 10 min")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect("Who was NATO Secretary General in 2010?")
    child.expect(TYPED)
    child.sendline("Anders Fogh Rasmusen")  # a typo
    child.expect("Close: the answer is Anders Fogh Rasmussen")
    child.expect(r"compared:  Anders Fogh Rasmus\{\+s\+\}en")  # the missing letter marked
    child.expect(r"Were you right\?" + BREAK + r"\[y\] yes")
    child.send("y")  # the learner decides: a slip, they knew it
    child.expect("Rated Good")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect(TYPED)
    child.sendline("Rome")  # wrong
    child.expect("Wrong: the answer is Paris")
    child.expect("Rated Again: next review in 1 min")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect("What kind of partnership")
    choose(child, "a strategic partnership", right=True)
    child.expect("Correct: a strategic partnership")
    child.expect(CONFIRM)
    child.send("4")  # the learner overrides Good with Easy
    child.expect("Rated Easy: next review in")
    child.expect("How many member states")
    # committed while the session runs: the override replaced the Good, it did not add a review
    assert [(row["fact_id"], row["rating"]) for row in reviews(db)][-2:] == [
        ("quiz-founding-act-city", 1),
        ("quiz-lisbon-partnership", 4),
    ]
    child.expect(TYPED)
    child.sendcontrol("u")  # undo the multiple-choice answer: it is asked again
    child.expect("Undone: What kind of partnership")
    child.expect("What kind of partnership")
    choose(child, "a strategic partnership", right=False)
    child.expect("Wrong: the answer is a strategic partnership")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect(TYPED)
    child.sendcontrol("d")  # quit
    child.expect(r"4 answered \(1 rated by you\): 2 correct, 2 wrong;")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not COLOUR.search(child.before)  # NO_COLOR

    monday = datetime.fromisoformat(MONDAY)
    log = [(row["fact_id"], row["rating"], row["grade"]) for row in reviews(db)]
    assert log == [
        ("quiz-nrc-year", 3, "correct"),
        ("quiz-secretary-general", 3, "almost"),
        ("quiz-founding-act-city", 1, "wrong"),
        ("quiz-lisbon-partnership", 1, "wrong"),
    ]
    stored = cards(db)
    assert stored["quiz-nrc-year"]["due"] == fsrs_due((Rating.Good, monday))
    assert stored["quiz-secretary-general"]["due"] == fsrs_due((Rating.Good, monday))
    assert stored["quiz-lisbon-partnership"]["due"] == fsrs_due((Rating.Again, monday))
    assert set(stored) == {
        "quiz-nrc-year",
        "quiz-secretary-general",
        "quiz-founding-act-city",
        "quiz-lisbon-partnership",
    }

    tuesday = monday + timedelta(days=1)
    child = spawn(folder, "quiz", "--db", str(db), env=quiz_env(now=tuesday.isoformat()))
    child.expect("Quiz test deck: 6 cards to review")
    child.expect(r"\[1\] learning · place")  # the card answered wrong is due first, no longer new
    child.expect("In which city")
    child.expect(TYPED)
    child.sendline("paris")
    child.expect("Correct: Paris")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect(r"\[2\] learning · term")
    child.expect(r"Answer \[1-4")
    child.sendcontrol("d")
    child.expect("1 answered: 1 correct, 0 wrong;")
    child.expect(pexpect.EOF)
    assert cards(db)["quiz-founding-act-city"]["due"] == fsrs_due((Rating.Again, monday), (Rating.Good, tuesday))


def test_ctrl_c_quits_with_the_summary_and_keeps_the_answers(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "progress.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db))
    child.expect(TYPED)
    child.sendline("2002")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect(TYPED)
    child.send("Anders")
    child.sendintr()
    child.expect("1 answered: 1 correct, 0 wrong;")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in child.before
    assert [row["fact_id"] for row in reviews(db)] == ["quiz-nrc-year"]


def test_sigkill_mid_session_loses_only_the_answer_being_typed(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "progress.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed")
    for answer in ("2002", "Anders Fogh Rasmussen", "Rome"):
        child.expect(TYPED)
        child.sendline(answer)
        child.expect("Rated ")  # shown once the answer is committed
        child.expect(CONFIRM)
        child.send("\r")
    child.expect(TYPED)
    child.send("a strat")  # the fourth answer is being typed
    child.expect(drawn("a strat"))  # echoed: the keys reached the quiz before the kill
    child.kill(signal.SIGKILL)
    child.close(force=True)
    assert child.signalstatus == signal.SIGKILL

    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    log = [(row["fact_id"], row["grade"]) for row in reviews(db)]
    assert log == [
        ("quiz-nrc-year", "correct"),
        ("quiz-secretary-general", "correct"),
        ("quiz-founding-act-city", "wrong"),
    ]
    assert len(cards(db)) == 3

    child = spawn(folder, "quiz", "--db", str(db))  # and the next session carries on from there
    child.expect("Quiz test deck: 6 cards to review")
    # the learning cards are due in 1 and 10 minutes: new cards first, not them early (review O4)
    child.expect(r"\[1\] new · term")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_colour_on_a_terminal_unless_no_color(tmp_path):
    folder = copy_bank(tmp_path)
    for no_color, painted in ((None, True), ("1", False)):
        db = tmp_path / f"colour-{painted}.sqlite3"
        child = spawn(folder, "quiz", "--db", str(db), env=quiz_env(NO_COLOR=no_color))
        child.expect(TYPED)
        child.sendline("2002")
        child.expect(CONFIRM)
        shown = child.before
        child.sendcontrol("d")
        child.expect(pexpect.EOF)
        assert ("\x1b[32mCorrect: 2002\x1b[0m" in shown) is painted
        assert bool(COLOUR.search(shown)) is painted


def test_a_card_forgotten_eight_times_after_it_was_learned_is_suspended_as_a_leech(tmp_path):
    from quiz_harness import run

    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    connection = sqlite3.connect(db)
    run(folder, "quiz", "--db", str(db), "--limit", "1", stdin="2002\n")  # creates the tables
    connection.execute(
        "UPDATE cards SET state = 2, step = NULL, stability = 5, difficulty = 5, due = '2025-03-03T09:00:00+00:00'"
    )
    for _ in range(7):  # seven lapses already in the log
        connection.execute(
            "INSERT INTO reviews (deck, fact_id, reviewed_at, day, rating, grade, style, answer,"
            " scheduled, state_before) VALUES ('quiz', 'quiz-nrc-year', '2025-03-01T09:00:00+00:00',"
            " '2025-03-01', 1, 'wrong', 'typed', 'x', 1, 2)"
        )
    connection.commit()
    result = run(folder, "quiz", "--db", str(db), "--limit", "1", stdin="1999\n")
    assert "forgotten 8 times (a leech)" in result.stdout and "Suspended" in result.stdout
    # the only card of the file is suspended: no "next card is due in 10 min" about it (review O13)
    assert "Nothing more to study now.\n" in result.stdout
    marks = connection.execute("SELECT fact_id, mark, reason FROM marks").fetchall()
    assert marks == [("quiz-nrc-year", "suspended", "leech")]


ANSWERS = {
    "NATO-Russia Council created": "2002",
    "Secretary General": "Anders Fogh Rasmussen",
    "Founding Act": "Paris",
    "partnership": "a strategic partnership",
    "member states": "28",
    "preceded": "Permanent Joint Council",
}


def test_the_interval_on_the_rating_prompt_is_the_one_applied(tmp_path):
    """Review O5: FSRS fuzz is random; the prompt's Easy interval must be the card's new due date,
    for every card (a fresh draw differs on most of six cards once intervals are fuzzed, days later)."""
    folder, db = answered_database(tmp_path)  # six cards in their learning steps
    monday = datetime.fromisoformat(MONDAY)
    for later in (monday + timedelta(minutes=15), monday + timedelta(days=2)):
        shown = rate_everything_easy(folder, db, later)
        due = {row["fact_id"]: datetime.fromisoformat(row["due"]) for row in cards(db).values()}
        applied = {fact_id: round((when - later).total_seconds() / 86400) for fact_id, when in due.items()}
        assert applied == shown
    assert max(shown.values()) > 3  # intervals long enough for FSRS to fuzz them


def rate_everything_easy(folder, db, moment: datetime) -> dict[str, int]:
    """Answer all six cards right and press 4 (Easy); fact id -> the Easy interval the prompt showed."""
    child = spawn(
        folder,
        "quiz",
        "practice",
        "-n",
        "6",
        "--schedule",
        "--style",
        "typed",
        "--seed",
        "1",
        "--db",
        str(db),
        env=quiz_env(now=moment.isoformat()),
    )
    shown = {}
    for _ in range(6):
        child.expect(r"\n([^\n]*\?)\r")
        key = next(key for key in ANSWERS if key in child.match.group(1))
        child.expect(TYPED)
        child.sendline(ANSWERS[key])
        child.expect(r"\[4\]Easy (\d+)d")
        shown[key] = int(child.match.group(1))
        child.expect(CONFIRM)
        child.send("4")
        child.expect(r"Rated Easy: next review (tomorrow|in \d+ days)")
        assert child.match.group(1) == ("tomorrow" if shown[key] == 1 else f"in {shown[key]} days")
    child.expect(pexpect.EOF)
    return {fact_id: shown[key] for key in ANSWERS for fact_id in fact_ids(folder, key)}


def fact_ids(folder, key: str) -> set[str]:
    """The ids of the quiz deck's facts whose question contains `key`."""
    import yaml

    facts = yaml.safe_load((folder / "decks" / "quiz" / "facts.yaml").read_text())
    facts = facts["facts"] if isinstance(facts, dict) else facts
    return {fact["id"] for fact in facts if key in fact["q"]}


def test_rv3_f7_ctrl_c_at_were_you_right_counts_what_happened(tmp_path):
    """Review rv3 F7: the close answer is kept as Again (not "rated by you"), and it is no longer left."""
    folder, db = copy_bank(tmp_path), tmp_path / "progress.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed")
    child.expect(TYPED)
    child.sendline("2002")
    child.expect(CONFIRM)
    child.send("\r")
    child.expect(TYPED)
    child.sendline("Anders Fogh Rasmusen")
    child.expect(r"Were you right\?" + BREAK + r"\[y\] yes")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    # six new cards, two answered: four never asked; the two answered come back in their learning steps
    assert "2 answered: 1 correct, 1 wrong; 4 left in this session, 2 coming back in this session." in child.before
    assert [(row["fact_id"], row["rating"]) for row in reviews(db)] == [
        ("quiz-nrc-year", 3),
        ("quiz-secretary-general", 1),
    ]


def test_rv3_f7_the_flag_key_says_unflag_once_the_card_is_flagged(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "progress.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed")
    child.expect(TYPED)
    child.sendline("2002")
    child.expect(r"b bury" + BREAK + "f flag" + BREAK + r"\? help  Ctrl-U undo  Ctrl-D quit:")
    child.send("f")
    child.expect("Flagged: quizgen quiz practice --flagged")
    child.expect(r"b bury" + BREAK + "f unflag" + BREAK + r"\? help  Ctrl-U undo  Ctrl-D quit:")
    child.send("f")
    child.expect("Flag taken away")
    child.expect(r"b bury" + BREAK + "f flag" + BREAK + r"\? help  Ctrl-U undo  Ctrl-D quit:")
    child.send("f")
    child.expect(r"b bury" + BREAK + "f unflag" + BREAK + r"\? help  Ctrl-U undo  Ctrl-D quit:")
    child.send("\r")
    child.expect(TYPED)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed", env=quiz_env(now="2025-03-04T09:00:00Z"))
    child.expect(r"In which year")  # flagged yesterday: the prompt says so from the start
    child.expect(TYPED)
    child.sendline("2002")
    child.expect(r"b bury" + BREAK + "f unflag" + BREAK + r"\? help  Ctrl-U undo  Ctrl-D quit:")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)


def test_rv3_f7_the_summary_wraps_at_spaces_on_a_narrow_terminal(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "progress.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed", dimensions=(30, 40))
    child.expect(TYPED)
    child.sendline("2002")
    child.expect("Rated Good")
    child.expect(":")  # the end of the (wrapped) rating prompt
    child.send("\r")
    child.expect(TYPED)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    tail = child.before[child.before.index("1 answered") :]
    lines = [line.strip() for line in tail.replace("\r", "").splitlines() if line.strip()]
    assert len(lines) > 1 and all(len(line) <= 40 for line in lines)
    assert " ".join(lines) == "1 answered: 1 correct, 0 wrong; 5 left in this session, 1 coming back in this session."


@pytest.mark.parametrize("schedule", [[], ["--schedule"]])
def test_a_practice_ends_speaking_of_its_own_option(tmp_path, schedule):
    """rv10-quiz L3: a practice names -n, never the review's --limit and --max-reviews it refuses."""
    from quiz_harness import run

    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(folder, "quiz", "practice", "-n", "1", "--style", "typed", *schedule, "--db", str(db), stdin="x\n")
    assert "That is all for this practice (-n sets how many questions it asks)." in result.stdout
    assert "--limit" not in result.stdout and "Nothing more to study now" not in result.stdout
