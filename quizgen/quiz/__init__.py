"""The terminal quiz: `quizgen quiz` (study with FSRS) and `quizgen stats` (progress)."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from quizgen.errors import UsageError


def db_path(args) -> Path:
    """--db, else QUIZGEN_DB, else the user's data directory."""
    from quizgen.quiz.store import default_path
    return Path(args.db).expanduser() if getattr(args, "db", None) else default_path()


def main(args) -> int:
    """`quizgen quiz [review|practice]`: study the bank in the terminal."""
    return _quietly_into_a_closed_pipe(lambda: _study(args))


def _quietly_into_a_closed_pipe(command) -> int:
    """`quizgen stats | head -3`: when the reader goes away, stop without a word (answers are already saved)."""
    try:
        return command()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's flush at exit stays quiet too
        return 141  # as if killed by SIGPIPE, like other Unix tools


def _study(args) -> int:
    from quizgen.quiz.clock import local_day, now
    from quizgen.quiz.keyboard import Keyboard
    from quizgen.quiz.scheduler import practice_queue, review_queue
    from quizgen.quiz.screen import Screen
    from quizgen.quiz.session import Session
    from quizgen.quiz.store import Store
    from quizgen.selection import bank_from_args, filtered

    if args.count < 1:
        raise UsageError("--count must be at least 1")
    if args.new < 0:
        raise UsageError("--new cannot be negative")
    if args.schedule and args.mode != "practice":
        raise UsageError("--schedule goes with practice mode (review always updates the schedule)")
    bank = bank_from_args(args)
    facts = list(filtered(bank, args).facts)
    rng = random.Random(args.seed)
    moment = now()
    screen = Screen()
    with Store(db_path(args)) as store:
        cards = store.cards(bank.name)
        if args.mode == "practice":
            queue = practice_queue(facts, args.count, rng)
        else:
            new_left = args.new - store.introduced_on(bank.name, local_day(moment).isoformat())
            queue = review_queue(facts, cards, moment, new_left)
        screen.say(screen.paint(_opening(bank.title, args, len(queue)), "title"))
        in_scope = {fact.id: cards[fact.id] for fact in facts if fact.id in cards}
        session = Session(bank, store, queue, in_scope, screen=screen, keyboard=Keyboard(screen), rng=rng,
                          style=args.style, scheduled=args.mode == "review" or args.schedule)
        return session.run()


def _opening(title: str, args, size: int) -> str:
    if args.mode == "practice":
        return f"{title}: practice, {size} questions" + ("" if args.schedule else " (schedule unchanged)")
    cards = "1 card" if size == 1 else f"{size} cards"
    return f"{title}: {cards} to review (due first, then up to {args.new} new a day)"


def stats_main(args) -> int:
    """`quizgen stats`: due cards, reviews per day, retention, streak, mastery per article."""
    from quizgen.quiz.stats import show_stats
    from quizgen.selection import banks_from_args
    return _quietly_into_a_closed_pipe(lambda: show_stats(db_path(args), banks_from_args(args)))
