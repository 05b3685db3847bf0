"""The study page's data: every fact with its sources, its date and its multiple-choice options."""

from __future__ import annotations

import json

from quizgen import cloze as cloze_syntax
from quizgen.errors import NotEnoughOptions
from quizgen.grading.lexicon import Lexicon
from quizgen.model import Bank, Fact, Source
from quizgen.questions import FLAVOURS, matching, multiple_choice, ordering, true_false
from quizgen.questions.fixed import fixed_random
from quizgen.questions.giveaways import giveaway_pairs
from quizgen.web.typed import typed_keys

STANCES = {
    "fact": "Fact",
    "claim": "Claim: an attributed opinion or assertion, not an established fact",
    "propaganda": "Propaganda: a false or loaded claim, taught so you can recognise it",
}
# JSON inside <script>: these characters could end the element or start a comment there
_SCRIPT_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def citations(fact: Fact) -> tuple[tuple[Source, str], ...]:
    """The (source, quote) pairs a fact cites, its own article first."""
    return tuple((citation.source, citation.quote) for citation in fact.citations)


def study_data(bank: Bank) -> dict:
    """Everything the page shows, as plain JSON-ready values (no markup: the page renders text)."""
    known = Lexicon.of(bank.facts)
    return {
        "deck": bank.name,
        "title": bank.title,
        "stances": STANCES,
        "sources": {source.id: _source(source) for source in sorted(bank.sources.values(), key=lambda s: s.id)},
        "facts": [_fact(fact, bank, known) for fact in bank.facts],
        # pairs of facts where one card states the other's answer: never shown one after the other
        "giveaways": sorted(list(pair) for pair in giveaway_pairs(bank)),
        "orderings": _orderings(bank),
        "matchings": _matchings(bank),
    }


def script_json(data: dict) -> str:
    """JSON that is safe inside <script type="application/json">: no '</script>' or '<!--' can form."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE)


def _source(source: Source) -> dict:
    return {"citation": source.citation(), "label": source.short_label(), "url": source.url}


def _fact(fact: Fact, bank: Bank, known: Lexicon) -> dict:
    record = {
        "id": fact.id,
        "q": fact.q,
        "a": fact.a,
        "alt": list(fact.alt),
        "kind": fact.kind,
        "stance": fact.stance,
        "note": fact.note,
        "derived": fact.derived,
        "role": fact.role,
        "tags": list(fact.tags),
        "cites": [{"source": source.id, "quote": quote} for source, quote in citations(fact)],
        "mc": _choice(fact, bank),
        "cloze": _cloze(fact.cloze),
        "typed": typed_keys(fact, known),
        "tf": _true_false(fact, bank),
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


ORDERINGS_PER_GROUP = 4


def _orderings(bank: Bank) -> list[dict]:
    """The worksheets' chronological ordering questions, a few per article and for the whole bank:
    the Test asks one whose events are all among the cards the filters choose."""
    found: dict[tuple[str, ...], dict] = {}
    for number, facts in enumerate(_groups(bank)):
        for turn in range(ORDERINGS_PER_GROUP):
            rng = fixed_random("web", bank.name, "order", str(number), str(turn))
            question = ordering(facts, bank, rng)
            if question is None:
                break
            ids = tuple(fact.id for fact in question.facts)
            found.setdefault(
                tuple(sorted(ids)),
                {
                    "prompt": question.prompt,
                    "items": list(question.items),
                    "ids": list(ids),
                    "order": list(question.order),
                    "dates": [fact.when.label() if fact.when else "" for fact in question.facts],
                },
            )
    return list(found.values())


def _groups(bank: Bank) -> list[list[Fact]]:
    """The whole bank, then each article's facts."""
    return [list(bank.facts)] + [
        [fact for fact in bank.facts if fact.source.id == source] for source in sorted(bank.sources)
    ]


def _matchings(bank: Bank) -> list[dict]:
    """The worksheets' matching questions (people and roles, events and years, abbreviations), a few
    per article and for the whole bank: the Test asks one whose facts are all among the chosen cards."""
    found: dict[tuple[str, ...], dict] = {}
    for number, facts in enumerate(_groups(bank)):
        for flavour in FLAVOURS:
            for turn in range(2):
                question = matching(
                    facts, bank, fixed_random("web", bank.name, "match", str(number), flavour, str(turn)), flavour
                )
                if question is None:
                    break
                ids = tuple(fact.id for fact in question.facts)
                found.setdefault(
                    tuple(sorted(ids)),
                    {
                        "prompt": question.prompt,
                        "left_title": question.left_title,
                        "right_title": question.right_title,
                        "left": list(question.left),
                        "right": list(question.right),
                        "pairs": list(question.pairs),
                        "ids": list(ids),
                    },
                )
    return list(found.values())


def _true_false(fact: Fact, bank: Bank) -> dict | None:
    """The worksheets' true/false statements: the true one, and a false one where a certainly wrong
    option can stand in for the answer (else None); None without a cloze sentence."""
    true = true_false(fact, bank, fixed_random("web", bank.name, fact.id), truth=True)
    if true is None:
        return None
    false = true_false(fact, bank, fixed_random("web", bank.name, fact.id), truth=False)
    return {"true": true.statement, "false": None if false is None or false.true else false.statement}
