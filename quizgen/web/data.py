"""The study page's data: every fact with its sources, its date and its multiple-choice options."""

from __future__ import annotations

import json

from quizgen import cloze as cloze_syntax
from quizgen.errors import NotEnoughOptions
from quizgen.model import Bank, Fact, Source
from quizgen.questions import multiple_choice
from quizgen.questions.fixed import fixed_random

STANCES = {
    "fact": "Fact",
    "claim": "Claim: an attributed opinion or assertion, not an established fact",
    "propaganda": "Propaganda: a false or loaded claim, taught so you can recognise it",
}
# JSON inside <script>: these characters could end the element or start a comment there
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def citations(fact: Fact) -> tuple[tuple[Source, str], ...]:
    """The (source, quote) pairs a fact cites, its own article first."""
    return tuple((citation.source, citation.quote) for citation in fact.citations)


def study_data(bank: Bank) -> dict:
    """Everything the page shows, as plain JSON-ready values (no markup: the page renders text)."""
    return {
        "deck": bank.name,
        "title": bank.title,
        "stances": STANCES,
        "sources": {source.id: _source(source) for source in sorted(bank.sources.values(), key=lambda s: s.id)},
        "facts": [_fact(fact, bank) for fact in bank.facts],
    }


def script_json(data: dict) -> str:
    """JSON that is safe inside <script type="application/json">: no '</script>' or '<!--' can form."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE)


def _source(source: Source) -> dict:
    return {"citation": source.citation(), "label": source.short_label(), "url": source.url}


def _fact(fact: Fact, bank: Bank) -> dict:
    record = {
        "id": fact.id, "q": fact.q, "a": fact.a, "alt": list(fact.alt), "kind": fact.kind,
        "stance": fact.stance, "note": fact.note, "derived": fact.derived, "role": fact.role,
        "tags": list(fact.tags),
        "cites": [{"source": source.id, "quote": quote} for source, quote in citations(fact)],
        "mc": _choice(fact, bank),
        "cloze": _cloze(fact.cloze),
    }
    if fact.when:
        record.update(when=str(fact.when), date=fact.when.label(), event=fact.event)
    return record


def _cloze(cloze: str | None) -> dict | None:
    """The fact's cloze sentence with its first deletion blanked (its hint shown), and in full."""
    if not cloze:
        return None
    hints = [deletion.hint for deletion in cloze_syntax.deletions(cloze) if deletion.number == 1 and deletion.hint]
    gap = f"[… {hints[0]}]" if hints else "[…]"
    return {"text": cloze_syntax.blank(cloze, 1, gap), "full": cloze_syntax.fill(cloze)}


def _choice(fact: Fact, bank: Bank) -> dict | None:
    """The worksheets' multiple-choice question, with a fixed seed per fact; None when too few options."""
    try:
        question = multiple_choice(fact, bank, fixed_random("web", bank.name, fact.id))
    except NotEnoughOptions:
        return None
    return {"options": list(question.options), "answer": question.answer}


