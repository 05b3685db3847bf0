"""Fill in the blank, matching, ordering and true/false over the whole bundled bank."""

from __future__ import annotations

import random
import re
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_questions import bundled

from quizgen import cloze
from quizgen.authoring.lint import warnings
from quizgen.questions import FLAVOURS, fill_blank, matching, ordering, true_false
from quizgen.questions.answers import overlaps
from quizgen.questions.catalog import catalog_of, true_answers
from quizgen.questions.events import dated, labels_alike
from quizgen.questions.matching import _same_role
from quizgen.questions.ordering import apart, orderable
from quizgen.questions.sentence import with_answer
from quizgen.text import answer_key

SEEDS = st.integers(min_value=0, max_value=2**32)
EXAMPLES = settings(max_examples=15, deadline=None)
ATTRIBUTION = re.compile(
    r"\b(according to|claim|said|say|argu|warn|wrote|write|call|conclud|believ|blam|"
    r"accus|name|cite|falsely|told|consider|regard|remark|describ|judg|expect|sees|"
    r"propagand|slur|put|opinion piece|article)",
    re.I,
)


def differing_middle(a: str, b: str) -> tuple[str, str]:
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    # widen to whole words so 'a'/'an' changes and shared letters do not cut a name or number
    start = a.rfind(" ", 0, start) + 1
    while end and a[len(a) - end].isalnum() and (a[len(a) - end - 1].isalnum() or b[len(b) - end - 1].isalnum()):
        end -= 1
    return a[start : len(a) - end], b[start : len(b) - end]


def within(part: str, text: str) -> bool:
    """One contains the other (the stretch may be part of a number like '5 deaths')."""
    return answer_key(part) in answer_key(text) or answer_key(text) in answer_key(part)


def subsets():
    bank = bundled()
    yield list(bank.facts)
    for source in sorted(bank.sources):
        yield [fact for fact in bank.facts if fact.source.id == source]


@EXAMPLES
@given(seed=SEEDS)
def test_ordering_has_exactly_one_right_order(seed):
    rng = random.Random(seed)
    for facts in subsets():
        question = ordering(facts, bundled(), rng)
        if question is None:
            assert not ordering_triple(facts), ordering_triple(facts)  # the search missed none
            continue
        assert 3 <= len(question.items) <= 5
        for a, b in combinations(question.facts, 2):
            assert apart(a.when, b.when, 365), (a.when, b.when)  # a year apart at least
        ordered = [question.facts[i].when.sort_key for i in question.order]
        assert ordered == sorted(ordered) and len(set(ordered)) == len(ordered)
        assert list(question.order) != list(range(len(question.items)))  # not printed already in order
        assert len({answer_key(item) for item in question.items}) == len(question.items)
        assert not any(re.search(r"\b(19|20)\d\d\b", item) for item in question.items)


def ordering_triple(facts) -> tuple | None:
    """Three usable events pairwise a year apart with labels unlike, found by trying every triple
    (the picker tries a few random greedy orders): an ordering question exists when one does."""
    catalog = catalog_of(bundled())
    usable = orderable(facts, catalog.unclear_events)
    for triple in combinations(usable, 3):
        if all(
            apart(a.when, b.when, 365) and not labels_alike(a.event_label, b.event_label, catalog.event_words)
            for a, b in combinations(triple, 2)
        ):
            return tuple(fact.id for fact in triple)
    return None


def years_apart(facts) -> bool:
    """Three dated events pairwise at least 365 days apart, by date alone (every triple tried)."""
    dates = [fact for fact in facts if dated(fact)]
    return any(all(apart(a.when, b.when, 365) for a, b in combinations(t, 2)) for t in combinations(dates, 3))


def test_an_article_has_an_ordering_question_or_check_says_why():
    """For any valid bank: an article whose dated events include three a year apart has an ordering
    question, or `check` names it and the labels to reword; one whose events fall within a year or
    two has none and no warning (a teacher cannot fix that; README, "Checking your facts")."""
    bank = bundled()
    lines = warnings(bank)
    for source in sorted(bank.sources):
        facts = [fact for fact in bank.facts if fact.cites(source) and dated(fact)]
        question = ordering(facts, bank, random.Random(1))
        warned = [line for line in lines if f": article {source}: " in line]
        if question is not None or not years_apart(facts):
            assert not warned, warned
        else:
            assert len(warned) == 1 and "reword the labels" in warned[0], (source, lines)


