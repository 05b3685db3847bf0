"""The grading table: what a teacher would mark, reasoned from the rules in the README, per kind.

CORRECT only where a listed rule makes it certain; ALMOST means "close: shown side by side, the
learner decides (default Again)"; a hedge, a qualifier or another known answer is WRONG.

Every fact here is constructed (the bundled bank changes under other hands); the probes named in
the review of 2026-11-29 (quiz.md, problems 3 and 4 and its sweep) are rebuilt on equivalent facts.
"""

import pytest

from quizgen.model import Fact, Location, Source, When
from quizgen.quiz.lexicon import Lexicon
from quizgen.quiz.matcher import ALMOST, CORRECT, WRONG, grade_answer

SOURCE = Source("900", "900_sample.txt", "A sample article")


def fact(key, a, kind, q="?", alt=(), when=None, note=None, distractors=()):
    return Fact(id=key, q=q, a=a, kind=kind, quote="", stance="fact", source=SOURCE, origin=Location("x.yaml", 1),
                alt=tuple(alt), when=When(*when) if when else None, note=note, distractors=tuple(distractors))


BANK = {f.id: f for f in [
    fact("bauhr", "Monika Bauhr", "person", "Which Gothenburg political scientist studied EU trust?"),
    fact("bauer", "Rob Bauer", "person", "Who chaired NATO's Military Committee in 2021?"),
    fact("russia", "Russia", "place", "Which country annexed Crimea in 2014?"),
    fact("ukraine", "Ukraine", "place", "Which country was invaded in February 2022?"),
    fact("georgia", "Georgia", "place", "Which country fought Russia in August 2008?"),
    fact("rasmussen", "Anders Fogh Rasmussen", "person", "Who was NATO Secretary General in 2010?"),
    fact("lars", "Lars Løkke Rasmussen", "person", "Who was Danish Foreign Minister in 2022?"),
    fact("kempe", "Frederick Kempe", "person", "Who led the Atlantic Council in 2020?"),
    fact("putin", "Vladimir Putin", "person", "Who was Russia's president in 2022?"),
    fact("nguyen", "Viet Thanh Nguyen", "person", "Which novelist wrote The Sympathizer?"),
    fact("wolters", "Tod Wolters", "person", "Who was Supreme Allied Commander Europe in 2020?"),
    fact("stoltenberg", "Jens Stoltenberg", "person", "Who was NATO Secretary General in 2020?"),
    fact("lavrov", "Sergey Lavrov", "person", "Who was Russia's foreign minister in 2020?", alt=["Sergei Lavrov"]),
    fact("sandu", "Maia Sandu", "person", "Who was Moldova's president in 2021?"),
    fact("meloni", "Giorgia Meloni", "person", "Who became Italy's prime minister in 2022?"),
    fact("michel", "Charles Michel", "person", "Who was President of the European Council in 2020?"),
    fact("juncker", "Jean-Claude Juncker", "person", "Who was President of the European Commission in 2015?"),
    fact("lungescu", "Oana Lungescu", "person", "Who was NATO's spokesperson in 2020?"),
    fact("maas", "Heiko Maas", "person", "Which German Foreign Minister spoke in April 2020?"),
    fact("lisbon", "Lisbon", "place", "In which city was NATO's 2010 summit held?", when=(2010, 11, 19)),
    fact("vilnius", "Vilnius", "place", "Where was NATO's 2023 summit held?", when=(2023, 7, 11)),
    fact("paris", "Paris", "place", "In which city was the Founding Act signed in 1997?", distractors=["Rome"]),
    fact("rome", "Rome", "place", "In which city was the Rome Declaration signed?"),
    fact("austria", "Austria", "place", "Which neutral country borders Slovakia?", distractors=["Australia"]),
    fact("transnistria", "Transnistria", "place", "Which breakaway region of Moldova hosts Russian troops?"),
    fact("bih", "Bosnia and Herzegovina", "place", "Where did IFOR deploy in 1995?"),
    fact("nordics", "Sweden and Finland", "place", "Which two countries applied to join NATO in May 2022?"),
    fact("usa", "United States", "place", "Which country hosts NATO's Allied Command Transformation?", alt=["U.S."]),
    fact("nato", "NATO", "organization", "Which alliance did Montenegro join in 2017?",
         note="The North Atlantic Treaty Organization (NATO) was founded in 1949."),
    fact("pjc", "Permanent Joint Council", "organization", "Which body preceded the NATO-Russia Council?",
         alt=["PJC"]),
    fact("eadrcc", "Euro-Atlantic Disaster Response Coordination Centre (EADRCC)", "organization",
         "Which NATO centre coordinates disaster relief?"),
    fact("osce", "OSCE", "organization", "Which body monitored the ceasefire in Donbas?",
         note="The Organization for Security and Co-operation in Europe (OSCE) sent monitors."),
    fact("rescue", "rescEU", "organization", "Which EU reserve of medical equipment was set up in 2019?"),
    fact("nrc", "NATO-Russia Council", "organization", "Which council replaced the PJC in 2002?"),
    fact("years24", "24 years", "number", "How long had the partnership lasted by then?"),
    fact("usd80", "80 billion US dollars", "number", "How much aid had the US pledged by then?"),
    fact("gloves", "14 million gloves", "number", "How many gloves did the EU stockpile?"),
    fact("pct53", "53%", "number", "What share of respondents trusted NATO?"),
    fact("deaths5", "5 deaths", "number", "How many deaths did the incident cause?"),
    fact("people20", "20 people", "number", "How many people were detained?"),
    fact("members28", "28", "number", "How many member states did NATO have in 2010?", alt=["twenty-eight"]),
    fact("personnel", "1500 personnel", "number", "How many personnel did the mission have?"),
    fact("ratio", "2.5", "number", "What was the ratio?"),
    fact("about", "about 4,000 troops", "number", "How many troops were deployed?"),
    fact("more40", "more than 40 countries", "number", "How many countries sent aid?"),
    fact("year2008", "2008", "year", "In which year did the Russo-Georgian war take place?", when=(2008, 8, 7)),
    fact("year1991", "1991", "year", "In which year did the Soviet Union dissolve?", when=(1991, 12, 26)),
    fact("year2014", "2014", "year", "In which year did Russia annex Crimea?", when=(2014, 3, 18)),
    fact("year2002", "2002", "year", "In which year was the NATO-Russia Council created?", when=(2002, 5)),
    fact("year1997", "1997", "year", "In which year was the Founding Act signed?"),
    fact("may2002", "May 2002", "date", "When was the NRC created?", when=(2002, 5, 28)),
    fact("april1949", "April 1949", "date", "When was the North Atlantic Treaty signed?", when=(1949, 4, 4)),
    fact("march2009", "March 2009", "date", "When was the reset announced?", when=(2009, 3)),
    fact("july1999", "July 1999", "date", "When did KFOR reach full strength?", when=(1999, 7, 23)),
    fact("feb2022", "24 February 2022", "date", "When did the full-scale invasion begin?", when=(2022, 2, 24)),
    fact("nineeleven", "11 September 2001", "date", "When were the attacks?", alt=["9/11"], when=(2001, 9, 11)),
    fact("dialogue", "dialogue", "term", "What did the author call for besides deterrence?"),
    fact("invasion", "the invasion of Ukraine", "event", "What happened in February 2022?"),
]}
KNOWN = Lexicon.of(BANK.values())

