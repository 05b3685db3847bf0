"""`quizgen export`: the GIFT file read back by gift-pegjs (Moodle's grammar), the TSV and CSV by `csv`."""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quizgen.bank.loader import load_banks
from quizgen.export.forms import accepted, date_forms, exact_number
from quizgen.export.gift import gift
from quizgen.export.items import Item
from quizgen.export.table import COLUMNS, LIST_SEPARATOR
from quizgen.questions import multiple_choice, true_false
from quizgen.questions.fixed import fixed_random

PARSER = ROOT / "tests" / "gift" / "parse.js"
SPECIAL = FIXTURES / "gift-special-bank"


def parser_or_skip() -> str:
    """Node with gift-pegjs installed (`npm ci` in tests/gift); missing fails under CI."""
    node = shutil.which("node")
    if node and (PARSER.parent / "node_modules" / "gift-pegjs").is_dir():
        return node
    message = "needs node and `npm ci` in tests/gift (gift-pegjs)"
    if "CI" in os.environ:
        pytest.fail(message)
    pytest.skip(message)


def parsed(path: Path) -> list[dict]:
    result = subprocess.run([parser_or_skip(), str(PARSER), str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def run_export(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", "export", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def exported(tmp_path, *args, decks=None, seeds=None) -> Path:
    where = ["--decks", str(decks), "--seeds", str(seeds)] if decks else []
    result = run_export("--out", str(tmp_path), *where, *args)
    assert result.returncode == 0, result.stderr
    return tmp_path / "export"


@pytest.fixture(scope="module")
def bundled():
    return load_banks(ROOT / "decks", ROOT / "seeds")[0]


@pytest.fixture(scope="module")
def bundled_export(tmp_path_factory, bundled):
    folder = exported(tmp_path_factory.mktemp("export")) / bundled.name
    return folder, parsed(folder / f"{bundled.name}.gift")


def by_title(questions: list[dict]) -> dict[str, dict]:
    titled = {q["title"]: q for q in questions if q["type"] != "Category"}
    assert len(titled) == sum(1 for q in questions if q["type"] != "Category"), "titles repeat"
    return titled


def text(choice) -> str:
    return choice["text"]["text"]


def subanswer(pair) -> str:
    """gift-pegjs leaves escaped characters of a matching answer as Moodle's own placeholders
    (`\\{` -> `&&123;`), which Moodle turns back at the end of its import: so do we."""
    return re.sub(r"&&(\d+);", lambda m: chr(int(m.group(1))), pair["subanswer"])


def test_every_fact_comes_back_with_its_question_options_and_key(bundled, bundled_export):
    _, questions = bundled_export
    found = by_title(questions)
    for fact in bundled.facts:
        choice = found.get(fact.id)
        if choice is not None:  # the options the worksheets would print, the right one marked
            sheet = multiple_choice(fact, bundled, fixed_random("export", bundled.name, fact.id))
            assert choice["type"] == "MC" and choice["stem"]["text"] == fact.q
            assert [text(c) for c in choice["choices"]] == list(sheet.options)
            assert [text(c) for c in choice["choices"] if c["isCorrect"]] == [fact.a]
        short = found.get(f"{fact.id} short")
        if short is not None and short["type"] == "Numerical":  # a year or an exact number
            assert short["stem"]["text"] == fact.q and fact.kind in ("year", "number")
            [number] = short["choices"]
            assert number["text"]["number"] == int("".join(ch for ch in fact.a if ch.isdigit()))
        elif short is not None:
            assert short["type"] == "Short" and short["stem"]["text"] == fact.q
            forms = {text(c).casefold() for c in short["choices"]}
            assert {fact.a.strip().casefold(), *(a.strip().casefold() for a in fact.alt)} <= forms
            assert all(c["isCorrect"] for c in short["choices"])
        assert choice is not None or short is not None or len(fact.a.split()) > 5, fact.id
        statement = found.get(f"{fact.id} tf")
        if fact.cloze:
            expected = true_false(fact, bundled, fixed_random("export", bundled.name, f"{fact.id} tf"))
            assert statement["type"] == "TF" and statement["stem"]["text"] == expected.statement
            assert statement["isTrue"] is expected.true
        for question in (choice, short, statement):
            if question is not None:
                feedback = question["globalFeedback"]["text"]
                assert all(f"Quote: {c.quote}" in feedback for c in fact.citations)
                assert fact.note is None or fact.note.removeprefix("False: ").removeprefix("False. ") in feedback


SECTION = {
    "MC": "Multiple choice",
    "Short": "Short answer",
    "Numerical": "Short answer",
    "TF": "True or false",
    "Matching": "Matching",
}


def test_one_category_per_article_and_type_and_questions_under_their_own(bundled, bundled_export):
    _, questions = bundled_export
    categories = [q["title"] for q in questions if q["type"] == "Category"]
    assert len(categories) == len(set(categories))
    articles = {f"{sid} {bundled.sources[sid].title}": sid for sid in bundled.sources}
    current, facts = None, bundled.by_id
    for question in questions:
        if question["type"] == "Category":
            course, deck, article, section = question["title"].split("/")
            assert (course, deck) == ("$course$", bundled.title) and article in articles
            current = (articles[article], section)
        elif question["type"] != "Matching":
            assert (facts[question["title"].split(" ")[0]].source.id, SECTION[question["type"]]) == current
        else:
            assert current[1] == "Matching"


def test_people_are_matched_to_their_roles(bundled, bundled_export):
    _, questions = bundled_export
    matchings = [q for q in questions if q["type"] == "Matching"]
    assert matchings
    known = {(f.a, f.role) for f in bundled.facts if f.kind == "person" and f.role}
    for question in matchings:
        pairs = [(p["subquestion"]["text"], subanswer(p)) for p in question["matchPairs"]]
        people = [(left, right) for left, right in pairs if left]
        assert len(people) >= 3
        assert all(pair in known for pair in people)
        matched = {right for _, right in people}
        assert all(right not in matched for left, right in pairs if not left)  # spares match nobody


def test_special_characters_in_every_field_round_trip_exactly(tmp_path):
    bank = load_banks(SPECIAL / "decks", SPECIAL / "seeds")[0]
    found = by_title(
        parsed(exported(tmp_path, decks=SPECIAL / "decks", seeds=SPECIAL / "seeds") / "gift" / "gift.gift")
    )
    treaty = bank.by_id["gift-treaty-place"]
    assert found["gift-treaty-place"]["stem"]["text"] == treaty.q
    assert {text(c) for c in found["gift-treaty-place"]["choices"]} == {treaty.a, *treaty.distractors}
    assert {text(c) for c in found["gift-treaty-place short"]["choices"]} == set(accepted(treaty, bank))
    assert treaty.note in found["gift-treaty-place"]["globalFeedback"]["text"]
    assert found["gift-brace-chair short"]["choices"][0]["text"]["text"] == "Brace {Three}"
    pairs = {p["subquestion"]["text"]: subanswer(p) for p in found["970 roles"]["matchPairs"]}
    assert pairs["Colon: Man"] == "Chair {2012} ~ #"
    # Moodle splits a matching row at its first "->": an arrow in a role is written as "→"
    assert pairs["Tilde~Hash#"] == "Chair: of = the {council} \u2192 2011"


PIECES = list("~=#{}:\\->[]/&;1ab\n\t ") + ["[plain]", "[html]", "::", "####", "//", "\u202e"]
# every text but the two that Moodle's importer cannot take as written (tested on their own below)
HOSTILE = (
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=20)
    .map("".join)
    .filter(lambda t: "->" not in t and "&&" not in t)
)


@settings(max_examples=8, deadline=None)
@given(st.lists(st.tuples(HOSTILE, HOSTILE, HOSTILE, HOSTILE), min_size=1, max_size=30))
def test_generated_hostile_text_never_breaks_a_question(tmp_path_factory, bundled, rows):
    """Prompt, options and answers of any text come back exactly; nothing leaks into another field."""
    fact = bundled.facts[0]
    items = []
    for n, (prompt, right, wrong, form) in enumerate(rows):
        prompt, right, wrong, form = (" ".join(x.split()) or "x" for x in (prompt, right, wrong, form))
        if right == wrong:
            continue
        items.append(
            Item(
                f"q{n}",
                "mcq",
                fact.source.id,
                prompt,
                right=(right,),
                wrong=(wrong,),
                options=(right, wrong),
                facts=(fact,),
            )
        )
        items.append(Item(f"s{n}", "short", fact.source.id, prompt, right=(form,), facts=(fact,)))
    assume(items)
    path = tmp_path_factory.mktemp("hostile") / "h.gift"
    path.write_text(gift(bundled, items), encoding="utf-8")
    found = by_title(parsed(path))
    assert len(found) == len(items)
    for item in items:
        question = found[item.name]
        assert question["stem"]["text"] == item.prompt
        right = [text(c) for c in question["choices"] if c["isCorrect"]]
        assert right == list(item.right)
        if item.type == "mcq":
            assert [text(c) for c in question["choices"]] == list(item.options)


def test_what_moodle_cannot_take_as_written_is_kept_visible(tmp_path, bundled):
    """Moodle turns `&&123;` into `{` on import (the writer breaks such a code with a space) and
    takes an answer holding "->" for a matching row (the writer writes an arrow)."""
    fact = bundled.facts[0]
    path = tmp_path / "p.gift"
    path.write_text(
        gift(
            bundled,
            [
                Item("p", "short", fact.source.id, "a&&123;b?", right=("&&35;", "x->y"), facts=(fact,)),
                Item(
                    "m",
                    "mcq",
                    fact.source.id,
                    "c->d?",
                    right=("e->f",),
                    wrong=("g",),
                    options=("e->f", "g"),
                    facts=(fact,),
                ),
            ],
        ),
        encoding="utf-8",
    )
    found = by_title(parsed(path))
    assert found["p"]["stem"]["text"] == "a& &123;b?"
    assert [text(c) for c in found["p"]["choices"]] == ["& &35;", "x\u2192y"]
    assert found["m"]["stem"]["text"] == "c->d?"
    assert [text(c) for c in found["m"]["choices"]] == ["e\u2192f", "g"]


@pytest.mark.parametrize(
    ("answer", "forms"),
    [
        (
            "26 March 2020",
            [
                "26 March 2020",
                "March 26, 2020",
                "March 26 2020",
                "26 Mar 2020",
                "Mar 26, 2020",
                "Mar 26 2020",
                "2020-03-26",
            ],
        ),
        ("May 2002", ["May 2002", "2002-05"]),
        ("2002", []),
    ],
)
def test_a_date_is_accepted_in_every_common_notation(answer, forms):
    assert date_forms(answer) == forms


def test_moodle_short_answers_take_surnames_numbers_and_literal_stars(tmp_path, bundled):
    dempsey = next(f for f in bundled.facts if f.kind == "person" and f.a.endswith("Dempsey"))
    assert "Dempsey" in accepted(dempsey, bundled)
    shared = [f for f in bundled.facts if f.kind == "person" and f.a.split()[-1] == "Putin"]
    assert (
        all("Putin" not in accepted(f, bundled)[1:] or f.a == "Putin" for f in shared)
        or len({f.a for f in shared}) == 1
    )

    def fact(kind, q, a):
        return replace(bundled.facts[0], kind=kind, q=q, a=a, cloze=None)

    assert exact_number(fact("year", "In which year was the NRC created?", "2002")) == 2002
    assert exact_number(fact("number", "How many cases were there?", "1,423 cases")) == 1423
    assert exact_number(fact("number", "How many were trained?", "over 1,500")) is None
    assert exact_number(fact("number", "More than how many countries asked?", "13")) is None
    assert exact_number(fact("date", "When?", "May 2002")) is None
    fact = bundled.facts[0]
    path = tmp_path / "star.gift"
    path.write_text(
        gift(bundled, [Item("s", "short", fact.source.id, "Q?", right=("Camp*",), facts=(fact,))]), encoding="utf-8"
    )
    [question] = [q for q in parsed(path) if q["type"] == "Short"]
    assert text(question["choices"][0]) == "Camp\\*"  # Moodle's escape for a literal star


def test_the_tsv_has_one_line_per_fact_question_tab_answer(bundled, bundled_export):
    folder, _ = bundled_export
    lines = (folder / f"{bundled.name}.tsv").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(bundled.facts)
    for line, fact in zip(lines, bundled.facts, strict=False):
        assert line == f"{fact.q}\t{fact.a}"


def test_the_csv_reads_back_one_row_per_fact_fields_exact(bundled, bundled_export):
    folder, _ = bundled_export
    raw = (folder / f"{bundled.name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark, so Excel reads UTF-8
    with (folder / f"{bundled.name}.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0].keys()) == COLUMNS and len(rows) == len(bundled.facts)
    for row, fact in zip(rows, bundled.facts, strict=False):
        assert (row["id"], row["question"], row["answer"], row["stance"]) == (fact.id, fact.q, fact.a, fact.stance)
        assert row["accepted"] == LIST_SEPARATOR.join(a.strip() for a in fact.alt if a.strip() != fact.a.strip())
        assert row["quote"] == "\n".join(c.quote for c in fact.citations)
        assert row["note"] == (fact.note or "") and row["tags"] == LIST_SEPARATOR.join(fact.tags)
        assert row["source"] == LIST_SEPARATOR.join(c.source.citation() for c in fact.citations)
        if row["options"]:
            assert fact.a in row["options"].split(LIST_SEPARATOR)


def test_spreadsheet_files_neutralise_formulas_and_line_breaks(tmp_path):
    from quizgen.export.table import cell, one_line, tsv

    assert cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and cell("-5") == "'-5" and cell("5") == "5"
    assert one_line("a\tb\nc") == "a b c"
    bank = load_banks(SPECIAL / "decks", SPECIAL / "seeds")[0]
    for line in tsv(list(bank.facts)).splitlines():
        assert line.count("\t") == 1


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_no_list_separator_splits_a_field_into_a_formula_cell(separator):
    """Robustness G03: a spreadsheet in a locale whose list separator is ';' (or a tab) reads the
    CSV's quoted fields whole, so text after a separator inside a field never starts a cell."""
    from quizgen.export.table import csv_text

    bank = load_banks(SPECIAL / "decks", SPECIAL / "seeds")[0]
    hostile = replace(bank.facts[0], q="Which year was it;=1+1 in Rome?", note="Met;=cmd|' /C calc'!A0;then,=2+2")
    text = csv_text([hostile], [])
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=separator):
        assert not [cell for cell in row if cell.startswith(("=", "+", "-", "@"))], row


def test_the_same_bank_gives_byte_identical_files(tmp_path):
    one = exported(tmp_path / "one")
    two = exported(tmp_path / "two")
    for path in sorted(one.rglob("*.*")):
        assert path.read_bytes() == (two / path.relative_to(one)).read_bytes(), path.name


def test_filters_and_types_choose_what_is_exported(tmp_path, bundled):
    folder = exported(tmp_path, "--source", "3", "--stance", "fact", "--types", "mcq,tf", "--format", "gift")
    assert sorted(p.name for p in (folder / bundled.name).iterdir()) == [f"{bundled.name}.gift"]
    questions = [q for q in parsed(folder / bundled.name / f"{bundled.name}.gift") if q["type"] != "Category"]
    ids = {q["title"].split(" ")[0] for q in questions}
    assert ids and all(bundled.by_id[i].cites("003") and bundled.by_id[i].stance == "fact" for i in ids)
    assert {q["type"] for q in questions} <= {"MC", "TF"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--types", "mcq,essay"], "quizgen: --types: unknown value 'essay'; choose from mcq,short,tf,match"),
        (["--format", "xml"], "quizgen: --format: unknown value 'xml'; choose from gift,tsv,csv"),
        (["--tag", "no-such-tag"], "quizgen: --tag no-such-tag: no fact has this tag"),
        (
            ["--kind", "person", "--stance", "propaganda"],
            "quizgen: no facts match --kind person --stance propaganda together",
        ),
        (
            ["--kind", "year", "--types", "match", "--format", "gift"],
            "quizgen: nothing to export: no fact chosen gives a question of the types asked (match)",
        ),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path, args, message):
    result = run_export("--out", str(tmp_path), *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith(message)
    assert not (tmp_path / "export").exists()


def test_build_writes_the_exports_too(tmp_path, bundled):
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "build", "--no-pdf", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    for suffix in ("gift", "tsv", "csv"):
        assert (tmp_path / "export" / bundled.name / f"{bundled.name}.{suffix}").is_file()
    assert io.StringIO(result.stdout).read().count("export/") == 3
