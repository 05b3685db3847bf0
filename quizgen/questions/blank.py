"""Fill-in-the-blank questions from a fact's cloze sentence, only where the sentence pins one answer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen import cloze
from quizgen.model import Fact
from quizgen.questions.certainty import given_as_example, hedged, listed
from quizgen.questions.sentence import answer_deletion, around_answer, attributed

GAP = "\x00"  # stands for the gap until the sentence is split around it
OPEN_KINDS = ("term", "event")  # answers a sentence rarely pins to one wording
_NUMBER_AND_UNIT = re.compile(r"^(\d[\d,.]*)(\s+\D.*)$")


@dataclass(frozen=True)
class FillBlank:
    """A sentence with one gap: `before` + gap + `after`; `answer` is the missing text."""

    fact: Fact
    before: str
    after: str
    answer: str
    hint: str | None
    precision: str | None = None  # for a date: 'year', 'month and year' or 'day, month and year'
    within: str | None = None  # the set the answer is one of, when the sentence does not say it


def fill_blank(fact: Fact) -> FillBlank | None:
    """Blank the deletion that holds the answer; None when no sentence pins one answer.

    The sentence must hold the fact's answer in a deletion, and must not negate, compare,
    approximate or list around it, nor may the article give the answer only as an example
    ("such as Poland and the Baltic states") ("one of the areas was ___" has many right answers). A `term`
    or `event` is not blanked: a gap for a concept or a happening ("the biggest threat to the ___ of
    European states", "Ukraine had much at stake in the ___") takes many right words; a name,
    place, document, date or number it pins. A number with
    its unit is blanked without the unit: "___ people", so the gap asks for the number.
    """
    number = answer_deletion(fact)
    if (
        number is None
        or fact.kind in OPEN_KINDS
        or hedged(cloze.fill(fact.cloze_text))
        or listed(*around_answer(fact), fact.kind)
        or given_as_example(fact.a, fact.quote)
    ):
        return None
    deletion = next(d for d in cloze.deletions(fact.cloze_text) if d.number == number)
    answer, unit = deletion.text, ""
    split = _NUMBER_AND_UNIT.match(answer) if fact.kind == "number" else None
    if split:
        answer, unit = split.groups()
    sentence = attributed(fact, cloze.blank(fact.cloze_text, number, GAP))
    before, _, after = sentence.partition(GAP)
    after = after.replace(GAP, "_____")  # the same deletion used twice: hide both
    return FillBlank(
        fact,
        before,
        unit + after,
        answer,
        deletion.hint,
        precision_of(fact.kind, answer),
        within_of(fact, before + " " + after),
    )


NAMED_KINDS = ("person", "place", "organization", "document")
_WHICH = re.compile(r"\b[Ww]hich\s+([\w-]+(?:'s)?(?:\s+[\w-]+){0,3})")


def within_of(fact: Fact, sentence: str) -> str | None:
    """The question's own class for the answer ('NATO member'), printed after the gap when the
    sentence lacks a word of it: the question asked "Which NATO member…", and a sentence that only
    says "___ refused to impose sanctions on Moscow" has other right answers (China, India).

    The class is the words after the question's "which" that its `category` names ('NATO member',
    'Italian politician', 'city': "held in ___" might be answered with the country); a question
    without such words adds nothing.
    """
    if fact.kind not in NAMED_KINDS or not fact.category:
        return None
    match = _WHICH.search(fact.q)
    if match is None:
        return None
    named = [word for word in fact.category.split("-") if word]
    run = []
    for word in match.group(1).split():
        if not any(_same_word(word.removesuffix("'s"), name) for name in named):
            break
        run.append(word.removesuffix("'s"))
        if word.endswith("'s"):  # "which city's summit": the class is the city
            break
    present = re.findall(r"\w+", sentence)
    if run and run[-1] != run[-1].lower():  # 'Which NATO office': a qualifier without its noun says little
        return None
    if not run or all(any(_same_word(word, token) for token in present) for word in run):
        return None
    return " ".join(run)


def _same_word(one: str, other: str) -> bool:
    """'member' and 'members', 'Russian' and 'Russia': the same word for this purpose."""
    one, other = one.casefold(), other.casefold()
    return one == other or (min(len(one), len(other)) >= 4 and one[:5] == other[:5])


def precision_of(kind: str, answer: str) -> str | None:
    """How precise a date the blank wants, said on the sheet ('In ___ (month and year)'), so that
    a student who writes only the year knows it is not enough, and one who knows the day is not
    penalised for writing less than the key."""
    if kind not in ("date", "year"):
        return None
    parts = [part for part in re.split(r"[\s,]+", answer.strip()) if part]
    has_day = any(part.isdigit() and len(part) <= 2 for part in parts)
    has_year = any(part.isdigit() and len(part) == 4 for part in parts)
    has_month = any(part.isalpha() for part in parts)
    if has_day and has_month and has_year:
        return "day, month and year"
    if has_day and has_month:
        return "day and month"
    if has_month and has_year:
        return "month and year"
    return "year" if has_year else None
