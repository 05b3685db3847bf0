"""Which facts a sheet on one article asks: those whose quote in that article states the answer."""

from __future__ import annotations

import re
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


def dated_in(fact: Fact, source_id: str) -> bool:
    """Whether the article gives the year of the fact's event: enough to place it in a timeline
    (DW's "in 2002, the NATO-Russia Council (NRC) was created"), not to ask its month."""
    year = rf"\b{fact.when.year}\b" if fact.when else None
    return year is not None and any(re.search(year, c.quote) for c in fact.citations if c.source.id == source_id)


def askable(fact: Fact, kind: str, article: str | None) -> bool:
    """Whether a question of `kind` may ask the fact on a sheet on `article` (None: any sheet)."""
    return article is None or states(fact, article) or (kind == "order" and dated_in(fact, article))


def on_article(pool: Bank, source_id: str) -> Bank:
    """The pool of a sheet on one article: the facts it states, and events it dates (for ordering)."""
    return replace(
        pool, facts=tuple(fact for fact in pool.facts if states(fact, source_id) or dated_in(fact, source_id))
    )
