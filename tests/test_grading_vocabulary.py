"""A word the fact never uses, beside an accepted answer, never makes it Correct (any script, any fact).

The words come from outside the grader: letters of scripts no fact is written in, and a fixed list
of words in other Latin-script languages that say "not", "or", "before", "without". Whatever such a
word means, a program that cannot read it cannot know the answer is right: the learner decides.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.bank.loader import load_banks
from quizgen.grading.lexicon import Lexicon
from quizgen.grading.matcher import CORRECT, grade_answer
from quizgen.text import fold, number_words

ROOT = Path(__file__).resolve().parents[1]
BANKS = {
    "bundled": (ROOT / "decks", ROOT / "seeds"),
    "quiz-deck": (ROOT / "tests/fixtures/quiz-bank/decks", ROOT / "tests/fixtures/quiz-bank/seeds"),
}
TYPED = ("person", "place", "organization", "number", "year", "date", "term", "event", "document")
# "not", "no", "or", "before", "after", "without", "except" in other languages written in Latin letters
FOREIGN = (
    "nicht kein keine oder ohne vor nach ausser außer pas sans sauf avant après ou jamais nie albo przed "
    "bez oprócz nem vagy előtt inte eller utan före ikke uden eller aldrig não nao ou sem antes depois "
    "nunca sino sin tranne oppure senza prima dopo mai niet geen zonder voor behalve ne neni bez nebo ei"
).split()


# Letters of scripts no fact is written in: Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Thai,
# Georgian, Hangul, CJK (none folds to a Latin letter).
_SCRIPTS = (
    (0x0370, 0x0400),
    (0x0400, 0x0530),
    (0x0531, 0x0587),
    (0x05D0, 0x05EB),
    (0x0620, 0x064B),
    (0x0904, 0x093A),
    (0x0E01, 0x0E31),
    (0x10D0, 0x10FB),
    (0xAC00, 0xAD00),
    (0x4E00, 0x5000),
)
LETTERS = st.sampled_from(
    [
        chr(code)
        for start, end in _SCRIPTS
        for code in range(start, end)
        if unicodedata.category(chr(code)) in ("Lu", "Ll", "Lo")
        and not unicodedata.normalize("NFKC", chr(code)).isascii()
    ]
)
STRANGE = st.text(LETTERS, min_size=1, max_size=5)


def _banks():
    found = {}
    for name, paths in BANKS.items():
        (bank,) = load_banks(*paths)
        found[name] = (bank, Lexicon.of(bank.facts))
    return found


LOADED = _banks()


def _cases(name):
    bank, _ = LOADED[name]
    return [(fact, form) for fact in bank.facts if fact.kind in TYPED for form in (fact.a, *fact.alt)]


def _own_words(fact) -> set[str]:
    text = " ".join((fact.q, fact.a, *fact.alt, fact.note or "", fact.quote or ""))
    return set(fold(text).split())


@pytest.mark.parametrize("name", sorted(BANKS))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_word_in_another_script_beside_the_answer_is_never_correct(name, data):
    fact, form = data.draw(st.sampled_from(_cases(name)))
    word = data.draw(STRANGE)
    _, known = LOADED[name]
    for typed in (f"{word} {form}", f"{form} {word}", f"{form}, {word}"):
        assert grade_answer(typed, fact, known).grade != CORRECT, (fact.id, typed)


@pytest.mark.parametrize("name", sorted(BANKS))
def test_a_foreign_negation_or_link_beside_the_answer_is_never_correct(name):
    _, known = LOADED[name]
    wrong = []
    for index, (fact, form) in enumerate(_cases(name)):
        # four words a case, in turn: every word meets many facts of every kind, and the run stays short
        for word in (FOREIGN[(4 * index + step) % len(FOREIGN)] for step in range(4)):
            if fold(word) in _own_words(fact):
                continue  # the fact itself uses the word: not foreign to it
            for typed in (f"{word} {form}", f"{form} {word}"):
                if grade_answer(typed, fact, known).grade == CORRECT:
                    wrong.append((fact.id, typed))
    assert not wrong, wrong[:20]


@pytest.mark.parametrize(
    "typed", ["не 2014", "2014 нет", "不是2014", "ليس 2014", "όχι 2014", "לא 2014", "nicht 2014", "2014 oder 2015"]
)
def test_the_review_probes_in_other_languages_are_not_correct(typed):
    bank, known = LOADED["bundled"]
    (fact,) = [f for f in bank.facts if f.id == "manolache-crimea-2014"]
    assert grade_answer("2014", fact, known).grade == CORRECT  # the control: the answer itself
    assert grade_answer(typed, fact, known).grade != CORRECT


def _own_text(fact, form) -> list[str]:
    """The words of an answer form and the fact's role, question and note."""
    return re.findall(r"[a-z]+", fold(" ".join((form, fact.role or "", fact.q, fact.note or ""))))


