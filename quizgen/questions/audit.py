"""The rules every generated question must keep, checked after the fact: what a teacher would flag."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quizgen import cloze
from quizgen.model import Bank
from quizgen.questions.answers import overlaps
from quizgen.questions.asked import asked_keys, printed_texts, stem_key
from quizgen.questions.blank import FillBlank
from quizgen.questions.catalog import catalog_of, true_answers
from quizgen.questions.certainty import excludes, hedged, same_form
from quizgen.questions.choice import MultipleChoice
from quizgen.questions.distractors import exact_value
from quizgen.questions.events import labels_alike
from quizgen.questions.matching import Matching, spare_fits
from quizgen.questions.ordering import GAP_IN_DAYS, Ordering, apart
from quizgen.questions.truefalse import TrueFalse
from quizgen.text import answer_key, contains_words


def flags(question, bank: Bank) -> list[str]:
    """Every rule `question` breaks (an empty list for a question a teacher can sign)."""
    return _CHECKS[type(question)](question, bank)


def _choice(question: MultipleChoice, bank: Bank) -> list[str]:
    fact, found = question.fact, []
    right = question.options[question.answer]
    if answer_key(right) != answer_key(fact.a):
        found.append(f"key '{right}' is not the answer '{fact.a}'")
    keys = [answer_key(option) for option in question.options]
    if len(set(keys)) != len(keys):
        found.append("two options are the same")
    truths = true_answers(fact, bank)
    allowed = {answer_key(text) for text in fact.distractors}
    if fact.category:
        allowed |= {answer_key(text) for text in catalog_of(bank).categories.get(fact.category, ())}
    for index, option in enumerate(question.options):
        if index == question.answer:
            continue
        if any(overlaps(option, truth) for truth in truths):
            found.append(f"option '{option}' is an accepted answer")
        if not excludes(fact.a, option):
            found.append(f"option '{option}' is not certainly wrong for '{fact.a}'")
        if not same_form(fact.a, option):
            found.append(f"option '{option}' differs in form from the answer '{fact.a}'")
        if answer_key(option) not in allowed and not exact_value(fact):
            found.append(f"option '{option}' is neither curated nor of category '{fact.category}'")
    return found


def _true_false(question: TrueFalse, bank: Bank) -> list[str]:
    if question.true or question.swapped is None:
        return []
    fact, found = question.fact, []
    if hedged(cloze.fill(fact.cloze_text)):
        found.append("false statement made from a negated, comparative, approximate or list sentence")
    if any(overlaps(question.swapped, truth) for truth in true_answers(fact, bank)):
        found.append(f"the swapped-in '{question.swapped}' is a true answer")
    if not excludes(fact.a, question.swapped):
        found.append(f"the swapped-in '{question.swapped}' may be true too")
    return found


def _blank(question: FillBlank, bank: Bank) -> list[str]:
    found = []
    if hedged(question.before + " " + question.after):
        found.append("blank in a negated, comparative, approximate or list sentence (many answers)")
    forms = [answer_key(text) for text in (question.fact.a, *question.fact.alt)]
    if not any(contains_words(form, answer_key(question.answer)) for form in forms):
        found.append(f"blank's key '{question.answer}' is not the fact's answer")
    return found


def _ordering(question: Ordering, bank: Bank) -> list[str]:
    found = []
    unclear, common = catalog_of(bank).unclear_events, catalog_of(bank).event_words
    facts = question.facts
    for i, one in enumerate(facts):
        if one.id in unclear:
            found.append(f"event '{one.event}' also fits another date in the bank")
        for other in facts[i + 1:]:
            if not apart(one.date, other.date, GAP_IN_DAYS):
                found.append(f"'{one.event}' and '{other.event}' are less than a year apart")
            if labels_alike(one.event_label, other.event_label, common):
                found.append(f"'{one.event}' and '{other.event}' have alike labels")
    return found


def _matching(question: Matching, bank: Bank) -> list[str]:
    found = []
    for i, left in enumerate(question.left):
        pair = (question.facts[i], left, question.right[question.pairs[i]])
        for j, right in enumerate(question.right):
            if j != question.pairs[i] and spare_fits(question.flavour, bank, right, pair):
                found.append(f"'{right}' also fits '{left}'")
    return found


def sheet_flags(questions: list, common: frozenset[str]) -> list[str]:
    """Questions on one version that print what another asks (its answer, a date's month and year,
    an ordered event's date, a matched role or year).

    `common` holds the answers named so often in the bank ('NATO') that seeing them gives nothing away.
    """
    found = []
    for question in questions:
        asked = {stem_key(form) for form in asked_keys(question)} - common - {""}
        for other in questions:
            if other is question:
                continue
            shown = " \n ".join(stem_key(text) for text in printed_texts(other))
            found += [f"what one question asks ('{key}') is printed in another" for key in sorted(asked)
                      if contains_words(shown, key)]
    return found


_CHECKS: dict[type, Callable[[Any, Bank], list[str]]] = {
    MultipleChoice: _choice, TrueFalse: _true_false, FillBlank: _blank, Ordering: _ordering, Matching: _matching}
