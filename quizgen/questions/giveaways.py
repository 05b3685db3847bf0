"""Give-aways: when one card's text states what another card asks, computed once per bank.

`giveaway_pairs(bank)` is the one list every output that sequences cards uses (worksheets never put
a pair on one sheet; the quiz and the study page never show one right after the other). `Telling`
holds the rule itself, so that a worksheet can also compare the questions it builds (their options,
matched items and ordered events print more than the fact's own question).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

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
    return Shown(stem_key(plain), content_words(plain))


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
        return frozenset(word for word in content_words(fact.q) | _event_words(fact)
                         if word not in self.frequent and not word.isdigit())

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
        return tuple(a for a in (self.ask(fact, form, topical) for fact, form in asked(question))
                     if a is not None)

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
    topical: bool              # a bare year or number, an ordered event's date: stated only with its topic
    topic: frozenset[str]      # the telling words of what it is about (when topical)

    def stated_in(self, text: Shown) -> bool:
        return contains_words(text.key, self.key) and (not self.topical or bool(text.words & self.topic))


def tells(texts, asks) -> bool:
    """Whether any of `texts` (Shown) states any of `asks`."""
    return any(ask.stated_in(text) for ask in asks for text in texts)


def _event_words(fact: Fact) -> frozenset[str]:
    return content_words(fact.event) if fact.event else frozenset()


def card_texts(fact: Fact) -> list[str]:
    """What a fact's cards show: its question, its sentence filled in, its note."""
    return [fact.q, *([cloze.fill(fact.cloze)] if fact.cloze else []), *([fact.note] if fact.note else [])]


def giveaway_pairs(bank: Bank) -> frozenset[tuple[str, str]]:
    """Unordered pairs of fact ids (sorted within each pair) where one fact's question, sentence or
    note states the other's answer. Computed once per bank."""
    memo = catalog_of(bank).memo
    if "giveaways" not in memo:
        memo["giveaways"] = _pairs(bank.facts)
    return memo["giveaways"]  # type: ignore[return-value]


def telling_of(bank: Bank) -> Telling:
    """The bank's give-away rule (built once per bank)."""
    memo = catalog_of(bank).memo
    if "telling" not in memo:
        memo["telling"] = Telling(bank.facts)
    return memo["telling"]  # type: ignore[return-value]


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
                if key not in own[other_id] and any(telling.states(text, fact, form)
                                                    for text in texts[other_id]):
                    one, two = sorted((fact.id, other_id))
                    pairs.add((one, two))
    return frozenset(pairs)
