"""Which questions a worksheet asks: a seeded set of questions, none giving another away."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from quizgen.model import Bank, Fact
from quizgen.questions import FLAVOURS, matching, ordering
from quizgen.questions.giveaways import giveaway_pairs, telling_of, tells
from quizgen.worksheet import notes
from quizgen.worksheet.articles import askable, dated_in
from quizgen.worksheet.candidates import Candidate, grouped_candidate, single_candidates
from quizgen.worksheet.exact import largest_compatible
from quizgen.worksheet.notes import MAX_GROUPED
from quizgen.worksheet.pinning import pin
from quizgen.worksheet.repair import GROUPED, repair

WEIGHTS = {"mcq": 4, "blank": 2, "match": 1, "order": 1, "tf": 2}
SPILL_ORDER = ("mcq", "tf", "blank", "match", "order")
ATTEMPTS = 8  # draws tried before a sheet is left short
GROUPED_DRAWS = 4  # matching/ordering questions drawn per flavour to choose from


@dataclass
class Plan:
    """The questions of every type, in the order they were chosen, and notes for the teacher."""

    questions: dict[str, list] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # 'fact-id: why', one per fact a short sheet could not ask
    blocked: list = field(default_factory=list)  # the same, as `giveaway_words.Blocked` where the words are known

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
    exclude: tuple[str, ...] = (),
) -> Plan:
    """Choose `count` questions on the facts of `pool` (distractors may come from all of `bank`);
    the facts in `include` are asked whatever else is chosen; on a sheet on one `article`, each
    question only as that article states it (`articles.askable`).

    Every question the pool can make is built, then a set chosen: grouped questions (matching,
    ordering) first, then single ones, each compatible with everything chosen; a short set swaps one
    question for two that fit, other draws follow, and only when none fills the sheet is it shorter,
    with a note counting the facts left out (listed in the plan, for the key and `print --check`).
    The facts in `exclude` (still in `pool`) are drawn as if asked, so the sheet is the one without
    the exclusion less their questions, refilled (`_Search.refill`): the rest of the sheet stays.
    """
    rng = random.Random(f"quizgen-worksheet:{seed}")
    facts = sorted(pool.facts, key=lambda fact: fact.id)
    rng.shuffle(facts)
    search = _Search(facts, bank, rng, types, count, article)
    pinned = pin(search, [bank.by_id[fact_id] for fact_id in include])
    best = search.best(pinned)
    if exclude:
        best = search.refill(best, pinned, frozenset(exclude))
    if len(best) < count:
        best = search.longest(pinned, best)
    plan = Plan({t: [c.question for c in best if c.kind == t] for t in types})
    plan.notes.extend(notes.replaced(search, best))
    if plan.total < count:
        plan.blocked = notes.left_out(search, best)
        plan.left_out = [why if isinstance(why, str) else why.line() for why in plan.blocked]
        plan.notes.append(notes.shortfall(search, best, len(plan.left_out)))
        plan.notes.extend(note for note in [notes.unasked(search)] if note)
    return plan


class _Search:
    """The candidate questions of one sheet and the conflicts between them."""

    def __init__(
        self, facts: list[Fact], bank: Bank, rng: random.Random, types, count: int, article: str | None = None
    ):
        self.facts, self.bank, self.rng, self.types, self.count = facts, bank, rng, types, count
        self.stated = [fact for fact in facts if askable(fact, "single", article)]
        # an event to place in time on a sheet on one article: one whose year that article gives
        self.dated = [fact for fact in facts if article is None or dated_in(fact, article)]
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
                built = [ordering(self.dated, self.bank, self.rng)]
            else:
                built = [matching(self._matchable(flavour), self.bank, self.rng, flavour) for flavour in FLAVOURS]
            for question in built:
                if question is not None:
                    ids = frozenset(fact.id for fact in question.facts)
                    if ids not in seen and not self._self_giving(question):
                        seen.add(ids)
                        found.append(grouped_candidate(kind, question, self.bank, self.telling))
        return found

    def _matchable(self, flavour: str) -> list[Fact]:
        """The facts a matching question of `flavour` may pair: years only from events the sheet dates."""
        dated = {fact.id for fact in self.dated}
        return [fact for fact in self.stated if flavour != "years" or fact.id in dated]

    def _self_giving(self, question) -> bool:
        """A matching or ordering question whose own facts give each other away."""
        ids = sorted(fact.id for fact in question.facts)
        return any((a, b) in self.pairs for i, a in enumerate(ids) for b in ids[i + 1 :])

    def conflict(self, one: Candidate, other: Candidate) -> bool:
        """The same fact twice (also as a matching question's spare), a give-away pair of facts, or
        one printing what the other asks."""
        key = (id(one), id(other)) if id(one) < id(other) else (id(other), id(one))
        if key not in self._conflicts:
            self._conflicts[key] = (
                bool(one.ids & other.ids)
                or bool(one.spares & other.ids)
                or bool(other.spares & one.ids)
                or any(tuple(sorted((a, b))) in self.pairs for a in one.ids for b in other.ids)
                or tells(one.texts, other.asks)
                or tells(other.texts, one.asks)
            )
        return self._conflicts[key]

    def score(self, chosen: list[Candidate] | None) -> tuple[int, int, int]:
        """The most questions first (up to the count asked: rv5 C2, a short sheet of more types
        lost to a longer one); then how many of the types asked it has, how many questions within
        their type's quota (None: the best there can be)."""
        if chosen is None:
            return self.count, sum(1 for t in self.types if self.wanted[t]), sum(self.wanted.values())
        present = sum(1 for t in self.types if self.wanted[t] and any(c.kind == t for c in chosen))
        met = sum(min(self.wanted[t], sum(c.kind == t for c in chosen)) for t in self.types)
        return min(len(chosen), self.count), present, met

    def longest(self, pinned: list[Candidate], short: list[Candidate]) -> list[Candidate]:
        """A sheet that cannot have `count` questions has as many as the planner can find: the
        full sheet of the largest count below it (bisected: `count` fails, `short`'s length holds),
        so asking for more never gives fewer."""
        count, found, low, high = self.count, short, len(short), self.count
        while high - low > 1:
            self.count = (low + high) // 2
            self.wanted = quotas(self.count, self.types)
            sheet = self.best(list(pinned))
            if len(sheet) >= self.count:
                found, low = sheet, self.count
            else:
                high = self.count
        if found is short and low:  # the same length drawn for its own count keeps more of the types
            self.count, self.wanted = low, quotas(low, self.types)
            sheet = self.best(list(pinned))
            if len(sheet) >= low and self.score(sheet) > self.score(short):
                found = sheet
        self.count, self.wanted = count, quotas(count, self.types)
        return found

    def fits(self, candidate: Candidate, chosen: list[Candidate]) -> bool:
        return all(candidate is not other and not self.conflict(candidate, other) for other in chosen)

    def best(self, pinned: list[Candidate]) -> list[Candidate]:
        """The best of the draws beside `pinned`; if none is full, a full sheet found exactly, if any."""
        best: list[Candidate] = []
        for attempt in range(ATTEMPTS):
            chosen = self.fill(list(pinned), attempt)
            if self.score(chosen) > self.score(best):
                best = chosen
            if self.score(best) == self.score(None):
                break
        if len(best) < self.count:  # the draws fell short: decide exactly whether a full sheet exists
            best = self.exact(list(pinned)) or best
        return best

    def refill(self, chosen: list[Candidate], pinned: list[Candidate], excluded: frozenset[str]) -> list[Candidate]:
        """`chosen` less the questions on `excluded` facts, refilled as one draw fills a sheet: the
        questions kept stay, but for at most one single question per missing one that a swap
        (`repair`) trades for two. Only when that cannot fill the sheet is it planned afresh."""
        self.facts = [fact for fact in self.facts if fact.id not in excluded]
        self.dated = [fact for fact in self.dated if fact.id not in excluded]
        self.stated = [fact for fact in self.stated if fact.id not in excluded]
        for kind in self.types:
            self.by_kind[kind] = [c for c in self.by_kind[kind] if not c.ids & excluded]
            if kind in GROUPED:  # more draws without the excluded facts, after the ones kept
                drawn = {c.ids for c in self.by_kind[kind]}
                self.by_kind[kind] += [c for c in self._grouped(kind) if c.ids not in drawn]
        kept = [c for c in chosen if not c.ids & excluded]
        if len(kept) == len(chosen):
            return chosen
        refilled = self.fill(kept, 0)
        return refilled if len(refilled) >= min(self.count, len(chosen)) else self.best(pinned)

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
        repair(chosen, [c for t in self.types if t not in GROUPED for c in lists[t]], self.count, self.conflict)

    def exact(self, pinned: list[Candidate]) -> list[Candidate] | None:
        """A full sheet of single questions beside `pinned` (`largest_compatible`), or None."""
        singles = [c for t in self.types if t not in GROUPED for c in self.by_kind[t] if self.fits(c, pinned)]
        found = largest_compatible(singles, self.conflict, self.count - len(pinned))
        return pinned + found if len(pinned) + len(found) >= self.count else None
