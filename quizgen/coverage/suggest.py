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
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_NAME = re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")


def guess(sentence: str) -> tuple[str, str]:
    """The kind of answer a sentence most plainly holds, and that answer: a date, a year, a number,
    a name; else a term with no answer filled in."""
    for kind, pattern in (("date", _DATE), ("year", _YEAR), ("number", _NUMBER), ("person", _NAME)):
        match = pattern.search(sentence)
        if match:
            return kind, match.group()
    return "term", ""


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
            lines += [
                f"  # s{marked.sentence.number} (kind guessed from the sentence: check it)",
                f"  - id: {article.source.id}-s{marked.sentence.number}-TODO",
                "    q: TODO",
                f"    a: {json.dumps(answer, ensure_ascii=False) if answer else 'TODO'}",
                f"    kind: {kind}",
                f"    quote: {json.dumps(text, ensure_ascii=False)}",
                "    stance: fact",
                "  # or, if no teacher would test it:  "
                f"skipped: [{{passage: {json.dumps(text, ensure_ascii=False)}, reason: TODO}}]",
            ]
        if lines:
            blocks.append(
                f"# article {article.source.id}: paste under facts: in its file, then finish each\n" + "\n".join(lines)
            )
    return "\n\n".join(blocks) + ("\n" if blocks else "")
