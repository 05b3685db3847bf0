"""Grades a typed answer: correct only by a listed rule, wrong when it says otherwise, else close.

"Close" (ALMOST) is everything in between: the learner decides, default Again.

Correct means the typed text *is* an accepted form (the answer, an `alt`, a half of `Name (ABBR)`,
an expansion the bank spells out) after the README's normalisation, or says the same number or
date in another notation, or a person's name by the name rules, or adds only the qualifier the
question itself asks with ("more than how many" → `more than 13`). No rule drops words of the
question or guesses what a second item means: those answers are shown side by side and the
learner says whether they were right.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quizgen.grading.asides import contrasted, with_where
from quizgen.grading.datematch import match_date, whole_date_grade
from quizgen.grading.dates import dressed_year, month_number, parse_date
from quizgen.grading.extras import only_added_to
from quizgen.grading.foreign import as_english
from quizgen.grading.lexicon import Lexicon, abbreviations, split_form
from quizgen.grading.marks import hedged, unread_marks
from quizgen.grading.names import ALMOST, CORRECT, WRONG, match_name
from quizgen.grading.numerals import roman_as_digits
from quizgen.grading.numeric import asked_qualifiers, match_quantity
from quizgen.grading.others import another_person, mentions, names_another, says_otherwise
from quizgen.grading.quantity import QUALIFIERS, bounds_as_words, read_quantity
from quizgen.grading.spelling import clean, distance, is_typo, normalize, signs_as_words
from quizgen.grading.vocabulary import unheard_words
from quizgen.grading.wording import MODIFIERS, NEGATIONS, flipped, slips_only
from quizgen.model import Fact

__all__ = ["ALMOST", "CORRECT", "WRONG", "Verdict", "asked_qualifiers", "grade_answer", "normalize", "parse_date"]

MAX_GRADED = 300  # longer than any answer in a bank: graded wrong at once, whatever it holds
_LIST = re.compile(r"\s*(?:,|;|/|&|\band\b|\bas well as\b|\bplus\b)\s*", re.IGNORECASE)  # 'or' is no list
# Leading words that only say where: 'in Africa', 'at Sochi'.
_WHERE = ("in", "at")


@dataclass(frozen=True)
class Verdict:
    """The grade and the accepted form the learner should see."""

    grade: str
    expected: str


def grade_answer(given: str, fact: Fact, known: Lexicon | None = None) -> Verdict:
    """Compare a typed answer with the fact's accepted forms; `known` is the whole bank's."""
    known = known if known is not None else Lexicon.of([fact])
    typed = clean(given)
    given = bounds_as_words(signs_as_words(clean(given)))
    read = given
    got = normalize(given) if len(given) <= MAX_GRADED else ""
    if not got:
        return Verdict(WRONG, fact.a)
    given = _without_echo(given, fact)
    forms = accepted_forms(fact, known)
    accepted = {normalize(form) for form in forms}
    grades = {form: match_form(given, form, fact) for form in forms}
    if CORRECT in grades.values() or _both_halves(given, fact, known):
        # a character outside the whitelist ('≠', '❌', '¥', a strike-through) may reverse the answer,
        # a hedge ('about 1994') makes an exact answer vague: never Correct; the learner decides
        # and a word outside the fact's vocabulary ('не 2014') may be one no rule read; so does a year
        # in a number's dress ('1,994', '2014th') where the answer counts nothing
        odd = fact.kind != "number" and dressed_year(typed) and not any(dressed_year(f) for f in forms)
        unsure = unread_marks(typed, forms) or hedged(typed, forms, fact) or unheard_words(read, forms, fact)
        return Verdict(ALMOST if odd or unsure else CORRECT, fact.a)
    if fact.kind in ("year", "date") and any(
        (wanted := parse_date(form)) and whole_date_grade(given, wanted, fact) == ALMOST for form in forms
    ):
        return Verdict(ALMOST, fact.a)  # '1 January 1994' when the bank knows only January, '27 May 97'
    regrade = lambda text: grade_answer(text, fact, known).grade  # noqa: E731
    otherwise = _read_otherwise(given, got, fact, regrade)
    if otherwise:
        return Verdict(otherwise, fact.a)  # 'VIII', 'Article III': correct; 'viii', 'Deutschland': close
    # a contrast with a choice of the multiple-choice card ('2016, not 2017') is no second answer
    if contrasted(given, fact.kind, regrade, lambda words: mentions(words, known.others(accepted), known)):
        return Verdict(ALMOST, fact.a)  # 'Sochi, not Moscow', '2014 (not 2022)': the learner decides
    others = known.others(accepted) | {normalize(d) for d in fact.distractors}
    others.discard(normalize(fact.as_written or ""))
    if fact.kind == "place" and with_where(given, regrade, others, listed=len(_items(fact.a)) > 1):
        return Verdict(ALMOST, fact.a)  # 'Istanbul, Turkey', 'Sochi, Krasnodar Krai': the learner decides
    if _said_another_way(got, fact, known):
        return Verdict(ALMOST, fact.a)  # 'not until 2016', 'Algerian gas': the learner decides
    if (
        got in others
        or says_otherwise(got, accepted, others, fact, len(_items(fact.a)) > 1)
        or another_person(got, fact, known, accepted)
    ):
        return Verdict(WRONG, fact.a)
    close = [form for form, grade in grades.items() if grade == ALMOST]
    if fact.as_written and got == normalize(fact.as_written):
        close.append(fact.a)  # the article's own spelling: shown with the right one, the learner decides
    if not close:
        # 'probably Heiko Maas', 'Heiko Maas (SPD)', 'Thursday 24 February 2022': the learner decides
        # (never for a list answer: an item added to a list is another answer)
        added = len(_items(fact.a)) == 1 and only_added_to(
            got,
            typed,
            fact.kind,
            lambda core: any(match_form(core, form, fact) == CORRECT for form in forms),
            lambda words: names_another(words, fact, known, accepted, others),
            fact.q,
        )
        return Verdict(ALMOST if added else WRONG, fact.a)
    # Show the form the learner was nearest to (Sergei, not Sergey, Lavrov).
    return Verdict(ALMOST, min(close, key=lambda form: distance(got, normalize(form))))


def _read_otherwise(given: str, got: str, fact: Fact, regrade: Callable[[str], str]) -> str | None:
    """Roman numerals ('VIII', 'Article III') as digits, where the answer has digits: correct when
    every numeral is sure (capitals of I, V, X), else close; words of other languages ('Deutschland',
    'mai 2002', 'в 2014') read as English, an answer typed twice, 'both' before a pair: close.
    None when no such reading is right."""
    roman = roman_as_digits(given) if any(c.isdigit() for c in " ".join((fact.a, *fact.alt))) else None
    if roman:
        grade = regrade(roman[0])
        if grade != WRONG:
            return CORRECT if grade == CORRECT and roman[1] else ALMOST
    english = as_english(got)
    if english != got and regrade(english) != WRONG:
        return ALMOST
    words, half = got.split(), len(got.split()) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:] and regrade(" ".join(words[:half])) == CORRECT:
        return ALMOST  # '1994 1994': typed twice
    dated = re.fullmatch(r"(.+?),? in (\d{4})", got)  # '53% in 2019', a year of the question: the learner decides
    if dated and fact.kind == "number" and dated.group(2) in fact.q and regrade(dated.group(1)) == CORRECT:
        return ALMOST
    both = re.fullmatch(r"both (.+)", got)  # 'both France and Germany' for a pair: the learner decides
    return ALMOST if both and len(_items(fact.a)) == 2 and regrade(both.group(1)) == CORRECT else None


def _said_another_way(got: str, fact: Fact, known: Lexicon) -> bool:
    """'not until 2016' (it happened in 2016) for a year or date; 'Algerian gas' for Algeria, the
    adjective of the place with the question's own words: idioms the learner judges, never Correct."""
    until = re.fullmatch(r"not (?:until|till|before) (.+)", got)
    if until and fact.kind in ("year", "date") and "until" not in normalize(fact.q).split():
        return grade_answer(until.group(1), fact, known).grade == CORRECT
    words, want = got.split(), normalize(fact.a)
    if fact.kind != "place" or len(words) < 2 or " " in want or len(want) < 4:
        return False
    adjective = words[0] in (want + "n", want + "an", want + "ian", want[:-1] + "ian")
    return adjective and set(words[1:]) <= set(normalize(fact.q).split())


