"""Answers that are values on a scale (years, dates, numbers): parsing, ordering, nearby values."""

from __future__ import annotations

import datetime
import random
import re
from dataclasses import dataclass

from quizgen.model import When
from quizgen.text import parse_date_answer

SCALED_KINDS = ("year", "date", "number")
_NUMBER = re.compile(r"^(?P<prefix>\D*?)(?P<digits>\d[\d,]*(?:\.\d+)?)(?P<rest>.*)$")


def _number(text: str) -> re.Match[str]:
    """The parts of a number answer a Scale was made from (so it always has them)."""
    match = _NUMBER.match(text)
    if match is None:
        raise ValueError(f"not a number answer: {text!r}")
    return match


@dataclass(frozen=True)
class Scale:
    """How one answer maps to a number and back, so that nearby answers look like it."""

    kind: str
    value: int
    text: str

    def format(self, value: int) -> str:
        if self.kind == "year":
            return str(value)
        if self.kind == "date":
            day_precision = (parse_date_answer(self.text) or (0, 0, None))[2] is not None
            return When(value // 10000, value // 100 % 100, value % 100 if day_precision else None).label()
        match = _number(self.text)
        digits = f"{value:,}" if "," in match.group("digits") else str(value)
        return f"{match.group('prefix')}{digits}{match.group('rest')}"

    def bounds(self, source_year: int | None) -> tuple[int, int]:
        """Values a distractor may take: positive, percentages at most 100, years not after the article."""
        if self.kind == "year":
            return self.value - 40, max(self.value, source_year or self.value + 5)
        if self.kind == "date":
            year = max(self.value // 10000, source_year or 0)
            return 0, (year + 1) * 10000
        top = 100 if self.text.rstrip().endswith("%") else 10**12
        counted = _number(self.text).group("rest").strip()[:1].isalpha()
        return (2 if counted and self.value >= 2 else 1), top  # never "1 deaths"


def scale_of(kind: str, text: str) -> Scale | None:
    """The scale of an answer of kind year/date/number, or None when the text does not parse."""
    text = text.strip()
    if kind == "year" and re.fullmatch(r"\d{4}", text):
        return Scale(kind, int(text), text)
    date = parse_date_answer(text) if kind == "date" else None
    if date is not None:
        year, month, day = date
        return Scale(kind, _date_value(year, month, day or 0), text)
    if kind == "number":
        match = _NUMBER.match(text)
        if match and "." not in match.group("digits"):
            return Scale(kind, int(match.group("digits").replace(",", "")), text)
    return None


def order_value(kind: str, text: str) -> int | None:
    scale = scale_of(kind, text)
    return None if scale is None else scale.value


def nearby(scale: Scale, below: int, above: int, rng: random.Random, source_year: int | None = None) -> list[int]:
    """`below` values under the answer and `above` over it, a few plausible steps apart."""
    low, high = scale.bounds(source_year)
    offsets = _offsets(scale, rng)
    under = [v for v in (_moved(scale, -offset) for offset in offsets) if v >= low]
    over = [v for v in (_moved(scale, offset) for offset in offsets) if v <= high]
    # when one side runs out (a recent year, a small number), take more from the other side
    take_under = min(below + max(0, above - len(over)), len(under))
    take_over = min(below + above - take_under, len(over))
    return sorted(set(under[:take_under] + over[:take_over]))


def _offsets(scale: Scale, rng: random.Random) -> list[int]:
    """Growing offsets in the answer's own unit: years, days or months, or a round step for numbers."""
    if scale.kind == "date":
        low, high = (3, 12) if scale.value % 100 else (1, 3)  # days apart, or months apart
    else:
        low, high = 1, 2
    offsets: list[int] = []
    total = 0
    for _ in range(12):
        # the nearest step first: a year just before the article's still gets a value above it
        total += rng.randint(low, high) if offsets else low
        offsets.append(total)
    return offsets


def _moved(scale: Scale, offset: int) -> int:
    if scale.kind == "year":
        return scale.value + offset
    if scale.kind == "number":
        return scale.value + offset * _number_unit(scale.value)
    year, month, day = scale.value // 10000, scale.value // 100 % 100, scale.value % 100
    if day:
        moved = datetime.date(year, month, day) + datetime.timedelta(days=offset)
        return _date_value(moved.year, moved.month, moved.day)
    index = year * 12 + (month - 1) + offset
    return _date_value(index // 12, index % 12 + 1, 0)


def _number_unit(value: int) -> int:
    """A step that keeps the magnitude and the roundness: 1500 -> 100, 30 -> 5, 53 -> 5, 8 -> 1."""
    zeros = len(str(value)) - len(str(value).rstrip("0")) if value else 0
    unit = 10**zeros
    if unit > 1 and value // unit < 4:
        unit //= 2
    if zeros == 0 and value >= 20:
        unit = max(1, value // 10)
    return unit


def _date_value(year: int, month: int, day: int) -> int:
    return year * 10000 + month * 100 + day
