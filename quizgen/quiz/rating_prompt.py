"""After an answer: rate it, report, suspend, bury or flag the card, help; and taking those marks back on undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizgen.model import Fact
from quizgen.quiz.clock import local_day, now, short_interval, stamp
from quizgen.quiz.keyboard import ENTER, UNDO, safe_text
from quizgen.quiz.recorded import MARK_NAMES, Recorded
from quizgen.quiz.scheduler import RATING_NAMES, due_at
from quizgen.quiz.store import append_report

if TYPE_CHECKING:
    from quizgen.quiz.session import Session

RATING_AGAIN = 1
LEECH_LAPSES = 8  # Anki's default leech threshold
HELP = (
    "  Enter  next card, rated as graded (shown as 'Rated …')",
    "  1-4    rate it yourself: Again, Hard, Good, Easy (the interval each gives is shown)",
    "  r      report this card: the fact id and your note go to a reports file for the curators",
    "  s      suspend it (not asked until `quizgen quiz --unsuspend`)    b  bury it until tomorrow",
    "  f      flag it (or unflag it) to come back to: quizgen quiz practice --flagged",
    "  (a card forgotten 8 times after it was learned is a leech: it is suspended, with a word)",
    "  ?      this help",
    "  Ctrl-U undo the last answer (and s, b, f)      Ctrl-D quit (every answer is already saved)",
)


def confirm(session: Session, recorded: Recorded) -> None:
    """The rating prompt: Enter keeps the grade's rating, 1-4 replace it, r s b f ? act on the card."""
    screen, keyboard, store, deck = session.screen, session.keyboard, session.store, session.bank.name
    ratings = [f"[{rating}]{name}{_interval(recorded, rating)}" for rating, name in RATING_NAMES.items()]
    flagged = recorded.fact.id in store.flagged(deck)

    def prompt() -> str:
        return screen.units(prompt_units(ratings, flagged, keyboard.lines))  # wrapped at the width it has now

    keys = ENTER + "1234rsbf?"
    # after any answer a digit or s b f r at once is the finger that answered ("2… no, 4", '199⏎4'
    # rolled over), not a rating: held for the grace time, typed or chosen
    pressed = keyboard.key(prompt(), keys, hold="1234sbfr")
    while pressed in ("r", "f", "?"):
        if pressed == "r":
            _report(session, recorded.fact)
        elif pressed == "f":
            flagged = store.flag(deck, recorded.fact.id, stamp(now()))
            recorded.marks.append("flagged" if flagged else "unflagged")
            said = "Flagged" if flagged else "Flag taken away"
            screen.say(screen.paint(f"  {said}: quizgen quiz practice --flagged asks the flagged cards", "dim"))
        else:
            for line in HELP:
                screen.say(screen.paint(line, "dim"))
        pressed = keyboard.key(prompt(), keys)
    if pressed in ("s", "b"):
        set_aside(session, recorded, "suspended" if pressed == "s" else "buried", "you")
        return
    if pressed == UNDO:
        session.undo(current=None)
    elif pressed != ENTER and int(pressed) != recorded.rating:
        session.rerate(recorded, int(pressed))


def prompt_units(ratings: list[str], flagged: bool, lines: bool) -> list[str]:
    """The rating prompt's units, each a key and its label, never split across lines."""
    commands = ["u undo", "q quit:"] if lines else ["Ctrl-U undo", "Ctrl-D quit:"]
    flag = "f unflag" if flagged else "f flag"
    return ["[Enter] next", *ratings, "r report", "s suspend", "b bury", flag, "? help", *commands]


def set_aside(session: Session, recorded: Recorded, mark: str, reason: str) -> None:
    """Suspend (until `quizgen quiz --unsuspend`) or bury (until tomorrow) a card; its answer stands."""
    moment, fact = now(), recorded.fact
    until = local_day(moment).isoformat() if mark == "buried" else None
    session.store.mark(session.bank.name, fact.id, mark, until, reason, stamp(moment))
    recorded.marks.append(mark)
    session.aside.add(fact.id)
    session.queue.learning.pop(fact.id, None)
    if fact.id in session.queue.planned:
        session.queue.planned.remove(fact.id)
    again = "tomorrow" if mark == "buried" else "you run: quizgen quiz --unsuspend"
    session.screen.say(session.screen.paint(f"  {mark.capitalize()}: not asked again until {again}", "dim"))


def take_back_marks(session: Session, recorded: Recorded) -> str:
    """Undo's part: the suspension, burial and flag set after this answer are taken back, newest
    first; ' (and its suspension)' for the "Undone:" line, or ''."""
    deck, fact_id = session.bank.name, recorded.fact.id
    flag_changes = sum(1 for mark in recorded.marks if mark in ("flagged", "unflagged"))
    if flag_changes % 2:  # flagged (or unflagged) once more than back: put the flag back as it was
        session.store.flag(deck, fact_id, stamp(now()))
    if {"suspended", "buried"} & set(recorded.marks):
        session.store.unmark(deck, fact_id)
        session.aside.discard(fact_id)
    names = [MARK_NAMES[mark] for mark in recorded.marks if mark in ("suspended", "buried")]
    if flag_changes % 2:
        names.append(MARK_NAMES[next(m for m in reversed(recorded.marks) if m in ("flagged", "unflagged"))])
    return f" (and its {' and '.join(dict.fromkeys(names))})" if names else ""


def check_leech(session: Session, recorded: Recorded) -> None:
    """Anki's leech: a card failed LEECH_LAPSES times after it was learned is suspended, with a word."""
    if recorded.rating != RATING_AGAIN or not session.scheduled or (recorded.before or {}).get("state") != 2:
        return
    lapses = session.store.review_counts(session.bank.name).get(recorded.fact.id, (0, 0))[1]
    if lapses >= LEECH_LAPSES:
        session.screen.say(
            f"This card has been forgotten {lapses} times (a leech). Consider rewording it "
            "for yourself, or report it (r)."
        )
        set_aside(session, recorded, "suspended", "leech")


def _report(session: Session, fact: Fact) -> None:
    """`r`: the fact id and the learner's note, appended to a reports file to send to the curators."""
    note = session.keyboard.line("What is wrong with this card? (Enter when done; Enter alone cancels) ")
    if note == UNDO or not note.strip():  # nothing to send: an empty note is no report
        session.screen.say("Nothing reported.")
        return
    try:
        where = append_report(session.store.path, session.bank.name, fact.id, safe_text(note))
    except OSError as exc:
        session.screen.say(f"Could not save the report ({exc.strerror or exc}).")
        return
    session.screen.para(  # wrapped at spaces: a long path never parts a word at the terminal's edge
        f"Reported {fact.id}: saved in {where}. Send that file to the curators (or quote the fact id in an issue)."
    )


def _interval(recorded: Recorded, rating: int) -> str:
    """' 10m': when the card would come back with this rating instead (Anki shows it on each button)."""
    if recorded.choices is None:
        return ""
    return " " + short_interval(due_at(recorded.choices.cards[rating]) - recorded.choices.moment)
