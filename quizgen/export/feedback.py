"""What an exported question says after it is answered: the note, the stance and every source with its quote."""

from __future__ import annotations

import re

from quizgen.export.items import Item
from quizgen.model import Bank, Fact

STANCE_LINES = {
    "fact": "",
    # whose the claim is, the question says (check warns when it does not): Putin's is not the author's
    "claim": "A claim, not settled fact: the view of whom the question names, as the article reports it.",
    "propaganda": "Propaganda: a false or loaded claim, taught so it can be recognised.",
}


_FALSE = re.compile(r"^False[:.]\s*")


def citations(fact: Fact) -> list[str]:
    """'Source: <citation>. Quote: <quote>' for each article reporting the fact, its own first."""
    return [f"Source: {c.source.citation()}. Quote: {c.quote}" for c in fact.citations]


def _note(fact: Fact) -> str:
    """The bank's note; a propaganda card's note says why the claim is false, under that label (a
    bare "False." after "True." would read as if the answer were wrong)."""
    if not fact.note:
        return ""
    if fact.stance == "propaganda":
        return f"Why the claim is false: {_FALSE.sub('', fact.note)}"
    return fact.note


def fact_feedback(fact: Fact, first: str) -> list[str]:
    lines = [first]
    lines += [line for line in (STANCE_LINES[fact.stance], _note(fact)) if line]
    if fact.derived:
        lines.append(f"Not stated in the article in so many words: {fact.derived}")
    return lines + citations(fact)


def feedback(bank: Bank, item: Item) -> str:
    """Plain text, one point per line; a matching question lists each pair's fact."""
    if item.type == "match":
        lines = []
        for fact in item.facts:
            lines.append(f"{fact.a}: {fact.role}")
            lines += citations(fact)
        return "\n".join(lines)
    fact = item.facts[0]
    if item.type == "tf":
        first = "True." if item.true else f"False. True is: {item.correction}"
    elif item.type == "number":
        first = f"Answer: {fact.a}"
    else:
        first = f"Answer: {fact.a}"
    return "\n".join(fact_feedback(fact, first))
