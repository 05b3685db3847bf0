"""An answer all of whose words are common is still given away by itself less one word (rv5 G1)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from test_worksheet_planner import BANKS

from quizgen.questions import fill_blank
from quizgen.questions.giveaways import shown, telling_of

STOP = {"the", "a", "an", "of", "in", "and", "to", "for", "on", "at", "by", "with"}


def words(text: str) -> list[str]:
    """The test's own reading: lower-case words, a possessive 's dropped, hyphens split."""
    return re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "", text.casefold()))


def rare_words(bank) -> set[str]:
    """Words in fewer than one question or event label in twenty (the test's own count)."""
    counts = Counter(w for fact in bank.facts for w in set(words(fact.q + " " + (fact.event or ""))))
    return {w for w, n in counts.items() if n <= max(3, len(bank.facts) / 20)}


def less_one(answer: str) -> list[list[str]]:
    """The answer less one of its telling words (never a number: "alert 3" is not "alert 4"),
    trimmed of stop words at both ends."""
    found = []
    ws = words(answer)
    for i, word in enumerate(ws):
        if word in STOP or word.isdigit():
            continue
        rest = ws[:i] + ws[i + 1 :]
        while rest and rest[0] in STOP:
            rest.pop(0)
        while rest and rest[-1] in STOP:
            rest.pop()
        found.append(rest)
    return found


def contains(text: list[str], phrase: list[str]) -> bool:
    return any(text[i : i + len(phrase)] == phrase for i in range(len(text) - len(phrase) + 1))


@pytest.mark.parametrize("name", BANKS)
def test_an_event_label_printing_an_answer_less_one_word_gives_its_blank_away(name):
    """Over every fact with a blank whose answer has three telling words or more, and every event
    label of the bank (printed by ordering and matching questions): where the label holds the
    answer less one word, in order, with a word rare in the bank left, the rule says it tells."""
    bank = BANKS[name]()
    telling = telling_of(bank)
    rare = rare_words(bank)
    labels = [fact for fact in bank.facts if fact.event]
    told = []
    for fact in bank.facts:
        if len([w for w in words(fact.a) if w not in STOP]) < 3 or len(less_one(fact.a)) == 0:
            continue
        blank = fill_blank(fact)
        if blank is None:
            continue
        own = words(blank.before + " " + blank.after)
        asks = telling.asks(blank)
        for other in labels:
            label = words(other.event)
            phrases = [p for p in less_one(fact.a) if set(p) & rare and not contains(own, p)]
            if other.id != fact.id and any(contains(label, p) for p in phrases):
                told.append((fact.id, other.id))
                assert any(ask.stated_in(shown(other.event)) for ask in asks), (fact.id, other.event)
    assert ("fo2011-permanent-joint-council", "fo2011-pjc-reestablished") in told
