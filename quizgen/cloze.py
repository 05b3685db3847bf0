"""Anki-style cloze sentences: `{{c1::answer}}` or `{{c1::answer::hint}}`."""

from __future__ import annotations

import re
from dataclasses import dataclass

# one card per deletion number, and a note's ids are its own and its cards' (anki/package.py):
# more than 9 would run into the next note's ids; a sentence with more is two facts
MAX_DELETIONS = 9
DELETION = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.DOTALL)


@dataclass(frozen=True)
class Deletion:
    number: int
    text: str
    hint: str | None


def find_problem(cloze: str) -> str | None:
    """Why `cloze` is not valid cloze syntax, or None when it is."""
    deletions = []
    for match in DELETION.finditer(cloze):
        body = match.group(2)
        if "{{" in body:
            return "nested or unclosed deletion"
        text, has_hint, hint = body.partition("::")
        name = f"deletion c{match.group(1)}"
        if not text.strip():
            return f"{name} is empty"
        if "::" in hint:
            return f"{name} has more than one '::' hint"
        if "{" in body or "}" in body:
            return f"{name} contains a stray '{{' or '}}'"
        if text.startswith(":") or hint.startswith(":"):
            return f"{name} has ':::' (write {{{{c1::answer}}}} or {{{{c1::answer::hint}}}})"
        if has_hint and not hint.strip():
            return f"{name} has an empty hint (drop the '::')"
        deletions.append(int(match.group(1)))
    rest = DELETION.sub("", cloze)
    if "{{" in rest or "}}" in rest:
        return "unbalanced '{{' or '}}' outside a deletion like {{c1::answer}}"
    if "{" in rest or "}" in rest:
        return "stray '{' or '}' next to a deletion like {{c1::answer}}"
    if not deletions:
        return "no deletion like {{c1::answer}}"
    numbers = sorted(set(deletions))
    if len(numbers) > MAX_DELETIONS:
        return (
            f"has {len(numbers)} deletions (c1 to c{numbers[-1]}), at most {MAX_DELETIONS}: "
            f"split the sentence into two facts"
        )
    if numbers[0] != 1 or numbers != list(range(1, len(numbers) + 1)):
        return "deletions must be numbered c1, c2, ... without gaps"
    return None


def deletions(cloze: str) -> list[Deletion]:
    result = []
    for match in DELETION.finditer(cloze):
        text, _, hint = match.group(2).partition("::")
        result.append(Deletion(int(match.group(1)), text, hint or None))
    return result


def fill(cloze: str, replacements: dict[int, str] | None = None) -> str:
    """The sentence with every deletion shown (or replaced, by number)."""
    replacements = replacements or {}
    return DELETION.sub(lambda m: replacements.get(int(m.group(1)), m.group(2).split("::", 1)[0]), cloze)


def blank(cloze: str, number: int = 1, gap: str = "_____") -> str:
    """The sentence with deletion `number` blanked and the others shown."""
    return DELETION.sub(lambda m: gap if int(m.group(1)) == number else m.group(2).split("::", 1)[0], cloze)
