"""Provenance rules: a quote is a whole, meaningful span of its article and states the answer."""

from __future__ import annotations

import re

from quizgen.bank.seeds import Seed, normalize
from quizgen.folding import fold

MIN_QUOTE_WORDS = 5
MIN_QUOTE_CHARS = 25

_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000",
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10", "half": "50",
}
# Words that carry no part of an answer: "the Arab Spring" is supported by "Arab Spring".
_FILLER = {"the", "a", "an", "of", "and", "in", "on", "to", "for", "with", "by", "at", "s", "its"}


def quote_problem(seed: Seed, quote: str) -> str | None:
    """Why `quote` is not an acceptable citation of `seed`, or None when it is."""
    needle = normalize(quote)
    if len(needle.split()) < MIN_QUOTE_WORDS or len(needle) < MIN_QUOTE_CHARS:
        return (f"is too short to show what the article says (at least {MIN_QUOTE_WORDS} words "
                f"and {MIN_QUOTE_CHARS} characters)")
    start = seed.text.find(needle)
    if start < 0:
        return f"is not found verbatim in seed {seed.source.id} ({seed.source.file})"
    while start >= 0:  # str.find, not a regex per quote: a big bank has thousands of quotes
        if _whole_words(seed.text, start, start + len(needle)):
            return None
        start = seed.text.find(needle, start + 1)
    return "cuts a word in two: start and end it at word boundaries"


def _whole_words(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    cut_start = text[start].isalnum() and before.isalnum()
    cut_end = text[end - 1].isalnum() and after.isalnum()
    return not (cut_start or cut_end)


def words(text: str) -> list[str]:
    """Folded word tokens with numbers in one notation: 'Eight', '8' and '8th' are all '8'."""
    text = fold(normalize(text)).replace("%", " percent ").replace("per cent", "percent")
    text = re.sub(r"(?<=\d)[,\u202f ](?=\d{3}\b)", "", text)
    tokens = []
    for token in re.findall(r"[a-z0-9]+", text):
        token = re.sub(r"^(\d+)(st|nd|rd|th|s)$", r"\1", token)
        tokens.append(_NUMBER_WORDS.get(token, token))
    return tokens


def _same_word(wanted: str, present: set[str]) -> bool:
    return (wanted in present or f"{wanted}s" in present
            or (wanted.endswith("s") and wanted[:-1] in present))


def supports(form: str, quotes: list[str]) -> bool:
    """Every meaningful word of `form` appears in the quotes (numbers as digits or words)."""
    wanted = [w for w in words(form) if w not in _FILLER]
    present = {w for quote in quotes for w in words(quote)}
    return bool(wanted) and all(_same_word(w, present) for w in wanted)
