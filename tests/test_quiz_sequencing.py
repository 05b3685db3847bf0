"""The order of a sitting: the two facts of a give-away pair are never asked back to back.

The pairs are the bank's own (`giveaway_pairs`, computed in quizgen/questions); the orders are
generated: any subset of the bundled bank in any order, new or due, learning steps coming back,
undo putting cards first, practice or review.
"""

import sqlite3
from collections import deque
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quiz_harness import quiz_env, run
from test_questions import bundled

from quizgen.questions.giveaways import giveaway_pairs
from quizgen.quiz.scheduler import LEARN_AHEAD, Queue, review_queue

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@lru_cache(maxsize=1)
def neighbours() -> dict[str, set[str]]:
    """Fact id -> the facts it makes a give-away pair with (from the bank's pair list, not the queue)."""
    found: dict[str, set[str]] = {}
    for one, other in giveaway_pairs(bundled()):
        found.setdefault(one, set()).add(other)
        found.setdefault(other, set()).add(one)
    return found


def paired(one: str, other: str) -> bool:
    return tuple(sorted((one, other))) in giveaway_pairs(bundled())


def learning(minutes: int) -> dict:
    due = NOW + timedelta(minutes=minutes)
    return {
        "state": 1,
        "step": 0,
        "stability": 1.0,
        "difficulty": 5.0,
        "due": due.isoformat(),
        "last_review": NOW.isoformat(),
    }


@st.composite
def sittings(draw):
    """A queue over facts rich in give-away pairs, and what the learner does at each card."""
    paired_ids = sorted(neighbours())
    others = sorted({fact.id for fact in bundled().facts} - set(paired_ids))
    chosen = draw(st.lists(st.sampled_from(paired_ids), min_size=1, max_size=30, unique=True))
    chosen += draw(st.lists(st.sampled_from(others), max_size=5, unique=True))
    order = draw(st.permutations(chosen))
    # per card shown: answer it (and maybe it comes back in N minutes), or undo back to it
    actions = draw(st.lists(st.tuples(st.sampled_from(["answer", "again", "undo"]), st.integers(0, 30)), max_size=120))
    return order, actions, draw(st.booleans())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sittings())
def test_no_give_away_pair_is_ever_asked_back_to_back(sitting):
    order, actions, requeue = sitting
    queue = Queue(deque(order), requeue=requeue)
    queue.keep_apart(giveaway_pairs(bundled()))
    moment, shown, stopped = NOW, [], False
    for action, minutes in [*actions, *[("answer", 0)] * (3 * len(order) + 10)]:
        fact_id = queue.next_card(moment)
        if fact_id is None:
            stopped = True
            break
        shown.append(fact_id)
        if action == "again":
            queue.answered(fact_id, learning(minutes), moment)
        elif action == "undo" and len(shown) > 1:  # Ctrl-U at this card: the one before, then this one
            queue.put_back(fact_id)
            queue.put_back(shown[-2])
        else:
            queue.answered(fact_id, None, moment)
        moment += timedelta(minutes=minutes % 3)
    assert not [(a, b) for a, b in zip(shown, shown[1:], strict=False) if paired(a, b)]
    # a card waits for another session only when the card just shown gives its answer away
    left = list(queue.planned) + [i for i, due in queue.learning.items() if due <= moment + LEARN_AHEAD]
    if stopped:
        assert all(paired(shown[-1], fact_id) for fact_id in left)
        assert (queue.held_back(moment) > 0) == bool(left)


def test_the_only_cards_left_wait_when_the_last_one_gives_them_away():
    one, other = sorted(giveaway_pairs(bundled()))[0]
    queue = Queue(deque([one, other]))
    queue.keep_apart(giveaway_pairs(bundled()))
    assert queue.next_card(NOW) == one
    assert queue.next_card(NOW) is None
    assert queue.held_back(NOW) == 1


