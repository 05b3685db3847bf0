"""Reversed person cards ("Jens Stoltenberg: which office, 2014–2024?"): only where they teach.

A person gets one reversed card however many facts name them, and only from a fact whose role
is dated (a role asked in the present tense goes out of date) and whose own question does not
already state the role (its sibling card would give the answer away).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.model import Bank, Fact
from quizgen.text import content_words, fold

# "NATO Secretary General (2014–2024)", "Chairman … (from 2021)": the dates close the role
_DATED = re.compile(r"^(?P<office>.+?)\s*\((?P<dates>[^()]*\b\d{4}\b[^()]*)\)\s*$")


@dataclass(frozen=True)
class PersonCard:
    person: str   # folded name: one card per person
    office: str
    dates: str


def person_cards(bank: Bank, carriers: dict[str, str]) -> dict[str, PersonCard]:
    """Fact id -> the person card its note carries; `carriers` (person -> fact id, from the
    ledger) keeps a card on the note that already carries it, so its reviews stay with it."""
    candidates: dict[str, list[Fact]] = {}
    for fact in bank.facts:
        if fact.kind == "person" and fact.stance == "fact" and teaching_role(fact):
            candidates.setdefault(person_key(fact), []).append(fact)
    chosen = {}
    for person, facts in candidates.items():
        fact = next((f for f in facts if f.id == carriers.get(person)), facts[0])
        card = teaching_role(fact)
        if card is not None:  # (always: candidates have one)
            chosen[fact.id] = card
    return chosen


def person_key(fact: Fact) -> str:
    return " ".join(fold(fact.a).split())


def teaching_role(fact: Fact) -> PersonCard | None:
    """The dated role, unless the fact's own question already states it."""
    match = _DATED.match(fact.role or "")
    if not match or _states(fact.q, match["office"]):
        return None
    return PersonCard(person_key(fact), match["office"], match["dates"])


def _states(question: str, office: str) -> bool:
    # every word of the office in the question ("Russian president" states "President of Russia")
    return content_words(office) <= content_words(question)
