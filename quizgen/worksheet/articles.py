"""Which facts a sheet on one article asks: those whose quote in that article states the answer."""

from __future__ import annotations

from dataclasses import replace

from quizgen.bank.provenance import supports
from quizgen.model import Bank, Fact


def states(fact: Fact, source_id: str) -> bool:
    """Whether the article `source_id` gives the fact's answer: its own article always does (the bank
    checks that quote, or marks the answer derived); a further article cited under `also` only
    where its quote holds the answer, an accepted form or the article's own spelling of it (DW
    cites "In 1997, the NATO-Russia Founding Act was signed", which does not give 27 May 1997)."""
    if fact.source.id == source_id:
        return True
    quotes = [c.quote for c in fact.also if c.source.id == source_id]
    forms = (fact.a, *fact.alt, *([fact.as_written] if fact.as_written else []))
    return bool(quotes) and any(supports(form, quotes) for form in forms)


def on_article(pool: Bank, source_id: str) -> Bank:
    """The pool of a sheet on one article: only what that article states is asked."""
    return replace(pool, facts=tuple(fact for fact in pool.facts if states(fact, source_id)))

