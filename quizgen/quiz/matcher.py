"""Grades a typed answer against a fact: correct, almost (a small typo) or wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.folding import fold
from quizgen.model import MONTHS, Fact

CORRECT, ALMOST, WRONG = "correct", "almost", "wrong"

_ARTICLES = {"the", "a", "an"}
_NUMBER_WORDS = {word: str(n) for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_MONTH_NUMBERS = {name.lower()[:3]: n for n, name in enumerate(MONTHS, start=1)}
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\b(?:thousand|million|billion|trillion)\b")
_FILLERS = {"st", "nd", "rd", "th", "of", "on", "in", "the"}


@dataclass(frozen=True)
class Verdict:
    """The grade and the accepted form the learner should see."""

    grade: str
    expected: str


def grade_answer(given: str, fact: Fact) -> Verdict:
    """Compare a typed answer with the fact's answer and its alternatives."""
    accepted = _accepted_forms(fact)
    if not normalize(given):
        return Verdict(WRONG, fact.a)
    if normalize(given) in {normalize(d) for d in fact.distractors}:
        return Verdict(WRONG, fact.a)  # a known wrong answer is never "close enough"
    grades = {form: match_form(given, form, fact.kind) for form in accepted}
    if CORRECT in grades.values():
        return Verdict(CORRECT, fact.a)
    close = [form for form, grade in grades.items() if grade == ALMOST]
    if not close:
        return Verdict(WRONG, fact.a)
    # Show the spelling of the form the learner was nearest to (Sergei, not Sergey, Lavrov).
    return Verdict(ALMOST, min(close, key=lambda form: edit_distance(normalize(given), normalize(form), 99)))


def match_form(given: str, expected: str, kind: str = "term") -> str:
    """Grade `given` against one accepted form."""
    wanted_date, given_dates = parse_date(expected), _date_readings(given)
    if wanted_date:
        if given_dates:
            return CORRECT if wanted_date in given_dates else WRONG
        if kind == "date":
            return WRONG
    want, got = normalize(expected), normalize(given)
    if got == want or sorted(got.split()) == sorted(want.split()):
        return CORRECT
    if _numbers(got) != _numbers(want):
        return WRONG  # numbers and years are exact: no typo is small in a number
    if kind in ("number", "year") and _numbers(want):
        return CORRECT  # '13' answers '13 countries': the unit is in the question
    if kind == "person" and len(want.split()) > 1:
        surname = want.split()[-1]  # 'Stoltenberg' names Jens Stoltenberg
        if got == surname:
            return CORRECT
        if _is_typo(got, surname):
            return ALMOST
    return ALMOST if _is_typo(got, want) else WRONG


def normalize(text: str) -> str:
    """Case, accents, punctuation, articles and number words folded away."""
    text = fold(text)
    text = re.sub(r"%|\bper ?cent\b", " ", text.replace("&", " and "))
    text = re.sub(r"(?<=\d)[,\u2009 ](?=\d{3}\b)", "", text)  # 1,000 and 1 000 are 1000
    text = re.sub(r"(?<=[^\W\d_])\.(?=[^\W\d_]|\s|$)", "", text)  # U.S. is US
    text = re.sub(r"[^\w.]+|(?<!\d)\.|\.(?!\d)|_", " ", text)
    words = [_NUMBER_WORDS.get(word, word) for word in text.split()]
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def parse_date(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) from '24 February 2022', 'Feb 24, 2022', '2022-02-24' or 'May 2002'."""
    words = re.findall(r"[a-z]+|\d+", fold(text))
    numbers = [int(w) for w in words if w.isdigit()]
    months = [_month_number(w) for w in words if _month_number(w)]
    extra = [w for w in words if not w.isdigit() and not _month_number(w) and w not in _FILLERS]
    if extra or len(months) > 1:
        return None
    years = [n for n in numbers if n >= 100]
    if len(years) != 1:
        return None
    rest = [n for n in numbers if n < 100]
    if months and len(rest) <= 1:
        day = rest[0] if rest else None
        return (years[0], months[0], day) if day is None or 1 <= day <= 31 else None
    if not months and len(rest) == 2 and numbers[0] == years[0]:
        return (years[0], rest[0], rest[1]) if 1 <= rest[0] <= 12 and 1 <= rest[1] <= 31 else None
    if not months and len(rest) == 2:
        day, month = rest  # 24.02.2022 (day first); _swapped() tries month first
        return (years[0], month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    return None


def _month_number(word: str) -> int | None:
    """1-12 for 'feb', 'febr', 'february', or 'febuary' (a slip in a month name is not a wrong date)."""
    number = _MONTH_NUMBERS.get(word[:3])
    if number and MONTHS[number - 1].lower().startswith(word):
        return number
    if len(word) >= 4 and not word.isdigit():
        for number, name in enumerate(MONTHS, start=1):
            if edit_distance(word, name.lower(), 2) <= 1:
                return number
    return None


def _date_readings(text: str) -> set[tuple[int, int | None, int | None]]:
    """Every date `text` may mean: 03/04/2022 is 3 April (day first) or March 4 (month first)."""
    readings = {parse_date(text)} - {None}
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) == 3 and numbers[2] >= 100 and 1 <= numbers[0] <= 12 and 1 <= numbers[1] <= 31:
        readings.add((numbers[2], numbers[0], numbers[1]))
    return readings


def _accepted_forms(fact: Fact) -> list[str]:
    """The answer, its alternatives, and each half of 'Name (ABBR)'."""
    forms = [fact.a, *fact.alt]
    for form in list(forms):
        inside = re.fullmatch(r"(.+?)\s*\((.+)\)", form.strip())
        if inside:
            forms.extend(inside.groups())
    return forms


def _numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)


def _is_typo(given: str, wanted: str) -> bool:
    """A slip of one letter in a word of 5-10 letters, two in a longer one; none in short ones."""
    letters = len(wanted.replace(" ", ""))
    allowed = 0 if letters <= 4 else 1 if letters <= 10 else 2
    return 0 < edit_distance(given, wanted, allowed + 1) <= allowed


def edit_distance(a: str, b: str, cap: int) -> int:
    """Damerau-Levenshtein (adjacent swaps count once), stopping early past `cap`."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) >= cap:
            return cap
    return current[-1]
