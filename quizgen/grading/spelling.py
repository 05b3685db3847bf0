"""How answers are compared as text: one folded form, and what counts as a small slip."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from quizgen.grading.quantity import number_words

ARTICLES = {"the", "a", "an"}
# Terminal escape sequences (an arrow key typed into a pipe) and other control characters.
_CONTROLS = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """The answer without escape sequences and control characters."""
    return _CONTROLS.sub("", text)


def signs_as_words(text: str) -> str:
    """'<40%', '≥ 5': a comparison sign is words, not punctuation to drop ('<40%' is not '40%')."""
    for sign, words in (
        ("<=", " at most "),
        (">=", " at least "),
        ("≤", " at most "),
        ("≥", " at least "),
        ("<", " less than "),
        (">", " more than "),
    ):
        text = text.replace(sign, words)
    return text


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Case, accents, punctuation, articles folded away; number words and grouped digits as digits."""
    text = signs_as_words(clean(text)).replace("&", " and ")
    text = re.sub(r"(?<=\w)['’]s\b", "", text)  # NATO's office is NATO office
    text = re.sub(r"(?<=[^\W\d_])\.(?=[^\W\d_]|\s|$)", "", text)  # U.S. is US
    words = number_words(text).split()
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein: a swap of two neighbouring letters is one slip."""
    return DamerauLevenshtein.distance(a, b)


def allowed_slips(wanted: str) -> int:
    """None in a word of up to 5 letters, one up to 10, two in a longer one."""
    letters = len(wanted.replace(" ", ""))
    return 0 if letters <= 5 else 1 if letters <= 10 else 2


def is_typo(given: str, wanted: str) -> bool:
    """A small slip that keeps every word's first letter (Prussia is not a slip for Russia)."""
    if given == wanted or not given:
        return False
    if any(d.isdigit() for d in given + wanted) and re.findall(r"\d+", given) != re.findall(r"\d+", wanted):
        return False  # no slip is small in a number
    got, want = given.split(), wanted.split()
    heads = ([w[0] for w in got] == [w[0] for w in want]) if len(got) == len(want) else given[0] == wanted[0]
    return heads and distance(given, wanted) <= allowed_slips(wanted)
