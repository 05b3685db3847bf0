"""`quizgen find`: what the bank already asks about a word, with where each fact is written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.model import Bank, Fact
from quizgen.text import fold

FIELDS = ("id", "q", "a", "alt", "note", "category", "tags", "quote", "role", "event")


@dataclass(frozen=True)
class Hit:
    fact: Fact
    fields: tuple[str, ...]  # where the words were found


def _texts(fact: Fact) -> dict[str, str]:
    quotes = " ".join(c.quote for c in fact.citations)
    return {
        "id": fact.id,
        "q": fact.q,
        "a": fact.a,
        "alt": " | ".join(fact.alt),
        "note": fact.note or "",
        "category": fact.category or "",
        "tags": " ".join(fact.tags),
        "quote": quotes,
        "role": fact.role or "",
        "event": fact.event or "",
    }


def _pattern(word: str) -> re.Pattern:
    """A whole word ('inf' is not in 'information'); a trailing * allows any ending ('treat*')."""
    stem = word.rstrip("*")
    return re.compile(r"(?<!\w)" + re.escape(stem) + ("" if word.endswith("*") else r"(?!\w)"))


def find(bank: Bank, words: str) -> list[Hit]:
    """Facts in which every word of `words` appears as a whole word (folded: accents, case,
    quotes, dashes), in any field."""
    wanted = [_pattern(word) for word in fold(words).split() if word.rstrip("*")]
    hits = []
    for fact in bank.facts:
        texts = {name: fold(text) for name, text in _texts(fact).items()}
        whole = " ".join(texts.values())
        if wanted and all(word.search(whole) for word in wanted):
            hits.append(Hit(fact, tuple(name for name in FIELDS if any(w.search(texts[name]) for w in wanted))))
    return hits
