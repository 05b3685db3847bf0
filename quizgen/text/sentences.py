"""Sentences of an article, with their character spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? or … (with any closing quote or bracket) before a capital, digit or quote.
_END = re.compile(r"(?<=[.!?\u2026])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
# Headings, datelines and labels ("PART 1 of 3") are too short to teach and need no reason.
MIN_WORDS = 4


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: its number (from 1), its span in the folded text, its text."""

    number: int
    start: int
    end: int
    text: str

    @property
    def is_heading(self) -> bool:
        return len(self.text.split()) < MIN_WORDS


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` (already white-space folded), in order, covering every character."""
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        _add(sentences, text, start, match.start())
        start = match.end()
    _add(sentences, text, start, len(text))
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped)
        sentences.append(Sentence(len(sentences) + 1, offset, offset + len(stripped), stripped))
