"""What the Anki build warns about: number clozes hiding their unit (retired ids are the bank's check)."""

from __future__ import annotations

import re

from quizgen.cloze import deletions
from quizgen.model import Bank

# a deletion that ends in the number itself (a scale word or % belongs to the number)
_BARE_NUMBER = re.compile(r"\d[\d,.]*\s*(%|per ?cent|thousand|million|billion|trillion)?\s*$", re.IGNORECASE)


def cloze_warnings(bank: Bank) -> list[str]:
    """Number clozes whose deletion hides the unit too ('[...] of infection' for '423 cases').
    Warnings, not errors, while curators fix the bank; the deck is still written."""
    return [
        f"{fact.origin}: fact '{fact.id}': cloze deletion '{deletion.text}' hides the unit "
        f"with the number; delete the number only, or add a hint naming what is asked "
        f"({{{{c{deletion.number}::{deletion.text}::…}}}})"
        for fact in bank.facts
        if fact.kind == "number" and fact.cloze
        for deletion in deletions(fact.cloze)
        if not deletion.hint and not _BARE_NUMBER.search(deletion.text)
    ]
