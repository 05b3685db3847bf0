"""A typed number as a learner means it: value, unit, currency and qualifier ('not', 'more than')."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from text_to_num import alpha2digit

from quizgen.text import fold

# Shorthand after a number: 80bn, 14m, 5k; spelled scales are read the same way.
SCALES = {
    "hundred": 10**2,  # 'over 15 hundred'
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "milliard": 10**9,  # the long-scale word: 80 milliard is 80 billion
    "milliards": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
# Words of one unit share a name; another unit, currency or measure is a different answer.
UNITS = {
    "percent": "percent",
    "pc": "percent",
    "pct": "percent",
    "percentage": "percent",
    "usd": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "eur": "eur",
    "euro": "eur",
    "euros": "eur",
    "gbp": "gbp",
    "pound": "gbp",
    "pounds": "gbp",
    "sterling": "gbp",
    "rub": "rub",
    "rouble": "rub",
    "roubles": "rub",
    "ruble": "rub",
    "rubles": "rub",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
    "month": "month",
    "months": "month",
    "week": "week",
    "weeks": "week",
    "day": "day",
    "days": "day",
    "hour": "hour",
    "hours": "hour",
    "minute": "minute",
    "minutes": "minute",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
    "km": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "mile": "mile",
    "miles": "mile",
    "metre": "metre",
    "metres": "metre",
    "meter": "metre",
    "meters": "metre",
    "tonne": "tonne",
    "tonnes": "tonne",
    "ton": "tonne",
    "tons": "tonne",
}
# A comparison or negation changes the claim: 'before 2008' is not 2008. Synonyms share a name; a bound
# that includes the number ('at least', 'minimum') is not the one that excludes it ('more than').
QUALIFIERS = {
    "not": "not",
    "no": "not",
    "never": "not",
    "nor": "not",
    "before": "before",
    "earlier": "before",
    "prior": "before",
    "until": "until",
    "till": "until",
    "by": "until",
    "after": "after",
    "later": "after",
    "since": "since",
    "more": "more",
    "over": "more",
    "above": "more",
    "exceeding": "more",
    "beyond": "more",
    "plus": "more",
    "least": "atleast",
    "less": "less",
    "fewer": "less",
    "under": "less",
    "below": "less",
    "most": "atmost",
    "within": "atmost",
    "up": "atmost",
    "max": "atmost",
    "maximum": "atmost",
    "minimum": "atleast",
    "except": "not",
    "without": "not",
    "excluding": "not",
    "almost": "nearly",
    "nearly": "nearly",
    "than": "",
    "between": "between",
}
# Hedges change nothing: 'about 1,500' and '1500' give the same number.
APPROXIMATE = {"about", "around", "approximately", "roughly", "some", "circa", "ca", "approx", "c"}
FILLERS = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "and",
    "us",
    "per",
    "cent",
    "total",
    "all",
    "s",
    "st",
    "nd",
    "rd",
    "th",
    "ad",
}
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


# A bound said in other words, read as the words the qualifiers know: '20 or fewer' is 'at most 20'.
_BOUNDS = (
    (re.compile(r"\b(?:no|not) (?:more|greater|higher) than\b", re.IGNORECASE), " at most "),
    (re.compile(r"\b(?:no|not) (?:fewer|less|lower) than\b", re.IGNORECASE), " at least "),
    (re.compile(r"\bor (?:fewer|less|lower|below|under)\b", re.IGNORECASE), " at most "),
    (re.compile(r"\bor (?:more|greater|higher|above|over)\b", re.IGNORECASE), " at least "),
    (re.compile(r"\b(?:and|or) (?:up|upwards|upward|beyond)\b", re.IGNORECASE), " at least "),  # '10 and up'
)


def bounds_as_words(text: str) -> str:
    """'20 or fewer', 'no more than 20' as 'at most'; '2% or more', 'no less than 2%' as 'at least'."""
    for pattern, words in _BOUNDS:
        text = pattern.sub(words, text)
    return text


@dataclass(frozen=True)
class Quantity:
    """What a number answer says: its values, units, qualifiers and any other words."""

    values: tuple[Decimal, ...]
    units: frozenset[str]
    qualifiers: frozenset[str]
    leading: tuple[str, ...]  # words before the first number: 'Article' in 'Article 5' names something else
    words: tuple[str, ...] = ()  # every word that is no number


def number_words(text: str) -> str:
    """Folded text with number words, grouped digits and scale words as plain numbers:
    'Fourteen million' and '14,000,000' both become '14000000'."""
    text = fold(text)
    text = text.replace("us$", " usd ").replace("$", " usd ").replace("€", " eur ").replace("£", " gbp ")
    text = re.sub(r"%|\bper ?cent\b", " percent ", text)
    # 14.000.000
    text = re.sub(r"(?<![\d.])\d{1,3}(?:\.\d{3}){2,}(?![\d.])", lambda m: m.group().replace(".", ""), text)
    text = re.sub(r"(?<=\d)[,\u2009\u202f\u00a0 ](?=\d{3}(?!\d))", "", text)  # 14,000,000 and 14 000 000
    text = re.sub(r"(?<=\d)[,\u2009\u202f\u00a0 ](?=\d{3}(?!\d))", "", text)  # (overlapping groups)
    text = re.sub(r"(?<=\d)b\b", " bn", text)  # 80B: only glued to its number ('Plan B' is no scale)
    text = re.sub(r"(?<=\d)(?=[a-z])", " ", text)  # 80bn, 24yrs
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # fifty-three (text2num also reads it spaced)
    text = re.sub(r"[^\w.]+|(?<!\d)\.|\.(?!\d)|_", " ", text)
    with contextlib.suppress(Exception):  # an unreadable word sequence is left as typed
        text = alpha2digit(text, "en", threshold=0)
    words = text.split()
    merged: list[str] = []
    for word in words:
        scale = SCALES.get(word) or (int(word) if word in ("100", "1000", "1000000", "1000000000") else None)
        big = word in ("1000000", "1000000000", "million", "billion", "mn", "bn")  # '80,000 million' is 80 billion
        if scale and merged and _NUMBER.match(merged[-1]) and (Decimal(merged[-1]) < 1000 or big):
            merged[-1] = _plain(Decimal(merged[-1]) * scale)
        else:
            merged.append(word)
    return " ".join(merged)


def read_quantity(text: str) -> Quantity | None:
    """The numbers and words of `text`, or None when it holds no number."""
    words = number_words(text).split()
    others: list[str] = []
    values, units, qualifiers, leading = [], set(), set(), []
    for word in words:
        if not _NUMBER.match(word):
            others.append(word)
        if _NUMBER.match(word):
            try:
                values.append(Decimal(word).normalize())
            except InvalidOperation:
                return None
        elif word in UNITS:
            units.add(UNITS[word])
        elif word in QUALIFIERS:
            if QUALIFIERS[word]:
                qualifiers.add(QUALIFIERS[word])
        elif word not in FILLERS and word not in APPROXIMATE and not values:
            leading.append(word)
    if not values:
        return None
    return Quantity(tuple(sorted(values)), frozenset(units), frozenset(qualifiers), tuple(leading), tuple(others))


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text[:-2] if text.endswith(".0") else text
