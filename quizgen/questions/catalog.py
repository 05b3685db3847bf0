"""Per-bank lookups computed once and reused for every question built from that bank."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quizgen.model import Bank, Fact
from quizgen.questions.events import ambiguous_events, common_words
from quizgen.text import answer_key, content_words
from quizgen.text.similar import prefix_length, same_question

if TYPE_CHECKING:
    from quizgen.questions.giveaways import Telling

_RECENT: list[tuple[Bank, Catalog]] = []  # strong references, so an id is never reused while cached


@dataclass
class Memo:
    """Whole-bank results computed once, when first asked."""

    giveaways: frozenset[tuple[str, str]] | None = None
    telling: Telling | None = None
    taught: dict[str, frozenset[str]] = field(default_factory=dict)  # fact id -> words taught as true
    articles: dict[str, list[Fact]] = field(default_factory=dict)  # source id -> its facts, bank order


@dataclass(frozen=True)
class Catalog:
    question_words: dict[str, frozenset[str]]  # fact id -> content words of its question
    role_texts: dict[str, tuple[str, ...]]  # person answer key -> every role given for them
    categories: dict[str, tuple[str, ...]]  # category -> answers of its facts, deduplicated
    names: dict[str, tuple[str, ...]]  # answer key -> the answer and its alternatives
    index: dict[tuple[str, str], tuple[Fact, ...]]  # (kind, question word) -> facts asking with it
    event_words: frozenset[str]  # words too common in event labels to tell them apart
    common_words: frozenset[str]  # words in many answers ('nato'): sharing them tells nothing
    unclear_events: frozenset[str]  # ids of facts whose event label fits another date
    truths: dict[str, tuple[str, ...]]  # fact id -> true answers, filled in as asked
    choosable: dict[str, tuple[Fact, bool]]  # fact id -> (fact, has three certainly wrong options), filled in as asked
    spares: dict[str, tuple[str, ...]]  # matching flavour -> spare right-hand items (as asked)
    memo: Memo


def catalog_of(bank: Bank) -> Catalog:
    for cached_bank, catalog in _RECENT:
        if cached_bank is bank:
            return catalog
    catalog = _build(bank)
    _RECENT.insert(0, (bank, catalog))
    del _RECENT[4:]
    return catalog


def _build(bank: Bank) -> Catalog:
    role_texts: dict[str, list[str]] = {}
    categories: dict[str, dict[str, str]] = {}
    names: dict[str, list[str]] = {}
    event_words = common_words(bank.facts)
    for fact in bank.facts:
        names.setdefault(answer_key(fact.a), [fact.a]).extend(fact.alt)
        if fact.kind == "person" and fact.role:
            for name in (fact.a, *fact.alt):
                role_texts.setdefault(answer_key(name), []).append(fact.role)
        if fact.category:
            categories.setdefault(fact.category, {}).setdefault(answer_key(fact.a), fact.a)
    return Catalog(
        question_words={fact.id: content_words(fact.q) for fact in bank.facts},
        role_texts={key: tuple(texts) for key, texts in role_texts.items()},
        categories={name: tuple(answers.values()) for name, answers in categories.items()},
        names={key: tuple(texts) for key, texts in names.items()},
        index=_word_index(bank),
        event_words=event_words,
        common_words=common_answer_words(bank.facts),
        unclear_events=ambiguous_events(bank.facts, event_words),
        truths={},
        choosable={},
        spares={},
        memo=Memo(),
    )


def common_answer_words(facts) -> frozenset[str]:
    """Words found in many answers and options ('nato', 'russia'), so sharing one says nothing."""
    counts: dict[str, int] = {}
    for fact in facts:
        for word in set().union(*(content_words(text) for text in (fact.a, *fact.distractors))):
            counts[word] = counts.get(word, 0) + 1
    limit = max(3, len(facts) // 50)
    return frozenset(word for word, n in counts.items() if n > limit)


def _word_index(bank: Bank) -> dict[tuple[str, str], tuple[Fact, ...]]:
    index: dict[tuple[str, str], list[Fact]] = {}
    for fact in bank.facts:
        for word in content_words(fact.q):
            index.setdefault((fact.kind, word), []).append(fact)
    return {key: tuple(facts) for key, facts in index.items()}


def true_answers(fact: Fact, bank: Bank) -> tuple[str, ...]:
    """The answer, its alternatives, and the answers of same-kind facts asking the same question."""
    catalog = catalog_of(bank)
    cached = catalog.truths.get(fact.id)
    if cached is not None and cached[0] == fact.a:
        return cached
    words = catalog.question_words.get(fact.id) or content_words(fact.q)
    rare = sorted(words, key=lambda word: (len(catalog.index.get((fact.kind, word), ())), word))
    prefix = rare[: prefix_length(len(rare))]
    answers = [fact.a, *fact.alt]
    seen = {fact.id}
    question_words = catalog.question_words
    for word in prefix:
        for other in catalog.index.get((fact.kind, word), ()):
            if other.id not in seen:
                seen.add(other.id)
                if same_question(words, question_words[other.id]):
                    answers += [other.a, *other.alt]
    catalog.truths[fact.id] = tuple(answers)
    return catalog.truths[fact.id]
