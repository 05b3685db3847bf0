"""The typed-answer matcher: a table of answers it accepts, calls almost, and rejects."""

import pytest
from helpers import sample_fact

from quizgen.grading.matcher import ALMOST, CORRECT, WRONG, grade_answer, normalize, parse_date
from quizgen.grading.spelling import distance as edit_distance


def make_fact(answer, kind, alt=(), distractors=()):
    return sample_fact("sample", answer, kind, alt=alt, distractors=distractors)


# (expected answer, kind, alternatives, what the learner typed, grade)
TABLE = [
    # case, accents, punctuation, articles
    ("Oana Lungescu", "person", (), "oana lungescu", CORRECT),
    ("Viktor Orbán", "person", (), "Viktor Orban", CORRECT),
    ("Dionis Cenuşa", "person", (), "dionis cenusa", CORRECT),
    ("NATO-Russia Council", "organization", (), "NATO Russia council", CORRECT),
    ("the invasion of Ukraine", "event", (), "invasion of Ukraine", CORRECT),
    ("dialogue", "term", (), "the dialogue.", CORRECT),
    ("Bosnia and Herzegovina", "place", (), "Bosnia & Herzegovina", CORRECT),
    ("United States", "place", ("U.S.",), "US", CORRECT),
    ("Sweden and Finland", "place", (), "Finland and Sweden", CORRECT),
    ("  Moldova ", "place", (), "MOLDOVA!", CORRECT),
    # surnames, alternatives, 'Name (ABBR)'
    ("Jens Stoltenberg", "person", (), "Stoltenberg", CORRECT),
    ("Sergey Lavrov", "person", ("Sergei Lavrov",), "Sergei Lavrov", CORRECT),
    ("Permanent Joint Council", "organization", ("PJC",), "pjc", CORRECT),
    ("Euro-Atlantic Disaster Response Coordination Centre (EADRCC)", "organization", (), "EADRCC", CORRECT),
    # small typos in names: almost
    ("Oana Lungescu", "person", (), "Oana Lungesku", ALMOST),
    ("Jens Stoltenberg", "person", (), "Stoltenbreg", ALMOST),
    ("Jens Stoltenberg", "person", (), "Jens Stoltenbegr", ALMOST),
    ("Heiko Maas", "person", (), "Heiko Mas", ALMOST),
    ("Transnistria", "place", (), "Transnistira", ALMOST),
    (
        "Euro-Atlantic Disaster Response Coordination Centre",
        "organization",
        (),
        "Euro Atlantic Disaster Responce Coordination Center",
        ALMOST,
    ),
    # too far, too short to forgive, or a different thing
    ("Oana Lungescu", "person", (), "Jamie Shea", WRONG),
    ("Jens Stoltenberg", "person", (), "Stalinberg", WRONG),
    ("NATO", "organization", (), "NAFO", WRONG),
    ("Austria", "place", (), "Australia", WRONG),
    ("Moldova", "place", (), "", WRONG),
    ("Moldova", "place", (), "   ", WRONG),
    ("NATO", "organization", (), "OSCE", WRONG),
    # numbers and years are exact
    ("2002", "year", (), "2002", CORRECT),
    ("2002", "year", (), "in 2002", CORRECT),
    ("2002", "year", (), "2003", WRONG),
    ("2002", "year", (), "2020", WRONG),
    ("2002", "year", (), "200", WRONG),
    ("53%", "number", (), "53", CORRECT),
    ("53%", "number", (), "53 percent", CORRECT),
    ("53%", "number", (), "35%", WRONG),
    ("13 countries", "number", (), "13", CORRECT),
    ("13 countries", "number", (), "thirteen", CORRECT),
    ("13 countries", "number", (), "14 countries", WRONG),
    ("1500 personnel", "number", (), "1,500", CORRECT),
    ("80 billion US dollars", "number", (), "$80 billion", CORRECT),
    ("80 billion US dollars", "number", (), "80 million", WRONG),
    ("2.5", "number", (), "2.5", CORRECT),
    ("2.5", "number", (), "25", WRONG),
    # dates in any common form, but the day must be right
    ("24 February 2022", "date", (), "February 24, 2022", CORRECT),
    ("24 February 2022", "date", (), "24 Feb 2022", CORRECT),
    ("24 February 2022", "date", (), "2022-02-24", CORRECT),
    ("24 February 2022", "date", (), "24.02.2022", CORRECT),
    ("24 February 2022", "date", (), "02/24/2022", CORRECT),
    ("24 February 2022", "date", (), "the 24th of February 2022", CORRECT),
    ("24 February 2022", "date", (), "25 February 2022", WRONG),
    ("24 February 2022", "date", (), "February 2022", WRONG),
    ("24 February 2022", "date", (), "Febuary 24 2022", CORRECT),  # the date is right
    ("24 February 2022", "date", (), "24 Fabruary 2021", WRONG),
    ("May 2002", "date", (), "may 2002", CORRECT),
    ("May 2002", "date", (), "2002", WRONG),
    ("May 2002", "date", (), "June 2002", WRONG),
    ("11 September 2001", "date", ("9/11",), "9/11", CORRECT),
]