@pytest.mark.parametrize("name", sorted(BANKS))
def test_a_nationality_or_body_before_a_name_that_does_not_say_it_is_never_correct(name):
    """'Russian Heiko Maas', 'NATO Sergey Lavrov': whose title it is may be wrong unless the fact's role,
    question or note says it; the learner decides."""
    _, known = LOADED[name]
    passed = [
        (fact.id, typed)
        for fact, form in _cases(name)
        if fact.kind == "person"
        for word in ("Russian", "American", "German", "NATO", "EU", "UN", "US")
        if word.casefold()
        not in re.findall(r"[a-z]+", fold(" ".join((form, fact.role or "", fact.q, fact.note or ""))))
        for typed in (f"{word} {form}", f"{word} Foreign Minister {form}", f"Vice {form}", f"Deputy {form}")
        if grade_answer(typed, fact, known).grade == CORRECT
    ]
    assert passed == []


# Words that add no claim beside a number, year or date; any other word of the question may say
# something false beside the right number ('2008 NATO invade Georgia', '8 NATO diplomats').
HARMLESS = {"the", "a", "an", "in", "of", "on", "at", "year", "years", "and", "did", "was", "were", "how", "many"}
# The comparison a question asks with ('since which year', 'more than how many', 'what maximum'): the
# answer may repeat it (the README's rule), so it is no foreign word here.
BOUNDS = {"since", "from", "until", "till", "more", "than", "over", "under", "fewer", "less", "least", "most"}
BOUNDS |= {"maximum", "minimum", "up", "to"}


def _question_words(fact) -> list[str]:
    """The question's words that no accepted form holds, but the first one its 'how many' counts."""
    said = {word for form in (fact.a, *fact.alt) for word in fold(form).split()}
    text = fold(fact.q)
    asked = re.search(r"\bhow (?:many|much)\b(.*)", text)
    counted = re.findall(r"[a-z]+", asked.group(1))[:1] if asked else []
    found = [w for w in re.findall(r"[a-z]{3,}", text) if w not in HARMLESS | BOUNDS | said and w not in counted]
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("name", sorted(BANKS))
def test_words_of_the_question_beside_a_number_year_or_date_are_never_correct(name):
    """rv9-quiz S1: a word of the question is no part of the answer; in any order it may be false."""
    _, known = LOADED[name]
    passed = [
        (fact.id, typed)
        for fact, form in _cases(name)
        if fact.kind in ("number", "year", "date")
        for index, word in enumerate(_question_words(fact))
        for typed in (f"{form} {word}", f"{word} {form}", f"{form}, {word}")[index % 3 :][:2]
        if not _echoes_count(typed, fact) and grade_answer(typed, fact, known).grade == CORRECT
    ]
    assert passed == []


