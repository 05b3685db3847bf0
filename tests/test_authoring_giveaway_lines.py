"""`check` and `preview` lines for a teacher's article (rv6-author M1–M5): the article's title that
prints an answer, every question that prints another fact's answer in one run (each at its own
field and line, with the words as written), two dates of one month, and the word that refuses a
blank or nearby dates. The bank is built here; expected lines are written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.authoring.preview import preview
from quizgen.authoring.sheets import short_sheet_warnings
from quizgen.authoring.title_warnings import title_warnings
from quizgen.bank.loader import load_banks
from quizgen.listing import lines as list_lines
from quizgen.worksheet.articles import on_article
from quizgen.worksheet.exporter import ARTICLE_SHEET
from quizgen.worksheet.plan import plan_questions

TEXT = """Seventeen seconds over Hatay: the Su-24 shoot-down and NATO

On 24 November 2015 a Turkish F-16 shot down a Russian Su-24 bomber near the Syrian border.
The bomber crashed in Syria after crossing a strip of Hatay province.
According to Turkey, the Su-24 had been in Turkish airspace for 17 seconds after ten warnings.
The pilot of the Su-24, Oleg Peshkov, was killed by gunfire from the ground.
NATO's North Atlantic Council met in an extraordinary session after the Su-24 was downed.
On 28 November 2015 Putin signed a decree imposing economic measures on Turkey.
"""
FACTS = """source: "901"
facts:
  - id: h-date
    q: On what date did a Turkish F-16 shoot down a Russian bomber near the Syrian border?
    a: 24 November 2015
    kind: date
    cloze: A Turkish F-16 shot down a Russian bomber on {{c1::24 November 2015}}.
    quote: "On 24 November 2015 a Turkish F-16 shot down a Russian Su-24 bomber near the Syrian border."
    stance: fact
  - id: h-type
    q: Which type of Russian bomber did a Turkish F-16 shoot down near the Syrian border?
    a: Su-24
    kind: term
    distractors: [Su-34, Su-25, Su-27]
    quote: "a Turkish F-16 shot down a Russian Su-24 bomber near the Syrian border"
    stance: fact
  - id: h-hatay
    q: Through which Turkish province did the downed bomber cross before crashing in Syria?
    a: Hatay
    kind: place
    distractors: [Adana, Gaziantep, Kilis]
    quote: "The bomber crashed in Syria after crossing a strip of Hatay province."
    stance: fact
  - id: h-pilot
    q: Which pilot of the Su-24 was killed by gunfire from the ground?
    a: Oleg Peshkov
    kind: person
    role: Russian Air Force pilot
    quote: "The pilot of the Su-24, Oleg Peshkov, was killed by gunfire from the ground."
    stance: fact
  - id: h-nac
    q: Which NATO body met in an extraordinary session after the shoot-down?
    a: North Atlantic Council
    kind: organization
    distractors: [NATO-Russia Council, Military Committee, Nuclear Planning Group]
    cloze: The {{c1::North Atlantic Council}} met in an extraordinary session after the Su-24 was downed.
    quote: "NATO's North Atlantic Council met in an extraordinary session after the Su-24 was downed."
    stance: fact
  - id: h-decree
    q: On what date did Putin sign a decree imposing economic measures on Turkey?
    a: 28 November 2015
    kind: date
    cloze: Putin signed a decree imposing economic measures on Turkey on {{c1::28 November 2015}}.
    quote: "On 28 November 2015 Putin signed a decree imposing economic measures on Turkey."
    stance: fact
  - id: h-seconds
    q: According to Turkey, for how many seconds had the bomber been in Turkish airspace?
    a: 17 seconds
    kind: number
    cloze: Turkey said the bomber was in its airspace for {{c1::17 seconds::how many}} after ten warnings.
    quote: "According to Turkey, the Su-24 had been in Turkish airspace for 17 seconds after ten warnings."
    stance: claim
