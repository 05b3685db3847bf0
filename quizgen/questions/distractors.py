"""Wrong answers of the same kind as the right one, never true, best candidates first."""

from __future__ import annotations

import random

from quizgen.model import Bank, Fact
from quizgen.questions.answers import answer_key, content_words, is_wrong, overlaps
from quizgen.questions.catalog import SORTS, catalog_of, sort_asked, true_answers
from quizgen.questions.values import SCALED_KINDS, nearby, scale_of


SHORTLIST = 200  # candidates ranked per question; bigger pools are narrowed by shared words first


def pick_distractors(fact: Fact, bank: Bank, rng: random.Random, count: int,
                     below: int | None = None) -> list[str]:
    """Up to `count` distractors: the curator's own first, then synthesised or borrowed ones.

    For years, dates and numbers `below` says how many should be smaller than the answer, so the
    right answer does not always sit in the middle of the ordered options.
    """
    truths = true_answers(fact, bank)
    chosen: list[str] = []

    names = catalog_of(bank).names

    def accept(candidate: str, written: bool = False) -> None:
        # the curator's own distractors may echo the question; borrowed ones may not, by any name
        shown = () if written else names.get(answer_key(candidate), (candidate,))
        if len(chosen) < count and is_wrong(candidate, truths, fact.q, shown) and all(
                not overlaps(candidate, taken) for taken in chosen):
            chosen.append(candidate)

    written = list(fact.distractors)
    rng.shuffle(written)
    for candidate in written:
        accept(candidate, written=True)
    if len(chosen) < count and fact.kind in SCALED_KINDS:
        for candidate in _synthesised(fact, rng, count - len(chosen), below):
            accept(candidate)
    if len(chosen) < count:
        for candidate in _borrowed(fact, bank, rng, count - len(chosen)):
            accept(candidate)
            if len(chosen) == count:
                break
    return chosen


def _synthesised(fact: Fact, rng: random.Random, count: int, below: int | None) -> list[str]:
    scale = scale_of(fact.kind, fact.a)
    if scale is None:
        return []
    wanted = rng.randint(0, count) if below is None else max(0, min(below, count))
    # ask for spare values on each side in case some coincide with a true answer
    values = nearby(scale, wanted + 2, count - wanted + 2, rng, fact.source.year)
    under = [v for v in values if v < scale.value][::-1]
    over = [v for v in values if v > scale.value]
    ordered = under[:wanted] + over[:count - wanted] + under[wanted:] + over[count - wanted:]
    return [scale.format(value) for value in ordered]


def _borrowed(fact: Fact, bank: Bank, rng: random.Random, count: int) -> list[str]:
    """Answers (and curated distractors) of other facts of the same kind, most similar first."""
    catalog = catalog_of(bank)
    profile = content_words(" ".join(p for p in (fact.a, fact.q, fact.role or "") if p))
    asked = sort_asked(fact.q)
    own = answer_key(fact.a)
    pool = [text for text in _shortlist(fact.kind, profile, asked, catalog) if answer_key(text) != own]

    def likeness(text: str) -> float:
        key = answer_key(text)
        words = content_words(text) | catalog.roles.get(key, frozenset())
        # a city for a city: the folded sorts weigh most, other words of what is asked a little
        same_sort = sum(3 if word in SORTS else 1 for word in asked & catalog.sorts.get(key, frozenset()))
        return len(words & profile) + same_sort + _shape_likeness(fact.a, text)

    scored = sorted(((likeness(text), text) for text in pool), key=lambda pair: (-pair[0], answer_key(pair[1])))
    if not scored:
        return []
    # a little randomness among candidates about as good as the best ones, so seeds differ
    # while weaker candidates (a country where a city is asked for) stay out when enough good ones exist
    bar = scored[min(count, len(scored)) - 1][0] - 0.5
    size = max(count, sum(1 for score, _ in scored[:count * 2] if score >= bar))
    head = [text for _, text in scored[:size]]
    rng.shuffle(head)
    return head + [text for _, text in scored[size:]]


def _shortlist(kind: str, profile: frozenset[str], asked: frozenset[str], catalog) -> tuple[str, ...]:
    """The pool of a kind, or in a big bank the entries sharing the rarest words with the question."""
    pool = catalog.pools.get(kind, ())
    if len(pool) <= SHORTLIST:
        return pool
    words = [*profile, *(f"sort:{sort}" for sort in asked)]
    words.sort(key=lambda word: (len(catalog.pool_index.get((kind, word), ())), word))
    chosen: dict[str, None] = {}
    for word in words:
        chosen.update(dict.fromkeys(catalog.pool_index.get((kind, word), ())))
        if len(chosen) >= SHORTLIST:
            break
    for text in pool:  # questions sharing few words still need enough candidates
        if len(chosen) >= SHORTLIST:
            break
        chosen.setdefault(text)
    return tuple(chosen)


def _shape_likeness(answer: str, text: str) -> float:
    """Options that look alike: both capitalised or not, both pairs ('X and Y'), similar length."""
    score = 0.0
    if text[:1].isupper() == answer[:1].isupper():
        score += 1
    if (" and " in text) == (" and " in answer):
        score += 1
    if abs(len(text.split()) - len(answer.split())) <= 1:
        score += 0.5
    return score
