"""Grades a typed answer against a fact: correct, almost (a small typo) or wrong.

The rules, with an example each, are the README's grading table. In short: another answer the
bank knows is wrong, never almost; numbers keep their units and qualifiers; more precise and
consistent is right; notation does not matter; a slip is almost only when it spells nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from quizgen.model import Fact
from quizgen.quiz.dates import agrees, date_readings, parse_date
from quizgen.quiz.lexicon import Lexicon, split_form
from quizgen.quiz.names import ALMOST, CORRECT, WRONG, match_name
from quizgen.quiz.quantity import FILLERS, UNITS, read_quantity
from quizgen.quiz.spelling import clean, distance, is_typo, normalize

__all__ = ["ALMOST", "CORRECT", "WRONG", "Verdict", "grade_answer", "match_form", "normalize", "parse_date"]

MAX_GRADED = 300  # longer than any answer in a bank: graded wrong at once, whatever it holds
_LIST = re.compile(r"\s*(?:,|;|/|&|\band\b|\bas well as\b|\bplus\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    """The grade and the accepted form the learner should see."""

    grade: str
    expected: str


def grade_answer(given: str, fact: Fact, known: Lexicon | None = None) -> Verdict:
    """Compare a typed answer with the fact's answer and alternatives; `known` is the whole bank's."""
    known = known if known is not None else Lexicon.of([fact])
    given = clean(given)
    got = normalize(given) if len(given) <= MAX_GRADED else ""
    if not got:
        return Verdict(WRONG, fact.a)
    forms = accepted_forms(fact, known)
    accepted = {normalize(form) for form in forms}
    others = known.others(accepted) | {normalize(d) for d in fact.distractors}
    grades = {form: match_form(given, form, fact, others) for form in forms}
    if CORRECT in grades.values():
        return Verdict(CORRECT, fact.a)  # 'May 2002' for a year question, though another card's answer
    if got in others:
        return Verdict(WRONG, fact.a)  # another answer the bank knows is never "close enough"
    close = [form for form, grade in grades.items() if grade == ALMOST]
    if not close or _spells_another(got, fact, known, accepted, others):
        return Verdict(WRONG, fact.a)
    # Show the spelling of the form the learner was nearest to (Sergei, not Sergey, Lavrov).
    return Verdict(ALMOST, min(close, key=lambda form: distance(got, normalize(form))))


def accepted_forms(fact: Fact, known: Lexicon) -> list[str]:
    """The answer, its alternatives, each half of 'Name (ABBR)', and spellings-out the bank gives."""
    forms = [part for form in (fact.a, *fact.alt) for part in split_form(form)]
    for form in list(forms):
        forms.extend(sorted(known.spelled.get(normalize(form), ())))
    return list(dict.fromkeys(forms))


def _spells_another(got: str, fact: Fact, known: Lexicon, accepted: set[str], others: set[str]) -> bool:
    """A slip is no slip when it is as near to another known answer (Bauer: Rob Bauer, not Bauhr)."""
    own_surnames = {form.split()[-1] for form in accepted if form}
    if fact.kind == "person" and got.split()[-1] in known.surnames - own_surnames:
        return True
    targets = accepted | (own_surnames if fact.kind == "person" else set())
    nearest = min((distance(got, form) for form in targets), default=99)
    return any(distance(got, other) <= nearest for other in others)


def match_form(given: str, form: str, fact: Fact, others: frozenset[str] | set[str] = frozenset()) -> str:
    """Grade `given` against one accepted form of `fact`."""
    want, got = normalize(form), normalize(given)
    if got == want or sorted(got.split()) == sorted(want.split()):
        return CORRECT
    context = set(normalize(fact.q).split())
    if fact.kind in ("date", "year") or (parse_date(form) or (0, None))[1]:
        grade = _match_date(given, form, fact)
        if grade:
            return grade
    if fact.kind in ("number", "year") and read_quantity(form):
        return _match_quantity(given, form, context)
    if fact.kind == "person":
        grade = match_name(got, want, context)
        if grade:
            return grade
    return _match_text(given, form, fact, context, others)


def _match_date(given: str, form: str, fact: Fact) -> str | None:
    """A date is right when it says the asked date; more detail must agree with the fact's `when`."""
    wanted = parse_date(form)
    readings = date_readings(given)
    if not wanted:
        return None
    if readings:
        return CORRECT if any(agrees(reading, wanted, fact.when) for reading in readings) else WRONG
    return WRONG if fact.kind == "date" else None


def _match_quantity(given: str, form: str, context: set[str]) -> str:
    """Same numbers, no other unit or currency, no added negation or comparison, nothing named before."""
    got, want = read_quantity(given), read_quantity(form)
    if got is None or want is None or got.values != want.values or got.qualifiers != want.qualifiers:
        return WRONG
    units_in_question = {UNITS[w] for w in context if w in UNITS}
    if not got.units <= want.units | units_in_question:
        return WRONG  # 24 months for 24 years, euros for dollars
    if any(word not in want.leading and word not in context for word in got.leading):
        return WRONG  # 'Article 5' names an article, not 5 deaths
    return CORRECT


def _match_text(given: str, form: str, fact: Fact, context: set[str], others: AbstractSet[str]) -> str:
    """Names of places, bodies and things: lists in any order, a qualifier, words from the question."""
    want, got = normalize(form), normalize(given)
    wanted_items, given_items = _items(form), _items(given)
    if len(wanted_items) > 1 and len(given_items) == len(wanted_items):
        return _match_items(given_items, wanted_items)
    # 'Lisbon, Portugal': the place, then where it is (unless that is another answer the bank knows)
    if (fact.kind == "place" and len(wanted_items) == 1 and len(given_items) > 1
            and given_items[0] == want and not set(given_items[1:]) & others):
        return CORRECT
    years = {str(fact.when.year)} if fact.when else set()
    kept = [w for w in got.split() if w not in context and w not in FILLERS and w not in years]
    if kept and kept != got.split() and sorted(kept) == sorted(want.split()):
        return CORRECT  # 'the Vilnius summit in 2023' for Vilnius, asked about the 2023 summit
    return ALMOST if is_typo(got, want) else WRONG


def _items(text: str) -> list[str]:
    return [item for item in (normalize(part) for part in _LIST.split(clean(text))) if item]


def _match_items(given: list[str], wanted: list[str]) -> str:
    """Every listed item, in any order; a slip in one makes the whole almost."""
    left, grade = list(wanted), CORRECT
    for item in given:
        if item in left:
            left.remove(item)
            continue
        near = next((w for w in left if is_typo(item, w)), None)
        if near is None:
            return WRONG
        left.remove(near)
        grade = ALMOST
    return grade