@EXAMPLES
@given(seed=SEEDS)
def test_matching_pairs_are_unambiguous(seed):
    bank = bundled()
    rng = random.Random(seed)
    roles = catalog_of(bank).role_texts
    for facts in subsets():
        for flavour in FLAVOURS:
            question = matching(facts, bank, rng, flavour)
            if question is None:
                continue
            # no spare year: an event of one year may recur in another
            assert 3 <= len(question.left) <= 5 and (0 if flavour == "years" else 1) <= question.spares <= 2
            assert len(set(question.pairs)) == len(question.left)
            assert len({answer_key(t) for t in question.right}) == len(question.right)
            assert len({answer_key(t) for t in question.left}) == len(question.left)
            for i, left in enumerate(question.left):
                fact = question.facts[i]
                right = question.right[question.pairs[i]]
                if flavour == "roles":
                    assert left == fact.a and right == fact.role
                    others = [r for j, r in enumerate(question.right) if j != question.pairs[i]]
                    held = roles[answer_key(fact.a)]
                    assert not any(_same_role(other, role) for other in others for role in held), left
                elif flavour == "years":
                    assert left == fact.event and right == str(fact.when.year)
                else:
                    assert right == fact.a and left in fact.alt


def test_the_bank_supports_every_matching_flavour():
    bank = bundled()
    for flavour in FLAVOURS:
        assert matching(bank.facts, bank, random.Random(2), flavour) is not None, flavour


@EXAMPLES
@given(seed=SEEDS)
def test_false_statements_differ_from_the_fact_and_are_certainly_false(seed):
    bank = bundled()
    rng = random.Random(seed)
    falses = 0
    clozed = [fact for fact in bank.facts if fact.cloze]  # a statement is made from the cloze sentence
    for fact in clozed:
        question = true_false(fact, bank, rng, truth=False)
        true_statement = with_answer(fact)
        if question.true:
            assert question.statement == true_statement
            continue
        falses += 1
        assert question.statement != true_statement
        assert question.correction == true_statement
        assert not any(overlaps(question.swapped, truth) for truth in true_answers(fact, bank))
        # one stretch differs: where the true sentence has the answer, the false one has the swap
        was, now = differing_middle(true_statement, question.statement)
        assert was and now
        assert any(within(was, text) for text in (fact.a, *fact.alt)), (was, now)
        assert within(now, question.swapped), (was, now)
    assert falses > len(clozed) / 4


def test_claims_keep_their_attribution():
    bank = bundled()
    claims = [fact for fact in bank.facts if fact.stance != "fact"]
    assert claims
    for fact in claims:
        for truth in (True, False):
            question = true_false(fact, bank, random.Random(1), truth=truth)
            if not fact.cloze:  # `cloze` is optional: no sentence, no true/false statement
                assert question is None, fact.id
                continue
            assert ATTRIBUTION.search(question.statement), question.statement
            blank = fill_blank(fact)
            assert blank is None or ATTRIBUTION.search(blank.before + blank.after), blank


def test_a_claim_without_attribution_gets_the_author():
    bank = bundled()
    bare = [f for f in bank.facts if f.stance == "claim" and f.cloze and not ATTRIBUTION.search(cloze.fill(f.cloze))]
    for fact in bare:
        assert with_answer(fact).startswith("According to "), fact.id


def test_fill_in_the_blank_hides_exactly_the_answer():
    bank = bundled()
    blanks = [q for q in map(fill_blank, bank.facts) if q is not None]
    assert len(blanks) > len(bank.facts) / 3
    for question in blanks:
        fact = question.fact
        # the answer deletion, or its number when the unit stays printed ("___ people")
        assert any(
            d.text == question.answer or d.text.startswith(question.answer + " ") for d in cloze.deletions(fact.cloze)
        )
        assert question.before + question.answer + question.after == with_answer(fact)
