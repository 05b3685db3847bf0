"""Typed answers on the study page: the forms the terminal quiz grades correct, as the page's keys."""

from __future__ import annotations

import re
import unicodedata

from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import CORRECT, accepted_forms, grade_answer
from quizgen.model import Fact
from quizgen.text import ARTICLES

# The page's comparison (templates/web/typed.mjs `normalise` does the same steps): a possessive 's
# and the dots of 'U.S.' go as in the terminal (which drops only a lower-case 's), then accents and
# case; whatever stands between two digits is kept exactly, spaces and all ('1,500', '1 500',
# '1.500', '1 - 500', '2 022': the terminal's number reader tells them apart, by the kind of answer,
# so the key never joins them; `candidates` lists each grouping of a number, and the terminal's
# grader keeps those it takes); other separators (quotes, dashes, brackets, sentence marks) become spaces, but a
# '!' or dash glued before a word stays (the terminal reads '!Sochi', '-Germany', '-20' as maybe
# 'not'); every other sign ('%', '&', '$', '/', '+') stays a word of its own, since the terminal
# reads it; a leading article goes.
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s(?!\w)")
_DOTS = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_]|\s|$)")
SEPARATORS = frozenset(
    ".,;:!?'\"()[]{}-_\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201b"
    "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2026"
)
STRIKES = frozenset("\u0334\u0335\u0336\u0337\u0338")  # combining overlays: a struck-through word
GLUED = frozenset("!-\u2010\u2011")  # before a word: maybe 'not' to the terminal (grading/marks.py)
GROUP_MARKS = ("", ",", " ", "\u00a0", "\u2009", "\u202f", ".", "'")  # thousands marks of several countries
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[,. \u00a0\u2009\u202f']\d{3})+(?![\d])|(?<![\d.,])\d{4,}(?![\d])")
_DIGIT_GAP = re.compile(r"(?<=\d)((?:[^\w]|_)+)(?=\d)")  # what stands between two digits, kept whole
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})")


def page_key(text: str) -> str:
    """The key the page compares a typed answer by: 'The NATO–Russia Council.' -> 'nato russia council'."""
    text = _DOTS.sub("", _POSSESSIVE.sub("", text))
    decomposed = unicodedata.normalize("NFKD", text)
    # accents go; a strike-through overlay stays, a word of its own (the learner struck the answer out)
    text = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn" or ch in STRIKES).lower()
    words: list[str] = []
    for at, part in enumerate(_DIGIT_GAP.split(text)):
        words.extend([part] if at % 2 else _words(part))  # odd parts: the gaps between two digits
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def _words(text: str) -> list[str]:
    """The words of `text` (no two digits with something between them): runs of letters and digits,
    and each sign the terminal reads."""
    words: list[str] = []
    word = ""
    for at, ch in enumerate(text):
        if ch.isalnum():
            word += ch
            continue
        if word:
            words.append(word)
        word = ""
        if not ch.isspace() and (ch not in SEPARATORS or _glued(text, at)):
            words.append(ch)
    if word:
        words.append(word)
    return words


def _glued(text: str, at: int) -> bool:
    """A '!' or dash starting a word ('!Sochi', '-Germany', '-20'): to the terminal it may mean 'not'."""
    following = text[at + 1 : at + 2]
    starts = at == 0 or text[at - 1].isspace() or text[at - 1] == "("
    return text[at] in GLUED and starts and following != "" and not following.isspace()


def typed_keys(fact: Fact, known: Lexicon) -> list[str]:
    """Keys of every form the terminal grades correct for `fact` (of `candidates`). Each is checked by
    the terminal's grader, so the page never says Correct where the terminal would not; anything
    else the learner rates."""
    keys = {page_key(form) for form in candidates(fact, known) if grade_answer(form, fact, known).grade == CORRECT}
    return sorted(key for key in keys if key)


def candidates(fact: Fact, known: Lexicon) -> list[str]:
    """The accepted forms, and what a learner types for them that the terminal may take: a person's
    surname, a number alone or grouped otherwise ('1500', '1 500', '1.500'), a date in American order
    ('April 1, 2020', 'April 1 2020', 'Apr 1, 2020')."""
    found = accepted_forms(fact, known)
    found += [regrouped for form in found for mark in GROUP_MARKS if (regrouped := _grouped(form, mark)) != form]
    for form in list(found):
        words = form.split()
        if fact.kind == "person" and len(words) > 1:
            found.append(words[-1])
        if fact.kind in ("number", "year"):
            found.extend(re.findall(r"\d[\d,.]*\d|\d", form) + _NUMBER.findall(form))
        date = _DAY_MONTH_YEAR.fullmatch(form)
        if date:
            day, month, year = date.groups()
            for name in (month, month[:3]):
                found.extend((f"{name} {day}, {year}", f"{name} {day} {year}"))
    return found


def _grouped(form: str, mark: str) -> str:
    """`form` with each number of four digits or more grouped in thousands by `mark`."""

    def group(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group())
        head = len(digits) % 3 or 3
        return mark.join([digits[:head], *(digits[at : at + 3] for at in range(head, len(digits), 3))])

    return _NUMBER.sub(group, form)
