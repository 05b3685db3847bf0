"""What the bank knows: every fact's answers, and the abbreviations its texts spell out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from quizgen.grading.spelling import normalize
from quizgen.model import Fact

_SMALL = {"of", "the", "and", "for", "on", "in", "to", "de", "du", "at", "a"}
_SPELLED = re.compile(r"([^()]{2,200}?)\s*\(([A-Z][A-Za-z&-]{1,11})\)")


@dataclass(frozen=True)
class Lexicon:
    """Known answers of a bank (typing another one is wrong) and its abbreviation pairs."""

    answers: frozenset[str] = frozenset()  # normalized answers and alternatives of every fact
    surnames: frozenset[str] = frozenset()  # last names of the people the bank asks about
    spelled: dict[str, frozenset[str]] = field(default_factory=dict)  # abbreviation <-> expansion

    @classmethod
    def of(cls, facts: Iterable[Fact]) -> Lexicon:
        answers, surnames, pairs = set(), set(), []
        for fact in facts:
            for form in (fact.a, *fact.alt, *((fact.as_written,) if fact.as_written else ())):
                for part in split_form(form):
                    answers.add(normalize(part))
                if fact.kind == "person" and len(normalize(form).split()) > 1 and form != fact.as_written:
                    surnames.add(normalize(form).split()[-1])
            for text in (fact.a, *fact.alt, fact.q, fact.note or "", fact.quote, fact.cloze or ""):
                pairs.extend(abbreviations(text))
        spelled: dict[str, set[str]] = {}
        for long, short in pairs:
            spelled.setdefault(normalize(short), set()).add(normalize(long))
            spelled.setdefault(normalize(long), set()).add(normalize(short))
        return cls(
            frozenset(answers - {""}), frozenset(surnames), {key: frozenset(value) for key, value in spelled.items()}
        )

    def others(self, accepted: set[str]) -> set[str]:
        """Known answers that are not one of `accepted` (normalized), and not part of one."""
        words = {word for form in accepted for word in form.split()}
        return {a for a in self.answers if a not in accepted and a not in words}


def split_form(form: str) -> list[str]:
    """'Name (ABBR)' is the whole, the name and the abbreviation; any other form is itself."""
    inside = re.fullmatch(r"(.+?)\s*\((.+)\)", form.strip())
    return [form, *inside.groups()] if inside else [form]


def abbreviations(text: str) -> list[tuple[str, str]]:
    """('North Atlantic Treaty Organization', 'NATO') for each 'Name (ABBR)' whose initials spell ABBR."""
    found = []
    for before, short in _SPELLED.findall(text):
        letters = re.sub(r"[^a-z]", "", short.lower())
        words = before.split()
        for start in range(len(words) - 1, max(-1, len(words) - 12), -1):
            chosen = words[start:]
            if chosen[0].lower() in _SMALL:
                continue
            if letters in _initials(chosen):
                found.append((" ".join(chosen), short))
                break
    return found


def _initials(words: list[str]) -> set[str]:
    """Initials of the content words, hyphenated parts counted once or each."""
    whole = "".join(w[0] for w in words if w.lower() not in _SMALL).lower()
    parts = [p for w in words for p in w.split("-") if p]
    split = "".join(p[0] for p in parts if p.lower() not in _SMALL).lower()
    return {whole, split}
