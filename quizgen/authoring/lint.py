"""`quizgen check` warnings: what loads but will not teach as the author meant.

Labels that ordering and matching questions cannot use, a claim that does not say whose it is."""

from __future__ import annotations

import random
import re

from quizgen.anki.persons import _TERM
from quizgen.authoring.sheets import short_sheet_warnings
from quizgen.authoring.title_warnings import title_warnings
from quizgen.bank.attribution import attributed
from quizgen.model import Bank, Fact
from quizgen.questions.answers import is_wrong
from quizgen.questions.catalog import catalog_of, true_answers
from quizgen.questions.certainty import excludes, form_difference
from quizgen.questions.distractors import pick_distractors, taught_beside
from quizgen.questions.events import dated, labels_alike
from quizgen.questions.ordering import GAP_IN_DAYS, apart, ordering, span
from quizgen.text import answer_key, content_words

_UNBRACKETED = re.compile(rf"^(?P<office>[^;()\d]+?)[\s,]+(?P<term>{_TERM})\.?$")
MIN_ORDERING = 3  # events an ordering question needs
LISTED = 6  # facts a warning names before '…'
MC_WRONG = 3  # wrong options a multiple-choice question needs
MIN_WHY = 40  # characters: a propaganda note shorter than this cannot say why the claim is false


def warnings(bank: Bank) -> list[str]:
    """Every warning for `bank`, in file order, one line each naming file, line, fact and field."""
    return (
        [
            line
            for fact in bank.facts
            for line in (
                *claim_warnings(fact),
                *propaganda_warnings(fact),
                *distractor_warnings(fact, bank),
                *role_warnings(fact),
            )
        ]
        + _label_warnings(bank)
        + title_warnings(bank)
        + short_sheet_warnings(bank)
    )


def claim_warnings(fact: Fact) -> list[str]:
    """A claim that does not say whose it is, in the question or the cloze (each is a card alone).
    To become an error once the bundled bank has none (cenusa-eadrcc-countries-claim is left)."""
    if fact.stance != "claim":
        return []
    for key, text in (("q", fact.q), ("cloze", fact.cloze)):
        if text and not attributed(text, fact.source):
            return [
                f"{fact.origin.of(key)}: fact '{fact.id}': field '{key}': a claim must say whose it is, e.g. "
                f'"According to {fact.source.short} …" or "X warned that …" (or use stance: fact)'
            ]
    return []


def distractor_warnings(fact: Fact, bank: Bank) -> list[str]:
    """A curated distractor the option picker will not use, and why, when that leaves the fact
    with no multiple choice: several options the curator wrote can silently come to nothing."""
    if not fact.distractors or len(pick_distractors(fact, bank, random.Random(fact.id), MC_WRONG)) == MC_WRONG:
        return []  # the fact has its multiple choice; a curated option left out costs nothing
    return [
        f"{fact.origin.of('distractors')}: fact '{fact.id}': field 'distractors': '{wrong}' is never shown as an "
        f"option ({why}), so the fact has no multiple-choice question (options must look alike and be "
        f"certainly wrong); reword or replace it"
        for wrong, why in refused_distractors(fact, bank)
    ]


def refused_distractors(fact: Fact, bank: Bank) -> list[tuple[str, str]]:
    """(distractor, why) for each curated distractor the option picker refuses, by its own tests."""
    truths = true_answers(fact, bank)
    refused = []
    for wrong in fact.distractors:
        why = form_difference(fact.a, wrong)
        if why is None and not is_wrong(wrong, truths, fact.q):
            why = "it is, or overlaps, a true answer of this question"
        elif why is None and not excludes(fact.a, wrong):
            why = f"its number could be right for '{fact.a}'"
        elif why is None and taught_beside(wrong, fact, bank):
            why = "the article teaches it as true on the same topic"
        if why:
            refused.append((wrong, why))
    return refused


def role_warnings(fact: Fact) -> list[str]:
    """A role written as one office and its term without brackets ('President of France
    2007-2012'): the reversed Anki card needs the term in brackets, so say so, not drop it silently."""
    match = _UNBRACKETED.match(fact.role or "")
    if match is None:
        return []
    return [
        f"{fact.origin.of('role')}: fact '{fact.id}': field 'role': '{fact.role}' makes no reversed Anki card: "
        f"write the term in brackets, '{match['office']} ({match['term']})'"
    ]