def _echoes_count(typed: str, fact) -> bool:
    """'17 seconds had' for "for how many seconds had …": the words after the number are the question's
    own words right after its 'how many', in order (the README's one echo of a count)."""
    asked = re.search(r"\bhow (?:many|much)\b(.*)", fold(fact.q))
    said = number_words(typed)  # 'seventeen seconds' is '17 seconds'
    last = list(re.finditer(r"\d+", said))
    if fact.kind != "number" or not asked or not last:
        return False
    tail = re.findall(r"[a-z]+", said[last[-1].end() :])
    return bool(tail) and tail == re.findall(r"[a-z]+", asked.group(1))[: len(tail)]


def test_the_review_s1_probes_are_not_correct():
    bank, known = LOADED["bundled"]
    facts = {fact.id: fact for fact in bank.facts}
    probes = [
        ("manolache-georgia-2008", "2008 NATO invade Georgia"),
        ("manolache-crimea-2014", "2014 Crimea annex Russia"),
        ("dw2021-expelled-diplomats-count", "8 NATO diplomats"),
        ("fo2011-nrc-at-20", "20 NATO states"),
        ("cenusa-seven-resilience-objectives", "7 national leaders"),
        ("cenusa-eadrcc-countries-claim", "13 April"),
        ("cenusa-32-russian-doctors", "32 patients"),
        ("cenusa-moldova-30-item-types", "30 items"),
    ]
    for key, typed in probes:
        assert grade_answer(facts[key].a, facts[key], known).grade == CORRECT  # the control
        assert grade_answer(typed, facts[key], known).grade != CORRECT, typed


# Latin letters and a Cyrillic letter drawn the same (the test's own table, not the grader's).
LOOKALIKE = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і"}


@pytest.mark.parametrize("name", sorted(BANKS))
def test_a_lookalike_letter_in_a_name_is_the_learners_to_judge(name):
    """'Sochі' with a Ukrainian і: never Correct (the program cannot see the letter is meant), never Wrong."""
    _, known = LOADED[name]
    unfair = []
    for fact, form in _cases(name):
        if fact.kind not in ("person", "place", "organization") or form != fact.a:
            continue
        spot = next((i for i, ch in enumerate(form) if ch in LOOKALIKE), None)
        if spot is None:
            continue
        typed = form[:spot] + LOOKALIKE[form[spot]] + form[spot + 1 :]
        if grade_answer(typed, fact, known).grade != "almost":
            unfair.append((fact.id, typed, grade_answer(typed, fact, known).grade))
    assert unfair == []


# Titles and honorifics: each may name another person ('Mrs Macron', 'Miss Skripal') or an office the
# person never held ('Chancellor Heiko Maas'); only the fact's own text can vouch for one.
HONORIFICS = ["Mr", "Mrs", "Miss", "Ms", "Sir", "Dame", "King", "Queen", "Chancellor", "Field Marshal", "Dr"]
HONORIFICS += ["Defence Minister", "Prime Minister", "President", "General", "Admiral", "Ambassador"]
# Short forms of given names an English reader takes for the name (the test's own list).
NICKNAMES = {"fred", "alex", "vlad", "bill", "will", "bob", "rob", "andy", "tony", "mike", "jim", "tom", "joe"}


@pytest.mark.parametrize("name", sorted(BANKS))
def test_a_title_the_fact_does_not_give_is_never_correct(name):
    """rv10-quiz S1: 'Mr Lungescu', 'King Stoltenberg', 'Defence Minister Lavrov' are the learner's to judge."""
    _, known = LOADED[name]
    passed = [
        (fact.id, typed)
        for fact, form in _cases(name)
        if fact.kind == "person"
        for title in HONORIFICS
        if not set(fold(title).split()) <= set(_own_text(fact, form))
        for typed in (f"{title} {form}", f"{title} {form.split()[-1]}")
        if grade_answer(typed, fact, known).grade == CORRECT
    ]
    assert passed == []


