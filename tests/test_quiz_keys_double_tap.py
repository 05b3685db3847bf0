"""A key pressed twice a moment apart (review rv4 S2): the second press never answers the card the first brought up.

Each test waits for the prompt the first key brings up (a readiness signal), then sends the second key
and measures the gap; the grace time is set far longer than any such gap, so what is tested is the
rule, not the machine's speed. The last tests show the grace ends: a key after it answers.
"""

import re
import time

from quiz_harness import copy_bank, drawn, finish, logged, quiz_env, read_past, spawn

TYPED = r">(?=\x08|\x1b| )"
CONFIRM = r"Ctrl-D quit:"
CHOICE = r"Answer \[1-4"
TOO_SOON = drawn("(too soon: press it again)")
LONG = quiz_env(QUIZGEN_GRACE_MS="600000")  # every second tap in these tests falls inside it
# A rating is held for the grace after any answer (rv5 M1): where the first tap is a rating, the test
# reads past a grace still far longer than the gap to the second tap.
GRACE = 2500
RATED = quiz_env(QUIZGEN_GRACE_MS=str(GRACE))
HUMAN_GAP = 0.12  # seconds between two taps of one finger (the review measured 80–300 ms)


def second_tap(child, first: str, shown: str, second: str) -> float:
    """`first`, then `second` as soon as `shown` is on the screen: the gap measured, in seconds."""
    pressed = time.monotonic()
    child.send(first)
    child.expect(shown)
    child.send(second)
    return time.monotonic() - pressed


def test_enter_twice_at_the_rating_prompt_never_answers_the_next_typed_card(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), "--style", "typed", env=LONG)
    child.expect(TYPED)
    child.send("2002\r")
    child.expect(CONFIRM)
    gap = second_tap(child, "\r", "Who was NATO Secretary General[\\s\\S]*" + TYPED, "\r")
    child.expect(TOO_SOON)  # the card was drawn: the second Enter is held, not an empty answer
    child.expect(TYPED)
    child.send("Anders Fogh Rasmussen\r")
    child.expect("Correct: Anders Fogh Rasmussen")
    child.expect(CONFIRM)
    child.sendcontrol("d")
    finish(child)
    assert logged(db) == [
        ("quiz-nrc-year", "2002", 3),
        ("quiz-secretary-general", "Anders Fogh Rasmussen", 3),
    ], f"second Enter {gap:.3f} s after the first"


def test_a_rating_digit_twice_or_enter_then_a_digit_never_answers_the_next_choice_card(tmp_path):
    for rating, kept in (("3", 3), ("\r", 3), ("1", 1)):
        folder, db = copy_bank(tmp_path / f"r{ord(rating)}"), tmp_path / f"r{ord(rating)}.sqlite3"
        # place (typed: Paris), then term (multiple choice)
        child = spawn(folder, "quiz", "--db", str(db), "--kind", "place,term", env=RATED)
        child.expect(TYPED)
        child.send("Paris\r")
        child.expect(CONFIRM)
        read_past(time.monotonic(), GRACE)
        gap = second_tap(child, rating, CHOICE, "1" if rating == "\r" else rating)
        child.expect(TOO_SOON)
        child.sendcontrol("d")
        finish(child)
        assert logged(db) == [("quiz-founding-act-city", "Paris", kept)], f"{rating!r}: second tap after {gap:.3f} s"


