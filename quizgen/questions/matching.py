"""Matching questions: people with roles, events with years, abbreviations with full names."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.model import Bank, Fact
from quizgen.questions.catalog import catalog_of
from quizgen.questions.events import dated, labels_alike
from quizgen.text import answer_key, content_words

FLAVOURS = ("roles", "years", "abbreviations")
PROMPTS = {
    "roles": ("Match each person to the role they held.", "Person", "Role"),
    "years": ("Match each event to the year it happened.", "Event", "Year"),
    "abbreviations": ("Match each abbreviation to its full name.", "Abbreviation", "Full name"),
}
_ACRONYM = re.compile(r"^[A-Za-z]{2,7}$")


@dataclass(frozen=True)
class Matching:
    """Left items to match with right items; `pairs[i]` is the index in `right` of `left[i]`'s match."""

    flavour: str
    prompt: str
    left_title: str
    right_title: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    pairs: tuple[int, ...]
    facts: tuple[Fact, ...]  # facts[i] backs left[i]

    @property
    def spares(self) -> int:
        return len(self.right) - len(self.left)


def matching(
    facts: Sequence[Fact], bank: Bank, rng: random.Random, flavour: str, size: int = 5, spares: int = 2
) -> Matching | None:
    """A matching question of `flavour` from `facts` (spare items may come from the whole bank).

    None when fewer than three unambiguous pairs exist.
    """
    pairs, spare_pool = _candidates(flavour, facts, bank)
    rng.shuffle(pairs)
    chosen: list[tuple[Fact, str, str]] = []
    for fact, left, right in pairs:
        if len(chosen) < size and all(_distinct(flavour, bank, (fact, left, right), other) for other in chosen):
            chosen.append((fact, left, right))
    if len(chosen) < 3:
        return None
    rng.shuffle(spare_pool)
    # spares that look like the right-hand items come first ("Prime Minister of Italy (2021–2022)"
    # among politicians' offices), so a spare is a real temptation, not an odd one out
    shown = set().union(*(content_words(pair[2]) for pair in chosen))
    spare_pool.sort(key=lambda text: -len(content_words(text) & shown))
    extra: list[str] = []
    for text in spare_pool:
        if (
            len(extra) < spares
            and all(_spare_ok(flavour, bank, text, pair) for pair in chosen)
            and answer_key(text) not in {answer_key(t) for t in extra}
        ):
            extra.append(text)
    if not extra and len(chosen) > 3:
        extra.append(chosen.pop()[2])  # a pair's right side left unmatched is a certain spare
    right = _listed([pair[2] for pair in chosen] + extra, flavour, rng)
    prompt, left_title, right_title = PROMPTS[flavour]
    return Matching(
        flavour,
        prompt,
        left_title,
        right_title,
        left=tuple(pair[1] for pair in chosen),
        right=tuple(right),
        pairs=tuple(right.index(pair[2]) for pair in chosen),
        facts=tuple(pair[0] for pair in chosen),
    )


def pairable(flavour: str, facts: Sequence[Fact], bank: Bank) -> list[Fact]:
    """The facts that make a pair of `flavour` (a person with a role, a dated event, an acronym)."""
    return [pair[0] for pair in _candidates(flavour, facts, bank)[0]]


def spare_sources(question: Matching, bank: Bank) -> frozenset[str]:
    """The facts a spare right-hand item is taken from (a person's role, an organisation's name):
    a sheet asks none of them elsewhere, or the spare tells of it (rv5 G2: a spare role's dates)."""
    matched = {answer_key(question.right[i]) for i in question.pairs}
    spare = {answer_key(text) for text in question.right} - matched
    if question.flavour == "roles":
        return frozenset(f.id for f in bank.of_kind("person") if f.role and answer_key(f.role) in spare)
    if question.flavour == "abbreviations":
        return frozenset(f.id for f in bank.facts if answer_key(f.a) in spare)
    return frozenset()  # a spare year names no event


def reshuffled(question: Matching, rng: random.Random) -> Matching:
    """The same pairs with both columns in a new order (for another version of a worksheet)."""
    order = list(range(len(question.left)))
    rng.shuffle(order)
    right = _listed(list(question.right), question.flavour, rng)
    return Matching(
        question.flavour,
        question.prompt,
        question.left_title,
        question.right_title,
        left=tuple(question.left[i] for i in order),
        right=tuple(right),
        pairs=tuple(right.index(question.right[question.pairs[i]]) for i in order),
        facts=tuple(question.facts[i] for i in order),
    )