# (fact, what the learner typed, what a teacher marks)
TABLE = [
    # --- another known answer is wrong, never almost (review problem 3) ---
    ("bauhr", "Bauer", WRONG), ("bauhr", "Rob Bauer", WRONG), ("bauhr", "Bauhr", CORRECT),
    ("bauhr", "Monika Bauhr", CORRECT), ("bauhr", "Monika Bauer", WRONG), ("bauer", "Bauhr", WRONG),
    ("bauer", "Bauer", CORRECT), ("russia", "Prussia", WRONG), ("russia", "Ukraine", WRONG),
    ("russia", "Rusia", ALMOST), ("russia", "russia", CORRECT), ("russia", "Russsia", ALMOST),
    ("georgia", "Russia", WRONG), ("ukraine", "Ukraina", ALMOST), ("ukraine", "Russia", WRONG),
    ("rasmussen", "Lars Løkke Rasmussen", WRONG), ("lars", "Anders Fogh Rasmussen", WRONG),
    ("rasmussen", "Lars Rasmussen", WRONG), ("stoltenberg", "Thorvald Stoltenberg", WRONG),
    ("putin", "Boris Johnson", WRONG), ("putin", "Vladimir Zelensky", WRONG), ("paris", "Rome", WRONG),
    ("paris", "Lisbon", WRONG), ("rome", "Paris", WRONG), ("austria", "Australia", WRONG),
    ("austria", "Austira", ALMOST), ("nato", "OSCE", WRONG), ("osce", "NATO", WRONG),
    ("nato", "NAFO", WRONG), ("pjc", "NATO-Russia Council", WRONG), ("nrc", "Permanent Joint Council", WRONG),
    ("sandu", "Sand", WRONG), ("sandu", "Sandy", WRONG), ("meloni", "Melon", ALMOST),
    ("rescue", "rescue", ALMOST), ("michel", "Michael", ALMOST), ("michel", "Charles Mihel", ALMOST),
    ("year2002", "May 2002", CORRECT),  # another card's answer, but a consistent, more precise date here
    # --- numbers keep units, currencies and qualifiers ---
    ("years24", "24 months", WRONG), ("years24", "24 weeks", WRONG), ("years24", "24 years", CORRECT),
    ("years24", "24", CORRECT), ("years24", "twenty-four", CORRECT), ("years24", "twenty four years", CORRECT),
    ("years24", "24 yrs", CORRECT), ("years24", "not 24 years", WRONG), ("years24", "more than 24 years", WRONG),
    ("years24", "less than 24 years", WRONG), ("years24", "25 years", WRONG), ("years24", "about 24 years", CORRECT),
    ("years24", "24 decades", WRONG), ("years24", "2 years", WRONG),
    ("usd80", "80 billion euros", WRONG), ("usd80", "€80bn", WRONG), ("usd80", "$80bn", CORRECT),
    ("usd80", "$80 billion", CORRECT), ("usd80", "80 billion dollars", CORRECT), ("usd80", "80bn USD", CORRECT),
    ("usd80", "US$80 billion", CORRECT), ("usd80", "80,000,000,000 dollars", CORRECT),
    ("usd80", "eighty billion dollars", CORRECT), ("usd80", "80 billion", CORRECT), ("usd80", "80 million", WRONG),
    ("usd80", "80 billion roubles", WRONG), ("usd80", "over 80 billion dollars", WRONG), ("usd80", "£80bn", WRONG),
    ("gloves", "14,000,000", CORRECT), ("gloves", "14 000 000", CORRECT), ("gloves", "14 million", CORRECT),
    ("gloves", "fourteen million", CORRECT), ("gloves", "14m gloves", CORRECT), ("gloves", "14 million gloves", CORRECT),
    ("gloves", "1.4 million", WRONG), ("gloves", "14 billion", WRONG), ("gloves", "140,000,000", WRONG),
    ("gloves", "fewer than 14 million", WRONG),
    ("pct53", "53", CORRECT), ("pct53", "53%", CORRECT), ("pct53", "53 percent", CORRECT), ("pct53", "53 per cent", CORRECT),
    ("pct53", "fifty-three percent", CORRECT), ("pct53", "fifty three %", CORRECT), ("pct53", "35%", WRONG),
    ("pct53", "53 years", WRONG), ("pct53", "not 53%", WRONG), ("pct53", "more than 53%", WRONG),
    ("deaths5", "Article 5", WRONG), ("deaths5", "5", CORRECT), ("deaths5", "five", CORRECT),
    ("deaths5", "5 deaths", CORRECT), ("deaths5", "five people", ALMOST), ("deaths5", "6", WRONG),
    ("people20", "a member of the G20", WRONG), ("people20", "G20", WRONG), ("people20", "20", CORRECT),
    ("people20", "twenty", CORRECT), ("people20", "20 people", CORRECT), ("people20", "2", WRONG),
    ("members28", "28", CORRECT), ("members28", "twenty-eight", CORRECT), ("members28", "28 member states", CORRECT),
    ("members28", "28 countries", ALMOST), ("members28", "27", WRONG), ("members28", "82", WRONG),
    ("members28", "28%", WRONG), ("members28", "at least 28", WRONG),
    ("personnel", "1,500", CORRECT), ("personnel", "1500", CORRECT), ("personnel", "one thousand five hundred", CORRECT),
    ("personnel", "15,000", WRONG), ("personnel", "150", WRONG),
    ("ratio", "2.5", CORRECT), ("ratio", "25", WRONG), ("ratio", "2,5", WRONG),
    ("about", "4000", CORRECT), ("about", "about 4,000", CORRECT), ("about", "4,000 troops", CORRECT),
    ("about", "around 4000 troops", CORRECT), ("about", "400", WRONG), ("about", "more than 4000", WRONG),
    ("more40", "more than 40", CORRECT), ("more40", "over 40 countries", CORRECT), ("more40", "40", WRONG),
    ("more40", "fewer than 40", WRONG), ("more40", "more than 50", WRONG),
    # --- years: qualifiers are wrong; a more precise date agreeing with `when` is right ---
    ("year2008", "before 2008", WRONG), ("year2008", "after 2008", WRONG), ("year2008", "since 2008", WRONG),
    ("year2008", "2008", CORRECT), ("year2008", "in 2008", CORRECT), ("year2008", "August 2008", CORRECT),
    ("year2008", "7 August 2008", CORRECT), ("year2008", "2008-08-07", CORRECT), ("year2008", "July 2008", WRONG),
    ("year2008", "2007", WRONG), ("year2008", "two thousand and eight", CORRECT), ("year2008", "08", WRONG),
    ("year1991", "not 1991", WRONG), ("year1991", "1991", CORRECT), ("year1991", "26 December 1991", CORRECT),
    ("year1991", "December 1991", CORRECT), ("year1991", "25 December 1991", WRONG), ("year1991", "1992", WRONG),
    ("year1991", "nineteen ninety-one", CORRECT), ("year1991", "1990", WRONG),
    ("year2014", "18 March 2014", CORRECT), ("year2014", "March 2014", CORRECT), ("year2014", "2014-03", CORRECT),
    ("year2014", "February 2014", WRONG), ("year2014", "2013", WRONG), ("year2014", "by 2014", WRONG),
    ("year2002", "2002", CORRECT), ("year2002", "May 2002", CORRECT), ("year2002", "28 May 2002", CORRECT),
    ("year2002", "June 2002", WRONG), ("year2002", "2020", WRONG), ("year2002", "200", WRONG),
    ("year1997", "27 May 1997", CORRECT), ("year1997", "1997", CORRECT), ("year1997", "1998", WRONG),
    # --- dates: ISO and numeric forms; more precise must agree with `when` ---
    ("may2002", "28 May 2002", CORRECT), ("may2002", "May 28, 2002", CORRECT), ("may2002", "2002-05-28", CORRECT),
    ("may2002", "27 May 2002", WRONG), ("may2002", "May 2002", CORRECT), ("may2002", "2002-05", CORRECT),
    ("may2002", "05/2002", CORRECT), ("may2002", "2002", WRONG), ("may2002", "June 2002", WRONG),
    ("april1949", "1949-04", CORRECT), ("april1949", "Apr 1949", CORRECT), ("april1949", "4 April 1949", CORRECT),
    ("april1949", "04/1949", CORRECT), ("april1949", "5 April 1949", WRONG), ("april1949", "1949", WRONG),
    ("april1949", "April 1948", WRONG),
    ("march2009", "03/2009", CORRECT), ("march2009", "2009-03", CORRECT), ("march2009", "March 2009", CORRECT),
    ("march2009", "6 March 2009", CORRECT), ("march2009", "04/2009", WRONG),
    ("july1999", "23 July 1999", CORRECT), ("july1999", "July 23, 1999", CORRECT), ("july1999", "22 July 1999", WRONG),
    ("feb2022", "February 24, 2022", CORRECT), ("feb2022", "24 Feb 2022", CORRECT), ("feb2022", "2022-02-24", CORRECT),
    ("feb2022", "24.02.2022", CORRECT), ("feb2022", "02/24/2022", CORRECT), ("feb2022", "the 24th of February 2022", CORRECT),
    ("feb2022", "twenty-fourth of February 2022", CORRECT), ("feb2022", "Febuary 24 2022", CORRECT),
    ("feb2022", "25 February 2022", WRONG), ("feb2022", "February 2022", WRONG), ("feb2022", "24 Fabruary 2021", WRONG),
    ("feb2022", "before 24 February 2022", WRONG),
    ("nineeleven", "9/11", CORRECT), ("nineeleven", "11 September 2001", CORRECT), ("nineeleven", "2001-09-11", CORRECT),
    ("nineeleven", "12 September 2001", WRONG),
    # --- people: fuller, initials, titles, first and last name without the middle ---
    ("rasmussen", "Anders Rasmussen", CORRECT), ("rasmussen", "Rasmussen", CORRECT),
    ("rasmussen", "Anders Fogh Rasmussen", CORRECT), ("rasmussen", "A. F. Rasmussen", CORRECT),
    ("rasmussen", "A. Rasmussen", CORRECT), ("rasmussen", "Secretary General Rasmussen", CORRECT),
    ("rasmussen", "Anders Fogh Rasmusen", ALMOST), ("rasmussen", "Rasmusen", ALMOST), ("rasmussen", "Fogh", WRONG),
    ("rasmussen", "Anders", WRONG), ("rasmussen", "Rasmussen Anders Fogh", CORRECT),
    ("kempe", "Fred Kempe", CORRECT), ("kempe", "Kempe", CORRECT), ("kempe", "Frederick Kempe", CORRECT),
    ("kempe", "F. Kempe", CORRECT), ("kempe", "Frank Kempe", WRONG),
    ("putin", "V. Putin", CORRECT), ("putin", "V Putin", CORRECT), ("putin", "President Putin", CORRECT),
    ("putin", "Putin", CORRECT), ("putin", "Vladimir Vladimirovich Putin", ALMOST), ("putin", "Puttin", WRONG),
    ("putin", "D. Putin", WRONG),
    ("nguyen", "Viet Nguyen", CORRECT), ("nguyen", "Nguyen", CORRECT), ("nguyen", "Viet Thanh Nguyen", CORRECT),
    ("nguyen", "Thanh Nguyen", CORRECT),
    ("wolters", "General Wolters", CORRECT), ("wolters", "Gen. Tod Wolters", CORRECT), ("wolters", "Wolters", CORRECT),
    ("wolters", "General Tod D. Wolters", ALMOST), ("wolters", "Todd Wolters", ALMOST),
    ("stoltenberg", "Stoltenberg", CORRECT), ("stoltenberg", "Stoltenbreg", ALMOST), ("stoltenberg", "Jens Stoltenbegr", ALMOST),
    ("stoltenberg", "Stalinberg", WRONG), ("stoltenberg", "J. Stoltenberg", CORRECT),
    ("lavrov", "Sergei Lavrov", CORRECT), ("lavrov", "sergei lavrov", CORRECT), ("lavrov", "Lavrov", CORRECT),
    ("lavrov", "Sergei Lavorv", ALMOST), ("lavrov", "Minister Lavrov", CORRECT),
    ("juncker", "J.-C. Juncker", CORRECT), ("juncker", "Jean-Claude Juncker", CORRECT), ("juncker", "Juncker", CORRECT),
    ("juncker", "Jean Claude Juncker", CORRECT), ("juncker", "Junker", ALMOST),
    ("lungescu", "oana lungescu", CORRECT), ("lungescu", "Oana Lungesku", ALMOST), ("lungescu", "Jamie Shea", WRONG),
    ("maas", "Heiko Maas", CORRECT), ("maas", "Heiko Mas", ALMOST), ("maas", "Maas", CORRECT), ("maas", "Mass", WRONG),
    ("michel", "Michel", CORRECT), ("michel", "Charles Michel", CORRECT), ("meloni", "Meloni\x1b[31m", CORRECT),
    ("meloni", "Meloni 🇮🇹👍", CORRECT),
    # --- places and bodies: qualifiers, question words, lists in any order, abbreviations ---
    ("lisbon", "Lisbon, Portugal", ALMOST), ("lisbon", "Lisbon", CORRECT), ("lisbon", "Lisbon, Paris", WRONG),
    ("lisbon", "Lisbonn", ALMOST), ("lisbon", "the Lisbon summit", ALMOST),
    ("vilnius", "the Vilnius summit in 2023", ALMOST), ("vilnius", "Vilnius", CORRECT), ("vilnius", "Vilnius 2022", ALMOST),
    ("vilnius", "Vilnus", ALMOST), ("vilnius", "Riga", WRONG),
    ("paris", "PARIS!", CORRECT), ("paris", "Pariss", WRONG),
    ("transnistria", "Transnistira", ALMOST), ("transnistria", "Transnistria", CORRECT),
    ("bih", "Bosnia & Herzegovina", CORRECT), ("bih", "Herzegovina and Bosnia", CORRECT), ("bih", "Bosnia", ALMOST),
    ("nordics", "Finland, Sweden", CORRECT), ("nordics", "Finland and Sweden", CORRECT), ("nordics", "Sweden, Finland", CORRECT),
    ("nordics", "Finland & Sweden", CORRECT), ("nordics", "Finland", ALMOST), ("nordics", "Finland, Norway", ALMOST),
    ("nordics", "Sweeden and Finland", ALMOST), ("nordics", "Finland; Sweden", CORRECT),
    ("usa", "US", CORRECT), ("usa", "U.S.", CORRECT), ("usa", "the United States", CORRECT), ("usa", "United Kingdom", ALMOST),
    ("nato", "North Atlantic Treaty Organization", CORRECT), ("nato", "NATO", CORRECT), ("nato", "nato", CORRECT),
    ("nato", "North Atlantic Trade Organization", ALMOST), ("nato", "the Alliance", WRONG),
    ("osce", "Organization for Security and Co-operation in Europe", CORRECT), ("osce", "OSCE", CORRECT),
    ("pjc", "PJC", CORRECT), ("pjc", "pjc", CORRECT), ("pjc", "Permanent Joint Council", CORRECT),
    ("pjc", "Permanent Joint Counsil", ALMOST),
    ("eadrcc", "EADRCC", CORRECT), ("eadrcc", "Euro-Atlantic Disaster Response Coordination Centre", CORRECT),
    ("eadrcc", "Euro Atlantic Disaster Responce Coordination Center", ALMOST),
    ("nrc", "NATO Russia council", CORRECT), ("nrc", "NATO-Russia Council", CORRECT),
    # --- terms and events; empty and absurd input ---
    ("dialogue", "the dialogue.", CORRECT), ("dialogue", "dialog", WRONG), ("dialogue", "deterrence", WRONG),
    ("invasion", "invasion of Ukraine", CORRECT), ("invasion", "the invasion of Ukrain", ALMOST),
    ("russia", "", WRONG), ("russia", "   ", WRONG), ("russia", "Russia" * 100, WRONG), ("russia", "\t Russia\r", CORRECT),
    ("russia", "ＲＵＳＳＩＡ", CORRECT), ("year2002", "2002\x1b[D", CORRECT),
]


@pytest.mark.parametrize("key, typed, verdict", TABLE, ids=[f"{k}<-{t[:40]!r}" for k, t, _ in TABLE])
def test_grading_table(key, typed, verdict):
    assert grade_answer(typed, BANK[key], KNOWN).grade == verdict


def test_the_table_is_large_and_covers_every_kind():
    assert len(TABLE) >= 200
    assert {BANK[key].kind for key, _, _ in TABLE} == {"person", "place", "organization", "number", "year",
                                                       "date", "term", "event"}
