"""Fill-in-the-blank questions from a fact's cloze sentence."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen import cloze
from quizgen.model import Fact
from quizgen.questions.sentence import answer_deletion, attributed

GAP = "\x00"  # stands for the gap until the sentence is split around it


@dataclass(frozen=True)
class FillBlank:
    """A sentence with one gap: `before` + gap + `after`; `answer` is the missing text."""

    fact: Fact
    before: str
    after: str
    answer: str
    hint: str | None


def fill_blank(fact: Fact) -> FillBlank | None:
    """Blank the deletion that holds the answer (else the first); None without a cloze sentence."""
    if not fact.cloze:
        return None
    deletions = cloze.deletions(fact.cloze)
    number = answer_deletion(fact) or deletions[0].number
    deletion = next(d for d in deletions if d.number == number)
    sentence = attributed(fact, cloze.blank(fact.cloze, number, GAP))
    before, _, after = sentence.partition(GAP)
    after = after.replace(GAP, "_____")  # the same deletion used twice: hide both
    return FillBlank(fact, before, after, deletion.text, deletion.hint)
