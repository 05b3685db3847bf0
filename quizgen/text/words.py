"""Folding and words: comparable keys, word tokens, number words and the named stop-word sets."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from functools import lru_cache

# Typographic quotes, primes, dashes, the no-break space and the ellipsis, as a reader types them
PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2026": "...",
    }
)
_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^a-z0-9%$]+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an) ")

ARTICLES = frozenset({"the", "a", "an"})
# Words too small to carry part of an answer: "the Arab Spring" is supported by "Arab Spring"
FILLER = ARTICLES | {"of", "and", "in", "on", "to", "for", "with", "by", "at", "s", "its"}
# Words that carry no meaning of a question: what it asks is in the rest
FUNCTION_WORDS = ARTICLES | frozenset(
    "and are as at be by did does for from has have in is it its of on or that their this "
    "to was were what when where which who whom whose why with according article".split()
)


def fold(text: str) -> str:
    """'Cenuşa' -> 'cenusa': compatibility-decomposed, accents dropped, case folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def plain(text: str) -> str:
    """Fold white space, typographic quotes and dashes, so quotes match as a reader sees them."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(PUNCTUATION)).strip()


@lru_cache(maxsize=1 << 16)
def answer_key(text: str) -> str:
    """A comparable form: no accents, case, punctuation or leading article ('The Cold War' = 'cold war')."""
    if text.isascii():  # nothing to fold but case (most text): the same key, much faster
        text = text.replace("`", "'").casefold()
    else:
        text = fold(text.translate(PUNCTUATION))
    text = _NOT_WORD.sub(" ", text.replace("'s ", " ")).strip()
    return _LEADING_ARTICLE.sub("", text)


def contains_words(text_key: str, key: str) -> bool:
    """Whether `key` occurs in `text_key` as whole words (both made by `answer_key`)."""
    return bool(key) and f" {key} " in f" {text_key} "


@lru_cache(maxsize=1 << 14)
def content_words(text: str, cut: int | None = 5) -> frozenset[str]:
    """Words that carry meaning, cut to five letters so 'Russian' and 'Russia' agree (`cut` None:
    whole words, so 'international' and 'internal' differ)."""
    return frozenset(word[:cut] for word in answer_key(text).split() if word not in FUNCTION_WORDS and len(word) > 1)


def number_words(text: str) -> str:
    """Folded text with number words and grouped digits as plain numbers: 'Twenty-eight' and
    'twenty eight' are '28', '14,000' is '14000', '%' and 'per cent' are 'percent'."""
    from text_to_num import alpha2digit  # a few ms to import: only where numbers are read

    text = fold(plain(text)).replace("%", " percent ")
    text = re.sub(r"\bper ?cent\b", "percent", text)
    text = re.sub(r"(?<=\d)[,\u2009\u202f ](?=\d{3}\b)", "", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # 'fifty-three', read like 'fifty three'
    with contextlib.suppress(ValueError, IndexError):  # a sequence text2num cannot read stays as written
        text = alpha2digit(text, "en", threshold=0)
    return " ".join(text.split())


_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th|s)$")
_TOKEN = re.compile(r"[a-z0-9]+")
_EXTRA_NUMBERS = {"half": "50"}  # 'half' of something is 50 per cent of it


@lru_cache(maxsize=1 << 16)
def tokens(text: str) -> tuple[str, ...]:
    """Folded word tokens with numbers in one notation: 'Eight', '8' and '8th' are all '8'."""
    found = []
    for token in _TOKEN.findall(number_words(text)):
        token = _ORDINAL.sub(r"\1", token)
        found.append(_EXTRA_NUMBERS.get(token, token))
    return tuple(found)
