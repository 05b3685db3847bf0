"""Give-aways: when one card's text states what another card asks, computed once per bank.

`giveaway_pairs(bank)` is the one list every output that sequences cards uses (worksheets never put
a pair on one sheet; the quiz and the study page never show one right after the other). `Telling`
holds the rule itself, so that a worksheet can also compare the questions it builds (their options,
matched items and ordered events print more than the fact's own question).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from quizgen import cloze
from quizgen.model import Bank, Fact
from quizgen.questions.asked import (
    answer_forms,
    asked,
    common_answers,
    printed_texts,
    stem_key,
    without_citations,
)
from quizgen.questions.catalog import catalog_of
from quizgen.text import contains_words, content_words

T = TypeVar("T")

SEARCH_STEPS = 20_000  # steps of the search for an order keeping every give-away pair apart
SEARCH_DEPTH = 500  # items beyond which that search is not tried (the greedy order and moves remain)
FREQUENT = 0.05  # a word in more than this share of questions ('NATO', 'Russia', 'Covid') names no topic


@dataclass(frozen=True)
class Shown:
    """One printed text, ready to compare: its word key and its content words, citations left out."""

    key: str
    words: frozenset[str]


def shown_texts(question) -> tuple[Shown, ...]:
    """Everything `question` prints, ready to compare."""
    return tuple(shown(text) for text in printed_texts(question))


def shown(text: str) -> Shown:
    plain = without_citations(text)
    return Shown(stem_key(plain), _stems(content_words(plain)))


def _stems(words) -> frozenset[str]:
    """Words cut to five letters, as `stem_key` cuts them: 'creating' speaks of a 'creation'."""
    return frozenset(word[:5] for word in words)


class Telling:
    """The give-away rule of one bank: which printed text states which asked answer."""

    def __init__(self, facts) -> None:
        facts = list(facts)
        self.common = common_answers(facts)
        counts = Counter(word for fact in facts for word in content_words(fact.q) | _event_words(fact))
        limit = max(3, FREQUENT * len(facts))
        self.frequent = frozenset(word for word, n in counts.items() if n > limit)

    def topic(self, fact: Fact) -> frozenset[str]:
        """The telling words of what `fact` asks about (its question and its event label)."""
        return _stems(
            word
            for word in content_words(fact.q) | _event_words(fact)
            if word not in self.frequent and not word.isdigit()
        )

    def ask(self, fact: Fact, form: str, topical: bool = False) -> Ask | None:
        """What a printed text must not state: `form`, an answer of `fact` (None if it tells nothing).
        `topical`: the form counts only beside the fact's topic (always so for a bare number)."""
        key = stem_key(form)
        if not key or key in self.common:
            return None
        topical = topical or key.replace(" ", "").isdigit()
        return Ask(key, topical, self.topic(fact) if topical else frozenset())

    def asks(self, question) -> tuple[Ask, ...]:
        # an ordered event's month and year places it only where a text speaks of that event
        topical = hasattr(question, "order")
        return tuple(a for a in (self.ask(fact, form, topical) for fact, form in asked(question)) if a is not None)

    def states(self, text: Shown, fact: Fact, form: str) -> bool:
        """Whether `text` states `form`, an answer of `fact`.

        A bare year or number ('2020', '20') is common to many stories: a text states it only when
        it also speaks of the same thing (shares a telling word with the fact's question or event).
        """
        wanted = self.ask(fact, form)
        return wanted is not None and wanted.stated_in(text)

    def between(self, one, other) -> bool:
        """Whether question `one` prints what `other` asks, or the other way round."""
        return tells(shown_texts(one), self.asks(other)) or tells(shown_texts(other), self.asks(one))


@dataclass(frozen=True)
class Ask:
    """One answer a question asks, ready to look for in printed texts."""

    key: str
    topical: bool  # a bare year or number, an ordered event's date: stated only with its topic
    topic: frozenset[str]  # the telling words of what it is about (when topical)

    def stated_in(self, text: Shown) -> bool:
        return contains_words(text.key, self.key) and (not self.topical or bool(text.words & self.topic))


def tells(texts, asks) -> bool:
    """Whether any of `texts` (Shown) states any of `asks`."""
    return any(ask.stated_in(text) for ask in asks for text in texts)


def _event_words(fact: Fact) -> frozenset[str]:
    return content_words(fact.event) if fact.event else frozenset()


def card_texts(fact: Fact) -> list[str]:
    """What a fact's cards show: its question, its sentence filled in, its note, how it is derived."""
    return [
        fact.q,
        *([cloze.fill(fact.cloze)] if fact.cloze else []),
        *(text for text in (fact.note, fact.derived) if text),
    ]


