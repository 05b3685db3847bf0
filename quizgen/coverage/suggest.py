"""`quizgen coverage --suggest`: a fact stub for each uncovered sentence, for the curator to finish or skip."""

from __future__ import annotations

import json
import re

from quizgen.coverage.map import ArticleMap
from quizgen.model import MONTHS

_DATE = re.compile(
    r"\b(?:\d{1,2} )?(?:" + "|".join(MONTHS) + r") \d{4}\b|\b(?:" + "|".join(MONTHS) + r") \d{1,2}, \d{4}\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NUMBER = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)*(?![\w-])")  # not the 8 of SSC-8 or the 9 of 9M729
_NAME = re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]+(?: (?:[A-Z]\. )?[A-Z][a-z]+)+\b")  # George W. Bush
_DAY_MONTH = re.compile(r"\b\d{1,2} (?:" + "|".join(MONTHS) + r")\b|\b(?:" + "|".join(MONTHS) + r") \d{1,2}\b")
# a capitalised word that makes a name one of these kinds, not a person's ('Cold War', 'Secretary General')
_NAMED = {
    "document": {
        *("Treaty", "Act", "Agreement", "Charter", "Accord", "Accords", "Declaration", "Memorandum", "Strategy"),
        *("Plan", "Report", "Statement", "Concept", "Resolution"),
    },
    "organization": {
        "Council",
        "Organisation",
        "Organization",
        "Union",
        "Alliance",
        "Committee",
        "Ministry",
        "Office",
        "Forces",
        "Nations",
        "Agency",
        "Parliament",
        "Assembly",
        "Commission",
        "Partnership",
        "Federation",
    },  # fmt: skip
    "event": {"War", "Summit", "Conference", "Crisis", "Revolution", "Invasion", "Annexation", "Programme", "Program"},
    "place": {"South", "North", "East", "West", "Republic", "Kingdom", "Sea", "Peninsula", "Region", "Islands"},
    "term": {"General", "Secretary", "President", "Minister", "Security", "Armed", "Conventional", "Nuclear"},
}
PERSON_WORDS = (2, 3)
# the sentence reports an opinion or assertion, not an event ("Some analysts argue that …")
_OPINION = re.compile(
    r"\b(?:argue[sd]?|claim(?:s|ed)?|sa(?:y|ys|id)|according to|warn(?:s|ed)?|believe[sd]?|insist(?:s|ed)?|"
    r"assert(?:s|ed)?|accuse[sd]?|predict(?:s|ed)?|fear(?:s|ed)?|in (?:his|her|their) view|"
    r"(?:repeat(?:s|ed)?|announce[sd]?|declare[sd]?|state[sd]?|promise[sd]?|maintain(?:s|ed)?|insisted) that)\b",
    re.IGNORECASE,
)  # a first name and a surname, perhaps a middle one


def _named(name: str) -> tuple[str, str]:
    """The kind of a capitalised phrase and the answer in it: titles before a person's name are
    dropped ('Secretary General Jens Stoltenberg' -> person 'Jens Stoltenberg')."""
    words = name.split()
    for kind, markers in _NAMED.items():
        if kind != "term" and markers & set(words):
            return kind, name
    while words and words[0] in _NAMED["term"]:
        words = words[1:]
    return ("person", " ".join(words)) if len(words) in PERSON_WORDS else ("term", name)


def guess(sentence: str) -> tuple[str, str]:
    """The kind of answer a sentence most plainly holds, and that answer: a date, a year, a number
    (a numeral on its own, not part of a designation like SSC-8), a name (a person's only when no
    word of it names a treaty, body, event or office); else a term with no answer filled in."""
    for kind, pattern in (("date", _DATE), ("year", _YEAR), ("number", _NUMBER)):
        # a day of a month with no year ('on 19 August') is neither a date answer nor a number
        match = pattern.search(_DAY_MONTH.sub("", sentence) if kind == "number" else sentence)
        if match:
            return kind, match.group()
    match = _NAME.search(sentence)
    return _named(match.group()) if match else ("term", "")


def stubs(maps: list[ArticleMap]) -> str:
    """YAML, one commented block per article: a fact stub per uncovered sentence, quote verbatim."""
    blocks = []
    for article in maps:
        lines = []
        for marked in article.marked:
            if marked.status != "uncovered":
                continue
            text = marked.sentence.text
            kind, answer = guess(text)
            stance = "claim" if _OPINION.search(text) else "fact"  # someone argues it
            lines += [
                f"  # s{marked.sentence.number} (kind guessed from the sentence: check it)",
                f"  - id: {article.source.id}-s{marked.sentence.number}-TODO",
                "    q: TODO",
                f"    a: {json.dumps(answer, ensure_ascii=False) if answer else 'TODO'}",
                f"    kind: {kind}",
                f"    quote: {json.dumps(text, ensure_ascii=False)}",
                f"    stance: {stance}",
                "  # or, if no teacher would test it, this line under skipped: (uncommented):",
                f"  # - {{passage: {json.dumps(text, ensure_ascii=False)}, reason: TODO}}",
            ]
        if lines:
            blocks.append(
                f"# article {article.source.id}: paste under facts: in its file, then finish each\n" + "\n".join(lines)
            )
    return "\n\n".join(blocks) + ("\n" if blocks else "")
