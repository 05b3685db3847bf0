"""Question builders shared by worksheets, Anki and the terminal quiz.

`multiple_choice(fact, bank, rng)` is the fixed entry point the other outputs call; the
other four types (fill in the blank, matching, chronological ordering, true/false) serve worksheets.
"""

from quizgen.questions.blank import FillBlank, fill_blank
from quizgen.questions.choice import (
    MultipleChoice,
    can_choose,
    multiple_choice,
    with_answer_at,
)
from quizgen.questions.matching import FLAVOURS, Matching, matching
from quizgen.questions.ordering import Ordering, ordering
from quizgen.questions.truefalse import TrueFalse, can_be_false, true_false

__all__ = [
    "FLAVOURS",
    "FillBlank",
    "Matching",
    "MultipleChoice",
    "Ordering",
    "TrueFalse",
    "can_be_false",
    "can_choose",
    "fill_blank",
    "matching",
    "multiple_choice",
    "ordering",
    "true_false",
    "with_answer_at",
]
