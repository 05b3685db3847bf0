"""Reversed person cards ("Jens Stoltenberg: which role, 2014–2024?"): only where they teach.

A person gets one reversed card however many facts name them, and only from a fact whose role
the bank marks as one dated role, `Office (2014–2024)`, `Office (from [Month] 2004)` or
`Office (since 2012)` (a role asked in the present tense goes out of date; two roles, "as of"
or an event in the brackets make no card), and whose own question does not already state the
role (its sibling card would give the answer away).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.model import MONTHS, Bank, Fact
from quizgen.text import content_words, fold

# one office (no digits, no ';'), then its term in brackets, closing the role
_TERM = rf"\d{{4}}[–-]\d{{4}}|(?:from|since) (?:(?:{'|'.join(MONTHS)}) )?\d{{4}}"
_DATED = re.compile(rf"^(?P<office>[^;\d]+?)\s*\((?P<dates>{_TERM})\)$")


@dataclass(frozen=True)
class PersonCard:
    person: str  # folded name: one card per person
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


# Adjectives of countries whose first five letters are not the country's ('French' for France).
_DEMONYMS = {
    "french": "france",
    "british": "britain",
    "english": "england",
    "dutch": "netherlands",
    "italian": "italy",
    "spanish": "spain",
    "polish": "poland",
    "turkish": "turkey",
    "greek": "greece",
    "danish": "denmark",
    "swedish": "sweden",
    "finnish": "finland",
    "belarusian": "belarus",
    "georgian": "georgia",
    "moldovan": "moldova",
    "hungarian": "hungary",
    "czech": "czechia",
    "slovak": "slovakia",
    "norwegian": "norway",
}


def _states(question: str, office: str) -> bool:
    # every word of the office in the question ("Russian president" states "President of Russia",
    # "French president" "President of France")
    office_words = content_words(office)  # an office of no content words ('A-A') states nothing
    asked = " ".join(_DEMONYMS.get(word, word) for word in fold(question).split())
    return bool(office_words) and office_words <= content_words(question) | content_words(asked)
