"""The rules a teacher signs, over the whole bundled bank and 50 seeds, and on the cases that broke them."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from test_questions import bundled

from quizgen.model import Bank, Fact, Location, Source
from quizgen.questions import can_be_false, can_choose, fill_blank, multiple_choice, ordering, true_false
from quizgen.questions.answers import overlaps
from quizgen.questions.audit import flags, sheet_flags
from quizgen.questions.catalog import true_answers
from quizgen.questions.certainty import same_form
from quizgen.worksheet.options import SheetOptions
from quizgen.worksheet.writer import build_set

SEEDS = range(50)


def test_every_multiple_choice_keeps_the_rules_for_every_seed():
    bank = bundled()
    choosable = [fact for fact in bank.facts if can_choose(fact, bank)]
    assert len(choosable) > len(bank.facts) // 2
    for seed in SEEDS:
        rng = random.Random(seed)
        for fact in choosable:
            question = multiple_choice(fact, bank, rng)
            assert flags(question, bank) == [], (fact.id, question.options)
            # the same rules, said plainly: no accepted answer among the wrong options, one form
            wrong = [o for i, o in enumerate(question.options) if i != question.answer]
            assert not any(overlaps(o, t) for o in wrong for t in true_answers(fact, bank))
            assert all(same_form(fact.a, o) for o in wrong)


def test_false_statements_never_come_from_hedged_sentences():
    bank = bundled()
    for seed in SEEDS:
        rng = random.Random(seed)
        for fact in bank.facts:
            if fact.cloze and can_be_false(fact, bank):
                question = true_false(fact, bank, rng, truth=False)
                assert not question.true
                assert flags(question, bank) == [], (fact.id, question.statement)


def test_blanks_pin_one_answer():
    bank = bundled()
    blanks = [fill_blank(fact) for fact in bank.facts]
    assert sum(1 for b in blanks if b) > len(bank.facts) // 3
    for blank in filter(None, blanks):
        assert flags(blank, bank) == [], (blank.fact.id, blank.before, blank.after)


def test_orderings_have_one_right_order_for_every_seed():
    bank = bundled()
    for seed in SEEDS:
        question = ordering(list(bank.facts), bank, random.Random(seed))
        assert question is not None
        assert flags(question, bank) == [], question.items
        dates = [question.facts[i].when.sort_key for i in question.order]
        assert dates == sorted(dates) and len(set(dates)) == len(dates)


@pytest.mark.parametrize("seed", SEEDS)
def test_no_sheet_question_prints_another_ones_answer(seed):
    bank = bundled()
    sheet_set = build_set(bank, bank, SheetOptions(count=30, versions=2, seed=seed), "r", "R", "S")
    for sheet in sheet_set.sheets:
        questions = [item.question for item in sheet.items]
        assert len(questions) == 30, sheet_set.notes
        assert sheet_flags(questions, bank) == []
        for question in questions:
            assert flags(question, bank) == []


# The mechanisms the review found, each on a fact made to show it.
SOURCE = Source("900", "900.txt", "Sample", year=2021)


def _fact(**fields) -> Fact:
    base = dict(
        id="x", q="q?", a="a", kind="term", quote="", stance="fact", source=SOURCE, origin=Location("x.yaml", 1)
    )
    return Fact(**{**base, **fields})


def _bank(*facts: Fact) -> Bank:
    return Bank("sample", "Sample", facts, {"900": SOURCE})


def test_a_swap_inside_a_negated_sentence_is_never_a_false_statement():
    fact = _fact(
        id="art",
        a="Article 5",
        kind="document",
        distractors=("Article 4", "Article 3", "Article 10"),
        cloze="NATO's Covid-19 solidarity was not based on triggering {{c1::Article 5}}.",
        q="Which article was NATO's Covid-19 solidarity not based on?",
    )
    bank = _bank(fact)
    assert not can_be_false(fact, bank)
    assert true_false(fact, bank, random.Random(1), truth=False).true


def test_more_than_answers_get_no_nearby_values_and_no_overlapping_options():
    fact = _fact(
        id="trained",
        a="over 1,500 personnel",
        kind="number",
        q="How many personnel had the NRC counter-narcotics project trained by June 2011?",
        distractors=(
            "over 1,400 personnel",
            "about 150 personnel",
            "about 15 personnel",
            "about 15,000 personnel",
            "about 50 personnel",
        ),
        cloze="By June 2011 the project had trained {{c1::over 1,500 personnel}}.",
    )
    bank = _bank(fact)
    for seed in range(20):
        question = multiple_choice(fact, bank, random.Random(seed))
        assert "over 1,400 personnel" not in question.options  # true if over 1,500 were trained
        assert "about 15,000 personnel" not in question.options  # may be true: "over" has no ceiling
        assert flags(question, bank) == []
    assert fill_blank(fact) is None  # "over ___" has many right answers
    assert not can_be_false(fact, bank)


def test_options_come_only_from_the_category_and_share_its_form():
    macron = _fact(
        id="macron",
        a="Emmanuel Macron",
        kind="person",
        category="french-president",
        q="Which French president called NATO brain-dead in 2019?",
    )
    others = [
        _fact(id=f"p{i}", a=name, kind="person", category=cat, q=f"Who was {i}?")
        for i, (name, cat) in enumerate(
            [
                ("François Hollande", "french-president"),
                ("Nicolas Sarkozy", "french-president"),
                ("Jacques Chirac", "french-president"),
                ("Vladimir Putin", "russian-president"),
                ("the Warsaw Pact", "french-president"),
            ]
        )
    ]
    bank = _bank(macron, *others)
    for seed in range(20):
        options = multiple_choice(macron, bank, random.Random(seed)).options
        assert set(options) == {"Emmanuel Macron", "François Hollande", "Nicolas Sarkozy", "Jacques Chirac"}
    assert not can_choose(replace(macron, category=None), bank)


def test_a_number_blank_asks_for_the_number_and_shows_the_unit():
    fact = _fact(
        id="cap",
        a="10 people",
        kind="number",
        q="To how many people?",
        cloze="In October 2021 NATO halved Russia's mission to NATO to {{c1::10 people}}.",
    )
    blank = fill_blank(fact)
    assert (blank.answer, blank.after) == ("10", " people.")


def test_a_list_sentence_gives_no_blank():
    fact = _fact(
        id="sar",
        a="search and rescue at sea",
        q="q?",
        cloze="One of the nine NRC cooperation areas in 2002 was {{c1::search and rescue at sea}}.",
    )
    assert fill_blank(fact) is None


def test_events_whose_labels_fit_another_date_are_not_ordered():
    from quizgen.model import When

    def event(i, label, when):
        return _fact(id=f"e{i}", q=f"When {i}?", a=str(when.year), kind="year", when=when, event=label)

    facts = [
        event(1, "NATO decides to resume formal NATO-Russia Council meetings", When(2009, 3)),
        event(2, "NATO-Russia Council meetings resume", When(2016, 4)),
        event(6, "Finland joins NATO", When(2023, 4)),
        event(3, "Founding Act signed", When(1997, 5)),
        event(4, "Partnership for Peace launched", When(1994, 1)),
        event(5, "Russia annexes Crimea", When(2014, 3)),
    ]
    bank = _bank(*facts)
    for seed in range(20):
        question = ordering(facts, bank, random.Random(seed))
        assert {f.id for f in question.facts} <= {"e3", "e4", "e5", "e6"}


def test_a_swapped_number_keeps_the_unit_once():
    fact = _fact(
        id="cases",
        a="423 cases",
        kind="number",
        alt=("423",),
        q="How many Covid-19 cases had Moldova registered by 1 April 2020?",
        distractors=("380 cases", "512 cases", "618 cases"),
        cloze="By 1 April 2020 Moldova had registered {{c1::423}} cases of Covid-19.",
    )
    bank = _bank(fact)
    for seed in range(10):
        question = true_false(fact, bank, random.Random(seed), truth=False)
        assert not question.true
        assert "cases cases" not in question.statement
        assert question.statement.replace(question.swapped.split()[0], "423") == question.correction


def test_no_generated_statement_repeats_a_word_of_the_answer_form():
    bank = bundled()
    for fact in bank.facts:
        if fact.cloze and can_be_false(fact, bank):
            statement = true_false(fact, bank, random.Random(3), truth=False).statement
            words = statement.split()
            assert not any(a == b and len(a) > 3 and a.isalpha() for a, b in zip(words, words[1:], strict=False)), (
                statement
            )


def test_the_article_before_a_quoted_swap_agrees():
    fact = _fact(
        id="veto",
        a="safeguard mechanism",
        kind="term",
        distractors=("escalation clause", "sunset clause", "opt-out clause"),
        cloze='The 2002 agreement included a "{{c1::safeguard mechanism}}" for each side.',
    )
    statements = {true_false(fact, _bank(fact), random.Random(seed), truth=False).statement for seed in range(20)}
    assert 'The 2002 agreement included an "escalation clause" for each side.' in statements
    assert 'The 2002 agreement included a "sunset clause" for each side.' in statements
