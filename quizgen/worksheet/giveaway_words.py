"""Which printed words keep a fact off a sheet: the give-away between a left-out fact and a chosen question."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.model import Bank, Fact
from quizgen.questions.asked import answer_forms, stem_key
from quizgen.questions.giveaways import Ask, Shown, Telling, card_texts, shown
from quizgen.text import contains_words
from quizgen.worksheet.candidates import Candidate

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
FIELDS = ("q", "cloze", "note", "derived")  # the fields a card prints, in the order a teacher reads them


@dataclass(frozen=True)
class Blocked:
    """A fact left off a sheet: `asker`'s answer is printed as `words` by `printer`'s text."""

    fact_id: str  # the fact left out
    other: str  # the chosen question that keeps it out (a fact id, or 'the match question on …')
    asker: str  # the fact whose answer is printed …
    printer: str  # … by this fact's card
    words: str  # as printed: 'July 1997'
    year: str | None = None  # the year asked, when that is what is printed

    def line(self) -> str:
        """The note of the key and `print --check`: 'fact: its year 1997 is printed by other ("July 1997")'."""
        what = f"its year {self.year}" if self.year else "its answer"
        if self.asker == self.fact_id:
            return f'{self.fact_id}: {what} is printed by {self.other} ("{self.words}")'
        asked = f"the year {self.year}" if self.year else "the answer"
        return f'{self.fact_id}: its question prints "{self.words}", {asked} {self.other} asks'

    def field(self, printer: Fact) -> str:
        """The field of `printer` that prints the words (its question when none holds them as written)."""
        wanted = self.words.casefold()
        return next((name for name in FIELDS if wanted in (getattr(printer, name) or "").casefold()), "q")


def blocked(bank: Bank, telling: Telling, left: Candidate, chosen: Candidate, label: str) -> Blocked | None:
    """Why `left` (one fact's question) cannot share a sheet with `chosen`, as the words that tell;
    None when they conflict otherwise (the same fact twice)."""
    [fact_id] = left.ids
    for texts, asks, asker_ids, printer_ids in (
        (chosen.texts, left.asks, left.ids, chosen.ids),
        (left.texts, chosen.asks, chosen.ids, left.ids),
    ):
        for ask in asks:
            text = next((text for text in texts if ask.stated_in(text)), None)
            if text is not None:
                asker = _owner(bank, ask, asker_ids, telling)
                printer = _printer(bank, text, printer_ids)
                return Blocked(fact_id, label, asker, printer, printed_words(ask, text), ask.key if ask.year else None)
    for one in sorted(left.ids | chosen.ids):  # a give-away pair of facts: one card states the other's answer
        for other in sorted((left.ids | chosen.ids) - {one}):
            found = card_states(bank, telling, bank.by_id[other], bank.by_id[one])
            if found is not None:
                return Blocked(fact_id, label, one, other, found)
    return None


def printed_words(ask: Ask, text: Shown) -> str:
    """The words of `text` that state what `ask` asks, as printed ('July 1997', 'Madrid')."""
    if ask.year:
        return year_words(text.text, ask.key)
    if ask.phrases:
        stems = set(next(p for p in ask.phrases if contains_words(text.key, p)).split())
    elif ask.part:
        stems = set(text.words & ask.part)
    else:
        stems = set(ask.key.split())
    # 'Su-24' is printed as one word whose stems ('su 24') are each asked
    words = [word for word in _WORD.findall(text.text) if (key := stem_key(word)) and set(key.split()) <= stems]
    return " ".join(dict.fromkeys(words)) or ask.key


def year_words(text: str, year: str) -> str:
    """How `text` prints `year`: with its month or day when it has them ('July 1997', '14 May 1997')."""
    found = re.search(rf"(?:\b\d{{1,2}} )?(?:\b[A-Z][a-z]+ )?\b{year}\b", text)
    return found.group() if found else year


def card_states(bank: Bank, telling: Telling, printer: Fact, asker: Fact) -> str | None:
    """The words of `printer`'s card that state an answer of `asker`, as printed; None if none do."""
    for form in answer_forms(asker):
        ask = telling.ask(asker, form)
        for text in card_texts(printer):
            printed = shown(text)
            if ask is not None and ask.stated_in(printed):
                return printed_words(ask, printed)
    return None


def _owner(bank: Bank, ask: Ask, ids: frozenset[str], telling: Telling) -> str:
    """The fact of `ids` that asks `ask` (the first by id when several could)."""
    for fact_id in sorted(ids):
        fact = bank.by_id[fact_id]
        if ask.year and any(ask.key in form for form in answer_forms(fact)):
            return fact_id
        if any((own := telling.ask(fact, form)) is not None and own.key == ask.key for form in answer_forms(fact)):
            return fact_id
    return sorted(ids)[0]


def _printer(bank: Bank, text: Shown, ids: frozenset[str]) -> str:
    """The fact of `ids` whose fields hold most of `text`'s words."""
    words = set(text.key.split())
    return max(
        sorted(ids),
        key=lambda fact_id: max(
            len(words & set(stem_key(getattr(bank.by_id[fact_id], name) or "").split())) for name in FIELDS
        ),
    )
