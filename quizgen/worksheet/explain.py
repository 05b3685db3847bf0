"""What a teacher's key says about each answer: the forms to accept, why, and where it is written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.model import Fact, Source
from quizgen.text import MONTHS, answer_key, parse_date_answer
from quizgen.text.sentences import sentence_texts

_MAX_QUOTE = 240  # characters of a quote shown in the key: the sentence that states the answer
NOT_IN_ARTICLE = "Not in the article"
YEAR_FROM_DATE = "Year from the article's date"  # the article gives the day and month, not the year
_ORDINAL = r"(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class Explanation:
    """The key's line for one fact."""

    accepted: tuple[str, ...]  # other forms to accept, none repeating the answer shown
    outside: str | None  # how the answer follows when the article does not state it
    outside_label: str | None  # NOT_IN_ARTICLE, or YEAR_FROM_DATE when only the year is inferred
    why: str | None  # the bank's note, its first sentence
    source: str  # the article, short: 'Manolache 2023'
    quote: str  # the article's sentence that states the answer


def explain(fact: Fact, shown: str, article: str | None = None) -> Explanation:
    """The key's line for `fact`, whose answer the key prints as `shown`; on a sheet on one
    `article`, quoting that article's words where it cites the fact."""
    seen = {answer_key(shown)}
    accepted = []
    for form in (fact.a, *fact.alt, *([fact.as_written] if fact.as_written else [])):
        if answer_key(form) not in seen:
            seen.add(answer_key(form))
            accepted.append(form)
    cited = next((c for c in fact.citations if c.source.id == article), fact.citations[0])
    return Explanation(
        tuple(accepted),
        fact.derived,
        derivation_label(fact),
        first_sentence(fact.note) if fact.note else None,
        short_label(cited.source),
        quote_line(cited.quote, (fact.a, *fact.alt)),
    )


def derivation_label(fact: Fact) -> str | None:
    """How the key marks a derived answer: a date whose day and month the quote gives ('March 26',
    'November 20th of last year') only has its year inferred from when the article was written, and
    a teacher accepts it from the reading; anything else is outside knowledge."""
    if not fact.derived:
        return None
    parsed = parse_date_answer(fact.a)
    if parsed is None or parsed[2] is None:
        return NOT_IN_ARTICLE
    _, month, day = parsed
    name = MONTHS[month - 1]
    stated = re.compile(rf"\b(?:{name}\s+{day}{_ORDINAL}|{day}{_ORDINAL}\s+(?:of\s+)?{name})\b", re.IGNORECASE)
    return YEAR_FROM_DATE if stated.search(fact.quote) else NOT_IN_ARTICLE


def year_unstated(question, fact: Fact) -> bool:
    """Whether `question` asks to place `fact` in time (an ordering, events matched with years) and
    no article the fact cites gives its year: the key says "Not in the article" (rv5 W1)."""
    placing = hasattr(question, "order") or getattr(question, "flavour", None) == "years"
    year = rf"\b{fact.when.year}\b" if fact.when else None
    return (
        placing and not fact.derived and year is not None and not any(re.search(year, c.quote) for c in fact.citations)
    )


def short_label(source: Source) -> str:
    """A short name for an article: `Source.short` where the model has it, else the author's
    surname or the outlet, and the year ('Manolache 2023', 'DW 2021')."""
    short = getattr(source, "short", None)
    if isinstance(short, str) and short:
        return short
    if callable(short):
        return str(short())
    if source.author:
        name = source.author.split()[-1]
    elif source.outlet and "unnamed" not in source.outlet.casefold():
        name = source.outlet.split(",")[0].split("(")[0].strip()
    else:
        words = source.title.split()
        name = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
    return f"{name} {source.year}" if source.year else name


def first_sentence(text: str) -> str:
    return (sentence_texts(text) or [text.strip()])[0]


def quote_line(quote: str, answers) -> str:
    """The sentence of the quote that holds the answer (the whole quote, cut, if none does)."""
    sentences = sentence_texts(quote)
    keys = [answer_key(text) for text in answers if answer_key(text)]
    found = next((s for s in sentences if any(f" {k} " in f" {answer_key(s)} " for k in keys)), None)
    line = found or quote.strip()
    return line if len(line) <= _MAX_QUOTE else line[: _MAX_QUOTE - 1].rstrip() + "…"
