"""The coverage map: which sentences of each article a fact asks, a curator skipped, or neither."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from quizgen.bank.provenance import supports
from quizgen.bank.seeds import Seed
from quizgen.cloze import deletions
from quizgen.model import Bank, Fact, Skip, Source
from quizgen.text import plain, tokens
from quizgen.text.sentences import Sentence, split_sentences

MIN_OVERLAP = 15  # characters a passage must share with a sentence to touch it (not just a word)


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
        runs: list[list[Marked]] = []
        run: list[Marked] = []
        for m in self.marked:
            if m.status == "uncovered":
                run.append(m)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        return sorted(runs, key=lambda r: (-sum(len(m.sentence.text) for m in r), r[0].sentence.number))


def answer_forms(fact: Fact) -> list[str]:
    """What a sentence must state for the fact to ask it: the answer, an alt, the article's
    own spelling, or one of the cloze's deletions."""
    forms = [fact.a, *fact.alt, *([fact.as_written] if fact.as_written else [])]
    if fact.cloze:
        forms += [d.text for d in deletions(fact.cloze)]
    return forms


def _spans(text: str, passage: str) -> list[tuple[int, int]]:
    needle, spans = plain(passage), []
    start = text.find(needle) if needle else -1
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _overlap(sentence: Sentence, span: tuple[int, int]) -> int:
    return min(sentence.end, span[1]) - max(sentence.start, span[0])


def _touched(sentences: list[Sentence], starts: list[int], span: tuple[int, int]) -> list[Sentence]:
    """The sentences a span shares enough text with; found by bisection, so a map is near-linear."""
    first = max(bisect_right(starts, span[0]) - 1, 0)
    found = []
    for sentence in sentences[first:]:
        if sentence.start >= span[1]:
            break
        if _overlap(sentence, span) >= min(MIN_OVERLAP, sentence.end - sentence.start):
            found.append(sentence)
    return found


def _asked(fact: Fact, touched: list[Sentence], span: tuple[int, int]) -> list[Sentence]:
    """Of the sentences a quote spans, those that state the fact's answer; for a derived answer
    (stated by none), the one sentence sharing most of the answer's words (then most of the
    quote). Neighbours are never covered."""
    forms = answer_forms(fact)
    stating = [s for s in touched if any(supports(form, [s.text]) for form in forms)]
    if stating or not touched:
        return stating
    wanted = {w for form in forms for w in tokens(form)}
    return [max(touched, key=lambda s: (len(wanted & set(tokens(s.text))), _overlap(s, span), -s.number))]


def map_article(bank: Bank, seed: Seed) -> ArticleMap:
    """Mark every sentence of `seed` with the facts asking it and the skips covering it."""
    sentences = split_sentences(seed.text, seed.paragraphs)
    starts = [s.start for s in sentences]
    marked = {s.number: Marked(s) for s in sentences}
    for fact in bank.facts:
        for citation in fact.citations:
            if citation.source.id != seed.source.id:
                continue
            for span in _spans(seed.text, citation.quote):
                for sentence in _asked(fact, _touched(sentences, starts, span), span):
                    if fact not in marked[sentence.number].facts:
                        marked[sentence.number].facts.append(fact)
    for skip in bank.skips:
        if skip.source.id == seed.source.id:
            for span in _spans(seed.text, skip.passage):
                for sentence in _touched(sentences, starts, span):
                    if skip not in marked[sentence.number].skips:
                        marked[sentence.number].skips.append(skip)
    return ArticleMap(seed.source, list(marked.values()))


def map_bank(bank: Bank, seeds: dict[str, Seed], only: tuple[str, ...] = ()) -> list[ArticleMap]:
    """Every seed article (or those in `only`), in seed order."""
    return [map_article(bank, seeds[source_id]) for source_id in sorted(seeds) if not only or source_id in only]
