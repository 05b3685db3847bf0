"""The questions an export carries, built by the worksheets' own question builders, one set per fact."""

from __future__ import annotations

from dataclasses import dataclass, replace

from quizgen.errors import NotEnoughOptions
from quizgen.export.forms import accepted, exact_number, surnames
from quizgen.model import Bank, Fact
from quizgen.questions import can_choose, matching, multiple_choice, true_false
from quizgen.questions.fixed import fixed_random

TYPES = ("mcq", "short", "tf", "match")
SHORT_WORDS = 5  # a typed answer longer than this is an essay, not a short answer Moodle can grade
MOODLE_TYPED_KINDS = ("year", "date", "number", "person", "place", "organization", "document")  # Moodle's short answer


@dataclass(frozen=True)
class Item:
    """One exported question: what it asks, what counts as right, and why (plain text throughout)."""

    name: str  # the fact id, "<id> short", "<id> tf", "<article> roles": stable
    type: str  # mcq, short, number (Moodle's numerical), tf or match
    source_id: str  # the article whose category holds it
    prompt: str
    right: tuple[str, ...] = ()  # mcq: the right option; short: every accepted form
    value: int | None = None  # number: the exact value
    wrong: tuple[str, ...] = ()  # mcq: the wrong options
    options: tuple[str, ...] = ()  # mcq: every option in the order the sheets print them
    true: bool | None = None  # tf
    correction: str | None = None  # tf: the true statement, when this one is false
    pairs: tuple[tuple[str, str], ...] = ()  # match: (person, role)
    spares: tuple[str, ...] = ()  # match: roles that match nobody
    facts: tuple[Fact, ...] = ()


def home(fact: Fact, sources: tuple[str, ...] = ()) -> str:
    """The article whose category holds the fact: its own, unless a --source filter chose another
    article that also reports it."""
    if not sources or fact.source.id in sources:
        return fact.source.id
    return next(c.source.id for c in fact.citations if c.source.id in sources)


def items_of(bank: Bank, pool: Bank, types: tuple[str, ...], sources: tuple[str, ...] = ()) -> list[Item]:
    """Questions for every fact of `pool` (options drawn from the whole `bank`), article by article."""
    found: list[Item] = []
    names = surnames(bank)
    by_home: dict[str, list[Fact]] = {}
    for fact in pool.facts:
        by_home.setdefault(home(fact, sources), []).append(fact)
    for source_id in sorted(bank.sources):
        facts = by_home.get(source_id, [])
        for fact in facts:
            found += [replace(item, source_id=source_id) for item in fact_items(fact, bank, types, names)]
        if "match" in types:
            found += _roles(source_id, facts, bank)
    return found


def fact_items(fact: Fact, bank: Bank, types: tuple[str, ...], names: dict[str, str]) -> list[Item]:
    """The fact's multiple choice (when honest options exist), its short answer (a name, place,
    date or number; or any short answer without multiple choice), its true/false statement."""
    items = []
    choice = _choice(fact, bank) if "mcq" in types else None
    if choice is not None:
        items.append(choice)
    if "short" in types and short_enough(fact.a) and (fact.kind in MOODLE_TYPED_KINDS or choice is None):
        value = exact_number(fact)
        if value is not None:  # Moodle's numerical question takes "1,500" and "1500" alike
            items.append(Item(f"{fact.id} short", "number", fact.source.id, fact.q, value=value, facts=(fact,)))
        else:
            items.append(
                Item(
                    f"{fact.id} short",
                    "short",
                    fact.source.id,
                    fact.q,
                    right=accepted(fact, names=names),
                    facts=(fact,),
                )
            )
    if "tf" in types:
        statement = true_false(fact, bank, fixed_random("export", bank.name, f"{fact.id} tf"))
        if statement is not None:
            items.append(
                Item(
                    f"{fact.id} tf",
                    "tf",
                    fact.source.id,
                    statement.statement,
                    true=statement.true,
                    correction=statement.correction,
                    facts=(fact,),
                )
            )
    return items


def short_enough(answer: str) -> bool:
    return len(answer.split()) <= SHORT_WORDS


def _choice(fact: Fact, bank: Bank) -> Item | None:
    if not can_choose(fact, bank):
        return None
    try:
        question = multiple_choice(fact, bank, fixed_random("export", bank.name, fact.id))
    except NotEnoughOptions:
        return None
    wrong = tuple(o for i, o in enumerate(question.options) if i != question.answer)
    return Item(
        fact.id,
        "mcq",
        fact.source.id,
        question.prompt,
        right=(fact.a,),
        wrong=wrong,
        options=question.options,
        facts=(fact,),
    )


def _roles(source_id: str, facts: list[Fact], bank: Bank) -> list[Item]:
    """One people-to-roles matching question per article, when it has three people with roles."""
    name = f"{source_id} roles"
    question = matching(facts, bank, fixed_random("export", bank.name, name), "roles", size=6)
    if question is None:
        return []
    pairs = tuple((left, question.right[question.pairs[i]]) for i, left in enumerate(question.left))
    matched = {role for _, role in pairs}
    spares = tuple(role for role in question.right if role not in matched)
    return [Item(name, "match", source_id, question.prompt, pairs=pairs, spares=spares, facts=question.facts)]
