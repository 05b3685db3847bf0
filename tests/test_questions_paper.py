"""The worksheet review's findings W1-W4 and D2 at their mechanisms, each over every fact of its
shape, and the give-away pairs (issue 21, item 5) against hand-made cases."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_questions import bundled

from quizgen import cloze
from quizgen.model import Bank, Fact, Location, Source
from quizgen.questions import fill_blank, true_false
from quizgen.questions.audit import weaknesses
from quizgen.questions.certainty import listed, odd_one_out
from quizgen.questions.giveaways import Telling, giveaway_pairs, shown
from quizgen.questions.truefalse import false_swaps

SOURCE = Source("900", "900.txt", "Sample", outlet="DW", year=2021)
AUTHORED = Source("901", "901.txt", "Other", author="Ionela Manolache", year=2023)


def fact(**fields) -> Fact:
    base = {
        "id": "x",
        "q": "q?",
        "a": "a",
        "kind": "term",
        "quote": "",
        "stance": "fact",
        "source": SOURCE,
        "origin": Location("x.yaml", 1),
    }
    return Fact(**{**base, **fields})


def gap_sentence(item: Fact) -> tuple[str, str]:
    number = next(d.number for d in cloze.deletions(item.cloze))
    before, _, after = cloze.fill(item.cloze, {number: "\x00"}).partition("\x00")
    return before, after


# W1: a list sentence is never made false by swapping one of its items ---------------------------

# the test's own reading of a list: the gap is followed by ", item, item and item" or preceded by
# "item, item and", each item a few words
_ITEM = r"[\w'’-]+(?: [\w'’-]+){0,4}"
LIST_AFTER = re.compile(rf"^, {_ITEM}(?:, {_ITEM})*,? (?:and|or) ")
LIST_BEFORE = re.compile(rf", {_ITEM},? (?:and|or) $")


@pytest.mark.parametrize(
    "sentence, is_list",
    [
        ("Russia tried {{c1::election meddling}}, sabotage of banks, attacks on grids and cyber-attacks.", True),
        ("NATO watched military, cyber and {{c1::hybrid}} threats.", True),
        ("Italy's prime minister, {{c1::Giorgia Meloni}}, sent weapons to Kyiv.", False),
        ("In {{c1::2014}}, Russia annexed Crimea and started a war.", False),
        ("After {{c1::Bosnia and Herzegovina}}, NATO's attention will shift to the east and the south.", False),
    ],
)
def test_list_items_are_recognised_by_their_shape(sentence, is_list):
    item = fact(cloze=sentence, a=cloze.deletions(sentence)[0].text, kind="year" if "2014" in sentence else "term")
    assert listed(*gap_sentence(item), item.kind) is is_list


def test_no_false_statement_swaps_one_item_of_a_list():
    bank = bundled()
    checked = 0
    for item in bank.facts:
        if not item.cloze or item.kind in ("year", "date"):
            continue
        before, after = gap_sentence(item)
        if LIST_AFTER.match(after) or LIST_BEFORE.search(before):
            checked += 1
            assert false_swaps(item, bank, random.Random(0)) == [], item.id
            assert fill_blank(item) is None, item.id
    assert checked >= 2  # the bank has list sentences (W1's among them)


# W2: an answer the article gives as an example is never blanked ----------------------------------


def test_an_answer_the_article_gives_as_an_example_is_never_blanked():
    bank = bundled()
    checked = 0
    for item in bank.facts:
        first = next((w for w in item.a.split() if w.casefold() not in ("the", "a", "an")), "")
        if first and re.search(rf"(such as|including|for example)\W+{re.escape(first)}", item.quote, re.IGNORECASE):
            checked += 1
            assert fill_blank(item) is None, item.id
    assert checked >= 1


# W3: a date blank says how precise the answer must be ---------------------------------------------

PRECISION = {3: "day, month and year", 2: "month and year", 1: "year"}


def test_every_date_blank_states_its_precision():
    checked = 0
    for item in bundled().facts:
        blank = fill_blank(item)
        if blank is None or item.kind not in ("date", "year"):
            continue
        checked += 1
        parts = blank.answer.replace(",", " ").split()  # '22 March 2020', 'March 2009', '2009'
        assert blank.precision == PRECISION[len(parts)], (item.id, blank.answer)
    assert checked >= 5


def test_the_precision_is_printed_after_the_line():
    from quizgen.worksheet.options import SheetOptions
    from quizgen.worksheet.rendering import render_worksheet
    from quizgen.worksheet.writer import build_set

    bank = bundled()
    pool = bank.select(kinds=("date",))
    sheet = build_set(pool, bank, SheetOptions(count=5, types=("blank",)), "t", "T", "S").sheets[0]
    page = render_worksheet(sheet)
    assert page.count('class="precision"') == len(sheet.items) > 0


# W1 (round 5): a blank keeps the class its question named ("Which NATO member…") -------------------


def _class_of(item: Fact) -> list[str]:
    """The test's reading of a question's class: the two words after 'Which' when the fact's
    category names both ('Which NATO member, …' with category nato-member-state)."""
    match = re.search(r"\b[Ww]hich (\S+) (\w+)", item.q)
    named = (item.category or "").split("-")
    if not match or item.kind not in ("person", "place", "organization", "document"):
        return []
    words = [match.group(1).rstrip(",'s"), match.group(2)]
    return words if all(any(w.casefold()[:5] == n[:5] for n in named) for w in words) else []


def test_every_blank_keeps_the_class_its_question_names():
    """Over every fact of the bank: the printed blank (sentence and what follows the line) holds
    each word of the class its question named; the Turkey blank used to drop 'NATO member'."""
    checked = 0
    for item in bundled().facts:
        blank = fill_blank(item)
        words = _class_of(item) if blank is not None else []
        if not words:
            continue
        checked += 1
        printed = re.findall(r"\w+", f"{blank.before} {blank.within or ''} {blank.after}".casefold())
        assert all(any(token[:5] == w.casefold()[:5] for token in printed) for w in words), (item.id, words)
    assert checked >= 5
    turkey = fill_blank(bundled().by_id["unity-turkey-no-sanctions"])
    assert turkey is not None and turkey.within == "NATO member"


def test_the_class_is_printed_after_the_line_and_in_check(capsys):
    from quizgen.cli import main

    assert main(
        ["print", "--include", "unity-turkey-no-sanctions", "--source", "2", "--types", "blank", "-n", "1", "--check"]
    ) in (0, 1)
    assert "_____ (NATO member) refused to impose sanctions" in capsys.readouterr().out


@given(st.sampled_from(["NATO", "Italian", "Baltic"]), st.sampled_from(["member", "politician", "port"]), st.booleans())
def test_a_blank_adds_the_class_exactly_when_its_sentence_lacks_it(qualifier, noun, said):
    context = f"the {qualifier} {noun} " if said else ""
    item = fact(
        q=f"Which {qualifier} {noun}, as the article says, acted first?",
        a="Xland",
        kind="place",
        category=f"{qualifier.lower()}-{noun}",
        cloze=f"In 2020 {context}{{{{c1::Xland}}}} acted first.",
        quote="Xland acted first.",
    )
    blank = fill_blank(item)
    assert blank is not None and blank.within == (None if said else f"{qualifier} {noun}")


# W4: what a question asks as an outlet's report, the statement attributes ------------------------


def test_a_fact_asked_according_to_its_article_is_stated_with_attribution():
    bank = bundled()
    checked = 0
    for item in bank.facts:
        if not item.cloze or not re.search(r"\baccording to\b", item.q, re.IGNORECASE):
            continue
        statement = true_false(item, bank, random.Random(0), truth=True)
        names = [n for n in (item.source.author, item.source.outlet) if n]
        named = [n.split(",")[0].split()[-1] for n in names]
        # or whoever the question names after "according to" ('the spring 2019 Eurobarometer')
        named += re.findall(r"[A-Z][\w-]+", item.q.split("ccording to", 1)[1].split(",")[0])[:1]
        checked += 1
        assert re.search(
            r"according to|argu|warn|said|cited|call|op-ed|article", statement.statement, re.IGNORECASE
        ) or any(n in statement.statement for n in named), (item.id, statement.statement)
    assert checked >= 10


def test_the_dw_statement_of_the_review_is_attributed():
    item = fact(
        q="Which Secretary General, according to DW in October 2021, regularly met Lavrov?",
        a="Jens Stoltenberg",
        kind="person",
        cloze="In 2021 Secretary General {{c1::Jens Stoltenberg}} regularly met Lavrov.",
    )
    bank = Bank("t", "T", (item,), {"900": SOURCE})
    statement = true_false(item, bank, random.Random(0), truth=True).statement
    assert statement.startswith("According to DW (2021), in 2021 Secretary General")


# D2: an answer that is the odd one out never reaches a sheet ---------------------------------------


def test_the_odd_one_out_is_found_by_the_word_the_wrong_options_share():
    assert odd_one_out(
        "Russia's membership in NATO",
        [
            "Russia's withdrawal from the OSCE",
            "Russia's withdrawal from the CFE Treaty",
            "Russia's exit from the Council of Europe",
        ],
    ) == {"from"}
    assert odd_one_out("1997", ["1996", "1998", "1999"]) == frozenset()
    assert (
        odd_one_out("the war in Georgia", ["the war in Kosovo", "the war in Chechnya", "the war in Libya"])
        == frozenset()
    )


def test_no_sheet_multiple_choice_is_an_odd_one_out():
    from quizgen.worksheet.options import TYPES
    from quizgen.worksheet.plan import plan_questions

    bank = bundled()
    for seed in range(1, 4):
        plan = plan_questions(bank, bank, 40, TYPES, seed)
        for question in plan.questions["mcq"]:
            wrong = [o for i, o in enumerate(question.options) if i != question.answer]
            shared = set.intersection(*(set(o.casefold().split()) for o in wrong)) - {"the", "a", "an"}
            assert not shared - set(question.fact.a.casefold().split()), question.options
            assert weaknesses(question) == []


# Give-away pairs ----------------------------------------------------------------------------------


def test_a_pair_is_recorded_when_one_card_states_the_other_answer():
    told = fact(id="nrc-created", q="Which council was created in May 2002?", a="NATO-Russia Council")
    teller = fact(id="rome", q="Where was the NATO-Russia Council founded in 2002?", a="Rome")
    other = fact(id="other", q="Who led NATO in 2002?", a="George Robertson", kind="person")
    bank = Bank("t", "T", (told, teller, other), {"900": SOURCE})
    assert giveaway_pairs(bank) == {("nrc-created", "rome")}


def test_a_citation_year_gives_no_year_away_but_the_same_story_does():
    year = fact(
        id="aid-year",
        q="In which year did Russia send Covid-19 aid to Italy?",
        a="2020",
        kind="year",
        event="Russian Covid-19 aid reaches Italy",
    )
    cited = fact(id="cited", q="According to Cenuşa (IPN, 2020), which agency coordinated NATO help?", a="EADRCC")
    story = fact(id="story", q="What did Russia's aid to Italy in 2020 bring besides doctors?", a="disinfection trucks")
    bank = Bank("t", "T", (year, cited, story), {"900": SOURCE})
    assert giveaway_pairs(bank) == {("aid-year", "story")}
    telling = Telling(bank.facts)
    assert not telling.states(shown("According to Cenuşa (IPN, 2020), NATO helped."), year, "2020")
    assert telling.states(shown("In 2020 Russian aid reached Italy."), year, "2020")


def test_every_pair_of_the_bank_names_two_facts_one_stating_the_other():
    bank = bundled()
    pairs = giveaway_pairs(bank)
    assert pairs and all(a < b and a in bank.by_id and b in bank.by_id for a, b in pairs)
    plain = re.compile(r"[^a-z0-9]+")

    def folded(text):  # accents off ('Türkiye' -> 'turkiye'), then letters and digits only
        bare = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
        return plain.sub(" ", bare)

    for a, b in sorted(pairs):  # every pair of the bank
        one, two = bank.by_id[a], bank.by_id[b]

        def text(item):
            return " " + folded(" ".join([item.q, item.cloze or "", item.note or "", item.derived or ""])) + " "

        def answers(item):  # each answer without a leading article, and a full date's month and year
            forms = [re.sub(r"^(the|a|an) ", "", folded(form).strip()) for form in (item.a, *item.alt)]
            forms += [" ".join(form.split()[1:]) for form in forms if item.kind == "date" and len(form.split()) == 3]
            return [form[:5] for form in forms]

        assert any(form and form in text(two) for form in answers(one)) or any(
            form and form in text(one) for form in answers(two)
        ), (a, b)


# D1 (round 5): no term option the same article teaches as true on the same topic ------------------


@given(st.sampled_from(["asymmetric", "economic", "escalatory", "diplomatic"]), st.integers(0, 50), st.booleans())
def test_a_term_option_the_article_teaches_beside_the_question_is_never_offered(taught, seed, same_article):
    """DW asks how Moscow answered expulsions ("mirror response") and, on the same topic, teaches
    that in 2021 Russia "acted asymmetrically": "asymmetric response" is no certainly wrong option.
    The same word taught by another article, or on no shared topic, does not count."""
    from quizgen.questions import multiple_choice

    options = ["asymmetric response", "economic response", "escalatory response", "diplomatic response"]
    asked = fact(
        id="asked",
        q="How has Moscow answered expulsions?",
        a="mirror response",
        kind="term",
        distractors=tuple(options),
        tags=("expulsions",),
        cloze="Moscow gave a {{c1::mirror response}}.",
    )
    teller = fact(
        id="teller",
        q="How did Russia act in 2021?",
        a=f"{taught}ally",
        kind="term",
        tags=("expulsions",),
        source=SOURCE if same_article else AUTHORED,
        cloze=f"In 2021 Russia acted {{{{c1::{taught}ally}}}}.",
    )
    bank = Bank("t", "T", (asked, teller), {SOURCE.id: SOURCE, AUTHORED.id: AUTHORED})
    question = multiple_choice(asked, bank, random.Random(seed))  # three options are left: enough
    offered = set(question.options) - {"mirror response"}
    expected = {o for o in options if not (same_article and o.startswith(taught))}
    assert offered <= expected and len(offered) == 3


def test_the_dw_mirror_response_question_never_offers_asymmetric_response():
    from quizgen.questions import can_choose, multiple_choice

    bank = bundled()
    item = bank.by_id["dw2021-mirror-response"]
    if can_choose(item, bank):
        for seed in range(20):
            assert "asymmetric response" not in multiple_choice(item, bank, random.Random(seed)).options


def test_a_derivation_that_states_another_answer_makes_a_pair():
    """The back of a card shows how its answer was derived ('How we know'): a city named there
    gives away the card asking for that city (the review's Vilnius case)."""
    city = fact(id="summit-city", q="Which city hosted NATO's July 2023 summit?", a="Vilnius")
    threat = fact(
        id="main-threat",
        q="Which document first named Russia the most direct threat?",
        a="the 2022 Strategic Concept",
        derived="Adopted at Madrid, a year before the Vilnius summit.",
    )
    other = fact(id="other", q="Which agency coordinated NATO help in 2020?", a="EADRCC")
    bank = Bank("t", "T", (city, threat, other), {"900": SOURCE})
    assert giveaway_pairs(bank) == {("main-threat", "summit-city")}
