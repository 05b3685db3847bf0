"""What a typed answer may hold besides an accepted form's characters: a whitelist, nothing else.

A correct answer is made, after NFC→NFD, of the characters of an accepted form, letters (L*),
digits (Nd), white space, accents (Mn but the overlays that strike a word through), the punctuation
of `PUNCTUATION`, the comparison signs the grader reads, `%` only where the answer is a share, and
`$ € £` only where the answer is an amount of money; a `!` or `-` glued before a word may mean
"not". Any other character ('❌', '¥', '‰', '≠', a zero-width space) may change what the answer
says: the answer is never Correct by a rule that dropped it.
"""

from __future__ import annotations

import re
import unicodedata

from quizgen.grading.quantity import APPROXIMATE, read_quantity
from quizgen.grading.spelling import normalize
from quizgen.model import Fact

# Punctuation a correct answer may carry (the README lists it): sentence marks, quotes, brackets, dashes.
PUNCTUATION = frozenset(
    ".,;:!?'\"()[]{}-_/&\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f"
    "\u00ab\u00bb\u2026"
)
READ_SIGNS = frozenset("<>\u2264\u2265")  # read as comparisons by the quantity reader
CURRENCY_SIGNS = frozenset("$\u20ac\u00a3")  # read as dollars, euros, pounds
# Combining overlays: a struck-through or crossed-out word ('h̶e̶i̶k̶o̶', 'S⃒ochi').
OVERLAYS = frozenset(
    chr(code) for code in (*range(0x0334, 0x0339), 0x20D2, 0x20D3, 0x20D8, 0x20D9, 0x20DA, 0x20E5, 0x20E6, 0x20EA)
)
_MONEY = frozenset({"usd", "eur", "gbp", "rub"})
_SIGNED_NUMBER = re.compile(r"(?:^|[\s(])[-\u2212+\u00b1]\d")
_GLUED_CURRENCY = re.compile(r"([^\W\d_]+)([$\u20ac\u00a3])")  # 'C$', 'A$', 'HK$': another currency
_ORDINAL = re.compile(r"\d (?:st|nd|rd|th)\b")
# '!Sochi', '!1994', '-Germany', '-$80 billion': a sign glued before the answer often means 'not'
_GLUED_NOT = re.compile(r"(?:^|[\s(])(?:!(?=\S)|[-\u2010\u2011\u2212](?=[^\W\d_]|[$\u20ac\u00a3<>\u2264\u2265]))")


def _units(forms: list[str]) -> set[str]:
    """The units the accepted forms name, as the quantity reader reads them: '68%' names percent."""
    return {unit for form in forms if (quantity := read_quantity(form)) for unit in quantity.units}


def _currencies(forms: list[str]) -> set[str]:
    """The currencies the accepted forms name: '80 billion US dollars' names usd."""
    return _units(forms) & _MONEY


def unread_marks(typed: str, forms: list[str]) -> bool:
    """Whether `typed` holds a character outside the whitelist that no accepted form holds, another
    currency ('C$'), or a sign right before a number ('-20', '+8')."""
    allowed = {ch for form in forms for ch in unicodedata.normalize("NFD", form)}
    typed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", typed)).replace("<=", "<").replace(">=", ">")
    money = None
    for ch in typed:
        if ch in allowed or ch in PUNCTUATION or ch in READ_SIGNS or ch.isspace():
            continue
        category = unicodedata.category(ch)
        if category[0] == "L" or category == "Nd" or (category == "Mn" and ch not in OVERLAYS):
            continue
        if ch in CURRENCY_SIGNS:
            money = bool(_currencies(forms)) if money is None else money
            if money:
                continue
        if ch == "%" and "percent" in _units(forms):  # a share, written as a sign
            continue
        return True
    if _another_currency(typed, forms):
        return True
    if _GLUED_NOT.search(typed) and not any(_GLUED_NOT.search(form) for form in forms):
        return True
    return bool(_SIGNED_NUMBER.search(typed)) and not any(_SIGNED_NUMBER.search(form) for form in forms)


def _another_currency(typed: str, forms: list[str]) -> bool:
    """A letter glued before a currency sign names another currency ('C$', 'A$'), but the 'US$' a
    dollar answer reads and a spelling an accepted form holds."""
    spelled = " ".join(forms).casefold()
    for match in _GLUED_CURRENCY.finditer(typed):
        glued = match.group().casefold()
        if glued not in spelled and not (glued == "us$" and _currencies(forms) == {"usd"}):
            return True
    return False


def hedged(typed: str, forms: list[str], fact: Fact) -> bool:
    """'about 1994', 'c. 20', 'roughly 8' for a number, year or date the fact states exactly (neither
    its forms nor its question hedge it: 'around 4000' for 'about 4,000' is no hedge added); '7th' for
    a count: said otherwise, the learner decides."""
    if fact.kind not in ("number", "year", "date"):
        return False
    said = {word for text in (*forms, fact.q) for word in normalize(text).split()}
    words = normalize(typed).split()
    if not said & APPROXIMATE and (any(word in APPROXIMATE for word in words) or "~" in typed):
        return True
    return (
        fact.kind == "number"
        and bool(_ORDINAL.search(normalize(typed)))
        and not any(_ORDINAL.search(normalize(form)) for form in forms)
    )
