"""Multiple-choice questions: the fact's question, its answer and three certainly wrong options."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from quizgen.errors import NotEnoughOptions
from quizgen.model import Bank, Fact
from quizgen.questions.catalog import catalog_of
from quizgen.questions.distractors import pick_distractors
from quizgen.questions.values import order_value

MIN_DISTRACTORS = 3  # four options: with three, elimination of one absurd option leaves a coin toss


@dataclass(frozen=True)
class MultipleChoice:
    """A question with four options; `answer` is the index of the right one."""

    fact: Fact
    prompt: str
    options: tuple[str, ...]
    answer: int

    @property
    def ordered(self) -> bool:
        """Options are years, dates or numbers, listed smallest first (their order is fixed)."""
        return _values(self.fact.kind, self.options) is not None


def multiple_choice(fact: Fact, bank: Bank, rng: random.Random, *, position: int | None = None) -> MultipleChoice:
    """Build the question; `position` asks for the right answer at that index when the kind allows.

    Years, dates and numbers are listed in order, so `position` then decides how many
    distractors are smaller than the answer. Raises NotEnoughOptions when fewer than
    MIN_DISTRACTORS certainly wrong options exist (see `can_choose`).
    """
    distractors = pick_distractors(fact, bank, rng, MIN_DISTRACTORS, below=position)
    if len(distractors) < MIN_DISTRACTORS:
        raise NotEnoughOptions(
            f"fact '{fact.id}': fewer than {MIN_DISTRACTORS} certainly wrong options "
            f"(curated 'distractors', or answers of the same 'category')"
        )
    options = [fact.a, *distractors]
    values = _values(fact.kind, options)
    if values is not None:
        options = [text for _, text in sorted(zip(values, options, strict=True))]
        return MultipleChoice(fact, fact.q, tuple(options), options.index(fact.a))
    question = MultipleChoice(fact, fact.q, tuple(options), 0)
    target = rng.randrange(len(options)) if position is None else position
    return with_answer_at(question, min(target, len(options) - 1), rng)


def with_answer_at(question: MultipleChoice, position: int, rng: random.Random) -> MultipleChoice:
    """The same question with its options reshuffled and the answer at `position`.

    Ordered options (years, dates, numbers) keep their order.
    """
    if question.ordered:
        return question
    answer = question.options[question.answer]
    others = [text for i, text in enumerate(question.options) if i != question.answer]
    rng.shuffle(others)
    position = max(0, min(position, len(question.options) - 1))
    others.insert(position, answer)
    return replace(question, options=tuple(others), answer=position)


def can_choose(fact: Fact, bank: Bank) -> bool:
    """Whether MIN_DISTRACTORS certainly wrong options exist for the fact."""
    # worksheets ask this of the same facts for every sheet: the answer is kept per bank
    known = catalog_of(bank).choosable
    cached = known.get(fact.id)
    if cached is None or cached[0] is not fact:
        found = pick_distractors(fact, bank, random.Random(0), MIN_DISTRACTORS)
        cached = known[fact.id] = (fact, len(found) == MIN_DISTRACTORS)
    return cached[1]


def _values(kind: str, options) -> list[int] | None:
    values = [order_value(kind, text) for text in options]
    known = [value for value in values if value is not None]
    return known if len(known) == len(values) else None
