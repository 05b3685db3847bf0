"""What a planned sheet tells the teacher: the types it lacks, the facts left out and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizgen.questions.asked import facts_of
from quizgen.worksheet.candidates import Candidate
from quizgen.worksheet.giveaway_words import Blocked, blocked
from quizgen.worksheet.repair import GROUPED

if TYPE_CHECKING:
    from quizgen.worksheet.plan import _Search

MAX_GROUPED = 2  # at most this many matching (or ordering) questions
NOTE_MAX = 200  # characters: a note is one line a teacher reads at a glance
REASONS = {
    "match": "matching needs 3+ people with distinct roles, events in distinct years, or abbreviations",
    "order": "ordering needs 3+ dated events a year apart whose labels no other date in the bank fits",
    "mcq": "multiple choice needs 3 certainly wrong options (curated, or answers of the same category)",
    "blank": "fill in the blank needs a cloze sentence that pins one answer",
    "tf": "true/false needs a cloze sentence",
}


def replaced(search: _Search, chosen: list[Candidate]) -> list[str]:
    """Notes for the types asked for that the sheet has none of, and why (a type with fewer
    questions than its share, made up by the others, is not worth a note)."""
    notes = []
    for kind in search.types:
        if search.wanted[kind] and not any(c.kind == kind for c in chosen):
            why = (
                REASONS[kind]
                if not search.by_kind[kind]
                else "each one the facts allow would give another question away, or be given away"
            )
            notes.append(f"no {kind} question on this sheet: {why}")
    return notes


def left_out(search: _Search, chosen: list[Candidate]) -> list[Blocked | str]:
    """Each fact that could have been asked but gives away, or is given away by, a chosen question:
    the words that tell, when they can be named (`Blocked`), else one line."""
    used = {fact_id for c in chosen for fact_id in c.ids}
    reasons: dict[str, Blocked | str] = {}
    for candidate in (c for kind in search.types if kind not in GROUPED for c in search.by_kind[kind]):
        [fact_id] = candidate.ids
        blocker = next((c for c in chosen if search.conflict(candidate, c)), None)
        if fact_id not in used and blocker is not None and fact_id not in reasons:
            label = _label(blocker)
            why = blocked(search.bank, search.telling, candidate, blocker, label)
            reasons[fact_id] = why or f"{fact_id}: gives away, or is given away by, {label}"
    return [reasons[fact_id] for fact_id in sorted(reasons)]


def shortfall(search: _Search, chosen: list[Candidate], left: int) -> str:
    """One line for the teacher: how short the sheet is, how many facts were left out and where
    they are listed, and what to do (the list itself would make a line of a thousand characters)."""
    most = f"only {len(chosen)} of {search.count} questions (the most that fit)"
    if left:
        return (
            f"{most}: {left} fact{'s' if left != 1 else ''} left out so that none gives another away, "
            f"listed in the key and by --check; try other --types, a wider selection or --exclude"
        )
    return (
        f"{most}: the {len(search.facts)} facts make no more {'/'.join(search.types)} questions "
        f"(a fact once, at most {MAX_GROUPED} matching, {MAX_GROUPED} ordering); try other --types or a wider selection"
    )


def unasked(search: _Search) -> str | None:
    """One line naming the facts that make no question of the types asked for at all (as many as
    fit one line; `quizgen preview ID` says why), or None when every fact makes one."""
    asked = {fact_id for kind in search.types for c in search.by_kind[kind] for fact_id in c.ids}
    none = sorted(fact.id for fact in search.facts if fact.id not in asked)
    if not none:
        return None
    head, tail = f"no {'/'.join(search.types)} question at all for ", " (quizgen preview ID says why)"
    for shown in range(len(none), 0, -1):
        more = f" and {len(none) - shown} more" if shown < len(none) else ""
        line = head + ", ".join(none[:shown]) + more + tail
        if len(line) <= NOTE_MAX or shown == 1:
            return line
    return None


def _label(candidate: Candidate) -> str:
    ids = sorted(fact.id for fact in facts_of(candidate.question))
    return ids[0] if len(ids) == 1 else f"the {candidate.kind} question on {', '.join(ids)}"