def _without_echo(given: str, fact: Fact) -> str:
    """'53% in 2019', '27 May 1997, Paris': words the question itself gives, after the answer, dropped
    (never a negation or comparison: those are judged as typed)."""
    # a comma between digits groups thousands ('2,692 in 1991'): it does not start what follows
    match = re.fullmatch(r"(.+?)\s*((?<!\d),|,(?!\d{3}\b)|\bin\b|\bat\b)\s*([^,]+?)\s*\.?", given)
    if not match or fact.kind not in ("date", "year", "number"):
        return given  # a name with another name after it is a hedge, whatever the question says
    tail = normalize(match.group(3)).split()
    question = set(normalize(fact.q).split())
    if not tail or not all(w in question and w not in NEGATIONS and not QUALIFIERS.get(w) for w in tail):
        return given
    if fact.kind == "number":  # only the fact's own year, as the question gives it: '53% in 2019'
        return (
            match.group(1)
            if match.group(2) == "in" and len(tail) == 1 and fact.when and tail[0] == str(fact.when.year)
            else given
        )
    if any(w[:1].isdigit() or month_number(w) for w in tail):
        return given  # another date or month, not a place
    return match.group(1)


def accepted_forms(fact: Fact, known: Lexicon) -> list[str]:
    """The answer, its alternatives, each half of 'Name (ABBR)', and spellings-out the bank gives."""
    forms = [part for form in (fact.a, *fact.alt) for part in split_form(signs_as_words(form))]
    for form in list(forms):
        forms.extend(sorted(known.spelled.get(normalize(form), ())))
    return list(dict.fromkeys(forms))


