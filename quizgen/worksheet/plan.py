"""Which questions a worksheet asks: a seeded set of questions, none giving another away.

The planner builds every question the pool can make, then chooses a set: grouped questions
(matching, ordering) first, then the single ones, each compatible with everything chosen; when the
set falls short it swaps one chosen question for two that fit, and it restarts from other draws.
Only when no draw fills the sheet is it shorter, with a one-line note counting the facts left out;
the plan lists each one and why, for the key and `print --check`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from quizgen.errors import UsageError
from quizgen.model import Bank, Fact
from quizgen.questions import FLAVOURS, matching, ordering
from quizgen.questions.asked import facts_of
from quizgen.questions.giveaways import giveaway_pairs, telling_of, tells
from quizgen.worksheet.articles import askable
from quizgen.worksheet.candidates import Candidate, single_candidates
from quizgen.worksheet.exact import largest_compatible

WEIGHTS = {"mcq": 4, "blank": 2, "match": 1, "order": 1, "tf": 2}
GROUPED = ("match", "order")  # one question built from several facts
MAX_GROUPED = 2  # at most this many matching (or ordering) questions
SPILL_ORDER = ("mcq", "tf", "blank", "match", "order")
ATTEMPTS = 8  # draws tried before a sheet is left short
GROUPED_DRAWS = 4  # matching/ordering questions drawn per flavour to choose from
REASONS = {
    "match": "matching needs 3+ people with distinct roles, events in distinct years, or abbreviations",
    "order": "ordering needs 3+ dated events a year apart whose labels no other date in the bank fits",
    "mcq": "multiple choice needs 3 certainly wrong options (curated, or answers of the same category)",
    "blank": "fill in the blank needs a cloze sentence that pins one answer",
    "tf": "true/false needs a cloze sentence",
}


@dataclass
class Plan:
    """The questions of every type, in the order they were chosen, and notes for the teacher."""

    questions: dict[str, list] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # 'fact-id: why', one per fact a short sheet could not ask

    @property
    def total(self) -> int:
        return sum(len(items) for items in self.questions.values())


def quotas(count: int, types: tuple[str, ...]) -> dict[str, int]:
    """Split `count` over `types` by weight (largest remainder); every type gets one if it can."""
    total = sum(WEIGHTS[t] for t in types)
    shares = {t: count * WEIGHTS[t] / total for t in types}
    result = {t: int(shares[t]) for t in types}
    if count >= len(types):
        for t in types:
            result[t] = max(result[t], 1)
    for t in sorted(types, key=lambda t: (result[t] - shares[t], -WEIGHTS[t], types.index(t))):
        if sum(result.values()) >= count:
            break
        result[t] += 1
    while sum(result.values()) > count:  # one of each can overshoot a small count
        result[max(types, key=lambda t: (result[t], WEIGHTS[t]))] -= 1
    singles = [t for t in SPILL_ORDER if t in types and t not in GROUPED]
    for t in GROUPED:
        if result.get(t, 0) > MAX_GROUPED:
            if singles:
                result[singles[0]] += result[t] - MAX_GROUPED
            result[t] = MAX_GROUPED
    return result


def plan_questions(
    pool: Bank,
    bank: Bank,
    count: int,
    types: tuple[str, ...],
    seed: int,
    include: tuple[str, ...] = (),
    article: str | None = None,
) -> Plan:
    """Choose `count` questions on the facts of `pool` (distractors may come from all of `bank`);
    the facts in `include` are asked whatever else is chosen; on a sheet on one `article`, each
    question only as that article states it (`articles.askable`)."""
    if len(include) > count:
        raise UsageError(
            f"--include names {len(include)} facts but the sheet has {count} questions: "
            f"raise -n to {len(include)} or more, or include fewer"
        )
    rng = random.Random(f"quizgen-worksheet:{seed}")
    facts = sorted(pool.facts, key=lambda fact: fact.id)
    rng.shuffle(facts)
    search = _Search(facts, bank, rng, types, count, article)
    pinned = search.pin([bank.by_id[fact_id] for fact_id in include])
    best: list[Candidate] = []
    for attempt in range(ATTEMPTS):
        chosen = search.fill(list(pinned), attempt)
        if search.score(chosen) > search.score(best):
            best = chosen
        if search.score(best) == search.score(None):
            break
    if len(best) < count:  # the draws fell short: decide exactly whether a full sheet exists
        best = search.exact(list(pinned)) or best
    plan = Plan({t: [c.question for c in best if c.kind == t] for t in types})
    plan.notes.extend(search.replaced(best))
    if plan.total < count:
        plan.left_out = search.left_out(best)
        plan.notes.append(search.shortfall(best, len(plan.left_out)))
    return plan


class _Search:
    """The candidate questions of one sheet and the conflicts between them."""

    def __init__(
        self, facts: list[Fact], bank: Bank, rng: random.Random, types, count: int, article: str | None = None
    ):
        self.facts, self.bank, self.rng, self.types, self.count = facts, bank, rng, types, count
        self.stated = [fact for fact in facts if askable(fact, "single", article)]
        self.wanted = quotas(count, types)
        self.telling = telling_of(bank)
        self.pairs = giveaway_pairs(bank)
        self.by_kind: dict[str, list[Candidate]] = {t: [] for t in types}
        for candidate in single_candidates(self.stated, bank, rng, [t for t in types if t not in GROUPED]):
            self.by_kind[candidate.kind].append(candidate.with_asks(self.telling))
        for kind in (t for t in types if t in GROUPED):
            self.by_kind[kind] = self._grouped(kind)
        self._conflicts: dict[tuple[int, int], bool] = {}

    def _grouped(self, kind: str) -> list[Candidate]:
        found: list[Candidate] = []
        seen: set[frozenset[str]] = set()
        for _ in range(GROUPED_DRAWS):
            built: list[Any]
            if kind == "order":
                built = [ordering(self.facts, self.bank, self.rng)]
            else:
                built = [matching(self.stated, self.bank, self.rng, flavour) for flavour in FLAVOURS]
            for question in built:
                if question is not None:
                    ids = frozenset(fact.id for fact in question.facts)
                    if ids not in seen and not self._self_giving(question):
                        seen.add(ids)
                        found.append(Candidate(kind, question, ids).with_asks(self.telling))
        return found

    def _self_giving(self, question) -> bool:
        """A matching or ordering question whose own facts give each other away."""
        ids = sorted(fact.id for fact in question.facts)
        return any((a, b) in self.pairs for i, a in enumerate(ids) for b in ids[i + 1 :])

    def conflict(self, one: Candidate, other: Candidate) -> bool:
        """The same fact twice, a give-away pair of facts, or one printing what the other asks."""
        key = (id(one), id(other)) if id(one) < id(other) else (id(other), id(one))
        if key not in self._conflicts:
            self._conflicts[key] = (
                bool(one.ids & other.ids)
                or any(tuple(sorted((a, b))) in self.pairs for a in one.ids for b in other.ids)
                or tells(one.texts, other.asks)
                or tells(other.texts, one.asks)
            )
        return self._conflicts[key]

    def score(self, chosen: list[Candidate] | None) -> tuple[bool, int, int, int]:
        """A full sheet first; then how many of the types asked it has (a short sheet keeps its
        variety rather than trade a matching question for one more single one), how many
        questions, how many of them within their type's quota (None: the best there can be)."""
        if chosen is None:
            return True, sum(1 for t in self.types if self.wanted[t]), self.count, sum(self.wanted.values())
        present = sum(1 for t in self.types if self.wanted[t] and any(c.kind == t for c in chosen))
        met = sum(min(self.wanted[t], sum(c.kind == t for c in chosen)) for t in self.types)
        return len(chosen) >= self.count, present, len(chosen), met

    def fits(self, candidate: Candidate, chosen: list[Candidate]) -> bool:
        return all(candidate is not other and not self.conflict(candidate, other) for other in chosen)

    def pin(self, facts: list[Fact]) -> list[Candidate]:
        """A question for each fact the teacher pinned (--include), or a usage error saying why not."""
        chosen: list[Candidate] = []
        singles = [t for t in self.types if t not in GROUPED]
        for fact in facts:
            options = [c for t in singles for c in self.by_kind[t] if fact.id in c.ids]
            if not options:
                raise UsageError(
                    f"--include {fact.id}: this fact cannot be asked as "
                    f"{' or '.join(singles) or 'the types asked'} in this selection"
                )
            fitting = [c for c in options if self.fits(c, chosen)]
            if not fitting:
                raise UsageError(f"--include {fact.id}: it gives away, or is given away by, another included fact")
            need = {t: self.wanted.get(t, 0) - sum(c.kind == t for c in chosen) for t in singles}
            chosen.append(max(fitting, key=lambda c: need[c.kind]))
        return chosen

    def fill(self, chosen: list[Candidate], attempt: int) -> list[Candidate]:
        """Fill every type's quota, then make up a shortfall with the types that still can."""
        order = random.Random(f"{attempt}:{self.count}")
        lists = {t: list(self.by_kind[t]) for t in self.types}
        if attempt:
            for items in lists.values():
                order.shuffle(items)
        grouped = [t for t in self.types if t in GROUPED]
        kinds = (grouped[::-1] if attempt % 2 else grouped) + [t for t in self.types if t not in GROUPED]
        for kind in kinds:
            # the later draws leave matching and ordering out: their items name many dates and
            # people, and a full sheet without them beats a short one with them
            wanted = 0 if kind in GROUPED and attempt >= ATTEMPTS // 2 else self.wanted[kind]
            self._take(chosen, lists[kind], kind, wanted)
        for kind in (t for t in SPILL_ORDER if t in self.types and t not in GROUPED):
            self._take(chosen, lists[kind], kind, self.count)
        if len(chosen) < self.count:
            self._repair(chosen, lists)
        return chosen[: self.count]

    def _take(self, chosen: list[Candidate], items: list[Candidate], kind: str, up_to: int) -> None:
        for candidate in self._preferred(items, kind, chosen):
            if len(chosen) >= self.count or sum(c.kind == kind for c in chosen) >= up_to:
                return
            if self.fits(candidate, chosen):
                chosen.append(candidate)

    def _preferred(self, items: list[Candidate], kind: str, chosen: list[Candidate]):
        """True/false statements: the kind (true or false) the sheet has fewer of first."""
        if kind != "tf":
            yield from items
            return
        left = list(items)
        while left:
            falses = sum(c.kind == "tf" and not c.question.true for c in chosen)
            trues = sum(c.kind == "tf" and c.question.true for c in chosen)
            want_true = trues <= falses
            pick = next((c for c in left if c.question.true == want_true), left[0])
            left.remove(pick)
            yield pick

    def _repair(self, chosen: list[Candidate], lists: dict[str, list[Candidate]]) -> None:
        """Swap one chosen single question for two that fit: a maximal-set step, repeated.

        A question that fits the sheet with `out` swapped out conflicts with no chosen question but
        `out`, so the pair is looked for among the questions blocked by `out` alone. Each question's
        blockers are read once and then kept up to date per swap: a step costs singles conflict
        checks, not singles x singles x chosen. The first such pair in the lists' order is taken.
        """
        singles = [c for t in self.types if t not in GROUPED for c in lists[t]]
        taken = {id(c) for c in chosen}
        blockers = {id(c): [b for b in chosen if self.conflict(c, b)] for c in singles if id(c) not in taken}
        while len(chosen) < self.count:
            free = [c for c in singles if id(c) in blockers]
            swap = self._swap(free, blockers)
            if swap is None:
                return
            out, candidate, extra = swap
            chosen[:] = [c for c in chosen if c is not out] + [candidate, extra]
            del blockers[id(candidate)], blockers[id(extra)]
            for c in free:
                if id(c) in blockers:
                    blockers[id(c)] = [b for b in blockers[id(c)] if b is not out] + [
                        b for b in (candidate, extra) if self.conflict(c, b)
                    ]
            if any(out is c for c in singles):
                blockers[id(out)] = [b for b in chosen if self.conflict(out, b)]

    def _swap(self, free: list[Candidate], blockers: dict[int, list[Candidate]]):
        """(out, candidate, extra): the first question blocked by one single question only, and the
        first other free question that fits once that one makes way for it; None if there is none."""
        for candidate in free:
            blocking = blockers[id(candidate)]
            if len(blocking) != 1 or blocking[0].kind in GROUPED:
                continue
            out = blocking[0]
            extra = next(
                (
                    c
                    for c in free
                    if c is not candidate and all(b is out for b in blockers[id(c)]) and not self.conflict(c, candidate)
                ),
                None,
            )
            if extra is not None:
                return out, candidate, extra
        return None

    def exact(self, pinned: list[Candidate]) -> list[Candidate] | None:
        """A full sheet of single questions beside `pinned` (`largest_compatible`), or None."""
        singles = [c for t in self.types if t not in GROUPED for c in self.by_kind[t] if self.fits(c, pinned)]
        found = largest_compatible(singles, self.conflict, self.count - len(pinned))
        return pinned + found if len(pinned) + len(found) >= self.count else None

    def replaced(self, chosen: list[Candidate]) -> list[str]:
        """Notes for the types asked for that the sheet has none of, and why (a type with fewer
        questions than its share, made up by the others, is not worth a note)."""
        notes = []
        for kind in self.types:
            if self.wanted[kind] and not any(c.kind == kind for c in chosen):
                why = (
                    REASONS[kind]
                    if not self.by_kind[kind]
                    else "each one the facts allow would give another question away, or be given away"
                )
                notes.append(f"no {kind} question on this sheet: {why}")
        return notes

    def left_out(self, chosen: list[Candidate]) -> list[str]:
        """Each fact that could have been asked but gives away, or is given away by, a chosen question."""
        used = {fact_id for c in chosen for fact_id in c.ids}
        reasons: dict[str, str] = {}
        for candidate in (c for kind in self.types if kind not in GROUPED for c in self.by_kind[kind]):
            [fact_id] = candidate.ids
            blocker = next((c for c in chosen if self.conflict(candidate, c)), None)
            if fact_id not in used and blocker is not None and fact_id not in reasons:
                reasons[fact_id] = f"{fact_id}: gives away, or is given away by, {_label(blocker)}"
        return sorted(reasons.values())

    def shortfall(self, chosen: list[Candidate], left: int) -> str:
        """One line for the teacher: how short the sheet is, how many facts were left out and where
        they are listed, and what to do (the list itself would make a line of a thousand characters)."""
        if left:
            return (
                f"only {len(chosen)} of {self.count} questions: {left} fact{'s' if left != 1 else ''} "
                f"left out so that none gives another away, listed at the end of the key and by --check; "
                f"try other --types, a wider selection or --exclude"
            )
        return (
            f"only {len(chosen)} of {self.count} questions: the {len(self.facts)} facts selected make "
            f"no more {'/'.join(self.types)} questions (each asked once, at most {MAX_GROUPED} matching "
            f"and {MAX_GROUPED} ordering); try other --types or a wider selection"
        )


def _label(candidate: Candidate) -> str:
    ids = sorted(fact.id for fact in facts_of(candidate.question))
    return ids[0] if len(ids) == 1 else f"the {candidate.kind} question on {', '.join(ids)}"
