"""`quizgen list`: the bank's tags, categories, fact ids, kinds, articles, stances or topics, with counts."""

from __future__ import annotations

from collections import Counter

from quizgen.text import printable


def main(args) -> int:
    from quizgen.selection import bank_from_args, filtered

    bank = bank_from_args(args)
    pool = filtered(bank, args) if any(getattr(args, name, None) for name in ("source", "tag", "kind")) else bank
    for line in lines(pool, args.what):
        print(printable(line))
    return 0


def lines(bank, what: str) -> list[str]:
    """One line per name, with how many facts have it, sorted by name ('nrc  12')."""
    facts = bank.facts
    if what == "ids":
        return [f"{fact.id}  {fact.kind}  {fact.source.id}" for fact in sorted(facts, key=lambda f: f.id)]
    if what == "sources":
        counts = Counter(c.source.id for fact in facts for c in fact.citations)
        from quizgen.selection import short_name

        return [
            f"{sid}  {counts[sid]}  {short_name(bank.sources[sid])}  {bank.sources[sid].short_label()}"
            for sid in sorted(counts)
        ]
    if what == "topics":
        return _topics(facts)
    values = {
        "tags": lambda fact: fact.tags,
        "categories": lambda fact: (fact.category,) if fact.category else (),
        "kinds": lambda fact: (fact.kind,),
        "stances": lambda fact: (fact.stance,),
    }[what]
    counts = Counter(value for fact in facts for value in values(fact))
    return [f"{name}  {counts[name]}" for name in sorted(counts)]


def _topics(facts) -> list[str]:
    """One line per Anki topic: how many facts its tags file under it, and the tags that give it
    ('ukraine-war  12  <- ukraine-war, ukraine, war-2022, …, sanctions, black-sea')."""
    from quizgen.anki.topics import TOPICS, topics_of

    counts = Counter(topic for fact in facts for topic in topics_of(fact.tags))
    return [
        f"{topic}  {counts[topic]}  <- {', '.join(dict.fromkeys((topic, *tags)))}" for topic, tags in TOPICS.items()
    ]
