"""Accent and case folding, shared by answer comparison, typed-answer matching and file names."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """'Cenuşa' -> 'cenusa': compatibility-decomposed, accents dropped, case folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
