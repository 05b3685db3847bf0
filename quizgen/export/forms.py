"""What Moodle should accept for a typed answer: every natural way of writing it (dates, surnames)."""

# Moodle compares exactly (case aside), so every natural way of writing the answer is listed:
# dates in each order, a person's unique surname.

from __future__ import annotations

from quizgen.model import MONTHS, Bank, Fact
from quizgen.questions.certainty import hedged
from quizgen.questions.values import scale_of


def exact_number(fact: Fact) -> int | None:
    """The value of a year or a number answered exactly ('423 cases' -> 423), for a numerical
    question; None for a range or a hedge ('over 1,500')."""
    if fact.kind not in ("year", "number") or hedged(fact.a) or hedged(fact.q):
        return None
    scale = scale_of(fact.kind, fact.a)
    return None if scale is None else scale.value


def date_forms(text: str) -> list[str]:
    """'26 March 2020' -> also 'March 26, 2020', 'March 26 2020', '26 Mar 2020', 'Mar 26, 2020',
    '2020-03-26'; 'March 2020' -> also 'Mar 2020', '2020-03'."""
    scale = scale_of("date", text)
    if scale is None:
        return []
    year, month, day = scale.value // 10000, scale.value // 100 % 100, scale.value % 100
    names = dict.fromkeys((MONTHS[month - 1], MONTHS[month - 1][:3]))
    if not day:
        return [f"{name} {year}" for name in names] + [f"{year}-{month:02d}"]
    forms = []
    for name in names:
        forms += [f"{day} {name} {year}", f"{name} {day}, {year}", f"{name} {day} {year}"]
    return forms + [f"{year}-{month:02d}-{day:02d}"]


def surnames(bank: Bank) -> dict[str, str]:
    """A person's last name -> the full answer, for names no other person of the bank shares."""
    found: dict[str, set[str]] = {}
    for fact in bank.facts:
        if fact.kind == "person" and len(fact.a.split()) > 1:
            found.setdefault(fact.a.split()[-1].casefold(), set()).add(fact.a)
    return {last: next(iter(full)) for last, full in found.items() if len(full) == 1 and len(last) > 2}


def accepted(fact: Fact, bank: Bank | None = None, names: dict[str, str] | None = None) -> tuple[str, ...]:
    """The answer, each `alt`, the other notations of a date, and a person's unique surname
    (`names`: the bank's `surnames`, when the caller asks for many facts)."""
    forms = [fact.a, *fact.alt]
    if fact.kind == "date":
        forms += [form for text in (fact.a, *fact.alt) for form in date_forms(text)]
    if names is None and bank is not None:
        names = surnames(bank)
    if fact.kind == "person" and names is not None and len(fact.a.split()) > 1:
        last = fact.a.split()[-1]
        if names.get(last.casefold()) == fact.a:
            forms.append(last)
    seen: dict[str, str] = {}
    for form in (f.strip() for f in forms):
        if form and form.casefold() not in seen:  # Moodle ignores case: one form each
            seen[form.casefold()] = form
    return tuple(seen.values())
