"""`quizgen quiz optimize`: FSRS parameters fitted to the learner's own review log (fsrs-rs, no torch)."""

from __future__ import annotations

import sys
from datetime import date

from quizgen.paths import shown
from quizgen.quiz.settings import OPTIMISED, PARAMETERS
from quizgen.quiz.store import Store

# Reviews of a card on a later day than its previous review, from cards whose whole history is in the
# log: below this the fit mostly returns FSRS's defaults or overfits a few cards (Anki asks for 400 too).
MIN_REVIEWS = 400
History = list[tuple[int, int]]  # (rating, days since the previous review) of one card, oldest first


def histories(store: Store, deck: str) -> list[History]:
    """Each card's scheduled answers as FSRS reads them; a card whose log does not start when it was
    new (imported from the study page, or older than the log) is left out: its start is unknown."""
    by_card: dict[str, list] = {}
    for row in store.reviews(""):
        if row["deck"] == deck and row["scheduled"]:
            by_card.setdefault(row["fact_id"], []).append(row)
    found = []
    for rows in by_card.values():
        if rows[0]["state_before"] != 0:
            continue
        days = [date.fromisoformat(row["day"]) for row in rows]
        gaps = [(day - previous).days for day, previous in zip(days, days[:1] + days[:-1], strict=True)]
        found.append([(row["rating"], gap) for row, gap in zip(rows, gaps, strict=True)])
    return found


def long_term(history: History) -> list[History]:
    """The training items of one card: its history up to each review on a later day (fsrs-rs' own split)."""
    return [history[: end + 1] for end in range(1, len(history)) if history[end][1] > 0]


def fit(items: list[History]) -> list[float]:
    """fsrs-rs' optimiser over the items, starting from the default parameters."""
    from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview

    prepared = [FSRSItem([FSRSReview(rating, days) for rating, days in item]) for item in items]
    return list(FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(prepared))


def optimise(store: Store, deck: str, today: date) -> tuple[str, int]:
    """Fit, check and store the deck's parameters: (what to tell the learner, exit status)."""
    from fsrs import Scheduler
    from fsrs_rs_python import DEFAULT_PARAMETERS

    cards = histories(store, deck)
    items = [item for history in cards for item in long_term(history)]
    if len(items) < MIN_REVIEWS:
        return (
            f"Not optimised: FSRS needs at least {MIN_REVIEWS} reviews of cards answered on an earlier day "
            f"(your log has {len(items)}); the default parameters stay.",
            1,
        )
    weights = fit(items)
    if [round(w, 4) for w in weights] == [round(w, 4) for w in DEFAULT_PARAMETERS]:
        return "Not optimised: your reviews do not move the parameters from FSRS's defaults; they stay.", 1
    try:
        Scheduler(parameters=weights)  # the scheduler the quiz runs with accepts them, or nothing is stored
    except ValueError as exc:
        return f"Not optimised: the fitted parameters are outside what the scheduler accepts ({exc}).", 1
    store.save_settings(
        deck, {PARAMETERS: ",".join(repr(w) for w in weights), OPTIMISED: f"{today.isoformat()}, {len(items)} reviews"}
    )
    return (
        f"FSRS parameters optimised from {len(items)} reviews of {len(cards)} cards and saved in "
        f"{shown(store.path)}; the next sessions schedule with them.",
        0,
    )


def optimise_main(args, deck: str) -> int:
    """`quizgen quiz optimize`: fit the parameters of the chosen deck."""
    from quizgen.quiz import db_path
    from quizgen.quiz.clock import local_day, now

    path = db_path(args)
    if not path.exists():
        print(f"No progress yet ({shown(path)} does not exist). Start with: quizgen quiz", file=sys.stderr)
        return 1
    with Store(path, backup=True) as store:
        message, status = optimise(store, deck, local_day(now()))
    print(message, file=sys.stdout if status == 0 else sys.stderr)
    return status
