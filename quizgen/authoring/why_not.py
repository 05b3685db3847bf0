"""Why `preview` shows no blank or no multiple choice for a fact, in words a teacher can act on."""

from __future__ import annotations

from quizgen import cloze
from quizgen.model import Bank, Fact
from quizgen.questions.blank import OPEN_KINDS
from quizgen.questions.certainty import given_as_example, hedge, listed
from quizgen.questions.sentence import answer_deletion, around_answer

CHOICES_SHOWN = 3  # templates/anki/parts/choice.js: fewer texts (answer and wrong ones) make a recall card


def no_blank(fact: Fact) -> str:
    """Why `questions.blank.fill_blank` makes no gap for `fact`, by the same tests, in its order."""
    if not fact.cloze:
        return "no cloze sentence"
    if answer_deletion(fact) is None:
        unit = " (a number with its unit: {{c1::" + fact.a + "::how many …}})" if fact.kind == "number" else ""
        return f"no cloze deletion is the answer '{fact.a}' or an alt: delete it whole{unit}"
    if fact.kind in OPEN_KINDS:
        return f"a {fact.kind} is not blanked: a gap for a concept or a happening takes many right words"
    word = hedge(cloze.fill(fact.cloze_text))
    if word is not None:
        return (
            f"the sentence says '{word}', which can negate, compare, approximate or list, so one value may "
            f"not decide the gap: reword the cloze without '{word}' to get a blank"
        )
    if listed(*around_answer(fact), fact.kind):
        return "the answer is one item of a list in the sentence: a gap there takes any item"
    if given_as_example(fact.a, fact.quote):
        return "the article gives the answer as an example ('such as …'): a gap takes other right answers"
    return "the sentence does not pin one answer"


def category_count(fact: Fact, bank: Bank) -> str:
    """What the fact's category gives as wrong options, for the 'add distractors' advice."""
    if not fact.category:
        return "add distractors or a category"
    others = sorted({other.a for other in bank.facts if other.category == fact.category and other.a != fact.a})
    shown = f" ({', '.join(others[:3])})" if others else ""
    need = max(0, 3 - len(others))
    return f"category '{fact.category}' gives {len(others)} other answer{'s' if len(others) != 1 else ''}{shown}" + (
        f": add {need} distractor{'s' if need != 1 else ''}" if need else ", not certainly wrong: add distractors"
    )