"""
TITLE = "Seventeen seconds over Hatay: the Su-24 shoot-down and NATO"


def _bank(root: Path, facts: str = FACTS, text: str = TEXT, title: str = TITLE):
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "901_hatay.txt").write_text(text, encoding="utf-8")
    (root / "seeds" / "sources.yaml").write_text(
        f'"901":\n  file: 901_hatay.txt\n  title: "{title}"\n  outlet: Test Chronicle\n'
        "  author: M. Ionescu\n  year: 2016\n",
        encoding="utf-8",
    )
    (root / "decks" / "test").mkdir(parents=True)
    (root / "decks" / "test" / "901-hatay.yaml").write_text(facts, encoding="utf-8")
    return load_banks(root / "decks", root / "seeds")[0]


def _at(line: str) -> str:
    """The line from the file's name on (the folder is pytest's)."""
    return line[line.index("901-hatay.yaml") :]


def test_a_title_that_prints_answers_is_one_line_per_fact_at_its_answer_line(tmp_path: Path):
    lines = title_warnings(_bank(tmp_path))
    assert [_at(line).split(": field")[0] for line in lines] == [
        "901-hatay.yaml:12: fact 'h-type'",  # a: Su-24
        "901-hatay.yaml:19: fact 'h-hatay'",  # a: Hatay
    ]
    assert '"Su-24", the answer' in lines[0] and '"Hatay", the answer' in lines[1]
    assert all(TITLE in line and "check still exits 0" in line for line in lines)


def test_a_title_naming_no_answer_is_not_warned_of(tmp_path: Path):
    assert title_warnings(_bank(tmp_path, title="A bomber downed: Turkey, Russia and NATO")) == []


def test_every_question_printing_an_answer_is_named_in_one_run_at_its_own_field(tmp_path: Path):
    lines = [line for line in short_sheet_warnings(_bank(tmp_path)) if "'h-type'" in line.split("gives away")[-1]]
    assert [_at(line).split(" gives away")[0] for line in lines] == [
        "901-hatay.yaml:25: fact 'h-pilot': field 'q': \"Su-24\"",
        "901-hatay.yaml:36: fact 'h-nac': field 'cloze': \"Su-24\"",  # only in its cloze
    ]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["q", "cloze", "none"]), min_size=3, max_size=3))
def test_any_set_of_printing_fields_is_named_whole(tmp_path_factory, where: list[str]):
    """Three extra facts print "Su-24" in their question, their sentence or not at all: each that
    prints it is one line at that field's line, and no other."""
    facts, text, expected = FACTS, TEXT, []
    for n, field in enumerate(where):
        q = f"Which crew member number {n + 2} of the {'Su-24' if field == 'q' else 'bomber'} flew on?"
        clz = f"Crew member number {n + 2} of the {'Su-24' if field == 'cloze' else 'bomber'} was {{{{c1::Crew{n}}}}}."
        sentence = f"Crew member number {n + 2} of the bomber was Crew{n}."
        text += sentence + "\n"
        block = (
            f"  - id: h-crew{n}\n    q: {q}\n    a: Crew{n}\n    kind: term\n    cloze: {clz}\n"
            f'    quote: "{sentence}"\n    stance: fact\n'
        )
        start = len(facts.splitlines())
        facts += block
        if field != "none":
            expected.append((start + (2 if field == "q" else 5), f"h-crew{n}", field))
    lines = short_sheet_warnings(_bank(tmp_path_factory.mktemp("b"), facts, text))
    named = [line for line in lines if "\"Su-24\" gives away the answer of 'h-type'" in line]
    got = sorted(_at(line).split(" gives away")[0] for line in named)
    want = sorted(
        f"901-hatay.yaml:{at}: fact '{fid}': field '{field}': \"Su-24\""
        for at, fid, field in [(25, "h-pilot", "q"), (36, "h-nac", "cloze"), *expected]
    )
    assert got == want


