"""Event labels on a time axis: which are clear enough to order or match with a year."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from quizgen.model import Fact
from quizgen.text import content_words

ALIKE = 0.5  # share of the shorter label's telling words two alike labels have in common
SHARED_MIN = 2  # and at least this many: "Finland joins NATO" and "North Macedonia joins NATO" differ
COMMON = 0.1  # a word in more than this share of labels ("NATO", "Russia") tells nothing
_YEAR_IN_TEXT = re.compile(r"\b(1[89]|20)\d\d\b")


def dated(fact: Fact) -> bool:
    """A fact with a date and a label that does not print the year."""
    return fact.when is not None and fact.event is not None and not _YEAR_IN_TEXT.search(fact.event)


def common_words(facts: Iterable[Fact]) -> frozenset[str]:
    """Words found in so many event labels that sharing them says nothing."""
    labels = [content_words(fact.event) for fact in facts if dated(fact)]
    counts = Counter(word for words in labels for word in words)
    return frozenset(word for word, n in counts.items() if n >= 3 and n > COMMON * len(labels))


def labels_alike(one: str, other: str, common: frozenset[str] = frozenset()) -> bool:
    """'NRC meetings resume' and 'NATO decides to resume formal NRC meetings' name alike events."""
    a, b = content_words(one) - common, content_words(other) - common
    shared = len(a & b)
    return shared >= SHARED_MIN and shared / min(len(a), len(b)) >= ALIKE


def ambiguous_events(facts: Iterable[Fact], common: frozenset[str]) -> frozenset[str]:
    """Ids of facts whose label also fits an event of another year (a resumption, a second cut).

    A learner who knows the other event could place either label at either date, so neither
    label is asked on a time axis.
    """
    events = [fact for fact in facts if dated(fact)]
    by_word: dict[str, list[int]] = {}
    for number, fact in enumerate(events):
        for word in content_words(fact.event) - common:
            by_word.setdefault(word, []).append(number)
    unclear: set[str] = set()
    for number, one in enumerate(events):
        # only labels sharing a word can be alike: compare with those, each pair once
        for other_number in sorted({n for w in content_words(one.event) - common for n in by_word[w] if n > number}):
            other = events[other_number]
            if one.date.year != other.date.year and labels_alike(one.event_label, other.event_label, common):
                unclear.update((one.id, other.id))
    return frozenset(unclear)
