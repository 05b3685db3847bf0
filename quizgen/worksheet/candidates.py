"""Every single question a worksheet's facts can make, for the planner to choose from."""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass, field
from typing import Any

from quizgen.errors import NotEnoughOptions
from quizgen.model import Bank, Fact
from quizgen.questions import can_choose, fill_blank, multiple_choice, true_false
from quizgen.questions.audit import flags, weaknesses
from quizgen.questions.giveaways import Ask, Shown, Telling, shown_texts
from quizgen.questions.matching import spare_sources


@dataclass(frozen=True, eq=False)
class Candidate:
    """One question the sheet could ask, of `kind`, on the facts `ids`."""

    kind: str
    question: Any
    ids: frozenset[str]
    spares: frozenset[str] = frozenset()  # facts a matching question's spare items come from
    texts: tuple[Shown, ...] = field(init=False)  # what it prints, ready to compare
    asks: tuple[Ask, ...] = field(init=False)  # what it asks

    def __post_init__(self) -> None:
        object.__setattr__(self, "texts", shown_texts(self.question))

    def with_asks(self, telling: Telling) -> Candidate:
        object.__setattr__(self, "asks", telling.asks(self.question))
        return self


def grouped_candidate(kind: str, question, bank: Bank, telling: Telling) -> Candidate:
    """A matching or ordering question as a candidate: its facts, and those its spares come from."""
    spares = spare_sources(question, bank) if kind == "match" else frozenset()
    return Candidate(kind, question, frozenset(f.id for f in question.facts), spares).with_asks(telling)


def single_candidates(facts: list[Fact], bank: Bank, rng: random.Random, kinds: list[str]) -> list[Candidate]:
    """Per fact (in the given order) its multiple-choice question, its blank, and its true and
    false statements, for each of `kinds` the fact can make soundly: none that breaks a rule of
    `quizgen.questions.audit`."""
    found: list[Candidate] = []
    for fact in facts:
        ids = frozenset((fact.id,))
        if "mcq" in kinds and can_choose(fact, bank):
            # `can_choose` draws once; this draw may find fewer certainly wrong options: no question
            with contextlib.suppress(NotEnoughOptions):
                found.append(Candidate("mcq", multiple_choice(fact, bank, rng), ids))
        if "blank" in kinds:
            blank = fill_blank(fact)
            if blank is not None:
                found.append(Candidate("blank", blank, ids))
        if "tf" in kinds and fact.cloze:
            for truth in (True, False):
                statement = true_false(fact, bank, rng, truth=truth)
                if statement is not None and statement.true == truth:
                    found.append(Candidate("tf", statement, ids))
    # a question a teacher would flag never reaches a sheet (the same rules `print --check` lists)
    return [
        candidate for candidate in found if not flags(candidate.question, bank) and not weaknesses(candidate.question)
    ]
