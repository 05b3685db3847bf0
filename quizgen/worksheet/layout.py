"""Layout decisions the templates cannot make alone: option columns, and how long a blank is."""

from __future__ import annotations

import re
from dataclasses import dataclass

SHORT, MEDIUM = 14, 36  # characters that fit a quarter and a half of the text width
MM_PER_CHARACTER = 3.2  # handwriting is wider than print
GAP_SIZES = (60, 100, 140)  # millimetres; the text width is about 176 mm


def option_columns(options) -> int:
    """All options on one line when short, two per line when medium, else one per line."""
    longest = max(len(option) for option in options)
    if longest <= SHORT:
        return len(options)
    return 2 if longest <= MEDIUM else 1


@dataclass(frozen=True)
class Gap:
    """A blank in its sentence: the punctuation touching it is kept on the same line as the line."""

    before: str
    opening: str  # e.g. the '“' right before the blank
    closing: str  # e.g. the '”.' right after it
    after: str
    width: int  # millimetres, one of GAP_SIZES, enough to write the expected answer by hand


def gap_of(before: str, after: str, answer: str) -> Gap:
    opening = re.findall(r"\S*$", before)[0]  # (both patterns match, if only the empty string)
    closing = re.findall(r"^[^\s\w]*", after)[0]
    needed = len(answer) * MM_PER_CHARACTER
    # a few fixed lengths, not one per answer: a line's length must not tell how long the answer is
    width = next((size for size in GAP_SIZES if needed <= size), GAP_SIZES[-1])
    return Gap(before[: len(before) - len(opening)], opening, closing, after[len(closing) :], width)
