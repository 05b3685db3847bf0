"""The one owner of text rules: folding, words, stop words, number words, dates, unsafe characters."""

from quizgen.text.chars import UNSAFE, printable, unsafe_character, unsafe_in_lines
from quizgen.text.dates import MONTHS, parse_date_answer, parse_iso
from quizgen.text.words import (
    ARTICLES,
    FILLER,
    FUNCTION_WORDS,
    PUNCTUATION,
    answer_key,
    contains_words,
    content_words,
    fold,
    number_words,
    plain,
    tokens,
)

__all__ = [
    "ARTICLES",
    "FILLER",
    "FUNCTION_WORDS",
    "MONTHS",
    "PUNCTUATION",
    "UNSAFE",
    "answer_key",
    "contains_words",
    "content_words",
    "fold",
    "number_words",
    "parse_date_answer",
    "parse_iso",
    "plain",
    "printable",
    "tokens",
    "unsafe_character",
    "unsafe_in_lines",
]
