"""The rules every generated question must keep, checked after the fact: what a teacher would flag."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quizgen import cloze
from quizgen.model import Bank
from quizgen.questions.answers import overlaps
from quizgen.questions.asked import facts_of
from quizgen.questions.blank import FillBlank
from quizgen.questions.catalog import catalog_of, true_answers
from quizgen.questions.certainty import (
    excludes,
    given_as_example,
    hedged,
    listed,
    odd_one_out,
    same_form,
)
from quizgen.questions.choice import MultipleChoice
from quizgen.questions.distractors import exact_value
from quizgen.questions.events import labels_alike
from quizgen.questions.giveaways import giveaway_pairs, telling_of
from quizgen.questions.matching import Matching, spare_fits
from quizgen.questions.ordering import GAP_IN_DAYS, Ordering, apart
from quizgen.questions.sentence import around_answer
from quizgen.questions.truefalse import TrueFalse
from quizgen.text import answer_key, contains_words


def flags(question, bank: Bank) -> list[str]:
    """Every rule `question` breaks (an empty list for a question a teacher can sign)."""
    return _CHECKS[type(question)](question, bank)


def weaknesses(question) -> list[str]:
    """What makes a sound question weak on paper: a multiple-choice answer that is the odd one out
    (worksheets leave such questions out; the bank's curated options are the content's to fix)."""
    if not isinstance(question, MultipleChoice):
        return []
    wrong = [option for index, option in enumerate(question.options) if index != question.answer]
    shared = odd_one_out(question.fact.a, wrong)
    return [f"the answer is the odd one out: every wrong option has '{min(shared)}', it does not"] if shared else []


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
    if listed(*around_answer(fact), fact.kind):
        found.append("false statement swapping one item of a list (the other items stay true)")
    if any(overlaps(question.swapped, truth) for truth in true_answers(fact, bank)):
        found.append(f"the swapped-in '{question.swapped}' is a true answer")
    if not excludes(fact.a, question.swapped):
        found.append(f"the swapped-in '{question.swapped}' may be true too")
    return found


def _blank(question: FillBlank, bank: Bank) -> list[str]:
    found = []
    if hedged(question.before + " " + question.after):
        found.append("blank in a negated, comparative, approximate or list sentence (many answers)")
    if listed(question.before, question.after, question.fact.kind):
        found.append("blank is one item of a list (any item fits)")
    if given_as_example(question.fact.a, question.fact.quote):
        found.append("the article gives the answer only as an example ('such as …'): many answers")
    if question.fact.kind in ("date", "year") and not question.precision:
        found.append("date blank does not say how precise the answer must be")
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
        for other in facts[i + 1 :]:
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


def sheet_flags(questions: list, bank: Bank) -> list[str]:
    """Questions on one version that print what another asks (its answer, a date's month and year,
    an ordered event's date, a matched role or year), or whose facts are a give-away pair.

    Citations ('(IPN, 2020)') are not compared, and a bare year or number counts only where the
    text printing it speaks of the same thing (see `quizgen.questions.giveaways`).
    """
    telling, pairs = telling_of(bank), giveaway_pairs(bank)
    found = []
    for i, question in enumerate(questions):
        for other in questions[i + 1 :]:
            ids = {fact.id for fact in facts_of(question)}, {fact.id for fact in facts_of(other)}
            if any(tuple(sorted((a, b))) in pairs for a in ids[0] for b in ids[1]):
                found.append(f"facts {sorted(ids[0])} and {sorted(ids[1])} give each other away")
            elif telling.between(question, other):
                found.append(f"what one question asks is printed in another ({sorted(ids[0])}, {sorted(ids[1])})")
    return found


_CHECKS: dict[type, Callable[[Any, Bank], list[str]]] = {
    MultipleChoice: _choice,
    TrueFalse: _true_false,
    FillBlank: _blank,
    Ordering: _ordering,
    Matching: _matching,
}