def giveaway_pairs(bank: Bank) -> frozenset[tuple[str, str]]:
    """Unordered pairs of fact ids (sorted within each pair) where one fact's question, sentence or
    note states the other's answer. Computed once per bank."""
    memo = catalog_of(bank).memo
    if memo.giveaways is None:
        memo.giveaways = _pairs(bank.facts)
    return memo.giveaways


def spaced(
    items: list[T], pairs, key: Callable[[T], str], lanes: Callable[[T], Iterable[int]] = lambda item: (0,)
) -> list[T]:
    """`items` reordered so that no two neighbours are a give-away pair (by their `key`, a fact id),
    as near their order as that allows. Neighbours are taken within each lane (Anki shows a deck's
    first cards of every note, then the second ones: an item is in the lane of each of its cards).

    An order with no partners side by side is searched for (`_apart`), else built greedily; then,
    while two partners still meet in a lane, one item moves to the nearest place with fewer meetings.
    """
    partners: dict[str, set[str]] = {}
    for one, other in pairs:
        partners.setdefault(one, set()).add(other)
        partners.setdefault(other, set()).add(one)
    in_lane = {id(item): frozenset(lanes(item)) for item in items}

    def meet(a: T, b: T) -> bool:
        return key(b) in partners.get(key(a), ())

    def meetings(seq: list[T]) -> int:
        found = 0
        for lane in set().union(*in_lane.values()):
            queue = [item for item in seq if lane in in_lane[id(item)]]
            found += sum(meet(a, b) for a, b in zip(queue, queue[1:], strict=False))
        return found

    order = _apart(items, meet) or _greedy(items, meet)
    count = meetings(order)
    while count:
        better = next(
            (trial for moved in range(len(order)) for trial in _moves(order, moved) if meetings(trial) < count), None
        )
        if better is None:
            break
        order, count = better, meetings(better)
    return order


def _apart(items: list[T], meet: Callable[[T, T], bool], budget: int = SEARCH_STEPS) -> list[T] | None:
    """An order of `items` in which no neighbours meet, nearest the given order first (depth-first
    search, exhaustive for small decks), or None when none is found within `budget` steps."""
    if len(items) > SEARCH_DEPTH:  # (the search recurses once per item)
        return None
    order: list[T] = []
    used = [False] * len(items)
    steps = 0

    def extend() -> bool:
        nonlocal steps
        steps += 1
        if len(order) == len(items):
            return True
        if steps > budget:
            return False
        for n, item in enumerate(items):
            if not used[n] and (not order or not meet(order[-1], item)):
                used[n] = True
                order.append(item)
                if extend():
                    return True
                order.pop()
                used[n] = False
        return False

    return order if extend() else None


def _greedy(items: list[T], meet: Callable[[T, T], bool]) -> list[T]:
    """Each next item the first left that the one before does not meet (the first left if none)."""
    left, order = list(items), list[T]()
    while left:
        chosen = next((item for item in left if not order or not meet(order[-1], item)), left[0])
        left.remove(chosen)
        order.append(chosen)
    return order


def _moves(order: list[T], moved: int):
    """`order` with the item at `moved` put in each other place, nearest first."""
    rest = order[:moved] + order[moved + 1 :]
    for gap in sorted(range(len(rest) + 1), key=lambda gap: abs(gap - moved)):
        if gap != moved:
            yield rest[:gap] + [order[moved]] + rest[gap:]


def telling_of(bank: Bank) -> Telling:
    """The bank's give-away rule (built once per bank)."""
    memo = catalog_of(bank).memo
    if memo.telling is None:
        memo.telling = Telling(bank.facts)
    return memo.telling


def _pairs(facts) -> frozenset[tuple[str, str]]:
    telling = Telling(facts)
    texts = {fact.id: [shown(text) for text in card_texts(fact)] for fact in facts}
    own = {fact.id: {stem_key(form) for form in answer_forms(fact)} for fact in facts}
    by_word: dict[str, set[str]] = {}
    for fact_id, shown_texts in texts.items():
        for text in shown_texts:
            for word in text.key.split():
                by_word.setdefault(word, set()).add(fact_id)
    pairs: set[tuple[str, str]] = set()
    for fact in facts:
        for form in answer_forms(fact):
            key = stem_key(form)
            if not key:
                continue
            # only texts holding every word of the answer can state it; a card showing its own
            # answer, the same as this one, tells nothing about this card
            holders = set.intersection(*(by_word.get(word, set()) for word in key.split()))
            for other_id in sorted(holders - {fact.id}):
                if key not in own[other_id] and any(telling.states(text, fact, form) for text in texts[other_id]):
                    one, two = sorted((fact.id, other_id))
                    pairs.add((one, two))
    return frozenset(pairs)
