"""What the learner sees of one card: its header and question, then the verdict with note, source and quote."""

from __future__ import annotations

from quizgen.grading.matcher import ALMOST, CORRECT, WRONG, Verdict
from quizgen.model import Fact
from quizgen.quiz.clock import now, spoken_interval
from quizgen.quiz.compare import compare
from quizgen.quiz.scheduler import due_at
from quizgen.quiz.screen import Screen

STATES = {None: "new", 1: "learning", 2: "review", 3: "relearning"}
_MARKS = {CORRECT: "good", ALMOST: "almost", WRONG: "bad"}


def show_question(screen: Screen, fact: Fact, number: int, card: dict, scheduled: bool, left: str) -> None:
    """`[3] new · person · 4 left in this session · <article>`, then the question."""
    state = STATES[card.get("state")]
    early = ""
    if card and scheduled and due_at(card) > now():  # learn-ahead, as Anki does: say so
        early = f" · due {spoken_interval(due_at(card) - now())}, asked now: nothing else is left"
    details = " · ".join(part for part in (state, fact.kind, fact.stance if fact.stance != "fact" else "") if part)
    screen.say()
    label = fact.source.short_label()
    screen.para(f"[{number}] {details} · {left} · {label}{early}", "dim")
    screen.para(fact.q, "bold")


def show_verdict(screen: Screen, fact: Fact, verdict: Verdict, given: str) -> None:
    """Correct, close (typed against expected) or wrong, and where the answer comes from."""
    mark = screen.mark(_MARKS[verdict.grade])
    text = {
        CORRECT: f"Correct: {fact.a}",
        ALMOST: f"Close: the answer is {verdict.expected}",
        WRONG: f"Wrong: the answer is {fact.a}",
    }[verdict.grade]
    screen.say(f"{mark} {screen.paint(text, _MARKS[verdict.grade])}")
    if verdict.grade == ALMOST:
        screen.say(f"  you typed: {screen.clean(given)}")
        screen.say(f"  compared:  {screen.compared(compare(screen.clean(given), verdict.expected))}")
    if fact.note:
        screen.para(f"Note: {fact.note}", indent="  ")
    if fact.derived:
        screen.para(f"How we know: {fact.derived}", indent="  ")
    for citation in fact.citations:
        screen.para(f"Source: {citation.source.citation()}", "dim", indent="  ")
        if citation.quote:
            screen.para(f"“{citation.quote}”", "dim", indent="    ")
        if citation.source.url:
            screen.para(citation.source.url, "dim", indent="    ")
    screen.para(f"Card id: {fact.id}", "dim", indent="  ")  # for reports and `stats --card`