def _both_halves(given: str, fact: Fact, known: Lexicon) -> bool:
    """'Permanent Joint Council (PJC)' or 'PJC (Permanent Joint Council)': each half is accepted."""
    parts = split_form(given)
    if len(parts) != 3:
        return False
    forms = {normalize(form) for form in accepted_forms(fact, known)}
    if all(normalize(part) in forms for part in parts[1:]):
        return True
    # An abbreviation the initials of an accepted name spell is that name: '… Weapons (OPCW)'.
    return any(normalize(long) in forms and normalize(long) == normalize(parts[1]) for long, _ in abbreviations(given))


def match_form(given: str, form: str, fact: Fact) -> str:
    """Grade `given` against one accepted form of `fact`: CORRECT, ALMOST (close) or WRONG."""
    want, got = normalize(form), normalize(given)
    if fact.kind == "place":
        got, want = _where(got), _where(want)
    if got == want or _same_letters(got, want, fact):
        return CORRECT
    short = _SHORT_YEAR.fullmatch(given)
    if short and fact.kind == "year" and re.fullmatch(r"\d{4}", want):
        return CORRECT if short.group(1) == want[2:] else WRONG  # "'94" is 1994 (and never 1993)
    if fact.kind in ("date", "year") or (parse_date(form) or (0, None))[1]:
        grade = match_date(given, form, fact)
        if grade:
            return grade
    if fact.kind in ("number", "year") and read_quantity(form):
        return match_quantity(given, form, fact)
    if fact.kind == "person":
        grade = match_name(got, want)
        if grade:
            return grade
    return _match_text(given, form, fact)


