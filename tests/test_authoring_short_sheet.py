"""A question that prints a year (or an answer) another fact of its article asks keeps one of the
two off the article's sheet: `check` names both facts, the words and the field's line, and the
sheet's key names the words (rv5-author M3). The bank is built here, its expectations written by hand."""

from __future__ import annotations

from pathlib import Path

from quizgen.authoring.sheets import short_sheet_warnings
from quizgen.bank.loader import load_banks
from quizgen.worksheet.articles import on_article
from quizgen.worksheet.exporter import ARTICLE_SHEET
from quizgen.worksheet.plan import plan_questions

TEXT = """The first months of the council

NATO and Russia agreed the text of the Founding Act in Moscow on 14 May 1997.
The Founding Act was signed in Paris on 27 May 1997.
The Permanent Joint Council met for the first time on 18 July 1997.
Only ten days earlier, at their summit in Madrid, the Allies invited three countries to begin accession talks.
"""
FACTS = """source: "900"
facts:
  - id: t-text-agreed
    q: On what date did NATO and Russia agree the text of the Founding Act in Moscow?
    a: 14 May 1997
    kind: date
    cloze: NATO and Russia agreed the text of the Founding Act in Moscow on {{c1::14 May 1997}}.
    quote: "NATO and Russia agreed the text of the Founding Act in Moscow on 14 May 1997."
    stance: fact
  - id: t-act-signed
    q: On what date was the Founding Act signed in Paris?
    a: 27 May 1997
    kind: date
    cloze: The Founding Act was signed in Paris on {{c1::27 May 1997}}.
    quote: "The Founding Act was signed in Paris on 27 May 1997."
    stance: fact
  - id: t-pjc-first
    q: On what date did the Permanent Joint Council meet for the first time?
    a: 18 July 1997
    kind: date
    cloze: The Permanent Joint Council met for the first time on {{c1::18 July 1997}}.
    quote: "The Permanent Joint Council met for the first time on 18 July 1997."
    stance: fact
  - id: t-madrid
    q: Which city hosted the July 1997 NATO summit that invited three countries to begin accession talks?
    a: Madrid
    kind: place
    distractors: [Washington, Prague, Istanbul]
    quote: "at their summit in Madrid, the Allies invited three countries to begin accession talks"
    stance: fact
"""
Q_LINE = 25  # the line of t-madrid's 'q:' in FACTS (its '- id:' is line 24)


def _bank(root: Path):
    (root / "seeds").mkdir()
    (root / "seeds" / "900_first-months.txt").write_text(TEXT, encoding="utf-8")
    (root / "seeds" / "sources.yaml").write_text(
        '"900":\n  file: 900_first-months.txt\n  title: The first months of the council\n'
        "  outlet: Test Gazette\n  year: 1997\n",
        encoding="utf-8",
    )
    (root / "decks" / "test").mkdir(parents=True)
    (root / "decks" / "test" / "900-first-months.yaml").write_text(FACTS, encoding="utf-8")
    return load_banks(root / "decks", root / "seeds")[0]


def test_check_names_the_printed_month_and_year_both_facts_and_the_question_line(tmp_path: Path):
    assert FACTS.splitlines()[Q_LINE - 1].strip().startswith("q: Which city hosted the July 1997")
    lines = short_sheet_warnings(_bank(tmp_path))
    assert len(lines) == 1, lines
    [line] = lines
    where = f"900-first-months.yaml:{Q_LINE}: fact 't-madrid': field 'q': "
    assert where + "the year 1997, which " in line
    assert all(f"'{fact}' (" in line for fact in ("t-text-agreed", "t-act-signed", "t-pjc-first"))  # ask it
    assert "printed by the questions of 't-madrid' (\"July 1997\"): no worksheet holds" in line
    assert "article 900's sheet has only" in line and "drop the year where a question does not need it" in line


def test_the_sheet_key_names_the_words_that_keep_a_fact_out(tmp_path: Path):
    bank = _bank(tmp_path)
    pool = on_article(bank.select(sources=("900",)), "900")
    plan = plan_questions(pool, bank, ARTICLE_SHEET.count, ARTICLE_SHEET.types, ARTICLE_SHEET.seed, article="900")
    assert plan.total < ARTICLE_SHEET.count
    madrid = [line for line in plan.left_out if "t-madrid" in line]
    assert madrid, plan.left_out
    for line in madrid:  # either Madrid is left out, or a date fact Madrid's question keeps out
        assert '"July 1997"' in line and "1997" in line, line


def test_a_sheet_that_is_full_gives_no_warning(tmp_path: Path):
    """Without the month and year in Madrid's question, nothing is left out for it."""
    bank_text = FACTS.replace("hosted the July 1997 NATO summit", "hosted the NATO summit")
    root = tmp_path
    _bank(root)
    (root / "decks" / "test" / "900-first-months.yaml").write_text(bank_text, encoding="utf-8")
    bank = load_banks(root / "decks", root / "seeds")[0]
    assert not any("t-madrid" in line for line in short_sheet_warnings(bank))
