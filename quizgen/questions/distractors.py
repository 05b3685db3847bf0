"""Wrong answers of the same kind as the right one, never true, best candidates first."""

from __future__ import annotations

import random
import zlib
from collections import Counter

from quizgen.model import Bank, Fact
from quizgen.questions.answers import answer_key, content_words, is_wrong, overlaps
from quizgen.questions.catalog import (SORTS, Catalog, catalog_of, entries_with, sort_asked,
                                       traits_of, true_answers)
from quizgen.questions.values import SCALED_KINDS, nearby, scale_of


SHORTLIST = 64  # candidates ranked per question; bigger pools are narrowed by shared words first
CAP = 2 * SHORTLIST  # a word shared by more entries than this is too common to take all of them


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
    upper, pair, length = fact.a[:1].isupper(), " and " in fact.a, len(fact.a.split())
    # a city for a city: the folded sorts weigh most, other words of what is asked a little
    weights = {word: 3 if word in SORTS else 1 for word in asked}
    known, sort_scores = catalog.traits, {}
    scored = []
    for text in _shortlist(fact.kind, profile, asked, catalog, own):
        traits = known.get(text) or traits_of(text, catalog)
        if traits.key == own:
            continue
        score = len(traits.words & profile)
        if weights and not weights.keys().isdisjoint(traits.sorts):
            same_sort = sort_scores.get(traits.sorts)
            if same_sort is None:
                same_sort = sort_scores[traits.sorts] = sum(weights[word] for word in asked & traits.sorts)
            score += same_sort
        # options that look alike: both capitalised or not, both pairs ('X and Y'), similar length
        score += (traits.upper == upper) + (traits.pair == pair)
        score += 0.5 if -1 <= traits.length - length <= 1 else 0.0
        scored.append((-score, traits.key, text))
    if not scored:
        return []
    scored.sort()
    # a little randomness among candidates about as good as the best ones, so seeds differ
    # while weaker candidates (a country where a city is asked for) stay out when enough good ones exist
    bar = -scored[min(count, len(scored)) - 1][0] - 0.5
    size = max(count, sum(1 for score, _, _ in scored[:count * 2] if -score >= bar))
    head = [text for _, _, text in scored[:size]]
    rng.shuffle(head)
    return head + [text for _, _, text in scored[size:]]


def _shortlist(kind: str, profile: frozenset[str], asked: frozenset[str], catalog: Catalog,
               own: str) -> tuple[str, ...]:
    """The pool of a kind, or in a big bank a bounded set of entries sharing words with the question.

    Entries sharing the rarest words come first. A word shared by too many entries to take them
    all contributes a window of its entries, those sharing most other words of the question first;
    so the candidates, and the cost of ranking them, stay bounded however big the bank grows.
    """
    pool = catalog.pools.get(kind, ())
    if len(pool) <= SHORTLIST:
        return pool
    words = [*profile, *(f"sort:{sort}" for sort in asked)]
    words.sort(key=lambda word: (len(catalog.pool_index.get((kind, word), ())), word))
    chosen: dict[str, None] = {}
    for position, word in enumerate(words):
        entries = catalog.pool_index.get((kind, word), ())
        if len(chosen) + len(entries) > CAP:
            _add_window(chosen, kind, words[position:], catalog, own)
            break
        chosen.update(dict.fromkeys(entries))
        if len(chosen) >= SHORTLIST:
            break
    for text in pool:  # questions sharing few words still need enough candidates
        if len(chosen) >= SHORTLIST:
            break
        chosen.setdefault(text)
    return tuple(chosen)


def _add_window(chosen: dict[str, None], kind: str, common: list[str], catalog: Catalog, own: str) -> None:
    """Fill `chosen` up to SHORTLIST from the entries of common words, most shared words first."""
    room = SHORTLIST - len(chosen)
    entries = catalog.pool_index.get((kind, common[0]), ())
    # a window starting at a place fixed by the answer, so questions borrow from different entries
    start = zlib.crc32(own.encode()) % len(entries)
    window = entries[start:start + room * 2] + entries[:max(0, start + room * 2 - len(entries))]
    shared = Counter(window)
    for word in common[1:]:
        shared.update(entries_with(kind, word, catalog).intersection(window))
    # a stable sort: entries sharing as many words keep their window order
    chosen.update(dict.fromkeys(sorted(window, key=shared.__getitem__, reverse=True)[:room]))