# An apostrophe year: '94, ’91.
_SHORT_YEAR = re.compile(r"\s*['’‘`´]\s?(\d{2})\s*\.?\s*")


def _same_letters(got: str, want: str, fact: Fact) -> bool:
    """'semipermanent', 'counter piracy': the same letters, only the spaces (or hyphens) between
    words differ; never with digits, and never with a negation the answer does not have."""
    if fact.kind in ("number", "year", "date") or any(c.isdigit() for c in got + want):
        return False
    if (set(got.split()) - set(want.split())) & NEGATIONS:
        return False
    return got.replace(" ", "") == want.replace(" ", "")


def _where(text: str) -> str:
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in _WHERE else text


def _match_text(given: str, form: str, fact: Fact) -> str:
    """Names of places, bodies and things: the same words, a list in any order, or close."""
    want, got = normalize(form), normalize(given)
    if fact.kind == "place":
        got, want = _where(got), _where(want)
    if fact.kind == "person" and sorted(got.split()) == sorted(want.split()):
        return CORRECT  # word order of a name: 'Orban Viktor'
    if fact.kind in ("place", "organization") and _compounds(given) == _compounds(form):
        return CORRECT  # the halves of a hyphenated word swapped: 'Russia-NATO Council'
    wanted_items, given_items = _items(form), _items(given)
    if len(wanted_items) > 1 and len(given_items) == len(wanted_items):
        grade = _match_items(given_items, wanted_items)
        if grade != WRONG:
            return grade
    if (
        len(wanted_items) > 1
        and len(given_items) < len(wanted_items)
        and _match_items(given_items, wanted_items, part=True) != WRONG
    ):
        return ALMOST  # part of the list: the learner decides (an extra or another item is wrong)
    if len(given_items) > 1:
        described = re.fullmatch(r"[^,;]+,[^,;]+", clean(given)) and fact.kind != "place"
        # 'Oana Lungescu, NATO spokeswoman': the learner decides; 'Crimea and Donbas' is two places
        return ALMOST if described and match_form(given_items[0], form, fact) != WRONG else WRONG
    if is_typo(got, want) and not flipped(got.split(), want.split()):
        return ALMOST
    if fact.kind == "person":
        return WRONG  # the name rules have spoken: 'Fogh' is not Anders Fogh Rasmussen
    got_words, want_words = set(got.split()), set(want.split())
    if got_words & want_words and (got_words <= want_words or want_words <= got_words):
        # a shorter or a longer form ('Bosnia', 'reset policy'), unless a word that turns it into
        # another thing is dropped or added: 'permanent' for semi-permanent
        return WRONG if (got_words ^ want_words) & MODIFIERS else ALMOST
    if (
        len(want_words) >= 2
        and len(got_words & want_words) * 2 >= len(want_words)
        and slips_only(got_words - want_words, want_words - got_words)
    ):
        return ALMOST  # half the words, the others slips or shortenings: 'Czech Rep.', 'Sea of Azof'
    return WRONG


def _compounds(text: str) -> list[list[str]]:
    """Each word, a hyphenated one as its parts in any order: 'Russia-NATO Council' is 'NATO-Russia
    Council', but 'Council Cooperation Atlantic North' no North Atlantic Cooperation Council."""
    return [sorted(normalize(part) for part in word.split("-")) for word in clean(text).split()]


def _items(text: str) -> list[str]:
    return [item for item in (normalize(part) for part in _LIST.split(clean(text))) if item]


def _match_items(given: list[str], wanted: list[str], part: bool = False) -> str:
    """Every listed item, in any order; a slip in one makes the whole close (`part`: some of them)."""
    left, grade = list(wanted), ALMOST if part else CORRECT
    for item in given:
        if item in left:
            left.remove(item)
            continue
        near = next((w for w in left if is_typo(item, w)), None)
        if near is None:
            return WRONG
        left.remove(near)
        grade = ALMOST
    return grade
