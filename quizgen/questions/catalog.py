"""Per-bank lookups computed once and reused for every question built from that bank."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from quizgen.model import Bank, Fact
from quizgen.questions.answers import SAME_QUESTION, answer_key, content_words, same_question

_ASKED = re.compile(r"\b(?:which|what)((?: [\w-]+){1,3})", re.IGNORECASE)
_SORT_OF_WORD = {  # five-letter stems (see content_words) -> the sort of thing asked for
    **dict.fromkeys(("count", "state", "membe", "ally", "partn", "natio", "neigh"), "country"),
    **dict.fromkeys(("city", "harbo", "port", "capit", "summi", "town"), "city"),
    **dict.fromkeys(("sea", "basin", "strai", "ocean"), "sea"),
    **dict.fromkeys(("regio", "provi", "place", "part", "world"), "region"),
}
SORTS = frozenset(_SORT_OF_WORD.values())
_RECENT: list[tuple[Bank, "Catalog"]] = []  # strong references, so an id is never reused while cached


@dataclass(frozen=True)
class Catalog:
    question_words: dict[str, frozenset[str]]   # fact id -> content words of its question
    roles: dict[str, frozenset[str]]            # person answer key -> words of all their roles
    role_texts: dict[str, tuple[str, ...]]      # person answer key -> every role given for them
    pools: dict[str, tuple[str, ...]]           # kind -> answers and curated distractors, deduplicated
    sorts: dict[str, frozenset[str]]            # answer key -> what its questions ask for ("country")
    facts: dict[str, tuple[Fact, ...]]          # kind -> facts
    names: dict[str, tuple[str, ...]]           # answer key -> the answer and its alternatives
    index: dict[tuple[str, str], tuple[Fact, ...]]  # (kind, question word) -> facts asking with it
    truths: dict[str, tuple[str, ...]]          # fact id -> true answers, filled in as asked
    pool_index: dict[tuple[str, str], tuple[str, ...]]  # (kind, word or 'sort:x') -> pool entries
    pool_sets: dict[tuple[str, str], frozenset[str]]    # pool_index as sets, filled in as needed
    traits: dict[str, "Traits"]                 # pool entry -> what likeness compares, filled in as asked
    choosable: dict[str, tuple[Fact, bool]]     # fact id -> (fact, has 2+ distractors), filled in as asked
    spares: dict[str, tuple[str, ...]]          # matching flavour -> spare right-hand items (as asked)


@dataclass(frozen=True)
class Traits:
    """A pool entry's features that distractor likeness compares, worked out once per bank."""

    key: str                  # answer_key of the entry
    words: frozenset[str]     # its content words and, for a person, those of their roles
    sorts: frozenset[str]     # what the questions it answers ask for
    upper: bool               # starts with a capital
    pair: bool                # 'X and Y'
    length: int               # words


def catalog_of(bank: Bank) -> Catalog:
    for cached_bank, catalog in _RECENT:
        if cached_bank is bank:
            return catalog
    catalog = _build(bank)
    _RECENT.insert(0, (bank, catalog))
    del _RECENT[4:]
    return catalog


def _build(bank: Bank) -> Catalog:
    roles: dict[str, set[str]] = {}
    role_texts: dict[str, list[str]] = {}
    pools: dict[str, dict[str, str]] = {}
    sorts: dict[str, set[str]] = {}
    names: dict[str, list[str]] = {}
    for fact in bank.facts:
        names.setdefault(answer_key(fact.a), [fact.a]).extend(fact.alt)
        if fact.kind == "person" and fact.role:
            for name in (fact.a, *fact.alt):
                roles.setdefault(answer_key(name), set()).update(content_words(fact.role))
                role_texts.setdefault(answer_key(name), []).append(fact.role)
        pool = pools.setdefault(fact.kind, {})
        asked = sort_asked(fact.q)
        for text in (fact.a, *fact.distractors):
            pool.setdefault(answer_key(text), text)
            sorts.setdefault(answer_key(text), set()).update(asked)
    return Catalog(
        question_words={fact.id: content_words(fact.q) for fact in bank.facts},
        roles={key: frozenset(words) for key, words in roles.items()},
        role_texts={key: tuple(texts) for key, texts in role_texts.items()},
        pools={kind: tuple(pool.values()) for kind, pool in pools.items()},
        sorts={key: frozenset(words) for key, words in sorts.items()},
        facts={kind: tuple(bank.of_kind(kind)) for kind in pools},
        names={key: tuple(texts) for key, texts in names.items()},
        index=_word_index(bank),
        truths={},
        pool_index=_pool_index(pools, roles, sorts),
        pool_sets={},
        traits={},
        choosable={},
        spares={},
    )


def _pool_index(pools, roles, sorts) -> dict[tuple[str, str], tuple[str, ...]]:
    """Which pool entries carry a word (of their text or role) or answer a sort of question."""
    index: dict[tuple[str, str], list[str]] = {}
    for kind, pool in pools.items():
        for key, text in pool.items():
            words = content_words(text) | roles.get(key, set()) | {f"sort:{s}" for s in sorts.get(key, ())}
            for word in words:
                index.setdefault((kind, word), []).append(text)
    return {key: tuple(texts) for key, texts in index.items()}


def _word_index(bank: Bank) -> dict[tuple[str, str], tuple[Fact, ...]]:
    index: dict[tuple[str, str], list[Fact]] = {}
    for fact in bank.facts:
        for word in content_words(fact.q):
            index.setdefault((fact.kind, word), []).append(fact)
    return {key: tuple(facts) for key, facts in index.items()}


def traits_of(text: str, catalog: Catalog) -> Traits:
    """The entry's Traits, from the catalog's cache."""
    found = catalog.traits.get(text)
    if found is None:
        key = answer_key(text)
        found = catalog.traits[text] = Traits(
            key, content_words(text) | catalog.roles.get(key, frozenset()),
            catalog.sorts.get(key, frozenset()), text[:1].isupper(), " and " in text, len(text.split()))
    return found


def entries_with(kind: str, word: str, catalog: Catalog) -> frozenset[str]:
    """The pool entries of a kind carrying a word, as a set (for membership tests)."""
    found = catalog.pool_sets.get((kind, word))
    if found is None:
        found = catalog.pool_sets[(kind, word)] = frozenset(catalog.pool_index.get((kind, word), ()))
    return found


def sort_asked(question: str) -> frozenset[str]:
    """What a question asks for: the words after 'which'/'what', folded into a few sorts of place."""
    match = _ASKED.search(question)
    if not match:
        return frozenset()
    words = content_words(match.group(1))
    return frozenset(_SORT_OF_WORD.get(word, word) for word in words)


def true_answers(fact: Fact, bank: Bank) -> tuple[str, ...]:
    """The answer, its alternatives, and the answers of same-kind facts asking the same question."""
    catalog = catalog_of(bank)
    cached = catalog.truths.get(fact.id)
    if cached is not None and cached[0] == fact.a:
        return cached
    words = catalog.question_words.get(fact.id) or content_words(fact.q)
    # two questions this alike share one of the rarer words (prefix filtering), so only facts
    # asking with one of those need comparing
    rare = sorted(words, key=lambda word: (len(catalog.index.get((fact.kind, word), ())), word))
    prefix = rare[:len(rare) - math.ceil(SAME_QUESTION * len(rare)) + 1]
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
