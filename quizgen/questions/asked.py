"""What a question asks and what it prints: the two sides of "no question gives another away"."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from quizgen.model import Fact
from quizgen.text import answer_key

# a citation names who said it and when, not what is asked: "(IPN, 2020)", "Cenuşa (2020)",
# 'the 2023 article "…"', "a 2023 op-ed"; its year gives no event's year away
_CITATION = re.compile(
    r"\((?:[^()\d]*,\s*)?(?:1[89]|20)\d\d\)"
    r"|\b(?:a|an|the)\s+(?:(?:spring|summer|autumn|winter)\s+)?(?:1[89]|20)\d\d\s+"
    r"(?:article|op-ed|opinion piece|analysis|report|survey|paper|interview)\b(?:\s+\"[^\"]*\")?",
    re.IGNORECASE,
)

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


@lru_cache(maxsize=1 << 16)
def stem_key(text: str) -> str:
    """Words cut to five letters, so 'the 2008 Georgia crisis' shows the answer 'Georgian crisis'."""
    return " ".join(word[:5] for word in answer_key(text).split())


def years_in(text: str) -> frozenset[str]:
    """The years a text names ('1999', '2014'), citations left out."""
    return frozenset(_YEAR.findall(without_citations(text)))


def without_citations(text: str) -> str:
    """The text with its source citations blanked: 'According to Cenuşa (IPN, 2020), …' keeps
    'According to Cenuşa , …', so only what the text says about events is compared."""
    return _CITATION.sub(" ", text)


def answer_forms(fact: Fact) -> list[str]:
    """The answer, its spelled-out alternatives ('eight') and, for a date, its month and year:
    a question printing "October 2021" half answers "On what date… 18 October 2021"."""
    forms = [fact.a] + [alt for alt in fact.alt if len(answer_key(alt)) >= 4]
    if fact.kind == "date" and fact.a.split()[0].isdigit() and len(fact.a.split()) == 3:
        forms.append(fact.a.split(" ", 1)[1])
    return forms


def asked(question) -> list[tuple[Fact, str]]:
    """What a learner answers in `question`, each with the fact that asks it."""
    if hasattr(question, "flavour"):  # matching: the right-hand side is what is asked
        if question.flavour == "years":
            return [(fact, str(fact.when.year)) for fact in question.facts]
        if question.flavour == "roles":
            return [(fact, text) for fact in question.facts for text in (fact.role, *answer_forms(fact))]
        return [(fact, form) for fact in question.facts for form in answer_forms(fact)]
    if hasattr(question, "order"):  # ordering: each event's year places it (its events are years apart)
        return [(fact, str(fact.when.year)) for fact in question.facts]
    return [(question.fact, form) for form in answer_forms(question.fact)]


def asked_keys(question) -> list[str]:
    """What a learner answers in `question`, as text another question must not print."""
    return [form for _, form in asked(question)]


def printed_texts(question) -> list[str]:
    """Everything a question prints: another question's answer must appear in none of it."""
    if hasattr(question, "options"):
        return [question.prompt, *question.options]
    if hasattr(question, "statement"):
        return [question.statement]
    if hasattr(question, "before"):
        return [question.before + " " + question.after]
    if hasattr(question, "left"):
        return [*question.left, *question.right]
    return list(question.items)


def stem_texts(question) -> list[str]:
    """What a question prints as statements, not as options to choose from: the prompt, the
    sentence, the matched or ordered items (an option list's years are not claims about an event)."""
    if hasattr(question, "options"):
        return [question.prompt]
    if hasattr(question, "left"):  # a role's or a name's dates state them too ("(2012–2018)"), a bare year not
        return [*question.left, *(text for text in question.right if not _YEAR.fullmatch(text.strip()))]
    return printed_texts(question)


def facts_of(question) -> tuple[Fact, ...]:
    """The facts a question is built from (one, or several for matching and ordering)."""
    return question.facts if hasattr(question, "facts") else (question.fact,)


def common_answers(facts) -> frozenset[str]:
    """One-word answers named in many questions ('NATO'): seeing them elsewhere gives nothing away."""
    words = Counter(word for fact in facts for word in set(stem_key(fact.q).split()))
    limit = max(2, len(facts) // 10)
    return frozenset(key for key in (stem_key(fact.a) for fact in facts) if words[key] > limit)
