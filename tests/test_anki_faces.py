"""Rules behind what a card shows, proved over generated input: Browse columns, date clozes that
say their precision, person cards only from one dated role, and the topic vocabulary."""

import re

from hypothesis import given
from hypothesis import strategies as st
from test_anki_cards import deck, fact  # noqa: F401 - the imported deck fixture

from quizgen.anki.notes import hinted
from quizgen.anki.persons import teaching_role
from quizgen.anki.topics import MAX_TOPICS, TOPICS, topics_of, used_topics
from quizgen.cloze import deletions, fill
from quizgen.model import MONTHS

years = st.integers(1800, 2099).map(str)
months = st.sampled_from(MONTHS)
offices = (
    st.text(st.sampled_from("abcdefghij ABCDEF-'"), min_size=3, max_size=40)
    .map(str.strip)
    .filter(lambda office: len(office) >= 3 and not office.endswith("-"))
)


def test_browse_shows_the_prompt_and_the_answer_only(deck):  # noqa: F811 - the fixture
    _, col, _, _ = deck
    col.set_browser_card_columns(["question", "answer"])
    expected = {
        "ID:m-putin": ('Who called NATO\'s expansion "a threat"?', "Vladimir Putin"),
        "ID:n-count": ("In 2021 NATO expelled [...] Russian diplomats.", "In 2021 NATO expelled 8 Russian diplomats."),
        "card:2 -tag:*::retired": ("Jens Stoltenberg: which role, 2014–2024?", "NATO Secretary General"),
    }
    for search, (question, answer) in expected.items():
        row = col.browser_row_for_id(col.find_cards(search)[0])
        assert [cell[0] for cell in list(row[0])] == [question, answer], search


@given(
    st.one_of(
        years.map(lambda y: (y, "year")),
        st.tuples(months, years).map(lambda p: (f"{p[0]} {p[1]}", "month and year")),
        st.tuples(st.integers(1, 28), months, years).map(lambda p: (f"{p[0]} {p[1]} {p[2]}", "day, month and year")),
    ),
    st.integers(1, 3),
)
def test_a_date_deletion_says_what_precision_it_asks(date_and_hint, number):
    date, precision = date_and_hint
    cloze = f"It happened in {{{{c{number}::{date}}}}}, they said."
    (deletion,) = deletions(hinted(cloze))
    assert (deletion.text, deletion.hint) == (date, precision)
    assert fill(hinted(cloze)) == fill(cloze)  # the sentence and its answer are unchanged


@given(
    st.one_of(st.integers(0, 99999).map(str), years),
    st.text(max_size=12).filter(lambda hint: hint.strip() and "}" not in hint and ":" not in hint and "{" not in hint),
)
def test_counts_and_written_hints_are_left_alone(number, hint):
    assert hinted(f"{{{{c1::{number}}}}} diplomats", count=number) == f"{{{{c1::{number}}}}} diplomats"
    written = f"In {{{{c1::1991::{hint}}}}}."
    assert hinted(written) == written


@given(
    offices,
    st.one_of(
        st.tuples(years, years).map(lambda p: f"{p[0]}–{p[1]}"),
        st.tuples(st.sampled_from(["from", "since"]), st.one_of(years, st.tuples(months, years).map(" ".join))).map(
            " ".join
        ),
    ),
)
def test_a_person_card_comes_from_one_dated_role(office, term):
    person = fact("p", "Who spoke?", "Ann Example", "person", role=f"{office} ({term})")
    card = teaching_role(person)
    assert card is not None and (card.office, card.dates) == (office, term)


@given(
    offices,
    years,
    st.sampled_from(
        [
            "as of {y}",
            "{y}); Other office (from {y}",
            "convicted in {y}",
            "{y}–{y}, and again from {y}",
            "appointed {y}",
        ]
    ),
)
def test_no_person_card_from_two_roles_or_an_event(office, year, bracket):
    role = f"{office} ({bracket.format(y=year)})"
    assert teaching_role(fact("p", "Who spoke?", "Ann Example", "person", role=role)) is None


tags = st.lists(
    st.one_of(st.sampled_from([t for ts in TOPICS.values() for t in ts]), st.from_regex(r"[a-z]{2,8}", fullmatch=True)),
    max_size=6,
)


@given(st.lists(tags, max_size=40))
def test_every_used_topic_is_in_the_vocabulary_and_carried_by_two_facts(bank_tags):
    used = used_topics(bank_tags)
    assert used <= set(TOPICS) and len(TOPICS) <= MAX_TOPICS
    for topic in used:
        assert sum(topic in topics_of(fact_tags) for fact_tags in bank_tags) >= 2
    assert not re.search(r"[\s:]", "".join(used))


def test_each_bank_tag_belongs_to_one_topic_at_most():
    listed = [tag for gathered in TOPICS.values() for tag in gathered]
    assert len(listed) == len(set(listed))


# Countries and their adjectives, as an English reader writes them (the test's own table).
NATIONS = [
    ("France", "French"),
    ("Italy", "Italian"),
    ("Russia", "Russian"),
    ("Turkey", "Turkish"),
    ("Poland", "Polish"),
    ("Spain", "Spanish"),
    ("Greece", "Greek"),
    ("Sweden", "Swedish"),
    ("Finland", "Finnish"),
    ("Germany", "German"),
    ("Ukraine", "Ukrainian"),
    ("Hungary", "Hungarian"),
    ("Denmark", "Danish"),
    ("Norway", "Norwegian"),
]


@given(
    st.sampled_from(NATIONS),
    st.sampled_from(["President", "Prime Minister", "Foreign Minister", "Defence Minister"]),
    years,
)
def test_a_question_that_names_the_office_with_the_country_s_adjective_makes_no_person_card(nation, office, year):
    """rv5-author W5: 'Which French president…' states 'President of France (1995–2007)'."""
    country, adjective = nation
    role = f"{office} of {country} ({year}–{int(year) + 4})"
    asked = fact("p", f"Which {adjective} {office.lower()} hosted the summit?", "Ann Example", "person", role=role)
    assert teaching_role(asked) is None
    other = fact("p", "Who hosted the summit?", "Ann Example", "person", role=role)
    assert teaching_role(other) is not None
