"""A false true/false statement is false by construction: nothing the fact's own context says also fits it."""

from __future__ import annotations

import random
import re
from collections import Counter

from test_questions import bundled

from quizgen import cloze
from quizgen.questions import true_false
from quizgen.questions.distractors import exact_value
from quizgen.questions.truefalse import false_swaps


def stems(text: str) -> set[str]:
    return {word[:5] for word in re.findall(r"[a-z]{4,}", text.lower())}


def test_no_swap_names_what_the_facts_quote_or_note_speaks_of():
    """rv4 W2: "closed even the last gate of military cooperation" while the note says the invasion
    excluded "any window of cooperation". For every fact whose answer is not an exact value (a date,
    a number: the true value itself contradicts another) and several draws, no swapped-in text
    shares a telling word it brings in (not in the true answer, and in at most three facts' answers
    and options) with its quote or note."""
    bank = bundled()
    in_answers = Counter(word for fact in bank.facts for word in set().union(*map(stems, (fact.a, *fact.distractors))))
    swapped = 0
    for fact in (f for f in bank.facts if not exact_value(f)):
        context = stems(" ".join(t for t in (fact.quote, fact.note) if t))
        for seed in range(3):
            for text in false_swaps(fact, bank, random.Random(seed)):
                swapped += 1
                shared = {w for w in (stems(text) - stems(fact.a)) & context if in_answers[w] <= 3}
                assert not shared, (fact.id, text, shared)
    assert swapped > 100


def test_a_sentence_saying_even_is_never_made_false():
    """'even the last gate of X' is true of more than X: such a sentence is only printed true."""
    bank = bundled()
    evens = [f for f in bank.facts if f.cloze and re.search(r"\beven\b", cloze.fill(f.cloze_text), re.I)]
    assert evens
    for fact in evens:
        for seed in range(10):
            statement = true_false(fact, bank, random.Random(seed), truth=False)
            assert statement is None or statement.true, (fact.id, statement)
