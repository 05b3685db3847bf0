"""Which questions a worksheet asks: facts chosen per type with a seed, none giving another away."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from quizgen.model import Bank, Fact
from quizgen.questions import (
    FLAVOURS,
    can_be_false,
    can_choose,
    fill_blank,
    matching,
    multiple_choice,
    ordering,
    true_false,
)
from quizgen.questions.asked import answer_forms, asked_keys, printed_texts, stem_key
from quizgen.text import contains_words
from quizgen.worksheet.balance import PositionBalance

WEIGHTS = {"mcq": 4, "blank": 2, "match": 1, "order": 1, "tf": 2}
GROUPED = ("match", "order")          # one question built from several facts
MAX_GROUPED = 2                       # at most this many matching (or ordering) questions
SPILL_ORDER = ("mcq", "tf", "blank", "match", "order")
REASONS = {
    "match": "matching needs 3+ people with distinct roles, events in distinct years, or abbreviations",
    "order": "ordering needs 3+ dated events a year apart whose labels no other date in the bank fits",
    "mcq": "multiple choice needs 3 certainly wrong options (curated, or answers of the same category)",
    "blank": "fill in the blank needs a cloze sentence that pins one answer",
    "tf": "true/false needs a cloze sentence (a false one: a plain sentence and a certainly wrong swap)",
}


@dataclass
class Plan:
    """The questions of every type, in the order they were drawn, and notes for the teacher."""

    questions: dict[str, list] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(items) for items in self.questions.values())


def quotas(count: int, types: tuple[str, ...]) -> dict[str, int]:
    """Split `count` over `types` by weight (largest remainder); every type gets one if it can."""
    total = sum(WEIGHTS[t] for t in types)
    shares = {t: count * WEIGHTS[t] / total for t in types}
    result = {t: int(shares[t]) for t in types}
    if count >= len(types):
        for t in types:
            result[t] = max(result[t], 1)
    for t in sorted(types, key=lambda t: (result[t] - shares[t], -WEIGHTS[t], types.index(t))):
        if sum(result.values()) >= count:
            break
        result[t] += 1
    while sum(result.values()) > count:  # one of each can overshoot a small count
        result[max(types, key=lambda t: (result[t], WEIGHTS[t]))] -= 1
    singles = [t for t in SPILL_ORDER if t in types and t not in GROUPED]
    for t in GROUPED:
        if result.get(t, 0) > MAX_GROUPED:
            if singles:
                result[singles[0]] += result[t] - MAX_GROUPED
            result[t] = MAX_GROUPED
    return result


def plan_questions(pool: Bank, bank: Bank, count: int, types: tuple[str, ...], seed: int) -> Plan:
    """Draw `count` questions from the facts of `pool`; distractors may come from all of `bank`."""
    rng = random.Random(f"quizgen-worksheet:{seed}")
    facts = sorted(pool.facts, key=lambda fact: fact.id)
    rng.shuffle(facts)
    drawing = _Drawing(facts, bank, rng, common_answers(facts))
    plan = Plan({t: [] for t in types})
    wanted = quotas(count, types)
    for kind in [t for t in types if t in GROUPED] + [t for t in types if t not in GROUPED]:
        _fill(plan, drawing, kind, wanted[kind])
    for kind in SPILL_ORDER:  # make up for types that fell short with types that still can
        if kind in types and kind not in GROUPED and plan.total < count:
            _fill(plan, drawing, kind, len(plan.questions[kind]) + count - plan.total)
    for kind in types:
        missing = wanted[kind] - len(plan.questions[kind])
        if missing > 0:
            plan.notes.append(f"{missing} {kind} question(s) could not be made: "
                              f"{_shortfall(kind, drawing)}")
    if plan.total < count:
        capped = [t for t in types if t in GROUPED]
        cap = (f"; at most {MAX_GROUPED} per worksheet of {' and '.join(capped)}" if capped else "")
        plan.notes.append(f"only {plan.total} of {count} questions could be made from {len(facts)} "
                          f"facts (each fact is asked once{cap})")
    return plan


def _shortfall(kind: str, drawing: _Drawing) -> str:
    """The real reason a type fell short: no fact fits it, or the facts that fit are used up."""
    if kind in GROUPED:
        return REASONS[kind]
    fitting = [fact for fact in drawing.facts if drawing._fits(kind, fact, 0)]
    if not fitting:
        return f"none of the {len(drawing.facts)} facts can make one ({REASONS[kind]})"
    left = [fact for fact in fitting if fact.id not in drawing.used]
    if not left:
        return (f"all {len(fitting)} facts that can make one are already asked by other questions "
                f"(each fact is asked once)")
    return f"the {len(left)} facts left that could make one would not make a sound question"


def _fill(plan: Plan, drawing: _Drawing, kind: str, wanted: int) -> None:
    # never a give-away to reach the count: a shorter sheet, with a note, is better
    while len(plan.questions[kind]) < wanted:
        question = drawing.draw(kind, len(plan.questions[kind]))
        if question is None:
            break
        plan.questions[kind].append(question)


def common_answers(facts) -> frozenset[str]:
    """One-word answers named in many questions ('NATO'): seeing them elsewhere gives nothing away."""
    words = Counter(word for fact in facts for word in set(stem_key(fact.q).split()))
    limit = max(2, len(facts) // 10)
    return frozenset(key for key in (stem_key(fact.a) for fact in facts) if words[key] > limit)


class _Drawing:
    """Draws facts without reuse, keeping track of what the worksheet already shows."""

    def __init__(self, facts: list[Fact], bank: Bank, rng: random.Random, common: frozenset[str]):
        self.facts, self.bank, self.rng, self.common = facts, bank, rng, common
        self.used: set[str] = set()
        self.shown = " "                # stem_key of every text printed so far, each between ' \n '
        self.answers: list[str] = []    # answer keys of facts asked so far
        self.flavours = list(FLAVOURS)
        rng.shuffle(self.flavours)
        self.positions = PositionBalance(rng)
        self.can_be_false: dict[str, bool] = {}

    def draw(self, kind: str, index: int):
        if kind == "match":
            return self._grouped(self._matching)
        if kind == "order":
            return self._grouped(lambda free: ordering(free, self.bank, self.rng))
        for fact in self._candidates(kind, index):
            if fact.id in self.used or not self._fits(kind, fact, index):
                continue
            if not self._fresh(self._keys(answer_forms(fact)), ()):
                continue
            question = self._single(kind, fact, index)
            if question is None:
                continue
            keys, texts = self._keys(asked_keys(question)), printed_texts(question)
            if self._fresh(keys, texts):
                self._take([fact], keys, texts)
                if kind == "mcq":
                    self.positions.record(question)
                return question
        return None

    def _candidates(self, kind: str, index: int):
        """Facts in drawing order; for a false statement, those that can be made false come first."""
        if kind == "tf" and index % 2:
            yield from (fact for fact in self.facts if fact.id not in self.used and self._falsifiable(fact))
        yield from self.facts

    def _falsifiable(self, fact: Fact) -> bool:
        if fact.id not in self.can_be_false:
            self.can_be_false[fact.id] = bool(fact.cloze) and can_be_false(fact, self.bank)
        return self.can_be_false[fact.id]

    def _fits(self, kind: str, fact: Fact, index: int) -> bool:
        if kind == "mcq":
            return can_choose(fact, self.bank)
        return bool(fact.cloze)

    def _single(self, kind: str, fact: Fact, index: int):
        if kind == "mcq":
            return multiple_choice(fact, self.bank, self.rng, position=self.positions.choose())
        if kind == "tf":  # even slots true, odd slots false where the fact allows it
            return true_false(fact, self.bank, self.rng, truth=index % 2 == 0)
        return fill_blank(fact)

    def _grouped(self, build):
        free = [fact for fact in self.facts
                if fact.id not in self.used and self._fresh(self._keys(answer_forms(fact)), ())]
        question = build(free)
        if question is None:
            return None
        keys, texts = self._keys(asked_keys(question)), printed_texts(question)
        if not self._fresh(keys, texts):
            return None  # its items would print an answer asked earlier, or the other way round
        self._take(list(question.facts), keys, texts)
        return question

    def _matching(self, free: list[Fact]):
        for flavour in list(self.flavours):
            question = matching(free, self.bank, self.rng, flavour)
            if question is not None:
                self.flavours.remove(flavour)
                self.flavours.append(flavour)  # the next matching question tries another flavour
                return question
        return None

    def _fresh(self, keys: list[str], texts) -> bool:
        """None of `keys` is in printed text, nor does any of `texts` show an answer asked."""
        # keys hold no newline, so a key is found in the joined texts only within one of them
        if any(key and f" {key} " in self.shown for key in keys):
            return False
        own = [stem_key(text) for text in texts]
        return not any(contains_words(text, answer) for text in own for answer in self.answers)

    def _take(self, facts: list[Fact], keys: list[str], texts) -> None:
        self.used.update(fact.id for fact in facts)
        self.answers.extend(keys)
        self.shown += "".join(f"{stem_key(text)} \n " for text in texts)

    def _keys(self, forms: list[str]) -> list[str]:
        """Comparable keys of what a question asks, unless named everywhere ('NATO')."""
        keys = [stem_key(form) for form in forms]
        return [key for key in keys if key and key not in self.common]
