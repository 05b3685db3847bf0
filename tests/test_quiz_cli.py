"""`quizgen quiz` scripted through pipes: modes, limits, filters, database location and errors."""

import re
import sqlite3
from datetime import datetime

from quiz_harness import MONDAY, cards, copy_bank, quiz_env, reviews, run

from quizgen.quiz.scheduler import make_scheduler, rate_card

TUESDAY = "2025-03-04T09:00:00+00:00"


def test_piped_answers_are_graded_one_line_per_card_in_plain_text(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(
        folder,
        "quiz",
        "--db",
        str(db),
        "--style",
        "typed",
        stdin="2002\nAnders Fogh Rasmusen\nq\n",
        env=quiz_env(NO_COLOR=None),
    )
    assert result.returncode == 0, result.stderr
    assert "> 2002\n✓ Correct: 2002\n" in result.stdout
    assert (
        "≈ Close: the answer is Anders Fogh Rasmussen\n  you typed: Anders Fogh Rasmusen\n"
        "  compared:  Anders Fogh Rasmus{+s+}en\n"
    ) in result.stdout  # the learner decides; from a pipe: Again
    assert "[Enter] next" not in result.stdout  # no rating prompt when answers come from a pipe
    assert "\x1b[" not in result.stdout  # not a terminal: no colour even without NO_COLOR
    assert result.stdout.rstrip().endswith(
        "2 answered: 1 correct, 1 wrong; 4 left in this session, 2 coming back in this session."
    )
    assert [(row["rating"], row["answer"]) for row in reviews(db)] == [(3, "2002"), (1, "Anders Fogh Rasmusen")]


def test_multiple_choice_from_a_pipe_takes_the_option_number_and_one_line_per_card(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(folder, "quiz", "--db", str(db), "--style", "mc", "--kind", "place", "--seed", "3", stdin="7\n1\n")
    first_question = result.stdout.split("Answer [")[0]
    options = dict(re.findall(r"^  (\d)\) (.+)$", first_question, re.MULTILINE))
    assert sorted(options.values()) == ["Brussels", "Lisbon", "Paris", "Rome"]
    # '7' is no option: it is this card's (wrong) answer, and '1' answers the next card, in step
    assert [(row["answer"], row["grade"]) for row in reviews(db)][0] == ("7", "wrong")
    assert len(reviews(db)) == 2


def test_new_cards_per_day_are_limited_and_counted_by_day(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    first = run(folder, "quiz", "--db", str(db), "--new", "2", stdin="2002\n\n")
    assert "2 cards to review" in first.stdout
    assert len(cards(db)) == 2
    again = run(folder, "quiz", "--db", str(db), "--new", "2", stdin="")
    assert "2 cards to review" in again.stdout  # the two in their learning steps, no new ones
    tomorrow = run(folder, "quiz", "--db", str(db), "--new", "2", stdin="", env=quiz_env(now=TUESDAY))
    assert "4 cards to review" in tomorrow.stdout


def test_a_learning_card_comes_back_in_the_same_sitting_until_it_graduates(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(folder, "quiz", "--db", str(db), "--kind", "year", stdin="2002\n2002\n")
    assert result.stdout.count("In which year was the NATO-Russia Council created?") == 2
    assert "Nothing more to study now; the next card is due in" in result.stdout
    assert cards(db)["quiz-nrc-year"]["state"] == 2  # Review: out of the learning steps


def test_practice_asks_n_cards_and_leaves_the_schedule_alone_unless_asked(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(folder, "quiz", "practice", "-n", "3", "--seed", "1", "--db", str(db), stdin="\n" * 10)
    assert "Quiz test deck: practice, 3 questions (schedule unchanged)" in result.stdout
    assert result.stdout.count("practice: the schedule is unchanged") == 3
    assert "3 answered" in result.stdout
    assert [row["scheduled"] for row in reviews(db)] == [0, 0, 0]
    assert cards(db) == {}
    run(folder, "quiz", "practice", "-n", "3", "--seed", "1", "--schedule", "--db", str(db), stdin="\n" * 10)
    assert len(cards(db)) == 3


def test_filters_by_article_tag_and_kind(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(folder, "quiz", "--db", str(db), "--kind", "person", "--source", "950", stdin="q\n")
    assert "Quiz test deck: 1 card to review" in result.stdout
    assert "Who was NATO Secretary General in 2010?" in result.stdout
    missing = run(folder, "quiz", "--db", str(db), "--tag", "no-such-tag")
    assert (missing.returncode, missing.stderr) == (
        2,
        "quizgen: --tag no-such-tag: no fact has this tag (no fact has a tag)\n",
    )


def test_the_database_location_comes_from_db_then_the_environment(tmp_path):
    folder = copy_bank(tmp_path)
    from_env = tmp_path / "env" / "progress.sqlite3"
    run(folder, "quiz", stdin="2002\n", env=quiz_env(QUIZGEN_DB=str(from_env)))
    assert len(reviews(from_env)) == 1
    flag = tmp_path / "flag.sqlite3"
    run(folder, "quiz", "--db", str(flag), stdin="2002\n", env=quiz_env(QUIZGEN_DB=str(from_env)))
    assert len(reviews(flag)) == 1 and len(reviews(from_env)) == 1


def test_the_default_database_is_in_the_xdg_data_directory(tmp_path):
    folder = copy_bank(tmp_path)
    run(folder, "quiz", stdin="2002\n", env=quiz_env(XDG_DATA_HOME=str(tmp_path / "xdg")))
    assert len(reviews(tmp_path / "xdg" / "quizgen" / "progress.sqlite3")) == 1


def test_bad_options_and_bad_databases_are_one_line_errors(tmp_path):
    folder = copy_bank(tmp_path)
    not_db = tmp_path / "notes.sqlite3"
    not_db.write_text("not a database\n" * 200)
    cases = [
        (["--db", str(not_db)], "not a progress database: its first bytes are not SQLite's"),
        (["practice", "-n", "0"], "--count must be at least 1"),
        (["--new", "-1"], "--new cannot be negative"),
        (["--schedule"], "--schedule goes with practice mode"),
    ]
    for args, message in cases:
        result = run(folder, "quiz", *args, env=quiz_env(QUIZGEN_DB=str(tmp_path / "x.sqlite3")))
        assert result.returncode != 0
        assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.stderr
    clock = run(folder, "quiz", env=quiz_env(now="next tuesday"))
    assert clock.stderr == ("quizgen: QUIZGEN_NOW='next tuesday' is not an ISO timestamp (e.g. 2025-03-01T09:00:00Z)\n")


def test_a_fact_edited_but_keeping_its_id_keeps_its_progress(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    run(folder, "quiz", "--db", str(db), "--kind", "year", stdin="2002\n")
    facts = folder / "decks" / "quiz" / "facts.yaml"
    facts.write_text(
        facts.read_text().replace(
            "In which year was the NATO-Russia Council created?", "In what year was the NATO-Russia Council set up?"
        )
    )
    result = run(folder, "quiz", "--db", str(db), "--kind", "year", stdin="q\n")
    assert "[1] learning · year" in result.stdout
    assert "In what year was the NATO-Russia Council set up?" in result.stdout
    assert sqlite3.connect(db).execute("SELECT count(*) FROM cards").fetchone()[0] == 1


def test_multiple_choice_falls_back_to_typing_when_the_bank_has_too_few_options(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(folder, "quiz", "--db", str(db), "--style", "mc", "--kind", "organization", stdin="PJC\n")
    assert (
        "Which body preceded the NATO-Russia Council?\n(no three honest options for this card: type the"
        " answer)\n(type the answer"
    ) in result.stdout
    assert "Correct: Permanent Joint Council" in result.stdout


def test_limit_caps_a_review_session_and_retention_sets_the_intervals(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(folder, "quiz", "--db", str(db), "--limit", "2", "--style", "typed", stdin="2002\nRasmussen\n")
    assert "2 cards to review" in result.stdout
    assert {row["fact_id"] for row in reviews(db)} == {"quiz-nrc-year", "quiz-secretary-general"}
    for flag, value in (("--limit", "0"), ("--retention", "0.5"), ("--retention", "1")):
        bad = run(folder, "quiz", "--db", str(db), flag, value)
        assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and flag in bad.stderr
    # FSRS: wanting to recall more means seeing a card sooner (Easy on a new card graduates at once)
    moment = datetime.fromisoformat("2025-03-03T09:00:00+00:00")
    due = {r: rate_card(make_scheduler(r), "x", None, 4, moment)["due"] for r in (0.8, 0.9, 0.95)}
    assert due[0.95] < due[0.9] < due[0.8]


def test_learning_steps_are_configurable(tmp_path):
    """Issue 20 item 5: `--steps`; the due time is what the fsrs package gives for those steps."""
    from datetime import timedelta

    from fsrs import Card, Rating, Scheduler

    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(
        folder, "quiz", "--db", str(db), "--steps", "5m,2h", "--limit", "1", "--style", "typed", stdin="1999\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Rated Again: next review in 5 min" in result.stdout
    monday = datetime.fromisoformat(MONDAY)
    expected, _ = Scheduler(learning_steps=(timedelta(minutes=5), timedelta(hours=2))).review_card(
        Card(card_id=1, due=monday), Rating.Again, monday
    )
    assert cards(db)["quiz-nrc-year"]["due"] == expected.due.isoformat()
    for bad in ("", "5", "5x", "0m", "1m,40d", ",".join(["1m"] * 11)):
        error = run(folder, "quiz", "--db", str(db), "--steps", bad)
        assert error.returncode == 2 and error.stderr.count("\n") == 1 and "--steps" in error.stderr


def test_a_daily_cap_on_reviews_of_learned_cards(tmp_path):
    """Issue 20 item 5: `--max-reviews N` a day (Anki's review limit); new cards are not counted."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    run(folder, "quiz", "--db", str(db), "--new", "3", "--style", "typed", stdin="\n\n\n")  # three cards
    connection = sqlite3.connect(db)
    connection.execute("UPDATE cards SET state = 2, step = NULL, stability = 5, difficulty = 5, due = ?", (MONDAY,))
    connection.commit()
    tuesday = quiz_env(now=TUESDAY)

    def reviews_of_learned_cards():
        return sum(1 for row in reviews(db) if row["day"] == TUESDAY[:10] and row["state_before"] == 2)

    first = run(folder, "quiz", "--db", str(db), "--new", "0", "--max-reviews", "2", stdin="\n" * 9, env=tuesday)
    assert first.returncode == 0 and "2 cards to review" in first.stdout, first.stderr
    assert reviews_of_learned_cards() == 2
    run(folder, "quiz", "--db", str(db), "--new", "0", "--max-reviews", "2", stdin="\n" * 9, env=tuesday)
    assert reviews_of_learned_cards() == 2  # today's two are done (the lapsed ones relearn, uncapped)
    run(folder, "quiz", "--db", str(db), "--new", "0", "--max-reviews", "3", stdin="\n" * 9, env=tuesday)
    assert reviews_of_learned_cards() == 3


def test_rv3_f7_a_session_cut_short_by_limit_says_how_many_are_still_due(tmp_path):
    """Review rv3 F7: not "the next card is due now" after --limit, but how many wait, and why."""
    from quiz_harness import answered_database

    folder, db = answered_database(tmp_path)
    connection = sqlite3.connect(db)
    order = [
        "quiz-nrc-year",
        "quiz-founding-act-city",
        "quiz-secretary-general",
        "quiz-members-2010",
        "quiz-predecessor",
        "quiz-lisbon-partnership",
    ]
    for hour, fact_id in enumerate(order):  # six learned cards, due one after the other on 10 March
        connection.execute(
            "UPDATE cards SET state = 2, step = NULL, stability = 10, difficulty = 5, due = ? WHERE fact_id = ?",
            (f"2025-03-10T0{hour}:00:00+00:00", fact_id),
        )
    connection.commit()
    result = run(
        folder,
        "quiz",
        "--db",
        str(db),
        "--limit",
        "2",
        "--style",
        "typed",
        stdin="2002\nParis\n",
        env=quiz_env(now="2025-03-20T09:00:00Z"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Correct:") == 2
    assert "That is all for this session: 4 more cards are due now" in result.stdout
    assert "the next card is due now" not in result.stdout


def test_options_of_the_other_mode_are_refused_in_one_line(tmp_path):
    """Review rv4 L6: `quiz -n 3` asked 10 cards; practice took --limit, --new, --steps and did nothing."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    cases = [
        (["-n", "3"], "use --limit N in review mode"),
        (["review", "--count", "3"], "use --limit N in review mode"),
        (["--schedule"], "--schedule goes with practice mode"),
        (["practice", "--limit", "3"], "--limit goes with review mode: use -n N in practice mode"),
        (["practice", "--new", "3"], "--new goes with review mode"),
        (["practice", "--max-reviews", "3"], "--max-reviews goes with review mode"),
        (["practice", "--steps", "10m"], "--steps goes with review mode or practice --schedule"),
        (["practice", "--retention", "0.8"], "--retention goes with review mode or practice --schedule"),
    ]
    for args, message in cases:
        result = run(folder, "quiz", *args, "--db", str(db), stdin="2002\n")
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and message in result.stderr, (args, result.stderr)
        assert result.stdout == "" and not db.exists(), args  # refused before anything is asked or written
    for number, args in enumerate(
        (
            ["practice", "-n", "1", "--schedule", "--steps", "10m", "--retention", "0.8"],
            ["review", "--limit", "1", "--new", "1", "--max-reviews", "1", "--steps", "10m", "--retention", "0.8"],
        )
    ):
        db = tmp_path / f"{number}.sqlite3"
        result = run(folder, "quiz", *args, "--kind", "year", "--style", "typed", "--db", str(db), stdin="2002\n")
        assert result.returncode == 0 and "Correct: 2002" in result.stdout, (args, result.stderr)
