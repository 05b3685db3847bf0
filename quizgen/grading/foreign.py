"""Words of other languages a learner may type ('mai 2002', 'в 2014', 'не более 10'), read as English.

A reading made here is never proof: an answer right only in it is close (the learner decides)."""

from __future__ import annotations

import re

from quizgen.grading.places import in_english

# Normalized phrases first (longest first), then single words.
_PHRASES = {
    "не более": "no more than",
    "не больше": "no more than",
    "не менее": "no less than",
    "не меньше": "no less than",
}
_WORDS = {
    # Russian and Ukrainian function words
    "не": "not",
    "ні": "not",
    "нет": "no",
    "в": "in",
    "во": "in",
    "с": "since",
    "со": "since",
    "до": "before",
    "после": "after",
    "около": "about",
    "более": "more than",
    "менее": "less than",
    # French and German months (folded)
    "janvier": "january",
    "fevrier": "february",
    "mars": "march",
    "avril": "april",
    "mai": "may",
    "juin": "june",
    "juillet": "july",
    "aout": "august",
    "septembre": "september",
    "octobre": "october",
    "novembre": "november",
    "decembre": "december",
    "januar": "january",
    "februar": "february",
    "marz": "march",
    "maerz": "march",
    "juni": "june",
    "juli": "july",
    "oktober": "october",
    "dezember": "december",
}
_PHRASE = re.compile(r"(?<!\S)(" + "|".join(sorted(_PHRASES, key=len, reverse=True)) + r")(?!\S)")


# 'Yeltsin? not sure', "I'm not sure, Yeltsin": a hedge, though it holds a 'not'
_UNSURE = re.compile(r"(?<!\S)(?:i ?m |i am )?not (?:sure|certain)(?!\S)")


# Cyrillic and Greek letters drawn like Latin ones: in a word that also holds Latin letters ('Sochі'
# with a Ukrainian і) they are read as those (a whole Cyrillic word, 'не', stays what it is).
_LOOKALIKES = str.maketrans("аеорсхуіјкмнтвѕԁοαειυνκτρχ", "aeopcxyijkmhtbsdoaeiuvktpx")
_LATIN = re.compile(r"[a-z]")


def as_english(got: str) -> str:
    """`got` (normalized) with the words above and countries' other names in English, a word of
    mixed scripts in Latin letters, and 'not sure' as the hedge 'maybe'."""
    text = _PHRASE.sub(lambda m: _PHRASES[m.group(1)], _UNSURE.sub("maybe", got))
    words = [word.translate(_LOOKALIKES) if _LATIN.search(word) else word for word in text.split()]
    return in_english(" ".join(_WORDS.get(word, word) for word in words))
