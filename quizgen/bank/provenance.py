"""Provenance rules: a quote is a whole, meaningful span of its article and states the answer."""

from __future__ import annotations

import difflib
import re

from rapidfuzz import fuzz

from quizgen.bank.seeds import Seed
from quizgen.errors import clip
from quizgen.text import FILLER, plain, tokens

MIN_QUOTE_WORDS = 5
MIN_QUOTE_CHARS = 25


def quote_problem(seed: Seed, quote: str) -> str | None:
    """Why `quote` is not an acceptable citation of `seed`, or None when it is."""
    needle = plain(quote)
    if len(needle.split()) < MIN_QUOTE_WORDS or len(needle) < MIN_QUOTE_CHARS:
        return (
            f"is too short to show what the article says (at least {MIN_QUOTE_WORDS} words "
            f"and {MIN_QUOTE_CHARS} characters)"
        )
    found = placement(seed.text, needle)
    if found == "missing":
        return f"is not found verbatim in seed {seed.source.id} ({seed.source.file}); {nearest(seed.text, needle)}"
    return CUT if found == "cut" else None


CLOSE = 75  # rapidfuzz's partial ratio (0-100) from which a passage is shown as the one meant
DELIMITERS = "\"'"  # what typographic quote marks fold to


def nearest(text: str, needle: str) -> str:
    """Where `needle` differs from the closest passage of `text` (a fuzzy alignment), as a hint."""
    inner = needle[1:-1].strip()
    if len(needle) > 2 and needle[0] in DELIMITERS and needle[-1] in DELIMITERS and inner in text:
        return (
            "it is wrapped in quotation marks that are not in the article: delimit YAML strings "
            'with straight quotes " " or none'
        )
    match = fuzz.partial_ratio_alignment(needle, text)
    if match is None or match.score < CLOSE:
        return "no passage of this article is close to it (is it from another article?)"
    # a few words more on each side: the window is as long as the quote, so a typo moves its edges
    start, end = max(0, match.dest_start - 40), min(len(text), match.dest_end + 40)
    while start > 0 and text[start - 1].isalnum():  # whole words only: no 'fou' for 'four'
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    window = [w for w in _WORD.finditer(text, start, end)]
    yours, theirs = _WORD.findall(needle), [w.group() for w in window]
    longest = difflib.SequenceMatcher(a=yours, b=theirs, autojunk=False).find_longest_match()
    if longest.size:  # line the words up
        window = window[max(0, longest.b - longest.a) :]
        theirs = theirs[max(0, longest.b - longest.a) :]
    at, differs = _first_difference(yours, theirs)
    first, last = window[max(0, at - 4)], window[min(len(window), at + 8) - 1]
    more = ("…" if at > 4 else "", "…" if at + 8 < len(window) else "")
    return f'closest passage: "{more[0]}{text[first.start() : last.end()]}{more[1]}"; {differs}'


_WORD = re.compile(r"\w+(?:['\-]\w+)*")


def _first_difference(yours: list[str], theirs: list[str]) -> tuple[int, str]:
    """Where the words of a quote first differ from the article's, in the article's word count."""
    matcher = difflib.SequenceMatcher(a=yours, b=theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            j2 = j2 if i2 < len(yours) else min(j2, j1 + i2 - i1)  # the quote's end: as many words
            return j1, (
                f'word {i1 + 1} is "{clip(" ".join(yours[i1:i2]), 40)}" where the article has '
                f'"{clip(" ".join(theirs[j1:j2]), 40)}"'
            )
        if tag == "delete":
            return j1, f'word {i1 + 1}, "{clip(" ".join(yours[i1:i2]), 40)}", is not in the article'
        if tag == "insert" and i1 > 0 and j2 < len(theirs):  # the window's own edges are no typo
            return j1, f'after word {i1}, the article has "{clip(" ".join(theirs[j1:j2]), 40)}" too'
    return 0, "the words are the article's: it differs in punctuation or quotation marks"


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
    return wanted in present or f"{wanted}s" in present or (wanted.endswith("s") and wanted[:-1] in present)


def states_answer(quote: str, values: dict) -> bool:
    """Whether a further article's quote alone states the fact's answer, an alt or the article's
    own form (a date answer may be reported by its year: 'in 2002' for 'May 2002'), or the fact
    says in `derived` how its answer follows. `values`: the fact's fields by name."""
    if values.get("derived") or values.get("a") is None:
        return True
    forms = [values["a"], *values.get("alt", ()), *([values["as_written"]] if values.get("as_written") else [])]
    if values.get("kind") == "date":
        forms.append(values["a"].split()[-1])
    return any(supports(form, [quote]) for form in forms)


def supports(form: str, quotes: list[str]) -> bool:
    """Every meaningful word of `form` appears in the quotes (numbers as digits or words)."""
    wanted = [w for w in tokens(form) if w not in FILLER]
    present = {w for quote in quotes for w in tokens(quote)}
    return bool(wanted) and all(_same_word(w, present) for w in wanted)
