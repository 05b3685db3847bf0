"""The study page's typed answers against the terminal quiz's grader: the page never says Correct
where the terminal would not. The page's own code (templates/web/typed.mjs) runs in node."""

from __future__ import annotations

import json
import random
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import bundled, node
from sixth_article import bank_with

from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import CORRECT, grade_answer
from quizgen.web.data import study_data
from quizgen.web.typed import _DIGIT_GAP, candidates, page_key

TYPED = ROOT / "templates" / "web" / "typed.mjs"
NUMBER_WORDS = {"2": "two", "3": "three", "4": "four", "5": "five", "8": "eight", "13": "thirteen", "29": "twenty-nine"}
# characters a learner's keyboard or paste brings: signs the terminal reads, separators it drops, accents
TRICKY = "aAeéEÉsSßıİǅ1203 ,.;:!?'’\"-–—()/&%$+#@_\u00a0\u0301\u2009ﬁ½²"
# what a learner puts between two digits: thousands marks of several countries, a range, a slip
DIGIT_MARKS = (",", ".", "-", "'", "’", " ", "\u00a0", "\u2009", "\u202f", "\u2013", ":", "/", "", ", ", ". ")


def page_run(function: str, items: list) -> list:
    """Call typed.mjs's `function` on each item ([text] or [text, fact]) in node; its results, in order."""
    script = (
        "import fs from 'node:fs'; const m = await import(process.argv[1]);"
        "const items = JSON.parse(fs.readFileSync(0, 'utf8'));"
        f"process.stdout.write(JSON.stringify(items.map((args) => m.{function}(...args))));"
    )
    done = subprocess.run(
        [node(), "--input-type=module", "-e", script, TYPED.as_uri()],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


BANKS = {"bundled": bundled, "sixth-article": bank_with}  # the fixture article holds "1 500 soldiers"


@lru_cache(maxsize=2)
def bank_and_data(name: str = "bundled"):
    bank = BANKS[name]()
    return bank, {fact["id"]: fact for fact in study_data(bank)["facts"]}


def probes(bank) -> list[tuple[str, str, str]]:
    """(fact id, typed, family): what learners type, right and wrong, for every fact of the bank."""
    rng = random.Random(24)
    answers = [fact.a for fact in bank.facts]
    rows = []
    for fact in bank.facts:
        add = lambda text, family, fact=fact: rows.append((fact.id, text, family))  # noqa: E731
        for form in (fact.a, *fact.alt):
            add(form, "accepted")
            add(form.upper() + "!", "shouted")
            add(form.lower().replace("'", "’"), "typographic")
            add("the " + form, "article")
            add("not " + form, "negated")
            add(form + " not", "negated")
            add(form + ", " + rng.choice(answers), "hedge")
            add(rng.choice(answers) + " or " + form, "hedge")
            add(form.replace(" ", "-"), "hyphens")
            add(form.replace("&", "and").replace(" and ", " & "), "ampersand")
            add(form.replace("%", "").replace("$", ""), "signs dropped")
            add(form.replace("%", " per cent"), "per cent")
            add(form + "s", "plural")
            if len(form) > 5:
                add(form[:-1], "typo")
            words = form.split()
            if len(words) > 1:
                add(words[-1], "last word")
                add(words[0], "first word")
                add(" ".join(reversed(words)), "reversed")
            for number in re.findall(r"\d+", form):
                add(number, "number alone")
                add(form.replace(number, str(int(number) + 1), 1), "off by one")
                add(form.replace(number, str(int(number) - 1), 1), "off by one")
                if number in NUMBER_WORDS:
                    add(form.replace(number, NUMBER_WORDS[number], 1), "number word")
            for variant in separator_variants(form):
                add(variant, "digit marks")
            for sign in ("\u2260", "\u00ac", "\u2212", "\u00b1", "~"):  # signs that reverse or blur an answer
                add(sign + form, "unread sign")
            add("".join(ch + "\u0336" for ch in form), "struck through")
            if form[:1].isdigit():
                add("-" + form, "minus")
            date = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", form)
            if date:
                add(f"{date[2]} {date[1]}, {date[3]}", "US order")
                add(date[3], "year only")
        for distractor in fact.distractors:
            add(distractor, "distractor")
        for other in rng.sample(answers, 3):
            add(other, "another answer")
    return rows


def separator_variants(form: str) -> list[str]:
    """`form` with the mark between two digits ('1,500') swapped for each of DIGIT_MARKS, and each
    mark put between two neighbouring digits ('1500' -> '1.500', '15-00')."""
    variants = []
    for at in range(1, len(form) - 1):
        before, here, after = form[at - 1], form[at], form[at + 1]
        if before.isdigit() and after.isdigit() and not here.isalnum():
            variants += [form[:at] + mark + form[at + 1 :] for mark in DIGIT_MARKS]
        if before.isdigit() and here.isdigit():
            variants += [form[:at] + mark + form[at:] for mark in DIGIT_MARKS if mark]
    return variants


@pytest.mark.parametrize("name", BANKS)
def test_the_page_never_says_correct_where_the_terminal_does_not(name: str):
    bank, data = bank_and_data(name)
    known = Lexicon.of(bank.facts)
    rows = probes(bank)
    page = page_run("judge", [[typed, data[fact_id]] for fact_id, typed, _ in rows])
    facts = bank.by_id
    wrongly = []
    agreed = 0
    for (fact_id, typed, family), judged in zip(rows, page, strict=True):
        terminal = grade_answer(typed, facts[fact_id], known).grade
        if judged["right"] and terminal != CORRECT:
            wrongly.append((fact_id, typed, family, terminal))
        agreed += judged["right"] and terminal == CORRECT
    assert wrongly == []
    # the families that are wrong by design never pass on the page; most accepted forms do
    assert len(rows) > 5000
    right_of = {(fact_id, typed): judged["right"] for (fact_id, typed, _), judged in zip(rows, page, strict=True)}
    for fact in bank.facts:
        assert right_of[(fact.id, fact.a)], fact.id  # the answer itself is always right
        assert not right_of[(fact.id, "not " + fact.a)], fact.id
    assert agreed > len(bank.facts)


@pytest.mark.parametrize("name", BANKS)
def test_every_text_with_the_key_of_an_exported_form_is_correct_in_the_terminal(name: str):
    """The keys' whole classes: case, accents, spaces, separators and an article changed at random."""
    bank, data = bank_and_data(name)
    known = Lexicon.of(bank.facts)
    rng = random.Random(7)
    checked = 0
    for fact in bank.facts:
        for form in candidates(fact, known):
            if page_key(form) not in data[fact.id]["typed"]:
                continue
            for _ in range(6):
                variant = _same_key_variant(form, rng)
                assert page_key(variant) == page_key(form), (form, variant)
                assert grade_answer(variant, fact, known).grade == CORRECT, (fact.id, form, variant)
                checked += 1
    assert checked > 1000


def _same_key_variant(form: str, rng: random.Random) -> str:
    """`form` changed in what the page's key ignores: case, accents added, separators and spaces
    (but not what stands between two digits: '1 500' is 1500, '1 - 500' is not)."""
    kept = {at for gap in _DIGIT_GAP.finditer(form) for at in range(*gap.span())}
    out = []
    for at, (ch, after) in enumerate(zip(form, form[1:] + " ", strict=True)):
        if at in kept:
            pass
        elif ch.isalpha():
            ch = ch.upper() if rng.random() < 0.5 else ch.lower()
            if ch.isascii() and after.isalpha() and rng.random() < 0.1:
                ch += "\u0301"  # a combining accent
        elif ch == " ":
            ch = rng.choice([" ", "  ", " - ", ", ", "\u00a0", " . "])
        out.append(ch)
    text = "".join(out)
    if "'s" in form.lower() or "’s" in form.lower():
        text = re.sub(r"(?<=\w)(['’])S\b", r"\1s", text)  # the terminal keeps an upper-case 'S
    return rng.choice(["", "The ", "  "]) + text + rng.choice(["", ".", "!", " ?", "…"])


def test_the_page_folds_text_exactly_as_the_build_does():
    """typed.mjs `normalise` and typed.py `page_key` give the same key: for every probe and random text."""
    bank, _ = bank_and_data()
    rng = random.Random(5)
    texts = [typed for _, typed, _ in probes(bank)]
    texts += ["".join(rng.choice(TRICKY) for _ in range(rng.randint(1, 16))) for _ in range(3000)]
    texts += ["NATO'S Euro-Atlantic mechanism", "U.S.", "the", "The EU", "50 %", "A & B", "Cenușa", "Cenuşa"]
    assert page_run("normalise", [[text] for text in texts]) == [page_key(text) for text in texts]


def test_the_build_lists_the_terminals_correct_forms_for_each_fact():
    """Expected keys written by hand for a few shapes of answer (person, percentage, possessive)."""
    assert page_key("  The NATO–Russia Council. ") == "nato russia council"
    assert page_key("NATO's Euro-Atlantic mechanism") == "nato euro atlantic mechanism"
    assert page_key("NATO'S EURO-ATLANTIC MECHANISM") == "nato s euro atlantic mechanism"  # kept apart
    assert page_key("53%") == "53 %" and page_key("X & Y") == "x & y"
    assert page_key("U.S. forces") == "us forces"
    # what stands between two digits stays a word: the build lists each grouping the terminal takes
    assert page_key("over 1,500") == "over 1 , 500" and page_key("over 1500") == "over 1500"
    assert page_key("over 1.500") == "over 1 . 500" and page_key("over 1-500") == "over 1 - 500"
    assert page_key("over 1'500") == "over 1 ' 500" and page_key("1,5") == "1 , 5"
    bank, data = bank_and_data()
    for fact in bank.facts:
        assert page_key(fact.a) in data[fact.id]["typed"], fact.id
        date = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", fact.a)
        if date:  # the same date in American order is right where the terminal takes it
            american = f"{date[2]} {date[1]}, {date[3]}"
            took = grade_answer(american, fact, Lexicon.of(bank.facts)).grade == CORRECT
            assert (page_key(american) in data[fact.id]["typed"]) == took, fact.id
        if fact.kind == "person" and len(fact.a.split()) > 1:
            surname = fact.a.split()[-1]
            took = grade_answer(surname, fact, Lexicon.of(bank.facts)).grade == CORRECT
            assert (page_key(surname) in data[fact.id]["typed"]) == took, fact.id


def test_typed_keys_are_in_the_built_page(tmp_path: Path):
    from quizgen.cli import main

    assert main(["web", "--decks", str(ROOT / "decks"), "--seeds", str(ROOT / "seeds"), "--out", str(tmp_path)]) == 0
    html = (tmp_path / "web" / "nato-russia" / "index.html").read_text(encoding="utf-8")
    assert '"typed":["lungescu","oana lungescu"]' in html