@pytest.mark.parametrize("name", sorted(BANKS))
def test_the_start_of_a_given_name_is_never_correct_unless_a_known_short_form(name):
    """rv10-quiz S1: 'Emma Macron' (Emmanuel), 'Giorgi Meloni' (Giorgia) may be other people."""
    _, known = LOADED[name]
    passed = []
    for fact, form in _cases(name):
        given_names = fold(form).split()[:-1]
        if fact.kind != "person" or form != fact.a or not given_names or "." in form:
            continue
        first, surname = given_names[0], form.split()[-1]
        for cut in range(3, len(first)):
            start = first[:cut]
            if start in NICKNAMES or start in {fold(n) for n in fold(" ".join(fact.alt)).split()}:
                continue
            typed = f"{start.capitalize()} {surname}"
            if grade_answer(typed, fact, known).grade == CORRECT:
                passed.append((fact.id, typed))
    assert passed == []


@pytest.mark.parametrize("name", sorted(BANKS))
def test_an_initial_no_given_name_starts_with_is_never_correct(name):
    """rv11-quiz S1: 'A. Stoltenberg' (Jens), a capital A read as the article 'a', was Correct."""
    _, known = LOADED[name]
    passed = []
    for fact, form in _cases(name):
        parts = form.split()
        if fact.kind != "person" or form != fact.a or len(parts) < 2:
            continue
        starts = {fold(part)[0] for part in parts[:-1]}
        for letter in "AEOSTV":
            if letter.lower() not in starts:
                for typed in (f"{letter}. {parts[-1]}", f"{letter}.{parts[-1]}", f"{letter} {parts[-1]}"):
                    if grade_answer(typed, fact, known).grade == CORRECT:
                        passed.append((fact.id, typed))
    assert passed == []


@pytest.mark.parametrize("name", sorted(BANKS))
def test_a_reader_s_word_out_of_its_phrase_is_never_correct(name):
    """rv12-quiz S1: '8 US diplomats', '2 cent', '7 AD': 'US' belongs to 'US dollars', 'cent' to 'per cent'."""
    _, known = LOADED[name]
    passed = [
        (fact.id, typed)
        for fact, form in _cases(name)
        if fact.kind in ("number", "year")
        for word in ("US", "cent", "per", "all", "s", "st", "th")
        if word.casefold() not in _own_text(fact, " ".join((fact.a, *fact.alt)))
        for typed in (f"{form} {word}", f"{word} {form}")
        if grade_answer(typed, fact, known).grade == CORRECT
    ]
    assert passed == []


@pytest.mark.parametrize("name", sorted(BANKS))
def test_and_up_is_a_floor_never_correct_for_an_answer_that_is_none(name):
    """rv12-quiz S3: '10 and up' is 'at least 10', no answer to 'to what maximum'."""
    _, known = LOADED[name]
    floor = re.compile(r"least|minimum|more|floor|over|above", re.IGNORECASE)
    passed = [
        (fact.id, typed)
        for fact, form in _cases(name)
        if fact.kind == "number" and not floor.search(" ".join((fact.q, fact.a, *fact.alt)))
        for typed in (f"{form} and up", f"{form} and upwards")
        if grade_answer(typed, fact, known).grade == CORRECT
    ]
    assert passed == []


@pytest.mark.parametrize("name", sorted(BANKS))
def test_a_name_of_a_place_or_body_in_another_word_order_is_never_correct(name):
    """rv12-quiz M1: 'Council Cooperation Atlantic North' is no name; only a hyphen's halves may swap."""
    _, known = LOADED[name]
    passed = []
    for fact, form in _cases(name):
        words = form.split()
        if fact.kind not in ("place", "organization") or len(words) < 3 or "-" in form or " and " in form:
            continue
        for typed in (" ".join(reversed(words)), " ".join(words[1:] + words[:1])):
            if fold(typed) != fold(form) and grade_answer(typed, fact, known).grade == CORRECT:
                passed.append((fact.id, typed))
    assert passed == []
