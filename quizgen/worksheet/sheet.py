"""One printed version of a worksheet: numbered questions in sections, and what its key needs."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from typing import Any

from quizgen.model import Source
from quizgen.questions.matching import reshuffled as reshuffled_matching
from quizgen.questions.ordering import reshuffled as reshuffled_ordering
from quizgen.worksheet.balance import PositionBalance
from quizgen.worksheet.explain import short_label
from quizgen.worksheet.layout import Gap, gap_of, option_columns
from quizgen.worksheet.plan import Plan

LETTERS = string.ascii_uppercase
SECTIONS = {  # type -> (heading, instructions)
    "mcq": ("Multiple choice", "Circle the letter of the best answer."),
    "blank": ("Fill in the blank", "Write the missing word or words on the line."),
    "match": ("Matching", "Write the letter of the matching item on the line. Some items on the right are not used."),
    "order": ("Chronological order", "Write 1 in the box of the earliest event, 2 for the next, and so on."),
    "tf": ("True or false", "Circle T if the statement is true and F if it is false."),
}


@dataclass(frozen=True)
class Item:
    number: int
    type: str
    question: Any
    columns: int = 1  # how many columns the options fit in
    gap: Gap | None = None  # fill in the blank: the sentence around a line sized to the answer
    cite: str | None = None  # on a sheet of several articles, the article it is from ('DW 2021')

    @property
    def points(self) -> int:
        """Marks: one per question; matching and ordering one per pair or event placed right."""
        if self.type == "match":
            return len(self.question.left)
        if self.type == "order":
            return len(self.question.items)
        return 1

    @property
    def facts(self) -> tuple:
        return _facts(self.question)


@dataclass(frozen=True)
class Section:
    type: str
    heading: str
    instructions: str
    items: tuple[Item, ...]

    @property
    def points(self) -> int:
        return sum(item.points for item in self.items)


@dataclass(frozen=True)
class Worksheet:
    title: str
    subtitle: str
    version: str
    seed: int
    paper: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]  # every article an answer comes from, for the key
    left_out: tuple[str, ...] = ()  # a short sheet's facts that could not be asked, and why (the key lists them)
    article: str | None = None  # the one article every question is on (its words are quoted in the key)
    dense: bool = False  # printed with tighter spacing, to save a page

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    @property
    def points(self) -> int:
        return sum(section.points for section in self.sections)


def arrange(
    plan: Plan, version: int, seed: int, title: str, subtitle: str, paper: str, types: tuple[str, ...]
) -> Worksheet:
    """Version `version` (0 = A): the plan's questions in a version-specific order, numbered."""
    letter = LETTERS[version]
    rng = random.Random(f"quizgen-version:{seed}:{letter}")
    balance = PositionBalance(rng)
    sections, number = [], 1
    # an article every question's fact cites makes a single-article sheet; else each item names its own
    cited = [{c.source.id for c in f.citations} for items in plan.questions.values() for q in items for f in _facts(q)]
    shared = set.intersection(*cited) if cited else set()
    mixed = bool(cited) and not shared
    for kind in types:
        questions = list(plan.questions.get(kind, ()))
        if not questions:
            continue
        rng.shuffle(questions)
        items = []
        for question in questions:
            question = _reordered(kind, question, rng, balance)
            columns = option_columns(question.options) if kind == "mcq" else 1
            gap = gap_of(question.before, question.after, question.answer) if kind == "blank" else None
            cite = short_label(question.fact.source) if mixed and hasattr(question, "fact") else None
            items.append(Item(number, kind, question, columns, gap, cite))
            number += 1
        heading, instructions = SECTIONS[kind]
        sections.append(Section(kind, heading, instructions, tuple(items)))
    sources = {
        c.source.id: c.source
        for item in (i for s in sections for i in s.items)
        for fact in _facts(item.question)
        for c in fact.citations
    }
    return Worksheet(
        title,
        subtitle,
        letter,
        seed,
        paper,
        tuple(sections),
        tuple(sources[key] for key in sorted(sources)),
        tuple(plan.left_out),
        next(iter(shared)) if len(shared) == 1 else None,
    )


def _reordered(kind: str, question, rng: random.Random, balance: PositionBalance):
    if kind == "mcq":
        return balance.place(question)
    if kind == "match":
        return reshuffled_matching(question, rng)
    if kind == "order":
        return reshuffled_ordering(question, rng)
    return question


def _facts(question) -> tuple:
    return question.facts if hasattr(question, "facts") else (question.fact,)
