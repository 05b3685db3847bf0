"""Give-aways: when one card's text states what another card asks, computed once per bank."""

from __future__ import annotations

from collections import Counter
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
    stem_texts,
    without_citations,
    years_in,
)
from quizgen.questions.catalog import catalog_of, common_answer_words
from quizgen.questions.spacing import spaced  # noqa: F401 (read from here by the quiz, Anki and the page)
from quizgen.text import contains_words, content_words

T = TypeVar("T")

FREQUENT = 0.05  # a word in more than this share of questions ('NATO', 'Russia', 'Covid') names no topic


@dataclass(frozen=True)
class Shown:
    """One printed text, ready to compare: its word key and its content words, citations left out."""

    key: str
    words: frozenset[str]
    years: frozenset[str] = frozenset()  # the years it states (none for an option to choose from)
    text: str = ""  # as printed (for a note naming the words that give an answer away)


def shown_texts(question) -> tuple[Shown, ...]:
    """Everything `question` prints, ready to compare."""
    stems = set(stem_texts(question))
    return tuple(shown(text, text in stems) for text in printed_texts(question))


def shown(text: str, stem: bool = True) -> Shown:
    plain = without_citations(text)
    return Shown(stem_key(plain), _stems(content_words(plain)), years_in(plain) if stem else frozenset(), text)


def _stems(words) -> frozenset[str]:
    """Words cut to five letters, as `stem_key` cuts them: 'creating' speaks of a 'creation'."""
    return frozenset(word[:5] for word in words)


class Telling:
    """The give-away rule of one bank: which printed text states which asked answer.

    `giveaway_pairs(bank)` is the one list every output that sequences cards uses (worksheets never
    put a pair on one sheet; the quiz and the study page never show one right after the other).
    `Telling` holds the rule itself, so that a worksheet can also compare the questions it builds
    (their options, matched items and ordered events print more than the fact's own question)."""

    def __init__(self, facts) -> None:
        facts = list(facts)
        self.common = common_answers(facts)
        counts = Counter(word for fact in facts for word in content_words(fact.q) | _event_words(fact))
        limit = max(3, FREQUENT * len(facts))
        self.frequent = frozenset(word for word, n in counts.items() if n > limit)
        self.answer_words = common_answer_words(facts)  # 'Council', 'NATO': in many answers, telling nothing

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
        """What `question` asks, as printed texts must not state it. Besides each answer: a year it
        asks (a matched or ordered event's, a date's or year's) that it does not print itself is
        stated by any statement naming that year ("their 2014 pause" beside "froze cooperation ->
        ___"); and a typed or chosen answer of several words is stated by a text printing half of
        its telling words, one a name or number ("in Lisbon … at summit level": "Lisbon Summit
        Joint Statement")."""
        # an ordered event's month and year places it only where a text speaks of that event
        topical = hasattr(question, "order")
        found = [a for a in (self.ask(fact, form, topical) for fact, form in asked(question)) if a is not None]
        own = [shown(text) for text in stem_texts(question)]
        printed = frozenset().union(*(text.years for text in own))
        years = {year for fact, form in asked(question) if _dating(question, fact) for year in years_in(form)}
        years -= printed
        found += [Ask(year, False, frozenset(), year=True) for year in sorted(years)]
        if not hasattr(question, "facts"):  # a single question: a typed or chosen answer
            seen = frozenset().union(*(text.words for text in own))
            found += [
                a
                for a in (self.part_of(form, seen, fact.kind == "person") for fact, form in asked(question))
                if a is not None
            ]
            found += [a for a in (self.all_but_one(form, own) for _, form in asked(question)) if a is not None]
        return tuple(found)

    def all_but_one(self, form: str, own) -> Ask | None:
        """`form`, of three telling words or more, as told by itself less one word that is not a
        number, in order ("joint council" tells "Permanent Joint Council"; "alert" does not tell
        "alert 3"), where what is left holds a word not frequent in the bank; `part_of` misses an
        answer all of whose words are common answer words. None when no such phrase is left, or the
        question prints it itself."""
        words = stem_key(form).split()
        telling = content_words(form)
        weighty = [w for w in words if w in telling or w.isdigit()]
        if len(weighty) < 3:
            return None
        phrases = []
        for i, word in enumerate(words):
            if word not in telling or word.isdigit():
                continue
            rest = words[:i] + words[i + 1 :]
            while rest and rest[0] not in weighty:
                rest.pop(0)
            while rest and rest[-1] not in weighty:
                rest.pop()
            phrase = " ".join(rest)
            if set(rest) & telling - self.frequent and not any(contains_words(text.key, phrase) for text in own):
                phrases.append(phrase)
        return Ask(stem_key(form), False, frozenset(), phrases=tuple(phrases)) if phrases else None

    def part_of(self, form: str, seen: frozenset[str], person: bool = False) -> Ask | None:
        """`form` as told by half its telling words, one a name or number (None for a short answer,
        or one whose names the question prints itself). A person is told by the surname: 'Alexander
        Vershbow' does not tell 'Alexander Grushko'."""
        part = content_words(form) - self.frequent - self.answer_words
        named = form.split()[-1:] if person else form.split()
        names = content_words(" ".join(w for w in named if w[:1].isupper() or any(c.isdigit() for c in w)))
        distinct = (names & part) - seen
        if len(part) < 2 or not distinct:
            return None
        return Ask(stem_key(form), False, frozenset(), part=part, distinct=distinct)

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
    year: bool = False  # a year asked: stated by any statement naming it, whatever its topic
    part: frozenset[str] = frozenset()  # an answer's telling words: half of them state it …
    distinct: frozenset[str] = frozenset()  # … when one of them is a name or number
    phrases: tuple[str, ...] = ()  # the answer less one word, any of them printed states it

    def stated_in(self, text: Shown) -> bool:
        if self.phrases:
            return any(contains_words(text.key, phrase) for phrase in self.phrases)
        if self.year:
            return self.key in text.years
        if self.part:
            return bool(text.words & self.distinct) and 2 * len(text.words & self.part) >= len(self.part)
        return contains_words(text.key, self.key) and (not self.topical or bool(text.words & self.topic))


def _dating(question, fact: Fact) -> bool:
    """Whether `question` asks when `fact` happened: an ordering, years to match, a year or date."""
    if hasattr(question, "facts"):
        return hasattr(question, "order") or getattr(question, "flavour", None) == "years"
    return fact.kind in ("year", "date")


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
