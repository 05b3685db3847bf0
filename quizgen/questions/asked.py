"""What a question asks and what it prints: the two sides of "no question gives another away"."""

from __future__ import annotations

from quizgen.model import Fact, When
from quizgen.text import answer_key


def stem_key(text: str) -> str:
    """Words cut to five letters, so 'the 2008 Georgia crisis' shows the answer 'Georgian crisis'."""
    return " ".join(word[:5] for word in answer_key(text).split())


def answer_forms(fact: Fact) -> list[str]:
    """The answer, its spelled-out alternatives ('eight') and, for a date, its month and year:
    a question printing "October 2021" half answers "On what date… 18 October 2021"."""
    forms = [fact.a] + [alt for alt in fact.alt if len(answer_key(alt)) >= 4]
    if fact.kind == "date" and fact.a.split()[0].isdigit() and len(fact.a.split()) == 3:
        forms.append(fact.a.split(" ", 1)[1])
    return forms


def asked_keys(question) -> list[str]:
    """What a learner answers in `question`, as text another question must not print."""
    if hasattr(question, "flavour"):  # matching: the right-hand side is what is asked
        if question.flavour == "years":
            return [str(fact.when.year) for fact in question.facts]
        if question.flavour == "roles":
            return [fact.role for fact in question.facts] + [f for fact in question.facts
                                                             for f in answer_forms(fact)]
        return [f for fact in question.facts for f in answer_forms(fact)]
    if hasattr(question, "order"):  # ordering: each event's date would place it
        return [When(fact.when.year, fact.when.month).label() for fact in question.facts]
    return answer_forms(question.fact)


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