def _listed(right: list[str], flavour: str, rng: random.Random) -> list[str]:
    """The right-hand column in print order: years from the earliest (easy to scan, and order
    tells nothing when every event is on the left), anything else shuffled."""
    if flavour == "years":
        return sorted(right)
    rng.shuffle(right)
    return right


def _roles(facts, bank):
    return [(f, f.a, f.role) for f in facts if f.kind == "person" and f.role]


def _role_spares(bank):
    return [f.role for f in bank.of_kind("person") if f.role]


def _years(facts, bank):
    unclear = catalog_of(bank).unclear_events
    return [(f, f.event, str(f.when.year)) for f in facts if dated(f) and f.id not in unclear]


def _year_spares(bank):
    # none: an event of one year may recur in another ("a US presidential election", 2020 and
    # 2024), so no spare year is certainly wrong
    return []


def _abbreviations(facts, bank):
    return [(f, short, f.a) for f in facts for short in _acronyms(f)[:1]]


def _abbreviation_spares(bank):
    return [f.a for f in bank.facts if f.kind in ("organization", "document") and not _ACRONYM.match(f.a)]


_CANDIDATES = {
    "roles": (_roles, _role_spares),
    "years": (_years, _year_spares),
    "abbreviations": (_abbreviations, _abbreviation_spares),
}


def _candidates(flavour: str, facts: Sequence[Fact], bank: Bank) -> tuple[list, list[str]]:
    """The pairs `facts` offer and the spare right-hand items of the whole bank (found once per bank)."""
    pairs_of, spares_of = _CANDIDATES[flavour]
    spares = catalog_of(bank).spares
    if flavour not in spares:
        spares[flavour] = tuple(spares_of(bank))
    return pairs_of(facts, bank), list(spares[flavour])


def _acronyms(fact: Fact) -> list[str]:
    """Alternatives that abbreviate the answer ('NRC' for 'NATO-Russia Council')."""
    return [
        alt
        for alt in fact.alt
        if _ACRONYM.match(alt)
        and sum(c.isupper() for c in alt) >= 2
        and not _ACRONYM.match(fact.a)
        and _abbreviates(alt, fact.a)
    ]


def _abbreviates(short: str, full: str) -> bool:
    initials = iter(word[0].casefold() for word in re.split(r"[\s\-]+", full) if word)
    return all(letter.casefold() in initials for letter in short)


def _distinct(flavour: str, bank: Bank, pair, other) -> bool:
    """Two pairs that cannot be confused: different left and right, neither fitting the other."""
    if answer_key(pair[1]) == answer_key(other[1]) or answer_key(pair[2]) == answer_key(other[2]):
        return False
    if flavour == "roles":
        return _spare_ok(flavour, bank, pair[2], other) and _spare_ok(flavour, bank, other[2], pair)
    if flavour == "abbreviations":
        return not _abbreviates(pair[1], other[2]) and not _abbreviates(other[1], pair[2])
    return not labels_alike(pair[1], other[1], catalog_of(bank).event_words)


def spare_fits(flavour: str, bank: Bank, text: str, pair) -> bool:
    """Whether right-hand `text` could also be matched with the left item of `pair`."""
    return not _spare_ok(flavour, bank, text, pair)


def _spare_ok(flavour: str, bank: Bank, text: str, pair) -> bool:
    """Whether right-hand `text` certainly does not match the left item of `pair`."""
    fact, left, right = pair
    if answer_key(text) == answer_key(right):
        return False
    if flavour == "roles":
        held = catalog_of(bank).role_texts.get(answer_key(fact.a), ()) + (right,)
        return not any(_same_role(text, role) for role in held)
    if flavour == "abbreviations":
        return not _abbreviates(left, text)
    return True


def _same_role(a: str, b: str) -> bool:
    """One role is contained in the other ('President of Russia' in 'Russian President')."""
    words_a, words_b = content_words(a), content_words(b)
    return words_a <= words_b or words_b <= words_a