@pytest.mark.parametrize("expected, kind, alt, given, grade", TABLE, ids=[f"{row[0]}<-{row[3]!r}" for row in TABLE])
def test_grade_answer_table(expected, kind, alt, given, grade):
    assert grade_answer(given, make_fact(expected, kind, alt)).grade == grade


def test_almost_shows_the_right_spelling_of_the_form_it_was_close_to():
    fact = make_fact("Sergey Lavrov", "person", alt=("Sergei Lavrov",))
    assert grade_answer("Sergei Lavorv", fact).expected == "Sergei Lavrov"
    assert grade_answer("Sergay Lavrov", fact).expected == "Sergey Lavrov"


def test_a_listed_distractor_is_wrong_even_when_it_is_one_letter_away():
    fact = make_fact("Austria", "place", distractors=("Austrian",))
    assert grade_answer("Austrian", fact).grade == WRONG
    assert grade_answer("Austira", fact).grade == ALMOST


@pytest.mark.parametrize(
    "text, folded",
    [
        ("The  Warsaw Pact!", "warsaw pact"),
        ("Türkiye", "turkiye"),
        ("U.S. Army", "us army"),
        ("1,000 troops", "1000 troops"),
        ("an EU mission", "eu mission"),
        ("A", "a"),  # a lone article is the answer, not noise
    ],
)
def test_normalize(text, folded):
    assert normalize(text) == folded


@pytest.mark.parametrize(
    "text, date",
    [
        ("27 May 1997", (1997, 5, 27)),
        ("May 27, 1997", (1997, 5, 27)),
        ("1997-05-27", (1997, 5, 27)),
        ("April 1949", (1949, 4, None)),
        ("1997", (1997, None, None)),  # a year alone is a date of year precision
        ("Resolution 1244", None),
        ("32 May 1997", None),
        ("Marxism 1997", None),
    ],
)
def test_parse_date(text, date):
    assert parse_date(text) == date


def test_edit_distance_counts_a_swap_once_and_stops_at_the_cap():
    assert min(edit_distance("lavrov", "lavorv"), 5) == 1
    assert min(edit_distance("maas", "mas"), 5) == 1
    assert min(edit_distance("stoltenberg", "x"), 3) == 3


@pytest.mark.parametrize(
    "typed, grade",
    [
        ("2,692 missiles in 1991", CORRECT),
        ("2,692 in 1991", CORRECT),
        ("2692 in 1991", CORRECT),
        ("2,692 missiles in 1992", WRONG),
        ("2,692, 1992", WRONG),
        ("2,693 in 1991", WRONG),
    ],
)
def test_a_thousands_comma_is_part_of_the_number_before_the_questions_year(typed, grade):
    # rv3-author H0: '2,692 in 1991' was read as '2' then ', 692 in 1991' and graded wrong
    fact = sample_fact(
        "sample",
        "2,692 missiles",
        "number",
        q="How many missiles were destroyed by the treaty's 1991 deadline?",
        when=(1991,),
    )
    assert grade_answer(typed, fact).grade == grade
