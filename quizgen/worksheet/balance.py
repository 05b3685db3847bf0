"""Keeps the right answer's position even across a worksheet's multiple-choice questions."""

from __future__ import annotations

import random
from collections import Counter

from quizgen.questions import MultipleChoice, with_answer_at


class PositionBalance:
    """Hands out answer positions so that A, B, C and D are each right about as often."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.counts: Counter[int] = Counter()

    def choose(self, size: int = 4) -> int:
        """The least used position among the first `size` (ties broken at random)."""
        fewest = min(self.counts[p] for p in range(size))
        return self.rng.choice([p for p in range(size) if self.counts[p] == fewest])

    def record(self, question: MultipleChoice) -> MultipleChoice:
        self.counts[question.answer] += 1
        return question

    def place(self, question: MultipleChoice) -> MultipleChoice:
        """Move the answer to the least used position (ordered options stay as they are)."""
        if question.ordered:
            return self.record(question)
        return self.record(with_answer_at(question, self.choose(len(question.options)), self.rng))
