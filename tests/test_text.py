"""quizgen.text, the one owner of text rules: explicit expected values and properties over any text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.text import (
    answer_key,
    content_words,
    fold,
    number_words,
    parse_date_answer,
    parse_iso,
    plain,
    printable,
    tokens,
    unsafe_character,
)
from quizgen.text.sentences import split_sentences
from quizgen.text.similar import prefix_length, repeats_question, same_question


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Cenuşa", "cenusa"),
        ("ŞTEFAN", "stefan"),
        ("Straße", "strasse"),
        ("ﬁnal", "final"),
        ("Élysée", "elysee"),
        ("already plain", "already plain"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    "text, shown",
    [
        ("the \u201cNew\u201d  order\u2014now", 'the "New" order-now'),
        ("Putin\u2019s\u00a0war\u2026", "Putin's war..."),
        ("  tabs\tand\nlines ", "tabs and lines"),
    ],
)
def test_plain_folds_typography_and_space(text, shown):
    assert plain(text) == shown


@pytest.mark.parametrize(
    "text, key",
    [
        ("The Cold War", "cold war"),
        ("the cold war", "cold war"),
        ("A Treaty", "treaty"),
        ("Russia's war", "russia war"),
        ("Russia\u2019s war", "russia war"),
        ("Russia`s war", "russia war"),
        ("NATO\u2013Russia Council", "nato russia council"),
        ("Cenuşa", "cenusa"),
        ("50%", "50%"),
        ("Theodore", "theodore"),
        ("an", "an"),
    ],
)
def test_answer_key(text, key):
    assert answer_key(text) == key


def test_content_words_drop_function_words_and_cut_to_five_letters():
    assert content_words("According to the article, who is the Russian president?") == {"russi", "presi"}
    assert content_words("Which year did Russia annex Crimea?") == {"year", "russi", "annex", "crime"}


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("Eight members", "8 members"),
        ("twenty-eight allies", "28 allies"),
        ("twenty eight", "28"),
        ("14,000 troops", "14000 troops"),
        ("10 per cent", "10 percent"),
        ("10%", "10 percent"),
        ("the second summit", "the 2nd summit"),
        ("no digits here", "no digits here"),
    ],
)
def test_number_words(text, numbers):
    assert number_words(text) == numbers


@pytest.mark.parametrize(
    "text, found",
    [
        ("Eight members", ["8", "members"]),
        ("the 8th member", ["the", "8", "member"]),
        ("half of them", ["50", "of", "them"]),
        ("1990s", ["1990"]),
        ("Cenuşa’s", ["cenusa", "s"]),
    ],
)
def test_tokens(text, found):
    assert tokens(text) == tuple(found)


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("2002", (2002, None, None)),
        ("2002-05", (2002, 5, None)),
        ("2002-05-28", (2002, 5, 28)),
        ("2002-5", None),
        ("02-05-28", None),
        ("\u0662\u0660\u0660\u0662", None),
        ("2002-13", (2002, 13, None)),
    ],
)
def test_parse_iso_is_shape_only(text, parsed):
    assert parse_iso(text) == parsed


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("28 May 2002", (2002, 5, 28)),
        ("May 2002", (2002, 5, None)),
        ("1 January 1999", (1999, 1, 1)),
        ("may 2002", None),
        ("28 May", None),
        ("May 28, 2002", None),
        ("2002", None),
    ],
)
def test_parse_date_answer(text, parsed):
    assert parse_date_answer(text) == parsed


@pytest.mark.parametrize(
    "text, why",
    [
        ("plain", None),
        ("tab\there", None),
        ("esc\x1b[31m", "a control character (U+001B)"),
        ("line\nbreak", "a control character (U+000A)"),
        ("nel\x85", "a control character (U+0085)"),
        ("evil\u202eabc", "a bidirectional-override character (U+202E)"),
        ("isolate\u2066x", "a bidirectional-override character (U+2066)"),
        ("mark\u200fx", "a bidirectional-override character (U+200F)"),
        ("zero\u200bwidth", "an invisible character (U+200B)"),
        ("soft\u00adhyphen", "an invisible character (U+00AD)"),
        ("bom\ufeff", "an invisible character (U+FEFF)"),
        ("sep\u2028", "a control character (U+2028)"),
    ],
)
def test_unsafe_character(text, why):
    assert unsafe_character(text) == why


def test_a_tab_is_unsafe_only_where_asked():
    assert unsafe_character("a\tb", allow_tab=False) == "a control character (U+0009)"


@pytest.mark.parametrize(
    "text, shown",
    [
        ("esc\x1b[31m", "esc\\x1b[31m"),
        ("a\nb", "a\\nb"),
        ("evil\u202eabc", "evil\\u202eabc"),
        ("zw\u200bj", "zw\\u200bj"),
        ("Cenuşa \u2013 ok", "Cenuşa \u2013 ok"),
    ],
)
def test_printable(text, shown):
    assert printable(text) == shown


def test_sentences_split_at_ends_before_capitals_and_keep_spans():
    text = 'He left. "She stayed," they said. 3 days later, e.g. no. Done!'
    found = [(s.text, text[s.start : s.end]) for s in split_sentences(text)]
    assert [t for t, _ in found] == ["He left.", '"She stayed," they said.', "3 days later, e.g. no.", "Done!"]
    assert all(t == span for t, span in found)


# Same question: the build's rule (Jaccard >= 0.6) and the check's looser rule for same answers
@pytest.mark.parametrize(
    "a, b, same",
    [
        ({"a", "b", "c"}, {"a", "b", "c", "d", "e"}, True),  # 3/5 = 0.6 exactly
        ({"a", "b", "c"}, {"a", "b", "d", "e"}, False),  # 2/5
        ({"a", "b", "c", "d", "e"}, {"a", "b", "c", "d", "f", "g"}, False),  # 4/7
        (set(), {"a"}, False),
    ],
)
def test_same_question_at_the_boundary(a, b, same):
    assert same_question(frozenset(a), frozenset(b)) is same


@pytest.mark.parametrize(
    "a, b, repeats",
    [
        (
            "In which year was the NATO-Russia Council created?",
            "In which year was the NATO-Russia Council set up in Rome?",
            True,
        ),  # 3 of 4 words, 3 of 7
        # five-letter stems share 'inter', 'commu', 'conde' (3 of 5, 3 of 9); whole words only 'condemn'
        (
            "Did the international community condemn Crimea's annexation?",
            "Did the internal communication condemn Kyiv's strikes, drones and Moscow?",
            False,
        ),
        ("Which year did NATO expand?", "Which year did NATO expand east?", True),  # same_question too
        # what they share is the frame ('how many') and the date ('2020', 'Covid-19'): not a repeat
        (
            "How many troops did NATO send in 2020 during Covid-19?",
            "How many tanks did Russia lose in 2020 during Covid-19?",
            False,
        ),
        ("How many in 2020?", "How many tanks did Russia lose in 2020?", False),  # nothing left to compare
        # at the boundaries of the looser rule (whole words, none shared by the five-letter same_question)
        ("alpha bravo charlie delta", "alpha bravo echo foxtrot golf hotel", True),  # 2 of 4, 2 of 8
        ("alpha bravo", "alpha charlie delta echo foxtrot golf hotel india", False),  # 1 of 2, but 1 of 9
        ("alpha bravo charlie delta echo", "alpha bravo foxtrot golf hotel", False),  # 2 of 8, but 2 of 5
    ],
)
def test_repeats_question(a, b, repeats):
    assert repeats_question(a, b) is repeats


@pytest.mark.parametrize("count, prefix", [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (10, 5)])
def test_prefix_length(count, prefix):
    assert prefix_length(count) == prefix


words = st.frozensets(st.sampled_from("abcdefghij"), max_size=10)


@given(words, words)
def test_same_question_is_symmetric(a, b):
    assert same_question(a, b) == same_question(b, a)


question = st.lists(
    st.sampled_from("who what year nato russia russian council rome 2002 treaty led".split()), max_size=8
).map(" ".join)


@given(question, question)
def test_a_same_question_is_always_a_repeat_and_repeats_are_symmetric(a, b):
    assert repeats_question(a, b) == repeats_question(b, a)
    assert not same_question(content_words(a), content_words(b)) or repeats_question(a, b)


@given(words, words, st.randoms(use_true_random=False))
def test_prefix_filtering_never_misses_a_same_question(a, b, rng):
    """Whatever order the words are ranked in, a same question shares one of the first prefix_length."""
    ranked = sorted(a)
    rng.shuffle(ranked)
    if same_question(a, b):
        assert set(ranked[: prefix_length(len(ranked))]) & b


text = st.text(st.characters(codec="utf-8"), max_size=40)


@given(text)
def test_folding_and_keys_are_idempotent(value):
    assert fold(fold(value)) == fold(value)
    assert plain(plain(value)) == plain(value)
    key = answer_key(value)
    assert answer_key(key) == key or answer_key(key) == answer_key(
        key.removeprefix("the ").removeprefix("a ").removeprefix("an ")
    )


@given(text)
def test_tokens_of_a_folded_string_are_the_tokens_of_the_string(value):
    assert tokens(fold(value)) == tokens(value)
    assert tokens(plain(value)) == tokens(value)


@given(text)
def test_printable_text_has_nothing_unsafe_and_stays_on_one_line(value):
    shown = printable(value)
    assert unsafe_character(shown) is None
    assert len(shown.splitlines()) <= 1
    assert printable(shown) == shown


@given(st.integers(1000, 2999), st.integers(1, 12), st.integers(1, 28))
def test_a_date_answer_reads_back_what_it_writes(year, month, day):
    from quizgen.model import When

    assert parse_date_answer(When(year, month, day).label()) == (year, month, day)
    assert parse_date_answer(When(year, month).label()) == (year, month, None)
    assert parse_iso(str(When(year, month, day))) == (year, month, day)


def test_a_sentence_does_not_end_at_a_name_initial_or_a_title():
    from quizgen.text.sentences import sentence_texts

    text = (
        "He spoke at the George C. Marshall Center. President George W. Bush agreed. "
        "Mr. Smith and Dr. Jones left for St. Petersburg. It rained."
    )
    assert sentence_texts(text) == [
        "He spoke at the George C. Marshall Center.",
        "President George W. Bush agreed.",
        "Mr. Smith and Dr. Jones left for St. Petersburg.",
        "It rained.",
    ]


def test_no_key_line_of_the_bank_stops_at_a_name_initial():
    """Worksheet review L1: the key's 'why' and quote lines ('The George C.') over every fact."""
    import re

    from helpers import bundled

    from quizgen.worksheet.explain import first_sentence, quote_line

    initial = re.compile(r"\b[A-Z]\.$")
    for fact in bundled().facts:
        for line, whole in (
            (first_sentence(fact.note), fact.note) if fact.note else (None, None),
            (quote_line(fact.quote, [fact.a]), fact.quote),
        ):
            if line is not None and line.rstrip("…") != whole.strip():
                assert not initial.search(line), (fact.id, line)
