"""The words a Correct answer may hold: a closed vocabulary for each fact, and nothing else.

Each rule that says Correct reads some words of an answer; this net makes sure none of them skipped
a word that changes what the answer says ('не 2014', 'außer 2014', '8 NATO diplomats'). Besides
numbers, a Correct answer holds only: the words of an accepted form (two or three of them written as
one: 'semipermanent'), the abbreviation its initials spell, the articles, the question's own bound
('since', 'from'), after a count the words right after the question's 'how many' in its order, and
by kind: 'in'/'at' before a place; a title before a person's name only as the person's role or an accepted
form gives it, a given name's initial, start or listed short form; month names and the date readers' fillers for a
date or year; the number readers' fillers and scale words for a number, and a unit, currency or
comparison only where the answer or the question names it. Any other word: the learner decides.
"""

from __future__ import annotations

import re

from quizgen.grading.dates import FILLERS as DATE_FILLERS
from quizgen.grading.dates import month_number
from quizgen.grading.lexicon import abbreviations
from quizgen.grading.names import SHORT_FORMS, TITLE_SHORTS, TITLES
from quizgen.grading.numeric import asked_qualifiers, asked_words
from quizgen.grading.quantity import APPROXIMATE, QUALIFIERS, SCALES, UNITS, read_quantity
from quizgen.grading.quantity import FILLERS as NUMBER_FILLERS
from quizgen.grading.spelling import ARTICLES, normalize
from quizgen.grading.wording import MODIFIERS, NEGATIONS
from quizgen.model import Fact

_WORD = re.compile(r"[^\W\d_]+|\d+")  # a run of letters in any script, or of digits
_DATED = ("date", "year")
# A capital A (or An) before a name is an initial, not the article: 'A. Stoltenberg', 'A.-Maas',
# 'A Stoltenberg', 'An Maas' (not 'A TREATY', nor the lower-case article: 'a Stoltenberg')
_ARTICLE = re.compile(r"\s*(An?)(?:\.[\s\-\u2010-\u2015]*[^\W\d_]|[\s\-\u2010-\u2015]+[^\W\d_a-z][^\W\d_A-Z])")
_COUNTED = ("number", "year", "date")
_PHRASED = frozenset({"us", "per", "cent", "all", "total", "s", "ad", "st", "nd", "rd", "th", "and"})


def words(text: str) -> list[str]:
    """The words of `text` as the grader compares them (normalized: folded, numbers as digits)."""
    return _WORD.findall(normalize(text))


def unheard_words(given: str, forms: list[str], fact: Fact) -> list[str]:
    """The words of `given` outside the fact's vocabulary: a Correct answer has none."""
    article = _ARTICLE.match(given) if fact.kind == "person" else None
    if article and not _own_article(article.group(1).casefold(), forms):
        return [article.group(1)]  # 'A. Stoltenberg', 'An Maas': an initial or article no name of it has
    if any(normalize(given).replace(" ", "") == normalize(form).replace(" ", "") for form in forms):
        return []  # the same letters as an accepted form: only the spaces differ
    heard = _vocabulary(fact, forms) | _spelled_abbreviations(given, forms) | _counted(given, fact)
    numbered = fact.kind in _COUNTED or any(w.isdigit() for form in forms for w in words(form))
    return [
        word
        for word in words(given)
        if word not in heard
        and not (word.isdigit() and numbered)
        and not (fact.kind in _DATED and month_number(word))
        and not (fact.kind == "person" and _shortened(word, forms))
    ]


def _vocabulary(fact: Fact, forms: list[str]) -> set[str]:
    """Every word a Correct answer of `fact` may hold but numbers, months and shortened names."""
    heard = set(ARTICLES)
    for form in forms:
        said = words(form)
        heard.update(said)
        heard.update("".join(said[i : i + n]) for n in (2, 3) for i in range(len(said) - n + 1))
    quantities = [q for form in forms if (q := read_quantity(form))]
    units = {unit for q in quantities for unit in q.units}
    if fact.kind == "number":  # the unit the question counts in ('how many kilometres'); no 'Euro-Atlantic'
        units |= {UNITS[w] for w in words(fact.q) if w in UNITS}
    compared = {c for form in forms if (q := read_quantity(form)) for c in q.qualifiers} | asked_qualifiers(fact.q)
    heard.update(asked_words(fact.q))  # 'since', 'from', 'as of': the question's own bound
    heard.update(word for word, meaning in QUALIFIERS.items() if meaning == "" or meaning in compared)
    if fact.kind in _COUNTED:
        # not 'us', 'per', 'cent', 'all', 's', 'ad' or an ordinal on their own ('8 US diplomats', '2 cent'):
        # the readers take them only in their phrase ('US$', 'per cent'), a date's fillers only for a date
        dated = DATE_FILLERS if fact.kind == "date" else DATE_FILLERS - _PHRASED if fact.kind == "year" else set()
        heard.update(dated, NUMBER_FILLERS - _PHRASED, SCALES)  # a year needs no ordinal: '1991 th' is none
        heard.update(word for word, unit in UNITS.items() if unit in units)
    if heard & APPROXIMATE:  # 'around 4000' for 'about 4,000': a hedge the answer itself has
        heard.update(APPROXIMATE)
    if fact.kind == "place":
        heard.update(("in", "at"))
    if fact.kind == "person":
        # a title only as the person's role or an accepted form gives it ('Secretary General'): 'Mrs Macron',
        # 'Chancellor Heiko Maas', 'Vice President Putin' may name another person or office
        own = set(words(fact.role or "")) | {word for form in forms for word in words(form)}
        heard.update((TITLES - MODIFIERS) & own)
        heard.update(short for short, title in TITLE_SHORTS.items() if title in own)
    return heard - (NEGATIONS - {word for form in forms for word in words(form)})


def _counted(given: str, fact: Fact) -> set[str]:
    """'8 Russian diplomats' for 'How many Russian diplomats…': the words right after the question's
    'how many', in its order, after the number (never other words of the question: '8 NATO diplomats')."""
    asked = re.search(r"\bhow (?:many|much)\b(.*)", normalize(fact.q))
    said = words(given)
    last = max((i for i, word in enumerate(said) if word.isdigit()), default=None)
    if fact.kind != "number" or asked is None or last is None:
        return set()
    tail = said[last + 1 :]
    return set(tail) if tail and tail == words(asked.group(1))[: len(tail)] else set()


def _spelled_abbreviations(given: str, forms: list[str]) -> set[str]:
    """'OPCW' in 'Organisation for the Prohibition of Chemical Weapons (OPCW)' when the name is accepted."""
    accepted = {normalize(form) for form in forms}
    return {normalize(short) for long, short in abbreviations(given) if normalize(long) in accepted}


def _own_article(word: str, forms: list[str]) -> bool:
    """Whether an accepted form starts with `word`, or `word` is 'a', the initial of one of its given
    names (not a title, not the surname: 'A. F. Rasmussen')."""
    if any(form.casefold().split()[:1] == [word] for form in forms):
        return True
    return word == "a" and any(
        name.startswith("a") for form in forms for name in words(form)[:-1] if name not in TITLES
    )


def _shortened(word: str, forms: list[str]) -> bool:
    """An initial ('V'), or the start of one of the names the accepted forms give ('Vlad', 'Fred')."""
    return any(
        (name.startswith(word) and (len(word) == 1 or len(word) >= 3)) or SHORT_FORMS.get(word) == name
        for form in forms
        for name in words(form)
    )
