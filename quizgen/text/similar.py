"""When two questions ask the same thing: the one rule of the bank check and the question builders."""

from __future__ import annotations

import math

from quizgen.text.words import content_words

SAME_QUESTION = 0.6  # share of all their content words two questions must have in common


def same_question(words_a: frozenset[str], words_b: frozenset[str]) -> bool:
    """Two questions asking nearly the same thing, by their `content_words` (Jaccard >= 0.6)."""
    small, large = sorted((len(words_a), len(words_b)))
    if not small or small < SAME_QUESTION * large:  # (a quick bound: shared <= small, union >= large)
        return False
    shared = len(words_a & words_b)
    return shared / (small + large - shared) >= SAME_QUESTION


def prefix_length(count: int) -> int:
    """How many of a question's `count` words, rarest first, a same question shares one of.

    A same question shares at least ceil(0.6 * count) of the words, so it misses at most
    count - ceil(0.6 * count) of them: one of that many words plus one is always shared
    (prefix filtering, so only facts asking with a rare word need comparing).
    """
    return count - math.ceil(SAME_QUESTION * count) + 1


# Facts with the same answer repeat each other with fewer words in common: the longer question
# repeats this share of the shorter one's words, and they share this share of all their words
# (so one long question that mentions everything does not match every short one). Whole words
# here: with the looser shares, five-letter stems would make 'international' repeat 'internal'.
REPEATED_WORDS = 0.5
SHARED_WORDS = 0.25
# words that frame a question rather than say what it asks about
QUESTION_FRAME = frozenset(
    {"how", "many", "much", "do", "been", "year", "date", "month", "name", "called", "after", "into", "his", "her"}
)


def repeats_question(question_a: str, question_b: str) -> bool:
    """Two questions that repeat each other when their answers agree: every `same_question` pair,
    and pairs where the longer question mostly repeats the shorter one's words (numbers and the
    question's frame aside: 'Covid-19', '(IPN, 2020)' and 'which year' say when, not what is asked)."""
    if same_question(content_words(question_a), content_words(question_b)):
        return True
    words_a, words_b = _meaningful(question_a), _meaningful(question_b)
    if not words_a or not words_b:
        return False
    shared = len(words_a & words_b)
    return (
        shared / min(len(words_a), len(words_b)) >= REPEATED_WORDS and shared / len(words_a | words_b) >= SHARED_WORDS
    )


def _meaningful(question: str) -> frozenset[str]:
    return frozenset(
        word for word in content_words(question, cut=None) if word not in QUESTION_FRAME and not word.isdigit()
    )