def test_a_learning_step_not_yet_due_waits_behind_new_cards_at_the_start():
    """Review O4: quitting and coming back within 20 minutes does not skip the 10-minute step."""
    facts = bundled().facts[:4]
    cards = {facts[0].id: learning(10)}
    queue = review_queue(facts, cards, NOW, new_left=10)
    assert list(queue.planned) == [fact.id for fact in facts[1:]]
    assert queue.next_card(NOW) == facts[1].id  # a new card, not the learning one early
    cards[facts[0].id] = learning(-1)  # due a minute ago: first
    assert review_queue(facts, cards, NOW, new_left=10).next_card(NOW) == facts[0].id


def test_a_whole_piped_session_over_the_bundled_bank_keeps_every_pair_apart(tmp_path):
    """Every new card of the bundled bank, then the learning steps again and again (all wrong)."""
    db = tmp_path / "p.sqlite3"
    facts = bundled().facts
    result = run(
        ROOT, "quiz", "--new", str(len(facts)), "--db", str(db), stdin="\n" * (len(facts) + 60), env=quiz_env()
    )
    assert result.returncode == 0, result.stderr
    asked = [row[0] for row in sqlite3.connect(db).execute("SELECT fact_id FROM reviews ORDER BY id")]
    assert len(asked) == len(facts) + 60
    assert set(asked) == {fact.id for fact in facts}
    assert not [(a, b) for a, b in zip(asked, asked[1:], strict=False) if paired(a, b)]


def test_style_mc_says_so_when_a_card_has_no_options_and_is_typed(tmp_path):
    """Review O12: under --style mc, a fact without three honest options is typed, with a word."""
    db = tmp_path / "p.sqlite3"
    count = len(bundled().facts)
    result = run(
        ROOT,
        "quiz",
        "practice",
        "-n",
        str(count),
        "--style",
        "mc",
        "--db",
        str(db),
        stdin="1\n" * count,
        env=quiz_env(),
    )
    assert result.returncode == 0, result.stderr
    styles = [row[0] for row in sqlite3.connect(db).execute("SELECT style FROM reviews")]
    assert styles.count("typed") == result.stdout.count("no three honest options for this card: type the answer")
    assert 0 < styles.count("typed") < count  # the bank has cards of both kinds


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 8), st.lists(st.tuples(st.booleans(), st.integers(0, 3)), min_size=1, max_size=60))
def test_tied_due_times_never_ask_the_card_just_failed_while_another_may_be_asked(size, answers):
    """Review rv3 F6: under a frozen clock (or answers within one second) every failed card comes back
    with the same due time; the card just shown is asked again only when nothing else may be."""
    ids = [f"card-{n}" for n in range(size)]
    queue = Queue(deque(ids))
    moment, last = NOW, None
    for failed, minutes in answers:
        ready = set(queue.planned) | {i for i, due in queue.learning.items() if due <= moment + LEARN_AHEAD}
        fact_id = queue.next_card(moment)
        if fact_id is None:
            assert not ready
            break
        assert fact_id in ready
        if fact_id == last:
            assert ready == {fact_id}
        queue.answered(fact_id, learning(1 + minutes % 2) if failed else None, NOW)  # due times tie
        last = fact_id
        moment += timedelta(seconds=minutes)  # at most seconds pass: every step is still early or tied


def test_a_frozen_clock_takes_failed_cards_in_turn_not_one_again_and_again(tmp_path):
    """Review rv3 F6 through the CLI: three new cards, every answer wrong, QUIZGEN_NOW frozen."""
    from quiz_harness import copy_bank

    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    result = run(folder, "quiz", "--new", "3", "--style", "typed", "--db", str(db), stdin="x\n" * 12)
    assert result.returncode == 0, result.stderr
    asked = [row[0] for row in sqlite3.connect(db).execute("SELECT fact_id FROM reviews ORDER BY id")]
    assert len(asked) == 12 and len(set(asked)) == 3
    assert asked[3:] == asked[:3] * 3  # in turn, in the order they were failed
