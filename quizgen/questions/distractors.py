"""Wrong options that are certainly wrong: the curator's own, values near the answer, same category."""

from __future__ import annotations

import random

from quizgen.model import Bank, Fact
from quizgen.questions.answers import is_wrong, overlaps
from quizgen.questions.catalog import catalog_of, true_answers
from quizgen.questions.certainty import excludes, hedged, same_form
from quizgen.questions.values import SCALED_KINDS, nearby, scale_of
from quizgen.text import answer_key


def pick_distractors(fact: Fact, bank: Bank, rng: random.Random, count: int,
                     below: int | None = None) -> list[str]:
    """Up to `count` wrong options, each certainly wrong and of the answer's form.

    Curated `distractors` first; then, for an exact year, date or number, values near it; then
    the answers of other facts of the same `category`. Nothing else: an option from a wider pool
    (any person for a French president) gives the answer away. For years, dates and numbers
    `below` says how many should be smaller than the answer, so the right one is not always
    in the middle of the ordered options.
    """
    truths = true_answers(fact, bank)
    names = catalog_of(bank).names
    chosen: list[str] = []

    def accept(candidate: str, curated: bool = False) -> None:
        # a borrowed answer may not be named in the question, by any of its names
        shown = () if curated else names.get(answer_key(candidate), (candidate,))
        if (is_wrong(candidate, truths, fact.q, shown)
                and excludes(fact.a, candidate) and same_form(fact.a, candidate)
                and not any(overlaps(candidate, taken) for taken in chosen)):
            chosen.append(candidate)

    curated = list(fact.distractors)
    rng.shuffle(curated)
    sources = [(candidate, True) for candidate in curated]
    if exact_value(fact):
        sources += [(candidate, False) for candidate in _synthesised(fact, rng, count, below)]
    if fact.category:
        borrowed = list(catalog_of(bank).categories.get(fact.category, ()))
        rng.shuffle(borrowed)
        sources += [(candidate, False) for candidate in borrowed]
    for candidate, is_curated in sources:
        if len(chosen) == count:
            break
        accept(candidate, is_curated)
    return chosen


def exact_value(fact: Fact) -> bool:
    """A year, date or number asked and answered exactly, so a nearby value is certainly wrong."""
    return (fact.kind in SCALED_KINDS and scale_of(fact.kind, fact.a) is not None
            and not hedged(fact.a) and not hedged(fact.q))


def _synthesised(fact: Fact, rng: random.Random, count: int, below: int | None) -> list[str]:
    scale = scale_of(fact.kind, fact.a)
    if scale is None:  # an answer off any scale gets no made-up neighbours
        return []
    wanted = rng.randint(0, count) if below is None else max(0, min(below, count))
    # ask for spare values on each side in case some coincide with a true answer
    latest = max((c.source.year for c in fact.citations if c.source.year), default=None)
    values = nearby(scale, wanted + 2, count - wanted + 2, rng, latest)
    under = [v for v in values if v < scale.value][::-1]
    over = [v for v in values if v > scale.value]
    ordered = under[:wanted] + over[:count - wanted] + under[wanted:] + over[count - wanted:]
    return [scale.format(value) for value in ordered]
