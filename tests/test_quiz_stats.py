"""`quizgen stats` after a few days of study: due counts, heat map, streak, retention, mastery."""

from quiz_harness import copy_bank, quiz_env, reviews, run


def study(folder, db, now, kind, answers):
    result = run(folder, "quiz", "--db", str(db), "--kind", kind, stdin=answers, env=quiz_env(now=now))
    assert result.returncode == 0, result.stderr


def test_stats_after_three_days_of_study(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    study(folder, db, "2025-03-03T09:00:00Z", "year", "2002\n2002\n")  # Monday: learned, graduates
    study(folder, db, "2025-03-12T09:00:00Z", "number", "28\n")  # Wednesday next week: a new card
    study(folder, db, "2025-03-13T09:00:00Z", "year", "2002\n")  # Thursday: the review, remembered
    result = run(folder, "stats", "--db", str(db), env=quiz_env(now="2025-03-13T18:00:00Z"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Progress in " + str(db)
    assert lines[1].startswith("Quiz test deck: 1 due today, ")  # the number card, still learning
    assert lines[1].endswith(" due this week, 4 new of 6 not seen yet")
    assert lines[2] == "Today: 1 review · streak: 2 days · retention: 100% of 1 reviews (30 days)"
    assert lines[3] == "Reviews per day, last 4 weeks (busiest day: 2):"
    assert lines[4] == "       17 Feb  24 Feb  03 Mar  10 Mar"
    assert lines[5] == "  Mon     ···     ···     ███     ···"
    assert lines[7] == "  Wed     ···     ···     ···     ▒▒▒"
    assert lines[8] == "  Thu     ···     ···     ···     ▒▒▒"
    assert lines[9] == "  Fri     ···     ···     ···"  # the future is left blank
    assert lines[13] == "Mastery per article (Quiz test deck):"
    # the title is cut at a space
    assert lines[14].startswith(
        "   950 2012 A short history of NATO-Russia…   ███·················   1/6 "
    )  # cut at a space


def test_retention_counts_forgotten_reviews_and_the_streak_breaks_after_a_gap(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    study(folder, db, "2025-03-03T09:00:00Z", "year", "2002\n2002\n")
    study(folder, db, "2025-03-20T09:00:00Z", "year", "1999\n")  # forgotten
    result = run(folder, "stats", "--db", str(db), env=quiz_env(now="2025-03-22T09:00:00Z"))
    assert "Today: 0 reviews · streak: 0 days · retention: 0% of 1 reviews (30 days)" in result.stdout


def test_stats_without_a_database_says_how_to_start(tmp_path):
    folder = copy_bank(tmp_path)
    result = run(folder, "stats", "--db", str(tmp_path / "none.sqlite3"))
    assert result.returncode == 0
    assert result.stdout == f"No progress yet ({tmp_path / 'none.sqlite3'} does not exist). Start with: quizgen quiz\n"
    assert not (tmp_path / "none.sqlite3").exists()


def test_practice_answers_are_not_counted_as_reviews(tmp_path):
    """Review O8: practice leaves the schedule alone; stats says so instead of calling it reviews."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(
        folder,
        "quiz",
        "practice",
        "-n",
        "4",
        "--db",
        str(db),
        "--style",
        "typed",
        stdin="x\nx\nx\nx\n",
        env=quiz_env(now="2025-03-03T09:00:00Z"),
    )
    assert result.returncode == 0, result.stderr
    study(folder, db, "2025-03-03T10:00:00Z", "year", "2002\n")  # one scheduled review
    result = run(folder, "stats", "--db", str(db), env=quiz_env(now="2025-03-03T18:00:00Z"))
    lines = result.stdout.splitlines()
    assert lines[1].endswith("5 new of 6 not seen yet")
    practice = sum(1 for row in reviews(db) if not row["scheduled"])
    assert practice >= 3  # (a card the one before gives away waits for another session)
    assert lines[2].startswith(f"Today: 1 review + {practice} practice · streak: 1 day · ")
    assert lines[3] == "Reviews per day, last 4 weeks (busiest day: 1):"


def test_stats_forecast_and_hardest_cards(tmp_path):
    """Issue 20 item 5: the cards due each of the next seven days, and the cards forgotten most often."""
    import sqlite3

    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    study(folder, db, "2025-03-03T09:00:00Z", "year", "2002\n2002\n")
    connection = sqlite3.connect(db)
    for _ in range(3):  # three lapses of the year card in the log
        connection.execute(
            "INSERT INTO reviews (deck, fact_id, reviewed_at, day, rating, grade, style, answer,"
            " scheduled, state_before) VALUES ('quiz', 'quiz-nrc-year', '2025-03-01T09:00:00+00:00',"
            " '2025-03-01', 1, 'wrong', 'typed', 'x', 1, 2)"
        )
    connection.execute("UPDATE cards SET due = '2025-03-05T10:00:00+00:00' WHERE fact_id = 'quiz-nrc-year'")
    connection.commit()
    result = run(folder, "stats", "--db", str(db), env=quiz_env(now="2025-03-03T18:00:00Z"))
    lines = result.stdout.splitlines()
    assert "  Due, next 7 days: today 0 · Tue 0 · Wed 1 · Thu 0 · Fri 0 · Sat 0 · Sun 0" in lines  # 5 March: Wed
    at = lines.index("  Hardest (forgotten most often):")
    assert lines[at + 1].startswith("    3 times  quiz-nrc-year  In which year was the NATO-Russia Council")


def test_one_cards_history(tmp_path):
    """Issue 20 item 5: `stats --card ID` lists every answer to that card with the interval it gave."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    study(folder, db, "2025-03-03T09:00:00Z", "year", "1999\n2002\n")  # wrong, then right on its next step
    result = run(folder, "stats", "--db", str(db), "--card", "quiz-nrc-year", env=quiz_env(now="2025-03-03T18:00:00Z"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "In which year was the NATO-Russia Council created?"
    logged = [(row["rating"], row["answer"]) for row in reviews(db)]
    assert logged == [(1, "1999"), (3, "2002")]
    assert lines[1].split() == ["2025-03-03", "Again", "wrong", "next", "in", "1m", "1999"]
    assert lines[2].split()[:4] == ["2025-03-03", "Good", "correct", "next"] and lines[2].split()[-1] == "2002"
    unknown = run(folder, "stats", "--db", str(db), "--card", "nope")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1 and "no such fact id" in unknown.stderr


def test_stats_filters_narrow_the_cards_counted(tmp_path):
    """Issue 20 item 5: `stats --kind/--source/--tag` count only those facts' cards."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    study(folder, db, "2025-03-03T09:00:00Z", "year", "2002\n")
    monday = quiz_env(now="2025-03-03T18:00:00Z")
    whole = run(folder, "stats", "--db", str(db), env=monday).stdout.splitlines()
    years = run(folder, "stats", "--db", str(db), "--kind", "year", env=monday).stdout.splitlines()
    people = run(folder, "stats", "--db", str(db), "--kind", "person", env=monday).stdout.splitlines()
    assert whole[1].endswith("5 new of 6 not seen yet")
    assert years[1].endswith("0 new of 1 not seen yet") and years[1].startswith("Quiz test deck: 1 due today")
    assert people[1].endswith("1 new of 1 not seen yet") and people[1].startswith("Quiz test deck: 0 due today")


def _set(db, sql, *values):
    import sqlite3

    connection = sqlite3.connect(db)
    connection.execute(sql, values)
    connection.commit()
    connection.close()


def test_stats_filters_narrow_the_forecast_and_the_review_line_too(tmp_path):
    """Review rv3 F1: with --kind, the forecast and Today/retention count only the selected facts' cards."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    study(folder, db, "2025-03-03T09:00:00Z", "year", "2002\n")
    study(folder, db, "2025-03-03T10:00:00Z", "number", "28\n")
    _set(db, "UPDATE cards SET due = '2025-03-05T10:00:00+00:00' WHERE fact_id = 'quiz-nrc-year'")  # Wednesday
    _set(db, "UPDATE cards SET due = '2025-03-06T10:00:00+00:00' WHERE fact_id = 'quiz-members-2010'")  # Thursday
    monday = quiz_env(now="2025-03-03T18:00:00Z")
    whole = run(folder, "stats", "--db", str(db), env=monday).stdout.splitlines()
    years = run(folder, "stats", "--db", str(db), "--kind", "year", env=monday).stdout.splitlines()
    assert "  Due, next 7 days: today 0 · Tue 0 · Wed 1 · Thu 1 · Fri 0 · Sat 0 · Sun 0" in whole
    assert "  Due, next 7 days: today 0 · Tue 0 · Wed 1 · Thu 0 · Fri 0 · Sat 0 · Sun 0" in years
    assert whole[2].startswith("Today: 2 reviews · streak: 1 day · ")
    assert years[2].startswith("Today: 1 review · streak: 1 day · ")
    people = run(folder, "stats", "--db", str(db), "--kind", "person", env=monday).stdout.splitlines()
    assert people[2].startswith("Today: 0 reviews · streak: 0 days · ")
    assert "  Due, next 7 days: today 0 · Tue 0 · Wed 0 · Thu 0 · Fri 0 · Sat 0 · Sun 0" in people


def test_suspended_and_buried_cards_are_not_counted_due(tmp_path):
    """Review rv3 F2: like the quiz (and Anki), stats leaves out suspended cards, and buried ones until their day
    is over; a card buried today is due tomorrow."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    study(folder, db, "2025-03-03T09:00:00Z", "year", "2002\n")
    study(folder, db, "2025-03-03T09:10:00Z", "number", "28\n")
    _set(db, "UPDATE cards SET due = '2025-03-03T10:00:00+00:00'")  # both due today
    monday = quiz_env(now="2025-03-03T18:00:00Z")
    before = run(folder, "stats", "--db", str(db), env=monday).stdout.splitlines()
    assert before[1].startswith("Quiz test deck: 2 due today, 2 due this week")
    _set(db, "INSERT INTO marks VALUES ('quiz', 'quiz-nrc-year', 'suspended', NULL, 'you', '2025-03-03T09:00:00Z')")
    _set(
        db,
        "INSERT INTO marks VALUES ('quiz', 'quiz-members-2010', 'buried', '2025-03-03', 'you', '2025-03-03T09:10:00Z')",
    )
    after = run(folder, "stats", "--db", str(db), env=monday).stdout.splitlines()
    assert after[1].startswith("Quiz test deck: 0 due today, 1 due this week")
    assert "  Due, next 7 days: today 0 · Tue 1 · Wed 0 · Thu 0 · Fri 0 · Sat 0 · Sun 0" in after
    quiz = run(folder, "quiz", "--db", str(db), "--new", "0", env=monday)  # the quiz agrees: nothing due now
    assert "0 cards to review" in quiz.stdout, quiz.stdout


def test_one_cards_history_outside_the_filter_and_its_state(tmp_path):
    """Review rv4 L5: a card the filter leaves out is "not in this filter", not unknown; the card's state is shown."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    monday = quiz_env(now="2025-03-03T18:00:00Z")
    never = run(folder, "stats", "--db", str(db), "--card", "quiz-nrc-year", env=monday)
    assert never.returncode == 0 and never.stdout.splitlines()[-1] == "Now: new: not answered yet"
    study(folder, db, "2025-03-03T09:00:00Z", "year", "2002\n")
    left_out = run(folder, "stats", "--db", str(db), "--card", "quiz-nrc-year", "--kind", "person", env=monday)
    assert left_out.returncode == 2 and left_out.stderr.count("\n") == 1, left_out.stderr
    assert "not in this filter (a year of Quiz test deck" in left_out.stderr
    now = run(folder, "stats", "--db", str(db), "--card", "quiz-nrc-year", "--kind", "year", env=monday)
    assert now.stdout.splitlines()[-1] == "Now: learning · due today", now.stdout  # Good on step 1: 10 minutes
    _set(db, "UPDATE cards SET state = 2, due = '2025-03-13T09:00:00+00:00' WHERE fact_id = 'quiz-nrc-year'")
    _set(db, "INSERT INTO marks VALUES ('quiz', 'quiz-nrc-year', 'suspended', NULL, 'you', '2025-03-03T10:00:00Z')")
    _set(db, "INSERT INTO flags VALUES ('quiz', 'quiz-nrc-year', '2025-03-03T10:00:00Z')")
    shown = run(folder, "stats", "--db", str(db), "--card", "quiz-nrc-year", env=monday)
    assert shown.stdout.splitlines()[-1] == (
        "Now: review · suspended (quizgen quiz --unsuspend) · flagged · due 2025-03-13"
    ), shown.stdout
    _set(db, "UPDATE marks SET mark = 'buried', until = '2025-03-03'")
    buried = run(folder, "stats", "--db", str(db), "--card", "quiz-nrc-year", env=monday)
    assert buried.stdout.splitlines()[-1] == "Now: review · buried until tomorrow · flagged · due 2025-03-13"
