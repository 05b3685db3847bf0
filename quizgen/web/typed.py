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
# case; digit groups join as the terminal's `number_words` joins them ('1,500', '1 500' and
# '14.000.000' are one number); separators (quotes, dashes, brackets, sentence marks) become spaces,
# but one left between two digits stays a word ('1.500', '1-500' and "1'500" are not 1500 to the
# terminal); every other sign ('%', '&', '$', '/', '+') stays a word of its own, since the terminal
# reads it; a leading article goes.
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s(?!\w)")
_DOTS = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_]|\s|$)")
SEPARATORS = frozenset(
    ".,;:!?'\"()[]{}-_\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201b"
    "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2026"
)
STRIKES = frozenset("\u0334\u0335\u0336\u0337\u0338")  # combining overlays: a struck-through word
_DOT_GROUPS = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3}){2,}(?![\d.])")  # as grading/quantity.py
_GROUP_MARK = re.compile(r"(?<=\d)[,\u2009\u202f\u00a0 ](?=\d{3}(?!\d))")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})")


def page_key(text: str) -> str:
    """The key the page compares a typed answer by: 'The NATO–Russia Council.' -> 'nato russia council'."""
    text = _DOTS.sub("", _POSSESSIVE.sub("", text))
    decomposed = unicodedata.normalize("NFKD", text)
    # accents go; a strike-through overlay stays, a word of its own (the learner struck the answer out)
    text = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn" or ch in STRIKES).lower()
    text = _DOT_GROUPS.sub(lambda match: match.group().replace(".", ""), text)
    text = _GROUP_MARK.sub("", _GROUP_MARK.sub("", text))  # twice: overlapping groups, as the terminal
    words: list[str] = []
    word = ""
    for at, ch in enumerate(text):
        if ch.isalnum():
            word += ch
            continue
        if word:
            words.append(word)
        word = ""
        if not ch.isspace() and (ch not in SEPARATORS or _between_digits(text, at) or _signs_number(text, at)):
            words.append(ch)
    if word:
        words.append(word)
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def _signs_number(text: str, at: int) -> bool:
    """A '-' starting a word before a digit: a minus sign ('-20' is not '20')."""
    following = text[at + 1 : at + 2]
    return text[at] == "-" and (at == 0 or text[at - 1].isspace()) and unicodedata.category(following or " ") == "Nd"


def _between_digits(text: str, at: int) -> bool:
    return 0 < at < len(text) - 1 and text[at - 1].isdecimal() and text[at + 1].isdecimal()


def typed_keys(fact: Fact, known: Lexicon) -> list[str]:
    """Keys of every form the terminal grades correct for `fact` (of `candidates`). Each is checked by
    the terminal's grader, so the page never says Correct where the terminal would not; anything
    else the learner rates."""
    keys = {page_key(form) for form in candidates(fact, known) if grade_answer(form, fact, known).grade == CORRECT}
    return sorted(key for key in keys if key)


def candidates(fact: Fact, known: Lexicon) -> list[str]:
    """The accepted forms, and what a learner types for them that the terminal may take: a person's
    surname, a number alone, a date in American order ('April 1, 2020', 'Apr 1, 2020')."""
    found = accepted_forms(fact, known)
    for form in list(found):
        words = form.split()
        if fact.kind == "person" and len(words) > 1:
            found.append(words[-1])
        found.extend(re.findall(r"\d[\d,.]*\d|\d", form) if fact.kind in ("number", "year") else ())
        date = _DAY_MONTH_YEAR.fullmatch(form)
        if date:
            day, month, year = date.groups()
            found.extend((f"{month} {day}, {year}", f"{month[:3]} {day}, {year}"))
    return found
