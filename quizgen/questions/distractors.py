"""Wrong options that are certainly wrong: the curator's own, values near the answer, same category."""

from __future__ import annotations

import random
from itertools import zip_longest

from quizgen import cloze
from quizgen.model import Bank, Fact
from quizgen.questions.answers import is_wrong, overlaps
from quizgen.questions.catalog import catalog_of, true_answers
from quizgen.questions.certainty import excludes, hedged, same_form
from quizgen.questions.values import SCALED_KINDS, nearby, scale_of
from quizgen.text import answer_key, content_words


def pick_distractors(fact: Fact, bank: Bank, rng: random.Random, count: int, below: int | None = None) -> list[str]:
    """Up to `count` wrong options, each certainly wrong and of the answer's form.

    Curated `distractors` first; then, for an exact year, date or number, values near it; then
    the answers of other facts of the same `category`. Nothing else: an option from a wider pool
    (any person for a French president) gives the answer away. For years, dates and numbers
    `below` says how many should be smaller than the answer, so the right one is not always
    in the middle of the ordered options.
    """
    truths = true_answers(fact, bank)
    names = catalog_of(bank).names
    scaled = exact_value(fact)
    # a value on a scale is chosen by side afterwards, so gather spares beyond `count`
    limit = 3 * count + 4 if scaled else count
    chosen: list[str] = []

    def accept(candidate: str, curated: bool = False) -> None:
        # a borrowed answer may not be named in the question, by any of its names
        shown = () if curated else names.get(answer_key(candidate), (candidate,))
        if (
            is_wrong(candidate, truths, fact.q, shown)
            and excludes(fact.a, candidate)
            and same_form(fact.a, candidate)
            and not taught_beside(candidate, fact, bank)
            and not any(overlaps(candidate, taken) for taken in chosen)
        ):
            chosen.append(candidate)

    curated = list(fact.distractors)
    rng.shuffle(curated)
    sources = [(candidate, True) for candidate in curated]
    if scaled:
        sources += [(candidate, False) for candidate in _synthesised(fact, rng, count)]
    if fact.category:
        borrowed = list(catalog_of(bank).categories.get(fact.category, ()))
        rng.shuffle(borrowed)
        sources += [(candidate, False) for candidate in borrowed]
    for candidate, is_curated in sources:
        if len(chosen) == limit:
            break
        accept(candidate, is_curated)
    return _by_side(fact, chosen, count, below, rng) if scaled else chosen


def taught_beside(candidate: str, fact: Fact, bank: Bank) -> bool:
    """A term option whose own words (those it does not share with the answer) the bank teaches as
    true on the same topic of the same article: DW's "mirror response" beside "asymmetric response",
    when DW says Russia "acted asymmetrically" in 2021, and a student who read it can defend it."""
    if fact.kind != "term":
        return False
    catalog = catalog_of(bank)
    own = (content_words(candidate, cut=8) - content_words(fact.a, cut=8)) - catalog.common_words
    return bool(own) and own <= _taught_words(fact, bank)


def _taught_words(fact: Fact, bank: Bank) -> frozenset[str]:
    """The words of what the other facts of this article sharing a tag with `fact` teach as true."""
    memo = catalog_of(bank).memo
    taught = memo.taught
    if fact.id not in taught:
        if not memo.articles:  # each fact looks only at its own article's (10,000 facts: 100, not 10,000)
            for each in bank.facts:
                memo.articles.setdefault(each.source.id, []).append(each)
        words: set[str] = set()
        for other in memo.articles.get(fact.source.id, ()):
            if other.id != fact.id and set(other.tags) & set(fact.tags):
                texts = [d.text for d in cloze.deletions(other.cloze)] if other.cloze else [other.a]
                words.update(*(content_words(text, cut=8) for text in texts))
        taught[fact.id] = frozenset(words)
    return taught[fact.id]


def _by_side(fact: Fact, chosen: list[str], count: int, below: int | None, rng: random.Random) -> list[str]:
    """`count` options of which `below` are smaller than the answer (curated first on each side).

    Without a wish, the number below is drawn evenly from what both sides can supply, so the
    answer is not pushed to an end of the ordered list when one side is short (a year just
    before the article's own).
    """
    answer_scale = scale_of(fact.kind, fact.a)
    if answer_scale is None:  # (callers pass scaled answers only)
        return chosen[:count]
    answer = answer_scale.value
    values = {text: scale.value for text in chosen if (scale := scale_of(fact.kind, text)) is not None}
    under = [t for t in chosen if t in values and values[t] < answer]
    over = [t for t in chosen if t in values and values[t] > answer]
    low, high = max(0, count - len(over)), min(count, len(under))
    if low > high:  # too few on both sides together
        return (under + over)[:count]
    wanted = rng.randint(low, high) if below is None else max(low, min(below, high))
    return under[:wanted] + over[: count - wanted]


def exact_value(fact: Fact) -> bool:
    """A year, date or number asked and answered exactly, so a nearby value is certainly wrong."""
    return (
        fact.kind in SCALED_KINDS
        and scale_of(fact.kind, fact.a) is not None
        and not hedged(fact.a)
        and not hedged(fact.q)
    )


def _synthesised(fact: Fact, rng: random.Random, count: int) -> list[str]:
    """Values near the answer, `count` + 2 on each side where the scale allows (spares in case some
    coincide with a true answer), nearest first, alternating sides."""
    scale = scale_of(fact.kind, fact.a)
    if scale is None:  # an answer off any scale gets no made-up neighbours
        return []
    latest = max((c.source.year for c in fact.citations if c.source.year), default=None)
    values = nearby(scale, count + 2, count + 2, rng, latest)
    under = [v for v in values if v < scale.value][::-1]
    over = [v for v in values if v > scale.value]
    ordered = [v for pair in zip_longest(under, over) for v in pair if v is not None]
    return [scale.format(value) for value in ordered]
