"""An answer a session has committed: what the summary counts and what undo takes back (marks included)."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizgen.grading.matcher import ALMOST, CORRECT, WRONG
from quizgen.model import Fact
from quizgen.quiz.scheduler import Choices

# A rating the learner chose over the grade's own counts in the summary as this grade.
_RATED = {1: WRONG, 2: ALMOST, 3: CORRECT, 4: CORRECT}
# What an undo says it took back with the answer, per mark set at its rating prompt.
MARK_NAMES = {"suspended": "suspension", "buried": "burial", "flagged": "flag", "unflagged": "unflagging"}


@dataclass(frozen=True)
class Recorded:
    """An answer this session committed: what undo takes back."""

    review_id: int
    fact: Fact
    grade: str
    rating: int
    given: str
    style: str
    duration: int | None
    overridden: bool = False
    before: dict | None = None  # the card as it was before this answer (for the leech check)
    choices: Choices | None = None  # what each rating makes of it (None in practice)
    judged: bool = False  # a close answer the learner said was right or wrong ("Were you right?")
    # suspended, buried (by the learner or as a leech), flagged or unflagged after this answer, in order:
    # undo takes them back too (a new rating of the same answer keeps them)
    marks: list[str] = field(default_factory=list)

    @property
    def counted(self) -> str:
        """The grade the summary counts: the learner's own rating (or judgement of a close answer) wins."""
        return _RATED[self.rating] if self.overridden or self.grade == ALMOST else self.grade
