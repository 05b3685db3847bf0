"""The short report `quizgen check` prints: facts per article, per kind and per stance."""

from __future__ import annotations

from collections import Counter

from quizgen.model import KINDS, STANCES, Bank


def summarize(bank: Bank) -> str:
    lines = [f"{bank.title} ({bank.name}): {len(bank.facts)} facts, all quotes found in their seeds"]
    per_source = Counter(c.source.id for fact in bank.facts for c in fact.citations)
    several = sum(1 for fact in bank.facts if len(fact.citations) > 1)
    lines.append(f"  per article (facts citing it; {several} facts cite several):")
    for source_id, source in bank.sources.items():
        lines.append(f"    {source_id}  {per_source[source_id]:4d}  {source.citation()}")
    kinds = Counter(fact.kind for fact in bank.facts)
    lines.append("  per kind:    " + ", ".join(f"{k} {kinds[k]}" for k in KINDS if kinds[k]))
    stances = Counter(fact.stance for fact in bank.facts)
    lines.append("  per stance:  " + ", ".join(f"{s} {stances[s]}" for s in STANCES if stances[s]))
    dated = sum(1 for fact in bank.facts if fact.when)
    clozes = sum(1 for fact in bank.facts if fact.cloze)
    lines.append(f"  dated: {dated}, with cloze: {clozes}")
    if bank.retired:
        lines.append(f"  retired ids: {len(bank.retired)}")
    return "\n".join(lines)