def test_a_burst_of_two_taps_a_human_gap_apart_answers_nothing_unseen(tmp_path):
    """The second tap comes HUMAN_GAP after the first, whether or not the next card is drawn by then:
    dropped as type-ahead before it, held by the grace time after it; either way the card waits."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    child = spawn(folder, "quiz", "--db", str(db), "--kind", "place,term", env=RATED)
    child.expect(TYPED)
    child.send("Paris\r")
    child.expect(CONFIRM)
    read_past(time.monotonic(), GRACE)
    child.send("3")
    time.sleep(HUMAN_GAP)  # the human's gap between two taps, not a wait for the program
    child.send("3")
    child.expect(CHOICE)
    child.sendcontrol("d")
    finish(child)
    assert logged(db) == [("quiz-founding-act-city", "Paris", 3)]


def test_term_dumb_enter_twice_or_a_digit_twice_never_answers_the_next_card(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    env = quiz_env(TERM="dumb", QUIZGEN_GRACE_MS=str(GRACE))
    child = spawn(folder, "quiz", "--db", str(db), "--kind", "place,term,person", env=env)
    child.expect("> ")
    child.sendline("Anders Fogh Rasmussen")
    child.expect(r"q\s+quit: ")
    read_past(time.monotonic(), GRACE)
    gap = second_tap(child, "4\r", "In which city[\\s\\S]*> ", "\r")  # Easy, then Enter at the next typed card
    child.expect(TOO_SOON)
    child.expect("> ")
    child.sendline("Paris")
    child.expect(r"q\s+quit: ")
    read_past(time.monotonic(), GRACE)
    second_tap(child, "1\r", r"Answer \[1-4, u undo,\s+q quit\]: ", "1\r")  # Again, then 1 at the choice card
    child.expect(TOO_SOON)
    child.sendline("q")
    finish(child)
    assert logged(db) == [
        ("quiz-secretary-general", "Anders Fogh Rasmussen", 4),
        ("quiz-founding-act-city", "Paris", 1),
    ], f"second Enter {gap:.3f} s after the first"


def test_after_the_grace_time_a_key_answers_the_card(tmp_path):
    grace = 700
    for env, answered in (
        (quiz_env(QUIZGEN_GRACE_MS=str(grace)), CONFIRM),
        (quiz_env(TERM="dumb", QUIZGEN_GRACE_MS=str(grace)), r"q\s+quit: "),
    ):
        folder, db = copy_bank(tmp_path / env["TERM"]), tmp_path / f"{env['TERM']}.sqlite3"
        child = spawn(folder, "quiz", "--db", str(db), "--kind", "place,term", env=env)
        child.expect(TYPED if env["TERM"] != "dumb" else "> ")
        shown = time.monotonic()
        child.send("\r")  # at once: held
        child.expect(TOO_SOON)
        read_past(shown, grace)
        child.send("\r")  # later: "I don't know"
        child.expect("Wrong: the answer is Paris")
        child.expect(answered)
        read_past(time.monotonic(), grace)  # a rating is held for the grace after a typed answer too
        child.send("3" if env["TERM"] != "dumb" else "3\r")
        child.expect(r"Answer \[1-4")
        shown = time.monotonic()
        options = dict(re.findall(r"\n  (\d)\) (.+?)\r", child.before))
        right = next(n for n, text in options.items() if text == "a strategic partnership")
        read_past(shown, grace)
        child.send(right if env["TERM"] != "dumb" else right + "\r")
        child.expect("Correct: a strategic partnership")
        child.expect(answered)
        child.sendcontrol("d") if env["TERM"] != "dumb" else child.sendline("q")
        finish(child)
        assert logged(db) == [
            ("quiz-founding-act-city", "", 3),
            ("quiz-lisbon-partnership", "a strategic partnership", 3),
        ]


def test_a_digit_right_after_a_typed_answer_is_not_its_rating(tmp_path):
    """Review rv5 M1: '199' Enter, then '4' a moment later (a roll-over) rated a wrong answer Easy.
    The digit is held as too soon, on a full terminal and under TERM=dumb; the answer keeps Again."""
    for env, confirm in ((LONG, CONFIRM), (quiz_env(TERM="dumb", QUIZGEN_GRACE_MS="600000"), r"q\s+quit: ")):
        dumb = env["TERM"] == "dumb"
        folder, db = copy_bank(tmp_path / env["TERM"]), tmp_path / f"{env['TERM']}.sqlite3"
        child = spawn(folder, "quiz", "--db", str(db), "--style", "typed", env=env)
        child.expect(TYPED if not dumb else "> ")
        gap = second_tap(child, "199\r", confirm, "4\r" if dumb else "4")
        child.expect(TOO_SOON)
        child.send("\r")  # Enter keeps the grade's rating
        child.expect(r"Who was NATO Secretary General")
        child.expect(TYPED if not dumb else "> ")  # the next card's prompt, drawn and waiting
        child.sendcontrol("d")  # end of input ends the session in both modes, grace or not
        finish(child)
        assert logged(db) == [("quiz-nrc-year", "199", 1)], f"{env['TERM']}: the 4 came {gap:.3f} s after Enter"