def test_two_dates_of_one_month_are_one_line_that_asks_nothing_to_be_dropped(tmp_path: Path):
    """h-date (24 November 2015, its answer on line 5) and h-decree (28 November 2015), without a
    cloze, are asked by multiple choice, whose options print "November 2015", the other's month: no
    rewording helps, so one line says so for the pair (rv6-author M3)."""
    facts = "\n".join(line for line in FACTS.splitlines() if not ("cloze:" in line and "November 2015" in line))
    lines = [line for line in short_sheet_warnings(_bank(tmp_path, facts + "\n")) if "November 2015" in line]
    assert len(lines) == 1, lines
    [line] = lines
    assert _at(line).startswith("901-hatay.yaml:5: fact 'h-date': field 'a': 'h-date' and 'h-decree' (")
    assert 'both ask "November 2015"' in line and "never share a worksheet" in line
    assert "keeping both is fine" in line and "drop" not in line.replace("nothing to drop", "")


def _line(bank, fact_id: str, start: str) -> str:
    return next(line for line in preview(bank, bank.by_id[fact_id]) if line.strip().startswith(start))


# Words that each make a sentence hold more than one value (written here, not read from the code).
HEDGES = ["after", "before", "not", "never", "about", "nearly", "more", "including"]


@pytest.mark.parametrize("word", HEDGES)
def test_no_blank_names_the_word_that_refuses_it(tmp_path: Path, word: str):
    """rv6-author M4: the reason names the word of the sentence, not a list of four things."""
    facts = FACTS.replace("}} after ten warnings.", "}} " + word + " ten warnings.")
    line = _line(_bank(tmp_path, facts), "h-seconds", "fill in the blank")
    assert line.strip().startswith("fill in the blank: none (the sentence says '" + word + "',"), line
    assert f"reword the cloze without '{word}'" in line


def test_a_blank_comes_back_without_the_word(tmp_path: Path):
    facts = FACTS.replace("}} after ten warnings.", "}}.")
    assert "_____ seconds.   key: 17" in _line(_bank(tmp_path, facts), "h-seconds", "fill in the blank")


@pytest.mark.parametrize("word", ["after", "before"])
def test_a_date_whose_question_says_after_is_told_so(tmp_path: Path, word: str):
    """rv6-author M5: a date asked 'after …' gets no nearby dates, and the reason says why."""
    facts = FACTS.replace("economic measures on Turkey?", f"economic measures on Turkey {word} the shoot-down?")
    line = _line(_bank(tmp_path, facts), "h-decree", "multiple choice")
    assert f"no nearby dates are made up, as the question says '{word}'" in line, line
    assert "add 3 distractors" in line and "or a category" not in line


def test_the_same_date_asked_plainly_has_nearby_dates(tmp_path: Path):
    bank = _bank(tmp_path)
    lines = preview(bank, bank.by_id["h-decree"])
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("multiple choice"))
    assert "none" not in lines[at] and lines[at + 1].count("November 2015") == 4, lines[at : at + 2]


def test_a_short_sheet_names_the_facts_that_make_no_question(tmp_path: Path):
    """rv6-author M5: h-pilot (a person with no cloze, no distractors and no other person in the
    bank) makes no question of any type; the sheet's note names it, and no fact that makes one."""
    bank = _bank(tmp_path)
    pool = on_article(bank.select(sources=("901",)), "901")
    plan = plan_questions(pool, bank, ARTICLE_SHEET.count, ARTICLE_SHEET.types, ARTICLE_SHEET.seed, article="901")
    [note] = [note for note in plan.notes if "question at all" in note]
    assert note == "no mcq/blank/match/order/tf question at all for h-pilot (quizgen preview ID says why)"


def test_list_topics_shows_which_tags_file_a_fact_under_which_topic(tmp_path: Path):
    """rv6-author W2: 'sanctions' files a fact under ukraine-war and 'turkey' under alliance-unity;
    `list topics` says so, with how many facts each topic gathers."""
    facts = FACTS.replace("    stance: claim\n", "    stance: claim\n    tags: [turkey, sanctions]\n")
    by_topic = {line.split()[0]: line for line in list_lines(_bank(tmp_path, facts), "topics")}
    assert by_topic["alliance-unity"].startswith("alliance-unity  1  <- alliance-unity, ")
    assert ", turkey," in by_topic["alliance-unity"] + ","
    assert by_topic["ukraine-war"].startswith("ukraine-war  1  <- ukraine-war, ukraine, ")
    assert ", sanctions," in by_topic["ukraine-war"] + ","
    assert by_topic["history"].startswith("history  0  <- history, ")
