"""The questions a teacher pins with --include: counted in questions, grouped when they outnumber the places."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from quizgen.errors import UsageError
from quizgen.model import Fact
from quizgen.questions import FLAVOURS, matching, ordering
from quizgen.questions.matching import pairable
from quizgen.worksheet.candidates import Candidate, grouped_candidate
from quizgen.worksheet.notes import MAX_GROUPED
from quizgen.worksheet.repair import GROUPED

if TYPE_CHECKING:
    from quizgen.worksheet.plan import _Search

GROUP_DRAWS = 12  # matching/ordering questions drawn on the pinned facts, per flavour


def pin(search: _Search, facts: list[Fact]) -> list[Candidate]:
    """Questions asking every fact in `facts`: while the facts left outnumber the places left,
    matching and ordering questions on them (one asks several; one that would give away, or be given
    away by, every single question of another pinned fact is not taken), then one single question per
    fact left. A usage error when a fact cannot be asked, two pinned facts give each other away, or
    the pinned facts make more questions than the sheet has."""
    chosen: list[Candidate] = []
    left = list(facts)
    rng = random.Random("quizgen-pin:" + " ".join(sorted(fact.id for fact in facts)))
    singles = [t for t in search.types if t not in GROUPED]
    options = {fact.id: [c for t in singles for c in search.by_kind[t] if fact.id in c.ids] for fact in facts}
    for kind in (t for t in search.types if t in GROUPED):
        # grouped only while the facts left outnumber the places left: a teacher's few pins stay single
        while len(left) > max(2, search.count - len(chosen)) and sum(c.kind == kind for c in chosen) < MAX_GROUPED:
            candidate = _group(search, kind, left, rng, chosen, options)
            if candidate is None:
                break
            chosen.append(candidate)
            left = [fact for fact in left if fact.id not in candidate.ids]
    for fact in list(left):
        if options[fact.id] or fact.id not in {f.id for f in left}:
            continue
        # no single question asks it: a matching or ordering question around it (rv5 C1)
        around = _around(search, fact, rng, chosen)
        if around is not None:
            chosen.append(around)
            left = [f for f in left if f.id not in around.ids]
    for fact in left:
        if not options[fact.id]:
            grouped = [t for t in search.types if t in GROUPED]
            raise UsageError(
                f"--include {fact.id}: this fact cannot be asked as "
                f"{' or '.join(singles) or 'the types asked'} in this selection"
                + (f", nor in a {' or '.join(grouped)} question beside the rest of the sheet" if grouped else "")
            )
        fitting = [c for c in options[fact.id] if search.fits(c, chosen)]
        if not fitting:
            raise UsageError(f"--include {fact.id}: it gives away, or is given away by, another included fact")
        need = {t: search.wanted.get(t, 0) - sum(c.kind == t for c in chosen) for t in singles}
        chosen.append(max(fitting, key=lambda c: need[c.kind]))
    if len(chosen) > search.count:
        raise UsageError(
            f"--include names {len(facts)} facts, which make {len(chosen)} questions, but the sheet has "
            f"{search.count}: raise -n to {len(chosen)} or more, or include fewer"
        )
    return chosen


def _group(search: _Search, kind: str, facts: list[Fact], rng: random.Random, chosen, options) -> Candidate | None:
    """The matching or ordering question on pinned `facts` asking the most of them that fits beside
    `chosen` and leaves every other pinned fact a single question that fits beside it."""
    stated = [fact for fact in facts if fact in search.stated]
    best: Candidate | None = None
    for _ in range(GROUP_DRAWS):
        built = (
            [ordering(facts, search.bank, rng)]
            if kind == "order"
            else [matching(stated, search.bank, rng, flavour) for flavour in FLAVOURS]
        )
        for question in built:
            if question is None or search._self_giving(question):
                continue
            candidate = grouped_candidate(kind, question, search.bank, search.telling)
            rest = [fact for fact in facts if fact.id not in candidate.ids]
            if (
                (best is None or len(candidate.ids) > len(best.ids))
                and search.fits(candidate, chosen)
                and all(any(not search.conflict(candidate, c) for c in options[f.id]) for f in rest)
            ):
                best = candidate
    return best


AROUND_DRAWS = 40  # matching/ordering questions drawn around one pinned fact
AROUND_OTHERS = 6  # other facts offered beside it in each draw


def _around(search: _Search, fact: Fact, rng: random.Random, chosen: list[Candidate]) -> Candidate | None:
    """A matching or ordering question (of the types asked) asking `fact` beside facts of the pool,
    fitting beside `chosen`; None when no draw makes one."""
    for kind in (t for t in search.types if t in GROUPED):
        if sum(c.kind == kind for c in chosen) >= MAX_GROUPED:
            continue
        for _ in range(AROUND_DRAWS):
            for flavour in ("order",) if kind == "order" else FLAVOURS:
                pool = search.dated if kind == "order" else pairable(flavour, search._matchable(flavour), search.bank)
                if fact not in pool:
                    continue
                others = [f for f in pool if f.id != fact.id and not any(f.id in c.ids for c in chosen)]
                offered = [fact, *rng.sample(others, min(len(others), AROUND_OTHERS))]
                question = (
                    ordering(offered, search.bank, rng)
                    if kind == "order"
                    else matching(offered, search.bank, rng, flavour)
                )
                if question is None or fact not in question.facts or search._self_giving(question):
                    continue
                candidate = grouped_candidate(kind, question, search.bank, search.telling)
                if search.fits(candidate, chosen):
                    return candidate
    return None
