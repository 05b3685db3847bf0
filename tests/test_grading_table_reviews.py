"""The typed-answer probes of the rv8-quiz and rv9-quiz reviews (tests/grading_table_rv8.json, 819, and
tests/grading_table_rv9.json, 552, tests/grading_table_rv11.json, 1061), with the reviewers' fair verdicts.

No probe is ever Correct where the reviewer's fair verdict excludes it (the bar: a Correct is never
wrong), and none is Wrong where the answer is right, but for the few answers below the grader leaves
Wrong on purpose (each with its reason). A probe whose fact has since changed its answer is skipped:
the verdict was judged against the old one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.bank.loader import load_banks
from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import ALMOST, CORRECT, WRONG, grade_answer

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("rv8", "rv9", "rv11")
# Tables whose too-harsh rows are not yet each answered here: only the bar (no Correct where unfair) holds.
SAFETY_ONLY = {"rv11"}
FAIR = {"correct": CORRECT, "almost": ALMOST, "wrong": WRONG}
# Right answers still graded Wrong, by a rule kept on purpose.
LEFT_WRONG = {
    ("cenusa-lungescu-solidarity-in-action", "Ioana Lungescu"): "another first name is another person",
    ("fo2011-sochi-nrc-meeting", "Sochy"): "no slip is allowed in a word of up to 5 letters",
    ("dw2021-expelled-diplomats-count", "8 spies"): "'spies' is another answer of the bank",
    ("manolache-crimea-2014", "Feb 2014"): "the fact's when is 2014-03-18: February contradicts it",
    ("fo2011-rasmussen-cold-war-quote", "Anders Fogh"): "a name without its surname is another person",
    ("fo2011-rasmussen-cold-war-quote", "Fogh"): "a middle name alone is no surname",
    ("manolache-founding-act-yeltsin", "Jelzin"): "transliterations come from the bank's alt",
    ("cenusa-pew-2019-nato-53", "53/100"): "a fraction is another number",
    ("fo2011-nrc-at-20", "20 (NATO 19 + Russia)"): "19 is another number",
    ("fo2011-nrc-at-20", "a score"): "number words are read by text2num: 'score' is none",
    ("manolache-afghanistan-airspace", "opened its airspace"): "a paraphrase shares too few words",
    ("unity-orban-putin-synergies", "Orbán's Fidesz"): "an added name is another answer",
    # rv9-quiz
    ("manolache-founding-act-nuclear", "nukes"): "slang no accepted form gives",
    ("cenusa-north-macedonia-accession", "Northern Macedonia"): "'northern' makes another place of a name",
    ("manolache-propaganda-war-against-west", "NATO members are not party to the fighting"): "a paraphrase",
    ("dw2021-nrc-resumed", "2016 after 2014"): "a comparison with another year is another claim",
    ("dw2021-mission-cap-2018", "20 (then 10)"): "10 is another number",
    ("cenusa-bosnia-then-ukraine-georgia", "BiH"): "an abbreviation the bank does not give",
    ("dw2021-expulsion-date", "6 October"): "a date without its year is no date the reader reads",
    ("manolache-putin-24-years", "New Year's Eve 1999"): "a holiday's name is no date the reader reads",
    ("cenusa-seven-resilience-objectives", "7 (2016)"): "2016 is another number",
    ("cenusa-pew-2019-nato-53", "53% of 16 countries"): "16 is another number",
    ("manolache-founding-act-yeltsin", "Yeltsin 1997"): "a number added to a name is another claim",
    ("unity-germany-italy-hesitancy-claim", "Italy and Germany NATO"): "a word added to a list may be an item",
}


@pytest.mark.parametrize("review", TABLES)
def test_every_review_probe_is_graded_fairly(review):
    probes = json.loads((ROOT / f"tests/grading_table_{review}.json").read_text(encoding="utf-8"))
    (bank,) = load_banks(ROOT / "decks", ROOT / "seeds")
    known = Lexicon.of(bank.facts)
    wrong_correct, too_harsh, graded = [], [], 0
    for probe in probes:
        fact = bank.by_id.get(probe["fact"])
        if fact is None or fact.a != probe["a"]:
            continue
        graded += 1
        fair = {FAIR[word] for word in probe["fair"].split("/")}
        got = grade_answer(probe["typed"], fact, known).grade
        if got == CORRECT and CORRECT not in fair:
            wrong_correct.append((probe["n"], probe["fact"], probe["typed"]))
        if got == WRONG and WRONG not in fair and (probe["fact"], probe["typed"]) not in LEFT_WRONG:
            too_harsh.append((probe["n"], probe["fact"], probe["typed"]))
    assert wrong_correct == []
    assert review in SAFETY_ONLY or too_harsh == []
    assert graded > len(probes) // 2  # most facts keep their answers; else this table needs a new review
