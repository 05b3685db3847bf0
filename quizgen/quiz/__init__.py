"""The terminal quiz: `quizgen quiz` (study with FSRS) and `quizgen stats` (progress)."""

from __future__ import annotations

import contextlib
import os
import random
import sys
from pathlib import Path

from quizgen.errors import UsageError
from quizgen.paths import shown


def db_path(args) -> Path:
    """--db, else QUIZGEN_DB, else the user's data directory; an empty --db is a mistake, not the default."""
    from quizgen.quiz.store import default_path

    given = getattr(args, "db", None)
    if given is not None and not given.strip():
        raise UsageError("--db is empty (an unset variable?); give a file name, or leave --db out for the default")
    return Path(given).expanduser() if given is not None else default_path()


def main(args) -> int:
    """`quizgen quiz [review|practice|optimize]`: study the bank in the terminal."""
    if args.mode == "optimize":
        from quizgen.quiz.optimiser import optimise_main
        from quizgen.selection import bank_from_args

        return _quietly_into_a_closed_pipe(lambda: optimise_main(args, bank_from_args(args).name))
    return _quietly_into_a_closed_pipe(lambda: _study(args))


def _quietly_into_a_closed_pipe(command) -> int:
    """`quizgen stats | head -3`: when the reader goes away, stop without a word (answers are already saved).

    A closed or full standard output is one line on standard error, never a traceback.
    """
    if sys.stdout is None:
        raise UsageError("standard output is closed; run quizgen with somewhere to write to")
    try:
        return command()
    except BrokenPipeError:
        _silence_stdout()
        return 141  # as if killed by SIGPIPE, like other Unix tools
    except OSError as exc:
        if exc.filename is not None:
            raise
        _silence_stdout()
        raise UsageError(
            f"cannot write to standard output ({exc.strerror or exc}); every answer given so far is saved"
        ) from None


def _silence_stdout() -> None:
    """Python's flush at exit must not fail a second time on the same output."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _study(args) -> int:
    from quizgen.quiz.clock import local_day, now
    from quizgen.quiz.keyboard import Keyboard
    from quizgen.quiz.modes import check_mode_options, fill_defaults
    from quizgen.quiz.scheduler import practice_queue, review_queue
    from quizgen.quiz.screen import Screen
    from quizgen.quiz.session import Session
    from quizgen.quiz.settings import given_options, study_options
    from quizgen.quiz.store import Store
    from quizgen.selection import bank_from_args, filtered

    check_mode_options(args)  # an option of the other mode is refused, not silently ignored
    given = given_options(args)  # typed now (checked before the progress file is opened): remembered
    fill_defaults(args)
    if args.count < 1:
        raise UsageError("--count must be at least 1")
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1")
    if sys.stdin is None:
        raise UsageError("standard input is closed; the quiz reads answers from it")
    path = db_path(args)
    bank = bank_from_args(args)
    facts = list(filtered(bank, args).facts)
    rng = random.Random(args.seed)
    moment = now()
    screen = Screen()
    with Store(path, backup=True) as store:
        for line in store.set_aside:
            print(f"quizgen: {line}", file=sys.stderr)
        if args.unsuspend:
            count = store.unsuspend(bank.name)
            screen.say(f"{count} suspended card{'s' if count != 1 else ''} of {bank.title} brought back.")
        options = study_options(store.settings(bank.name), given, shown(path))
        store.save_settings(bank.name, given)  # a flag given now is remembered for the next session
        cards = store.cards(bank.name)
        away = store.set_aside_cards(bank.name, local_day(moment).isoformat())
        facts = [fact for fact in facts if fact.id not in away]  # suspended, or buried for today
        if args.flagged:
            flagged = store.flagged(bank.name)
            facts = [fact for fact in facts if fact.id in flagged]
            if not facts:
                raise UsageError("no flagged cards (press f at the rating prompt to flag one)")
        if args.mode == "practice":
            queue = practice_queue(facts, args.count, rng)
        else:
            today = local_day(moment).isoformat()
            new_left = options.new - store.introduced_on(bank.name, today)
            queue = review_queue(
                facts, cards, moment, new_left, options.max_reviews - store.reviewed_on(bank.name, today)
            )
            if args.limit is not None:
                queue.limit(args.limit)
        screen.para(_opening(bank.title, args, len(queue), options.new), "title")
        in_scope = {fact.id: cards[fact.id] for fact in facts if fact.id in cards}
        session = Session(
            bank,
            store,
            queue,
            in_scope,
            screen=screen,
            keyboard=Keyboard(screen),
            rng=rng,
            style=args.style,
            scheduled=args.mode == "review" or args.schedule,
            practice=args.mode == "practice",
            retention=options.retention,
            steps=options.steps,
            weights=options.weights,
        )
        return session.run()


def _opening(title: str, args, size: int, new: int) -> str:
    if args.mode == "practice":
        questions = "1 question" if size == 1 else f"{size} questions"
        return f"{title}: practice, {questions}" + ("" if args.schedule else " (schedule unchanged)")
    cards = "1 card" if size == 1 else f"{size} cards"
    return f"{title}: {cards} to review (due first, then up to {new} new a day)"


def stats_main(args) -> int:
    """`quizgen stats`: due cards, reviews per day, retention, streak, mastery per article."""
    from quizgen.quiz.stats import show_stats
    from quizgen.selection import banks_from_args, filtered

    whole = banks = banks_from_args(args)
    selected = any(getattr(args, name, None) for name in ("source", "tag", "kind"))
    if selected:  # stats of those facts only
        banks = [filtered(bank, args) for bank in banks]
    card = getattr(args, "card", None)
    return _quietly_into_a_closed_pipe(
        lambda: show_stats(db_path(args), banks, card=card, selected=selected, whole=whole)
    )


def progress_main(args) -> int:
    """`quizgen progress export|import FILE`: the study page's progress JSON, both ways."""
    from quizgen.quiz.exchange import export_progress, facts_not_in, import_progress, read_progress
    from quizgen.quiz.store import Store
    from quizgen.selection import bank_from_args
    from quizgen.text import printable

    path = db_path(args)
    bank = bank_from_args(args)
    target = Path(args.file).expanduser()
    if args.action == "export":
        if not path.exists():
            raise UsageError(f"no progress yet ({printable(str(path))} does not exist)")
        with Store(path, readonly=True) as store:
            count = export_progress(store, bank, target)
        print(f"Exported {count} card{'s' if count != 1 else ''} of {bank.title} to {printable(str(target))}")
        return 0
    checked, total = read_progress(bank, target)  # a bad file is refused before the database is opened
    with Store(path, backup=True) as store:
        taken = import_progress(store, bank, checked)
    unknown = facts_not_in(bank, target)
    skipped = f"; {unknown} card{'s' if unknown != 1 else ''} for facts not in {bank.title} skipped" if unknown else ""
    same = ": already up to date" if not taken else ""
    print(
        f"Imported {taken} of {total} cards into {printable(str(path))}{same} "
        f"(for each fact the most recent review wins){skipped}"
    )
    return 0
