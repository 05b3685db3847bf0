"""Roman numerals as learners type them ('VIII', 'Article III'), read as the digits they stand for."""

from __future__ import annotations

import re
import unicodedata

_ROMAN = re.compile(r"\b(?=[mdclxvi]{2,}\b|[vx]\b)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})\b", re.I)
_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_SURE = re.compile(r"[IVX]{2,}")  # capitals of I, V and X only: 'MIX', 'DC', 'civil', 'mi' are words too


def _value(numeral: str) -> int:
    values = [_VALUES[c] for c in numeral.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def roman_as_digits(text: str) -> tuple[str, bool] | None:
    """`text` with each Roman numeral (of two or more letters, or a lone V or X) as digits, and
    whether every one is sure (two or more capitals of I, V, X: 'VIII', 'XII'); None when none."""
    text = unicodedata.normalize("NFKC", text)  # 'ⅯⅯⅧ', 'Ⅷ': the numeral signs are letters
    found = [m for m in _ROMAN.finditer(text) if m.group()]
    if not found:
        return None
    sure = all(_SURE.fullmatch(m.group()) for m in found)
    return _ROMAN.sub(lambda m: str(_value(m.group())) if m.group() else "", text), sure
