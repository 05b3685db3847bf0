"""Question builders shared by worksheets, Anki and the terminal quiz (provisional first cut)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from quizgen.model import Bank, Fact


@dataclass(frozen=True)
class MultipleChoice:
    """A question with 3-4 options; `answer` is the index of the right one."""

    fact: Fact
    prompt: str
    options: tuple[str, ...]
    answer: int


def multiple_choice(fact: Fact, bank: Bank, rng: random.Random, size: int = 4) -> MultipleChoice:
    """Provisional: hand-written distractors first, then other answers of the same kind."""
    taken = {fact.a.casefold(), *(alt.casefold() for alt in fact.alt)}
    pool = list(fact.distractors) + sorted({f.a for f in bank.of_kind(fact.kind) if f.id != fact.id})
    chosen: list[str] = []
    for option in pool:
        if option.casefold() not in taken and len(chosen) < size - 1:
            chosen.append(option)
            taken.add(option.casefold())
    options = chosen + [fact.a]
    rng.shuffle(options)
    return MultipleChoice(fact, fact.q, tuple(options), options.index(fact.a))
