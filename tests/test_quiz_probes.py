"""Every typed-answer probe of the 2026-12-07 quiz review (128 rows), with the reviewer's fair verdict.

A probe passes when the quiz says what is fair, or hands a close answer to the learner (ALMOST:
shown side by side, the learner decides, default Again). It never says Correct where the fair
verdict is wrong, and never Wrong where it is correct. The facts are kept as the review saw them
(tests/fixtures/quiz-probes.json), graded against the known answers of today's bundled bank.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.bank.loader import load_banks
from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import ALMOST, CORRECT, WRONG, grade_answer
from quizgen.model import Fact, Location, Source, When

ROOT = Path(__file__).resolve().parents[1]
DATA = json.loads((ROOT / "tests/fixtures/quiz-probes.json").read_text(encoding="utf-8"))
FAIR = {
    "correct": {CORRECT},
    "wrong": {WRONG},
    "almost": {ALMOST},
    "correct/almost": {CORRECT, ALMOST},
    "almost/wrong": {ALMOST, WRONG},
}
SOURCE = Source("999", "999.txt", "The review's snapshot")


def snapshot(entry: dict) -> Fact:
    return Fact(
        id=entry["id"],
        q=entry["q"],
        a=entry["a"],
        kind=entry["kind"],
        quote=entry["quote"],
        stance="fact",
        source=SOURCE,
        origin=Location("quiz-probes.json", 1),
        alt=tuple(entry["alt"]),
        distractors=tuple(entry["distractors"]),
        note=entry["note"],
        derived=entry["derived"],
        as_written=entry["as_written"],
        when=When(*entry["when"]) if entry["when"] else None,
    )


(BANK,) = load_banks(ROOT / "decks", ROOT / "seeds")
# Today's fact when the bank still has it (curators may have added the probe's form as an alt),
# else the review's snapshot.
FACTS = {
    key: fact if (fact := BANK.by_id.get(key)) and fact.a == entry["a"] else snapshot(entry)
    for key, entry in DATA["facts"].items()
}  # a fact rewritten under the same id: the snapshot
KNOWN = Lexicon.of([*(f for f in BANK.facts if FACTS.get(f.id, f) is f), *FACTS.values()])


def verdict(probe: dict) -> str:
    return grade_answer(probe["typed"], FACTS[probe["fact"]], KNOWN).grade


@pytest.mark.parametrize("probe", DATA["probes"], ids=[f"{p['n']}:{p['typed'][:30]}" for p in DATA["probes"]])
def test_probe_is_graded_fairly_or_left_to_the_learner(probe):
    fair = FAIR[probe["fair"]]
    got = verdict(probe)
    assert got in fair or got == ALMOST, (probe, got)


def test_the_counts():
    counts = {"fair": 0, "learner decides": 0, "wrong-correct": 0, "too harsh": 0}
    for probe in DATA["probes"]:
        got, fair = verdict(probe), FAIR[probe["fair"]]
        key = (
            "fair"
            if got in fair
            else "learner decides"
            if got == ALMOST
            else "wrong-correct"
            if got == CORRECT
            else "too harsh"
        )
        counts[key] += 1
    assert len(DATA["probes"]) == 128
    assert counts["wrong-correct"] == 0 and counts["too harsh"] == 0
    assert counts["fair"] >= 100, counts


# The 2026-12-07 round-4 review (rv4-quiz.md, L1) and round 3's too-harsh rows it re-ran: (fact id,
# answer the reviewer saw, typed, fair verdict). CONTENT rows are fair only once the bank has the alt
# the report recommends (content editors add it); until then they may stay Wrong, never Correct.
RV4 = [
    ("cenusa-maas-nato-can-save-lives", "Heiko Maas", "Heiko Maas (SPD)", "almost"),
    ("unity-orban-putin-synergies", "Viktor Orbán", "Orbán (Hungary)", "almost"),
    ("cenusa-maas-nato-can-save-lives", "Heiko Maas", "probably Heiko Maas", "almost"),
    ("cenusa-maas-nato-can-save-lives", "Heiko Maas", "I think Heiko Maas", "almost"),
    ("manolache-invasion-start-date", "24 February 2022", "Thursday 24 February 2022", "almost"),
    ("manolache-invasion-start-date", "24 February 2022", "24 February 2022 at dawn", "almost"),
    ("manolache-vilnius-two-percent-floor", "2%", "≥2%", "correct"),
    ("manolache-vilnius-two-percent-floor", "2%", ">= 2%", "correct"),
    ("manolache-vilnius-two-percent-floor", "2%", "2% minimum", "correct"),
    ("manolache-vilnius-two-percent-floor", "2%", "at least 2%", "correct"),
    ("manolache-vilnius-two-percent-floor", "2%", "at most 2%", "wrong"),
    ("manolache-vilnius-two-percent-floor", "2%", "0.02", "almost"),
    ("cenusa-eurobarometer-2019-68", "68%", "0.68", "almost"),
    ("dw2021-mission-cap-2018", "20", "20 or fewer", "correct"),
    ("dw2021-mission-cap-2018", "20", "at most 20", "correct"),
    ("dw2021-mission-cap-2018", "20", "20 or more", "wrong"),
    ("fo2011-pjc-reestablished", "July 1999", "July 1999 in Brussels", "almost"),
    ("cenusa-eadrcc-operating-1998", "1998", "ever since 1998", "correct/almost"),
    ("unity-macron-brain-dead", "Emmanuel Macron", "Emmanuel Macron of France", "almost"),
    ("fo2011-counter-narcotics-trained", "over 1,500", "over 15 hundred", "correct/almost"),
    ("manolache-soviet-union-collapse", "1991", "late 1991", "almost"),
    ("cenusa-maas-nato-can-save-lives", "Heiko Maas", "not Heiko Maas (SPD)", "wrong"),
    ("cenusa-maas-nato-can-save-lives", "Heiko Maas", "Heiko Maas (not Olaf Scholz)", "wrong"),
    ("cenusa-maas-nato-can-save-lives", "Heiko Maas", "probably not Heiko Maas", "wrong"),
    ("cenusa-lungescu-solidarity-in-action", "Oana Lungescu", "Lungescu's deputy", "wrong"),
]
CONTENT = [  # (fact id, answer seen, typed, fair): fair once the recommended alt is in the bank
    ("unity-lieven-france-germany", "France and Germany", "Paris and Berlin", "correct/almost"),
    ("unity-leopard-2-reexport-consent", "German re-export approval", "Berlin's permission", "correct/almost"),
    ("fo2011-transnistria", "Transnistria", "Trans-Dniester", "correct/almost"),
    ("cenusa-crimea-may-repeat", "Crimea", "Crimean Peninsula", "correct/almost"),
    ("manolache-russia-africa-summit", "Africa", "the African continent", "correct/almost"),
]
BUNDLED_KNOWN = Lexicon.of(BANK.facts)


@pytest.mark.parametrize("row", RV4 + CONTENT, ids=[f"{row[0]}<-{row[2]}" for row in RV4 + CONTENT])
def test_round_four_probe_is_graded_fairly(row):
    key, answer, typed, fair = row
    fact = BANK.by_id.get(key)
    if fact is None or fact.a != answer:
        pytest.skip(f"{key} was rewritten since the review: its probe no longer applies")
    got = grade_answer(typed, fact, BUNDLED_KNOWN).grade
    allowed = FAIR[fair] | ({WRONG} if row in CONTENT else set())
    assert got in allowed, (row, got)
