"""Typed beside expected, character by character, as Anki's type-in-the-answer compares them."""

from __future__ import annotations

from difflib import SequenceMatcher

SAME, EXTRA, MISSING = "same", "extra", "missing"


def compare(typed: str, expected: str) -> list[tuple[str, str]]:
    """Segments of (SAME, text), (EXTRA, typed but not in the answer), (MISSING, in the answer only).

    Case is ignored where lower-casing keeps the length; the text shown is the answer's own.
    """
    left, right = typed.lower(), expected.lower()
    if len(left) != len(typed) or len(right) != len(expected):
        left, right = typed, expected
    segments: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, left, right, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append((SAME, expected[j1:j2]))
            continue
        if i2 > i1:
            segments.append((EXTRA, typed[i1:i2]))
        if j2 > j1:
            segments.append((MISSING, expected[j1:j2]))
    return segments


def plain(segments: list[tuple[str, str]]) -> str:
    """Without colour: [-typed extra-] and {+missing+}, as `git diff --word-diff` writes them."""
    marks = {SAME: "{}", EXTRA: "[-{}-]", MISSING: "{{+{}+}}"}
    return "".join(marks[kind].format(text) for kind, text in segments)
