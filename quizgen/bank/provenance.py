"""Provenance rules: a quote is a whole, meaningful span of its article and states the answer."""

from __future__ import annotations

from quizgen.bank.seeds import Seed
from quizgen.text import FILLER, plain, tokens

MIN_QUOTE_WORDS = 5
MIN_QUOTE_CHARS = 25


def quote_problem(seed: Seed, quote: str) -> str | None:
    """Why `quote` is not an acceptable citation of `seed`, or None when it is."""
    needle = plain(quote)
    if len(needle.split()) < MIN_QUOTE_WORDS or len(needle) < MIN_QUOTE_CHARS:
        return (f"is too short to show what the article says (at least {MIN_QUOTE_WORDS} words "
                f"and {MIN_QUOTE_CHARS} characters)")
    found = placement(seed.text, needle)
    if found == "missing":
        return f"is not found verbatim in seed {seed.source.id} ({seed.source.file})"
    return CUT if found == "cut" else None


CUT = "cuts a word in two: start and end it at word boundaries"


def placement(text: str, needle: str) -> str:
    """'whole' when `needle` occurs in `text` starting and ending at word boundaries, 'cut' when it
    occurs only inside words, 'missing' when it does not occur at all."""
    start = text.find(needle)
    if start < 0:
        return "missing"
    while start >= 0:  # str.find, not a regex per quote: a big bank has thousands of quotes
        if _whole_words(text, start, start + len(needle)):
            return "whole"
        start = text.find(needle, start + 1)
    return "cut"


def _whole_words(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    cut_start = text[start].isalnum() and before.isalnum()
    cut_end = text[end - 1].isalnum() and after.isalnum()
    return not (cut_start or cut_end)


def _same_word(wanted: str, present: set[str]) -> bool:
    return (wanted in present or f"{wanted}s" in present
            or (wanted.endswith("s") and wanted[:-1] in present))


def unstated_citations(fact) -> list:
    """The `sources:` citations of `fact` whose quote alone states neither the answer, an alt nor
    the article's own form (a date answer may be reported by its year: 'in 2002' for 'May 2002');
    none when the fact says in `derived` how its answer follows."""
    if fact.derived:
        return []
    forms = [fact.a, *fact.alt, *([fact.as_written] if fact.as_written else [])]
    if fact.kind == "date":
        forms.append(fact.a.split()[-1])
    return [c for c in fact.also if not any(supports(form, [c.quote]) for form in forms)]


def supports(form: str, quotes: list[str]) -> bool:
    """Every meaningful word of `form` appears in the quotes (numbers as digits or words)."""
    wanted = [w for w in tokens(form) if w not in FILLER]
    present = {w for quote in quotes for w in tokens(quote)}
    return bool(wanted) and all(_same_word(w, present) for w in wanted)
