"""The coverage map: which sentences of each article a fact quotes, a curator skipped, or neither."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizgen.bank.seeds import Seed
from quizgen.model import Bank, Fact, Skip, Source
from quizgen.text import plain
from quizgen.text.sentences import Sentence, split_sentences

MIN_OVERLAP = 15  # characters a quote must share with a sentence to cover it (not just a word)


@dataclass
class Marked:
    """A sentence and what accounts for it."""

    sentence: Sentence
    facts: list[Fact] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.facts:
            return "covered"
        if self.skips or self.sentence.is_heading:
            return "skipped"
        return "uncovered"

    @property
    def reason(self) -> str:
        if self.skips:
            return self.skips[0].reason
        return "heading or label" if self.sentence.is_heading else ""


@dataclass
class ArticleMap:
    """One article, sentence by sentence."""

    source: Source
    marked: list[Marked]

    def count(self, status: str) -> int:
        return sum(1 for m in self.marked if m.status == status)

    def uncovered_passages(self) -> list[list[Marked]]:
        """Runs of consecutive uncovered sentences, longest first."""
        runs, run = [], []
        for m in self.marked:
            if m.status == "uncovered":
                run.append(m)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        return sorted(runs, key=lambda r: (-sum(len(m.sentence.text) for m in r), r[0].sentence.number))


def _spans(text: str, passage: str) -> list[tuple[int, int]]:
    needle, spans = plain(passage), []
    start = text.find(needle) if needle else -1
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _touches(sentence: Sentence, span: tuple[int, int]) -> bool:
    overlap = min(sentence.end, span[1]) - max(sentence.start, span[0])
    return overlap >= min(MIN_OVERLAP, sentence.end - sentence.start)


def map_article(bank: Bank, seed: Seed) -> ArticleMap:
    """Mark every sentence of `seed` with the facts quoting it and the skips covering it."""
    marked = [Marked(s) for s in split_sentences(seed.text)]
    quoted = [(fact, span) for fact in bank.facts for c in fact.citations if c.source.id == seed.source.id
              for span in _spans(seed.text, c.quote)]
    skipped = [(skip, span) for skip in bank.skips if skip.source.id == seed.source.id
               for span in _spans(seed.text, skip.passage)]
    for m in marked:
        m.facts = list(dict.fromkeys(fact for fact, span in quoted if _touches(m.sentence, span)))
        m.skips = list(dict.fromkeys(skip for skip, span in skipped if _touches(m.sentence, span)))
    return ArticleMap(seed.source, marked)


def map_bank(bank: Bank, seeds: dict[str, Seed], only: tuple[str, ...] = ()) -> list[ArticleMap]:
    """Every seed article (or those in `only`), in seed order."""
    return [map_article(bank, seeds[source_id]) for source_id in sorted(seeds)
            if not only or source_id in only]
