"""The short report `quizgen check` prints: facts per article, per kind and per stance."""

from __future__ import annotations

from collections import Counter
from statistics import median

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
    lines.append("  " + prompt_lengths(bank))
    if bank.retired:
        lines.append(f"  retired ids: {len(bank.retired)}")
    return "\n".join(lines)


LONG_PROMPT = 160  # characters: a learner reads each prompt hundreds of times (minimum information)


def prompt_lengths(bank: Bank) -> str:
    """The median question length and the share of questions over LONG_PROMPT characters."""
    lengths = [len(fact.q) for fact in bank.facts]
    if not lengths:
        return "prompts: none"
    over = sum(1 for n in lengths if n > LONG_PROMPT)
    return (
        f"prompts: median {median(lengths):g} characters, {over} of {len(lengths)} "
        f"({100 * over / len(lengths):.0f} %) over {LONG_PROMPT}"
    )