def propaganda_warnings(fact: Fact) -> list[str]:
    """A propaganda card's note too short to say why the claim is false (the loader requires a note)."""
    if fact.stance != "propaganda" or len((fact.note or "").strip()) > MIN_WHY:
        return []
    return [
        f"{fact.origin.of('note')}: fact '{fact.id}': field 'note': a propaganda note of {MIN_WHY} characters or "
        f"fewer cannot say why the claim is false: say what is wrong and what is true"
    ]


def _label_warnings(bank: Bank) -> list[str]:
    """Pairs of event labels of different years alike enough that a learner could swap them:
    neither is asked in ordering or year-matching questions; and articles left with no ordering."""
    common = catalog_of(bank).event_words
    events = [fact for fact in bank.facts if fact.when is not None and fact.event is not None]
    lines = []
    for fact in events:
        if not dated(fact):
            lines.append(
                f"{fact.origin.of('event')}: fact '{fact.id}': field 'event' prints a year, so no ordering or "
                f"matching question uses it: describe the event without dates"
            )
    labelled = [fact for fact in events if dated(fact)]
    for number, one in enumerate(labelled):
        for other in labelled[number + 1 :]:
            if one.date.year == other.date.year:
                continue
            if answer_key(one.event_label) == answer_key(other.event_label):
                lines.append(
                    f"{other.origin.of('event')}: fact '{other.id}': field 'event' is the label of '{one.id}' "
                    f"({one.origin}, another year): a learner cannot tell them apart; reword one"
                )
            elif labels_alike(one.event_label, other.event_label, common):
                stems = (content_words(one.event_label) & content_words(other.event_label)) - common
                shared = sorted({word for word in content_words(one.event_label, None) if word[:5] in stems})
                lines.append(
                    f"{other.origin.of('event')}: fact '{other.id}': field 'event' is like the label of "
                    f"'{one.id}' ({one.origin}, another year; shared words: {', '.join(shared)}): "
                    f"neither is asked in ordering or matching questions; reword one"
                )
    for source in bank.sources.values():
        cited = [fact for fact in labelled if fact.cites(source.id)]
        spread = spread_by_date(cited)
        if len(spread) >= MIN_ORDERING and ordering(cited, bank, random.Random(0)) is None:
            own = [fact for fact in cited if fact.source.id == source.id]  # said in the article's own file
            lines.append(f"{(own or cited)[0].origin}: article {source.id}: {_why_no_ordering(spread, bank)}")
    return lines


def spread_by_date(facts: list[Fact]) -> list[Fact]:
    """The most events of `facts` each a year after the one before (by date alone, labels aside).

    An article whose dated events all fall within a year or two has fewer than three: it cannot
    have an ordering question whatever its labels say, so `check` does not warn about it.
    """
    chain: list[Fact] = []
    for fact in sorted(facts, key=lambda fact: span(fact.date)[1]):  # earliest end first: the longest chain
        if not chain or apart(chain[-1].date, fact.date, GAP_IN_DAYS):
            chain.append(fact)
    return chain


def _why_no_ordering(spread: list[Fact], bank: Bank) -> str:
    """Why events a year apart by date still make no ordering question: their labels."""
    catalog = catalog_of(bank)
    unclear = [fact.id for fact in spread if fact.id in catalog.unclear_events]
    alike = [
        f"'{one.id}' and '{other.id}'"
        for number, one in enumerate(spread)
        for other in spread[number + 1 :]
        if labels_alike(one.event_label, other.event_label, catalog.event_words)
    ]
    causes = ([f"the labels of {', '.join(alike[:LISTED])} are alike"] if alike else []) + (
        [f"the labels of {', '.join(unclear[:LISTED])} also fit another date (see the warnings about them)"]
        if unclear
        else []
    )
    names = ", ".join(fact.id for fact in spread[:LISTED])
    return (
        f"its events {names} are a year apart, but no ordering question can be made: "
        f"{'; '.join(causes) or 'their labels are alike'}; reword the labels ('event') so each names one event"
    )
