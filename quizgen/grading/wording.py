"""Words of two answers compared: a slip or a shortening of a word, or a word made its opposite."""

from __future__ import annotations

from quizgen.grading.spelling import is_typo

# Words that make another thing of the words they stand with: dropped or added, it is not a slip.
MODIFIERS = {
    "semi",
    "non",
    "anti",
    "counter",
    "pre",
    "post",
    "ex",
    "former",
    "vice",
    "deputy",
    "quasi",
    "pseudo",
    "sub",
    "half",
    "partial",
    "partly",
    "full",
    "fully",
    "first",
    "second",
    "third",
    "last",
    "next",
    "previous",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "upper",
    "lower",
}
# Words that turn an answer into another claim: never part of a correct answer they were not in.
NEGATIONS = {
    "not",
    "no",
    "never",
    "nor",
    "neither",
    "without",
    "except",
    "excluding",
    "non",
    "none",
    "but",
    "instead",
    "unlike",
    "rather",
    "or",
}
# Words that name the same thing in these answers ('member countries' for member states).
_SAME = ({"state", "states", "country", "countries", "nation", "nations"},)
_NEGATING_PREFIXES = ("in", "im", "il", "ir", "un", "non", "dis", "semi", "anti", "counter", "de", "a")


def flipped(got: list[str], want: list[str]) -> bool:
    """'visible' for 'invisible', 'legal' for 'illegal': a word that is the other with a prefix."""
    return any(
        long == prefix + short
        for a in got
        for b in want
        for short, long in ((a, b), (b, a))
        for prefix in _NEGATING_PREFIXES
    )


def slips_only(extra: set[str], missing: set[str]) -> bool:
    """Every word of the answer that is not the fact's is a slip or a shortening of one of its words."""
    left = set(missing)
    for word in extra:
        near = next(
            (
                w
                for w in sorted(left)
                if not word[:1].isdigit()
                and not w[:1].isdigit()
                and (is_typo(word, w) or w.startswith(word) or any({word, w} <= same for same in _SAME))
                and not flipped([word], [w])
            ),
            None,
        )
        if near is None:
            return False
        left.discard(near)
    return True
