"""When two answers are the same answer, and which answers are true for a question."""

from __future__ import annotations

import re
from functools import lru_cache

from quizgen.folding import fold

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NOT_WORD = re.compile(r"[^a-z0-9%$]+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an) ")
SAME_QUESTION = 0.6  # share of question words two facts must have in common to ask the same thing
_STOPWORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "did", "does", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "what", "when", "where", "which", "who", "whom", "whose", "why", "with", "according", "article"])


@lru_cache(maxsize=1 << 16)
def answer_key(text: str) -> str:
    """A comparable form: no accents, case, punctuation or leading article ('The Cold War' = 'cold war')."""
    if text.isascii():  # nothing to fold but case (most text): the same key, much faster
        text = text.casefold()
    else:
        text = fold(text.translate(_QUOTES))
    text = _NOT_WORD.sub(" ", text.replace("'s ", " ")).strip()
    return _LEADING_ARTICLE.sub("", text)


@lru_cache(maxsize=1 << 14)
def content_words(text: str) -> frozenset[str]:
    """Words that carry meaning, cut to five letters so 'Russian' and 'Russia' agree."""
    return frozenset(word[:5] for word in answer_key(text).split()
                     if word not in _STOPWORDS and len(word) > 1)


def contains_words(text_key: str, key: str) -> bool:
    """Whether `key` occurs in `text_key` as whole words."""
    return bool(key) and f" {key} " in f" {text_key} "


def overlaps(a: str, b: str) -> bool:
    """Same answer, or one is part of the other ('NATO' and 'NATO members')."""
    key_a, key_b = answer_key(a), answer_key(b)
    return key_a == key_b or contains_words(key_a, key_b) or contains_words(key_b, key_a)


def same_question(words_a: frozenset[str], words_b: frozenset[str]) -> bool:
    """Two questions asking nearly the same thing (by their content words)."""
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= SAME_QUESTION


def is_wrong(candidate: str, truths: tuple[str, ...], prompt: str, names: tuple[str, ...] = ()) -> bool:
    """A usable wrong answer: overlaps no true answer, and none of its `names` is in the question."""
    if any(overlaps(candidate, truth) for truth in truths):
        return False
    if not names:
        return True
    prompt_key = answer_key(prompt)
    if any(contains_words(prompt_key, answer_key(name)) for name in names):
        return False
    initials = "".join(word[0] for word in candidate.split() if word[:1].isupper())
    # 'European Union' is named in a question that says 'EU'
    return len(initials) < 2 or not re.search(rf"\b{initials}\b", prompt)
