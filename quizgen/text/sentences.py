"""Sentences of an article, with their character spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? or … (with any closing quote or bracket) before a capital, digit or
# quote; not after a name's initial ("George C. Marshall") or a title ("St.", "Mr.", "Dr.").
_END = re.compile(
    r"(?<!\b[A-Z]\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bDr\.)(?<!\bMs\.)"
    r"(?<=[.!?\u2026])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"
)


def sentence_texts(text: str) -> list[str]:
    """The sentences of a short text (a note, a quote), by the articles' rule."""
    return [part for part in _END.split(text.strip()) if part]


# Headings, datelines and labels ("PART 1 of 3") are too short to teach and need no reason;
# nor does a short paragraph of its own that does not end like a sentence (a headline).
MIN_WORDS = 4
HEADLINE_WORDS = 15
_CLOSED = re.compile(r"[.!?\u2026:;][\"')\]]*$")


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: its number (from 1), its span in the folded text, its text."""

    number: int
    start: int
    end: int
    text: str
    alone: bool = False  # the whole of its paragraph

    @property
    def is_heading(self) -> bool:
        words = len(self.text.split())
        return words < MIN_WORDS or (self.alone and words <= HEADLINE_WORDS and not _CLOSED.search(self.text))


def split_sentences(text: str, paragraphs: tuple[int, ...] = ()) -> list[Sentence]:
    """Sentences of `text` (already white-space folded), in order, covering every character; a
    sentence also ends where a paragraph starts (`paragraphs`: offsets in `text`)."""
    breaks = {p - 1 for p in paragraphs}
    cuts = sorted({(m.start(), m.end()) for m in _END.finditer(text)} | {(b, b + 1) for b in breaks})
    sentences: list[Sentence] = []
    start, opened = 0, True  # the text opens a paragraph
    for cut_start, cut_end in cuts:
        if cut_start >= start:
            _add(sentences, text, start, cut_start, opened and cut_start in breaks)
            start, opened = cut_end, cut_start in breaks
    _add(sentences, text, start, len(text), opened)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, alone: bool = False) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped)
        sentences.append(Sentence(len(sentences) + 1, offset, offset + len(stripped), stripped, alone))
