"""The study page's data and file: every fact, safe JSON, the builders' options, atomic and repeatable output."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import bundled

from quizgen.bank.loader import load_banks
from quizgen.cli import main
from quizgen.questions import can_choose
from quizgen.questions.values import order_value
from quizgen.web.data import script_json, study_data
from quizgen.web.page import TS_FSRS_VERSION, render_page

ROOT = Path(__file__).resolve().parent.parent
MARKUP_BANK = Path(__file__).parent / "fixtures" / "web-markup-bank"
EMBEDDED = re.compile(r'<script type="application/json" id="bank">(.*?)</script>', re.DOTALL)


def markup_bank():
    return load_banks(MARKUP_BANK / "decks", MARKUP_BANK / "seeds")[0]


def embedded(html: str) -> dict:
    """The data as the browser reads it: the text up to the first '</script>', parsed as JSON."""
    return json.loads(EMBEDDED.search(html).group(1))


def test_markup_in_bank_text_cannot_close_the_data_block():
    bank = markup_bank()
    html = render_page(bank)
    data = embedded(html)  # would fail to parse if a '</script>' in the bank had ended the block
    assert [fact["a"] for fact in data["facts"]][0] == 'Ann </script><script>window.pwned = "a"</script>'
    assert data["sources"]["960"]["citation"].startswith("Markup </script><script>")
    block = EMBEDDED.search(html).group(1)
    assert "<" not in block and ">" not in block and "&" not in block


def test_script_json_escapes_what_html_parsers_act_on():
    text = script_json({"x": "</script><!-- & \u2028"})
    assert json.loads(text) == {"x": "</script><!-- & \u2028"}
    assert not set("<>&\u2028") & set(text)


def test_every_fact_is_on_the_page_with_its_source_and_quote():
    bank = bundled()
    data = study_data(bank)
    assert [record["id"] for record in data["facts"]] == [fact.id for fact in bank.facts]
    for fact, record in zip(bank.facts, data["facts"], strict=False):
        assert (record["q"], record["a"], record["kind"], record["stance"]) == (fact.q, fact.a, fact.kind, fact.stance)
        assert record["cites"][0] == {"source": fact.source.id, "quote": fact.quote}
        assert len(record["cites"]) == len(fact.citations)
        for cited in fact.citations:
            assert data["sources"][cited.source.id]["citation"] == cited.source.citation()
        assert record.get("date") == (fact.when.label() if fact.when else None)
        assert record.get("event") == fact.event


def test_multiple_choice_options_hold_the_answer_once_among_same_kind_answers():
    bank = bundled()
    pool = {}
    for fact in bank.facts:  # a category's answers, and each fact's own curated distractors
        pool.setdefault(fact.category, set()).add(fact.a)
    by_id = bank.by_id
    records = study_data(bank)["facts"]
    with_options = [record for record in records if record["mc"]]
    # the page offers multiple choice exactly where the question builders find three honest options
    # (a fact without them is asked openly: no share of the bank is owed multiple choice)
    assert {record["id"] for record in with_options} == {f.id for f in bank.facts if can_choose(f, bank)}
    for record in with_options:
        options = record["mc"]["options"]
        assert 3 <= len(options) <= 4 and len(set(options)) == len(options)
        assert options[record["mc"]["answer"]] == record["a"]
        values = [order_value(record["kind"], text) for text in options]
        if None not in values:  # years, dates and numbers: near the answer, in order, as on worksheets
            assert values == sorted(values)
        else:  # names and terms: the fact's curated distractors or answers of its category
            fact = by_id[record["id"]]
            allowed = {fact.a, *fact.distractors} | (pool[fact.category] if fact.category else set())
            assert set(options) <= allowed, record["id"]
    answers_at = {record["mc"]["answer"] for record in with_options if record["kind"] in ("person", "term")}
    assert answers_at == {0, 1, 2, 3}


def test_several_citations_are_all_shown_when_a_fact_has_them():
    """Written out by hand from the fixture's facts.yaml: the fact's own article first, then `sources:`."""
    fixtures = Path(__file__).parent / "fixtures"
    bank = load_banks(fixtures / "fact-with-two-sources" / "decks", fixtures / "two-seeds")[0]
    records = {record["id"]: record for record in study_data(bank)["facts"]}
    assert records["sample-nrc-created"]["cites"] == [
        {"source": "900", "quote": "The NATO-Russia Council was created in May 2002 in Rome."},
        {"source": "902", "quote": "In 2002 the NATO-Russia Council replaced the Permanent Joint Council."},
    ]


def test_web_command_writes_one_self_contained_page_and_the_same_bytes_twice(tmp_path, capsys):
    args = ["web", "--decks", str(MARKUP_BANK / "decks"), "--seeds", str(MARKUP_BANK / "seeds"), "--out", str(tmp_path)]
    assert main(args) == 0
    page = tmp_path / "web" / "markup" / "index.html"
    assert capsys.readouterr().out.strip().endswith("web/markup/index.html")
    first = page.read_bytes()
    assert main(args) == 0
    assert page.read_bytes() == first
    assert [p.name for p in page.parent.iterdir()] == ["index.html"]  # no temporary file left
    html = first.decode()
    # nothing to fetch: no src/href to another file, no url() in the styles
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", html)
    assert "url(" not in html and "@import" not in html
    assert f"ts-fsrs {TS_FSRS_VERSION}" in html and "MIT License" in html


def test_build_writes_the_study_page_with_the_other_outputs(tmp_path):
    assert (
        main(
            [
                "build",
                "--no-pdf",
                "--decks",
                str(ROOT / "decks"),
                "--seeds",
                str(ROOT / "seeds"),
                "--out",
                str(tmp_path),
            ]
        )
        == 0
    )
    page = tmp_path / "web" / "nato-russia" / "index.html"
    assert len(embedded(page.read_text())["facts"]) == len(bundled().facts)
    assert (tmp_path / "anki" / "nato-russia.apkg").is_file()


def test_vendored_scheduler_is_the_pinned_release_with_its_licence():
    vendor = ROOT / "templates" / "web" / "vendor"
    bundle = (vendor / f"ts-fsrs-{TS_FSRS_VERSION}.umd.js").read_text()
    assert "global.FSRS" in bundle and "exports.fsrs = fsrs" in bundle
    assert "Open Spaced Repetition" in (vendor / "ts-fsrs-LICENSE.txt").read_text()
    assert f"ts-fsrs {TS_FSRS_VERSION}" in (ROOT / "README.md").read_text()
