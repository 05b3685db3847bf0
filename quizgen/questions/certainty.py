"""When a wrong option is certainly wrong: hedged wording, value ranges, and options of one form."""

from __future__ import annotations

import re

from quizgen.text import answer_key

# Words that make a statement's truth depend on more than one value: a swap inside them can stay
# true ("not Article 4", "more than 1,400"), and a blank inside them has many right answers.
_HEDGES = re.compile(
    r"\b(not|no|never|neither|nor|without|n't|more|less|fewer|over|under|above|below|about|around|"
    r"almost|nearly|approximately|roughly|some|at least|at most|up to|one of|such as|including|"
    r"among|for example|e\.g|several|before|after|until|except|besides|either|or)\b",
    re.IGNORECASE,
)
_QUALIFIED = re.compile(
    r"^(?P<qualifier>more than|over|above|at least|less than|fewer than|under|below|at most|up to|"
    r"about|around|almost|nearly|approximately|roughly|some)?\s*(?P<number>\d[\d,]*(?:\.\d+)?)",
    re.IGNORECASE,
)
_ABOVE = ("more than", "over", "above", "at least")
_BELOW = ("less than", "fewer than", "under", "below", "at most", "up to")
_NEAR = 0.2  # "about 1,500" may mean anything within a fifth of it


def hedged(text: str) -> bool:
    """Whether `text` negates, compares, approximates or lists (so one value does not decide it)."""
    return hedge(text) is not None


def hedge(text: str) -> str | None:
    """The first word of `text` that makes it hedged ('after', 'not', 'about'), as written; None if none."""
    found = _HEDGES.search(text)
    return found.group() if found else None


_ITEM = r"[^,.;:\s]+(?:\s[^,.;:\s]+){0,4}\s?"  # a list item: a few words, no clause of its own
_LIST_AFTER = re.compile(rf"^\W{{0,3}}(?:,\s*{_ITEM})+,?\s+(?:and|or)\s", re.IGNORECASE)  # ___, B and C
_LIST_MIDDLE = (re.compile(rf",\s*{_ITEM},\s*$"), re.compile(r"^\W{0,3}(?:,|\s(?:and|or)\s)", re.IGNORECASE))
_LIST_END = re.compile(rf",\s*{_ITEM}(?:and|or)\s+\W{{0,2}}$", re.IGNORECASE)  # A, B and ___
_EXAMPLE = re.compile(
    r"\b(such as|including|like|e\.g\.|for example|for instance|among them|notably|"
    r"especially|in particular)\W*$",
    re.IGNORECASE,
)
_TIME_KINDS = ("year", "date")  # "In 2014, Russia annexed Crimea and…": a clause, not a list


def listed(before: str, after: str, kind: str = "") -> bool:
    """Whether the gap between `before` and `after` is one item of a list ('by ___, sabotaging …,
    attacking … and cyber-attacks'): swapping one item leaves the rest true, and a blank there
    takes any item."""
    if kind in _TIME_KINDS:
        return False
    return bool(
        _LIST_AFTER.match(after)
        or (_LIST_MIDDLE[0].search(before) and _LIST_MIDDLE[1].match(after))
        or _LIST_END.search(before)
    )


def given_as_example(answer: str, quote: str) -> bool:
    """Whether the article gives the answer only as an example ('some NATO countries – such as
    Poland and the Baltic states'): a blank then has other right answers."""
    words = [word for word in answer.casefold().split() if word not in ("the", "a", "an")]
    if not words:
        return False
    lowered = quote.casefold()
    index = lowered.find(words[0])
    while index >= 0:
        if _EXAMPLE.search(quote[max(0, index - 40) : index]):
            return True
        index = lowered.find(words[0], index + 1)
    return False


def value_range(text: str) -> tuple[float, float] | None:
    """The values a number answer allows: '1,500' exactly, 'over 1,500' anything above, …"""
    match = _QUALIFIED.match(text.strip())
    if not match:
        return None
    value = float(match.group("number").replace(",", ""))
    qualifier = (match.group("qualifier") or "").casefold()
    if qualifier in _ABOVE:
        return value, float("inf")
    if qualifier in _BELOW:
        return float("-inf"), value
    if qualifier:
        return value * (1 - _NEAR), value * (1 + _NEAR)
    return value, value


def _unit(text: str) -> str:
    """What a number counts: 'over 1,500 personnel' -> 'personnel'."""
    return answer_key(_QUALIFIED.sub("", text.strip(), count=1))


def excludes(answer: str, candidate: str) -> bool:
    """Whether a number option is certainly wrong: its range cannot meet the answer's range.

    'over 1,400' is not wrong when the answer is 'over 1,500'; 'about 150' is. Options that are
    not numbers, or count something else, are not decided here.
    """
    truth, other = value_range(answer), value_range(candidate)
    if truth is None or other is None or _unit(answer) != _unit(candidate):
        return True
    return other[1] < truth[0] or other[0] > truth[1]


def _form(text: str) -> tuple:
    words = text.split()
    first = words[0].casefold() if words else ""
    initial = text.strip()[:1]
    case = any(letter.isupper() for letter in words[0]) if initial.isalpha() else None  # 'rescEU' is a name
    return case, first in ("the", "a", "an")


def same_form(answer: str, candidate: str) -> bool:
    """Options that look alike: same case to start, same leading article, a similar length.

    So form never points at the answer ('sanctions' among 'A naval blockade by NATO' …).
    """
    return form_difference(answer, candidate) is None


def form_difference(answer: str, candidate: str) -> str | None:
    """How `candidate` differs in form from `answer` (the reason `same_form` refuses it), or None."""
    (case_a, article_a), (case_b, article_b) = _form(answer), _form(candidate)
    if article_a != article_b:
        has, lacks = (candidate, answer) if article_b else (answer, candidate)
        return f"'{has}' starts with an article (the, a, an) and '{lacks}' does not"
    if case_a is not None and case_b is not None and case_a != case_b:
        return "one starts with a capital letter and the other does not"
    shorter, longer = sorted((len(answer.split()), len(candidate.split())))
    if longer > 2 * shorter + 1:
        return f"one is {longer} words long and the other {shorter}: options of like length"
    return None


def odd_one_out(answer: str, wrong: list[str]) -> frozenset[str]:
    """Words every wrong option shares and the answer lacks ('from' in three options about leaving,
    the answer about joining): a test-wise student picks the odd one out. Empty when none."""
    if len(wrong) < 3:
        return frozenset()

    def words(text: str) -> set[str]:
        # "Ukraine's" is kept whole: three options opening "Ukraine's …" and an answer "Ukraine has …" differ in form
        return set(re.findall(r"[\w'’]+", text.casefold().replace("’", "'"))) - {"the", "a", "an"}

    return frozenset(set.intersection(*(words(text) for text in wrong)) - words(answer))
