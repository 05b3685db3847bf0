"""The study loop: ask a card, grade it, show the answer and its source, record it at once."""

from __future__ import annotations

import contextlib
import random
import time
from datetime import datetime

from quizgen.errors import NotEnoughOptions
from quizgen.grading import asked_typed
from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import ALMOST, CORRECT, WRONG, Verdict, grade_answer
from quizgen.model import Bank, Fact
from quizgen.questions import MultipleChoice, multiple_choice
from quizgen.questions.giveaways import giveaway_pairs
from quizgen.quiz.card_screen import show_question, show_verdict
from quizgen.quiz.clock import local_day, now, spoken_interval, stamp
from quizgen.quiz.keyboard import ENTER, MAX_LINE, UNDO, Keyboard, Quit, safe_text
from quizgen.quiz.rating_prompt import check_leech, confirm, take_back_marks
from quizgen.quiz.recorded import Recorded
from quizgen.quiz.scheduler import (
    GRADE_RATINGS,
    RATING_NAMES,
    Choices,
    Queue,
    due_at,
    make_scheduler,
    rate_card,
)
from quizgen.quiz.screen import Screen
from quizgen.quiz.store import Answer, Store

RATING_AGAIN, RATING_GOOD = 1, 3


class Session:
    """One sitting: works through a queue, committing every answer before the next card."""

    def __init__(
        self,
        bank: Bank,
        store: Store,
        queue: Queue,
        cards: dict[str, dict],
        *,
        screen: Screen,
        keyboard: Keyboard,
        rng: random.Random,
        style: str,
        scheduled: bool,
        practice: bool = False,
        retention: float = 0.9,
        steps=None,
        weights=None,
    ):
        self.bank, self.store, self.queue, self.cards = bank, store, queue, cards
        self.screen, self.keyboard, self.rng = screen, keyboard, rng
        self.style, self.scheduled, self.practice = style, scheduled, practice
        self.scheduler = make_scheduler(retention, steps, weights)
        self.known = Lexicon.of(bank.facts)  # another answer of this bank typed is wrong, not almost
        self.history: list[Recorded] = []
        self.current: str | None = None
        self.aside: set[str] = set()  # suspended or buried in this session
        queue.keep_apart(giveaway_pairs(bank))  # one card's text states the other's answer
        if style != "typed" and bank.facts:
            # The builder indexes the bank on its first call (~25 ms): pay that before the first card.
            with contextlib.suppress(NotEnoughOptions):
                multiple_choice(bank.facts[0], bank, random.Random(0))

    def run(self) -> int:
        """Study until the queue is empty or the learner quits.

        Ctrl-C and SIGTERM print the summary (every answer is already committed), then go on to
        the CLI, which exits 130 or 143.
        """
        try:
            while (fact_id := self.queue.next_card(now())) is not None:
                self.current = fact_id
                self._ask(self.bank.by_id[fact_id])
                self.current = None
            self.screen.say(self.screen.paint(self._nothing_left(), "bold"))
        except Quit:
            pass
        except KeyboardInterrupt:
            self.screen.say()
            self.screen.para(self.summary())  # wrapped at spaces, like every line
            raise
        self.screen.para(self.summary())
        return 0

    def _nothing_left(self) -> str:
        held = self.queue.held_back(now())
        if held:
            cards = "1 card waits" if held == 1 else f"{held} cards wait"
            return (
                f"{cards} for another session: the card you just saw gives "
                f"{'its answer' if held == 1 else 'their answers'} away."
            )
        if self.practice:  # its -n questions are asked: --limit and the daily caps are the review's
            return "That is all for this practice (-n sets how many questions it asks)."
        upcoming = sorted(due_at(card) for fact_id, card in self.cards.items() if fact_id not in self.aside)
        if not self.scheduled or not upcoming:
            return "Nothing more to study now."
        waiting = sum(1 for due in upcoming if due <= now())
        if waiting:  # due, but left out of this session by --limit or the daily --max-reviews
            cards = "1 more card is" if waiting == 1 else f"{waiting} more cards are"
            return f"That is all for this session: {cards} due now (--limit and --max-reviews leave them for later)."
        return f"Nothing more to study now; the next card is due {spoken_interval(upcoming[0] - now())}."

    def summary(self) -> str:
        """'4 answered (1 rated by you): 2 correct, 2 wrong; …': a close answer you judged, or a
        rating you chose, counts as you said (Hard as 'hard')."""
        grades = [entry.counted for entry in self.history]
        yours = sum(entry.overridden or entry.judged for entry in self.history)
        head = f"{len(grades)} answered" + (f" ({yours} rated by you)" if yours else "")
        counts = [
            f"{grades.count(CORRECT)} correct",
            *([f"{grades.count(ALMOST)} hard"] if ALMOST in grades else []),
            f"{grades.count(WRONG)} wrong",
        ]
        return f"{head}: {', '.join(counts)}; {self._left()}."

    def _left(self) -> str:
        """What is still to come: cards not yet seen apart from those coming back in their learning steps."""
        planned = len(self.queue.planned) + (self.current is not None)
        learning = len(self.queue.learning)
        text = f"{planned} left in this session"
        return text + (f", {learning} coming back in this session" if learning else "")

    def _ask(self, fact: Fact) -> None:
        style, question = self._style_for(fact), None
        if style == "mc":
            try:
                question = multiple_choice(fact, self.bank, self.rng)
            except NotEnoughOptions:  # too few answers of this kind in the bank for options: type it
                style = "typed"
        card = self.cards.get(fact.id) or {}
        show_question(self.screen, fact, len(self.history) + 1, card, self.scheduled, self._left())
        if question is None and self.style == "mc":
            self.screen.say(self.screen.paint("(no three honest options for this card: type the answer)", "dim"))
        started = time.monotonic()
        answer = self._ask_choice(question) if question is not None else self._ask_typed(fact)
        if answer is None:
            return self.undo(current=fact)
        given, verdict = answer
        duration = round((time.monotonic() - started) * 1000)
        show_verdict(self.screen, fact, verdict, given)
        rating = int(GRADE_RATINGS[verdict.grade])
        if verdict.grade == ALMOST:
            try:
                rating = self._judge()
            except (Quit, KeyboardInterrupt):  # quitting at "Were you right?": the answer is kept, as Again
                self._record(fact, verdict.grade, RATING_AGAIN, given, style, duration)
                self.current = None  # answered: no longer "left in this session"
                raise
        judged = verdict.grade == ALMOST and self.keyboard.interactive
        recorded = self._record(fact, verdict.grade, rating, given, style, duration, judged=judged)
        self.current = None
        if recorded is not None:
            check_leech(self, recorded)
        if self.keyboard.interactive and recorded is not None:  # piped answers keep the grade's rating
            confirm(self, recorded)

    def _ask_choice(self, question: MultipleChoice) -> tuple[str, Verdict] | None:
        for number, option in enumerate(question.options, start=1):
            self.screen.say(f"  {self.screen.paint(str(number), 'key')}) {self.screen.clean(option)}")
        keys = "".join(str(n) for n in range(1, len(question.options) + 1))
        commands = ["u undo,", "q quit]:"] if self.keyboard.lines else ["Ctrl-U undo,", "Ctrl-D quit]:"]
        # a digit a moment after the card appeared is the second tap of the key that rated the last one
        pressed = self.keyboard.key(self.screen.units([f"Answer [1-{keys[-1]},", *commands], " "), keys, hold=keys)
        if pressed == UNDO:
            return None
        if len(pressed) != 1 or pressed not in keys:  # from a pipe: that line was this card's answer
            return safe_text(pressed[:MAX_LINE].strip()), Verdict(WRONG, question.fact.a)
        chosen = int(pressed) - 1
        grade = CORRECT if chosen == question.answer else WRONG
        return question.options[chosen], Verdict(grade, question.fact.a)

    def _ask_typed(self, fact: Fact) -> tuple[str, Verdict] | None:
        if not any(entry.style == "typed" for entry in self.history):
            commands = "u undo; q quit" if self.keyboard.lines else "Ctrl-U undo; Ctrl-D quit"
            self.screen.para(f"(type the answer; Enter: I don't know; {commands})", "dim")
        text = self.keyboard.line("> ", hold_empty=True)  # an Enter just after the card appeared: a double tap
        if text == UNDO:
            return None
        text = safe_text(text[:MAX_LINE])
        return text, grade_answer(text, fact, self.known)

    def _style_for(self, fact: Fact) -> str:
        if self.style != "mixed":
            return self.style
        return "typed" if asked_typed(fact) else "mc"

    def _record(
        self,
        fact: Fact,
        grade: str,
        rating: int,
        given: str,
        style: str,
        duration: int | None,
        replacing: Recorded | None = None,
        judged: bool = False,
    ) -> Recorded | None:
        before = replacing.before if replacing else self.cards.get(fact.id)
        # a new rating replaces the answer: same moment, same four outcomes the prompt showed
        choices = (
            replacing.choices
            if replacing
            else (Choices.of(self.scheduler, fact.id, before, now()) if self.scheduled else None)
        )
        moment = choices.moment if choices else now()
        answer = Answer(
            self.bank.name,
            fact.id,
            stamp(moment),
            local_day(moment).isoformat(),
            rating,
            grade,
            style,
            given,
            duration,
            self.scheduled,
        )
        result = self.store.record(
            answer,
            lambda stored: (
                choices.card(self.scheduler, stored, rating)
                if choices
                else rate_card(self.scheduler, fact.id, stored, rating, moment)
            ),
            replacing.review_id if replacing else None,
        )
        if result is None:
            self.screen.say("Cannot change the rating: another session has answered that card since.")
            return None
        review_id, card = result
        if replacing:
            self.history.pop()
        recorded = Recorded(
            review_id,
            fact,
            grade,
            rating,
            given,
            style,
            duration,
            overridden=replacing is not None and rating != GRADE_RATINGS[grade],
            before=before,
            choices=choices,
            judged=replacing.judged if replacing else judged,
            marks=replacing.marks if replacing else [],
        )
        self.history.append(recorded)
        self._remember(fact.id, card)
        self.queue.answered(fact.id, card if self.scheduled else None, moment)
        self._show_next(rating, card, moment)
        return recorded

    def _show_next(self, rating: int, card: dict | None, moment: datetime) -> None:
        if self.scheduled and card:
            text = f"Rated {RATING_NAMES[rating]}: next review {spoken_interval(due_at(card) - moment)}"
        else:
            text = f"Rated {RATING_NAMES[rating]} (practice: the schedule is unchanged)"
        self.screen.para(text, "dim", indent="  ")  # wrapped at spaces on a narrow terminal

    def _judge(self) -> int:
        """A close answer is the learner's call: y counts it right (Good), anything else Again."""
        if not self.keyboard.interactive:
            self.screen.say(
                self.screen.paint("  (close: counted as Again; at a terminal you say if you were right)", "dim")
            )
            return RATING_AGAIN
        prompt = self.screen.units(["Were you right?", "[y] yes", "[n/Enter] no:"])
        pressed = self.keyboard.key(prompt, "yn" + ENTER, hold=ENTER)  # the Enter that sent the answer, twice
        if pressed == UNDO:
            return RATING_AGAIN
        return RATING_GOOD if pressed == "y" else RATING_AGAIN

    def rerate(self, recorded: Recorded, rating: int) -> None:
        """The learner's own rating replaces the one the grade gave (same moment, same outcomes shown)."""
        self._record(
            recorded.fact, recorded.grade, rating, recorded.given, recorded.style, recorded.duration, replacing=recorded
        )

    def undo(self, current: Fact | None) -> None:
        """Take back the last answer of this session; that card is asked again, then `current`."""
        if current is not None:
            self.queue.put_back(current.id)
        if not self.history:
            self.screen.say("Nothing to undo.")
            return
        last = self.history[-1]
        result = self.store.undo(last.review_id)
        if result is None:
            self.screen.say("Cannot undo: another session has answered that card since.")
            return
        self.history.pop()
        self._remember(last.fact.id, result[1])
        marks = take_back_marks(self, last)
        self.queue.put_back(last.fact.id)  # once, even when it is also the card being asked
        self.screen.para(f"Undone{marks}: {last.fact.q}", "almost")

    def _remember(self, fact_id: str, card: dict | None) -> None:
        if not self.scheduled:
            return
        if card is None:
            self.cards.pop(fact_id, None)
        else:
            self.cards[fact_id] = card
