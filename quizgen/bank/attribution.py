"""Whether a claim's wording says whose claim it is (the editorial policy: claims are attributed)."""

# A verb of saying, an attributing phrase, or the article's author or outlet by name.

from __future__ import annotations

import re

from quizgen.model import Source
from quizgen.text import answer_key

# a verb of saying or judging, a phrase that attributes, or a word naming who speaks
_SAYING = re.compile(
    r"\b(?:according|say|says|said|saying|warn|warns|warned|argue|argues|argued|claim|claims|claimed|"
    r"call|calls|called|tell|tells|told|cite|cites|cited|conclude|concludes|concluded|see|sees|saw|"
    r"accuse|accuses|accused|blame|blames|blamed|believe|believes|believed|expect|expects|expected|"
    r"describe|describes|described|consider|considers|considered|insist|insists|insisted|assert|"
    r"asserts|asserted|suggest|suggests|suggested|predict|predicts|predicted|fear|fears|feared|"
    r"regard|regards|regarded|judge|judges|judged|view|views|opinion|contrary|refuting|refutes|"
    r"propaganda|"
    r"author|authors|article|op ed|analyst|analysts|expert|experts|commentator|commentators|"
    r"spokesman|spokeswoman|spokesperson)\b"
)


def _name_keys(source: Source) -> list[str]:
    """The phrases that name the article: its author's surname, its short label and its outlet
    (each up to the first comma: 'Fair Observer, 2011' is named by 'Fair Observer')."""
    surname = source.author.split()[-1] if source.author and source.author.split() else ""
    names = [source.short, source.outlet or "", surname]
    return [key for key in (answer_key(name.split(",")[0]) for name in names) if len(key) >= 2]


def attributed(text: str, source: Source) -> bool:
    """Whether `text` attributes what it says: `According to Cenuşa (2020), …`, `X warned that …`."""
    key = f" {answer_key(text)} "
    return bool(_SAYING.search(key)) or any(f" {name} " in key for name in _name_keys(source))
