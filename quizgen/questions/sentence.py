"""Statements made from a fact's cloze sentence, with attribution kept for claims."""

from __future__ import annotations

import re

from quizgen import cloze
from quizgen.model import Fact, Source
from quizgen.text import answer_key

# words by which a curator's sentence already says whose view it is
_ATTRIBUTION = re.compile(
    r"\b(according|claim\w*|said|says|say|argu\w*|warn\w*|wr[oi]te\w*|call\w*|conclud\w*|believ\w*|"
    r"blam\w*|accus\w*|nam\w*|cit\w*|put it|sees?|saw|expect\w*|falsely|told|regard\w*|consider\w*|"
    r"remark\w*|describ\w*|judg\w*|propagand\w*|slur|opinion piece|op-ed|article)\b",
    re.IGNORECASE,
)
_ASKED_AS_REPORTED = re.compile(r"\baccording to\b", re.IGNORECASE)
_LOWER_FIRST = frozenset(
    "a an the in on at as even it its this these there some many after before from since while when during".split()
)


def answer_deletion(fact: Fact) -> int | None:
    """The number of the cloze deletion that holds the fact's answer (or one of its alternatives)."""
    if not fact.cloze:
        return None
    wanted = {answer_key(text) for text in (fact.a, *fact.alt)}
    for deletion in cloze.deletions(fact.cloze):
        if answer_key(deletion.text) in wanted:
            return deletion.number
    return None


def attributed(fact: Fact, sentence: str) -> str:
    """The sentence, prefixed with 'According to …' when it does not say whose view it is and
    must: a claim, or a fact whose own question asks it as the article's ("according to DW")."""
    vouched = fact.stance != "fact" or bool(_ASKED_AS_REPORTED.search(fact.q))
    if not vouched or _ATTRIBUTION.search(sentence):
        return sentence
    first, _, rest = sentence.partition(" ")
    if first.casefold() in _LOWER_FIRST:
        sentence = f"{first.lower()} {rest}"
    return f"According to {_who(fact.source)}, {sentence}"


def _who(source: Source) -> str:
    if source.author:
        return f"{source.author} ({source.year})" if source.year else source.author
    outlet = (source.outlet or "").split(",")[0].split("(")[0].strip()
    if outlet and "unnamed" not in outlet.casefold():
        return f"{outlet} ({source.year})" if source.year else outlet
    year = f"{source.year} " if source.year else ""
    return f'the {year}article "{source.title}"'


def around_answer(fact: Fact) -> tuple[str, str]:
    """The filled cloze sentence before and after the answer's deletion (as written, unattributed)."""
    number = answer_deletion(fact)
    if number is None or not fact.cloze:
        return "", ""
    marker = "\x00"
    before, _, after = cloze.fill(fact.cloze, {number: marker}).partition(marker)
    return before, after.replace(marker, "")


def with_answer(fact: Fact, replacement: str | None = None) -> str:
    """The cloze sentence filled in; with `replacement` standing where the answer goes."""
    number = answer_deletion(fact)
    if replacement is None or number is None:
        return attributed(fact, cloze.fill(fact.cloze_text))
    replacement = _fitted(fact, number, replacement)
    marker = "\x00"
    sentence = cloze.fill(fact.cloze_text, {number: marker})
    before, _, after = sentence.partition(marker)
    before, replacement = _agreed(before, replacement)
    return attributed(fact, before + replacement + after.replace(marker, replacement))


def _fitted(fact: Fact, number: int, replacement: str) -> str:
    """The replacement cut to what the deletion holds: '424 cases' for '{{c1::423}} cases' is '424'."""
    hidden = next(d.text for d in cloze.deletions(fact.cloze_text) if d.number == number)
    for form in (fact.a, *fact.alt):
        if form != hidden and form.startswith(hidden) and replacement.endswith(form[len(hidden) :]):
            return replacement[: len(replacement) - len(form) + len(hidden)]
        if form != hidden and form.endswith(hidden) and replacement.startswith(form[: -len(hidden)]):
            return replacement[len(form) - len(hidden) :]
    return replacement


def _agreed(before: str, replacement: str) -> tuple[str, str]:
    """Make the words around a swapped-in answer agree: 'a'/'an', no 'the the', a capital to start."""
    if not before.strip():
        return before, replacement[:1].upper() + replacement[1:]
    # an opening quote mark may stand between the article and the gap: 'a "safeguard mechanism"'
    text = before.rstrip()
    opening = ""
    while text and text[-1] in "\"'“‘«(":
        opening, text = text[-1] + opening, text[:-1]
    head, _, last = text.rstrip().rpartition(" ")
    lead = head + " " if head else ""
    word = last.casefold()
    first = replacement.split(" ", 1)[0]
    determined = first.casefold() in ("a", "an", "the", "its", "their") or first.endswith(("'s", "’s"))
    if word in ("a", "an", "the") and not opening and (determined or (word != "the" and replacement[:1].isupper())):
        return lead, replacement  # the replacement brings its own determiner
    if word in ("a", "an"):
        article = "an" if replacement[:1].casefold() in "aeiou" else "a"
        spaced = " " + opening if opening else " "
        return lead + (article.capitalize() if last[:1].isupper() else article) + spaced, replacement
    return before, replacement
