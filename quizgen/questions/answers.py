"""When two answers are the same answer, and when an option is a usable wrong answer."""

from __future__ import annotations

import re

from quizgen.text import answer_key, contains_words


def overlaps(a: str, b: str) -> bool:
    """Same answer, or one is part of the other ('NATO' and 'NATO members')."""
    key_a, key_b = answer_key(a), answer_key(b)
    return key_a == key_b or contains_words(key_a, key_b) or contains_words(key_b, key_a)


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
