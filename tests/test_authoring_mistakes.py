"""The mistakes a teacher made adding an article (review rv3-author) are each named by the command
line, in one line with file, line and field: a thousands comma YAML splits out of a flow list, a
`TODO` left from `coverage --suggest`, a badly indented line, a curated distractor of another form,
a bad `--date`, the same article added twice; `find` matches whole words, `--suggest` guesses kinds."""

import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.bank.rules import Problems, check_fact
from quizgen.bank.seeds import load_seeds
from quizgen.bank.yamlfile import LineDict, read_yaml
from quizgen.errors import BankError

# an article of our own: a number with a thousands comma, a designation with a digit, a claim
ARTICLE = """Arms control in a cold climate

The Intermediate-Range Nuclear Forces Treaty banned missiles with ranges between 500 and 5,500 kilometres.
It was signed in Washington in December 1987 by the leaders of both superpowers.
Some analysts argue that the end of the treaty in 2019 made Europe less safe.
Russia deployed a cruise missile that NATO calls the SSC-8.
"""
RANGE = """  - id: ac-inf-upper-range
    q: Up to which range did the INF Treaty ban missiles, according to the arms control article?
    a: 5,500 kilometres
    kind: number
    quote: "banned missiles with ranges between 500 and 5,500 kilometres"
    stance: fact
"""
CITY = """  - id: ac-inf-signed-city
    q: In which city was the INF Treaty signed, according to the arms control article?
    a: Washington
    kind: place
    quote: "It was signed in Washington in December 1987 by the leaders"
    stance: fact
"""


def quizgen(cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def teacher(tmp_path_factory):
    """A checkout with the article added by `new-article`: (root, fact file as check shows it, header)."""
    root = tmp_path_factory.mktemp("mistakes")
    for name in ("seeds", "decks"):
        shutil.copytree(ROOT / name, root / name)
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    added = quizgen(root, "new-article", "article.txt", "--title", "Arms control in a cold climate", "--year", "2023")
    assert added.returncode == 0, added.stderr
    seed_id = re.match(r"added article (\S+):", added.stdout).group(1)
    [path] = (root / "decks" / "nato-russia").glob(f"{seed_id}-*.yaml")
    header = f'source: "{seed_id}"\nfacts:\n'
    return root, path, header


def run_check(teacher, facts: str, tail: str = "") -> tuple[subprocess.CompletedProcess, str]:
    root, path, header = teacher
    path.write_text(header + facts + tail, encoding="utf-8")
    return quizgen(root, "check"), str(path.relative_to(root))


def first_problem(teacher, facts: str) -> tuple[str, str]:
    """The first line `check` prints for `facts` (it must refuse them: exit 2, no traceback), and the file."""
    result, shown = run_check(teacher, facts)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    return result.stderr.splitlines()[0], shown


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the fact file on which `needle` is written (the header is two lines)."""
    return 3 + text.splitlines().index(next(line for line in text.splitlines() if needle in line))


def test_the_written_facts_are_clean(teacher):
    result, _ = run_check(teacher, RANGE + CITY)
    assert result.returncode == 0, result.stderr


def test_a_thousands_comma_in_an_unquoted_alt_list_is_one_line_naming_the_alt(teacher):
    facts = RANGE + "    alt: [5500 km, 5,500 km, 5500]\n"
    result, shown = run_check(teacher, facts)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{shown}:{line_of(facts, 'alt:')}: fact 'ac-inf-upper-range': field 'alt': '5' and '500 km' are "
        f'one value split at its comma by YAML: put it in quotes, "5,500 km"'
    )
    quoted, _ = run_check(teacher, RANGE + '    alt: [5500 km, "5,500 km", 5500]\n')
    assert quoted.returncode == 0, quoted.stderr


def test_an_alt_stating_another_number_is_refused(teacher):
    facts = RANGE + '    alt: ["500 km"]\n'
    first, shown = first_problem(teacher, facts)
    assert first == (
        f"{shown}:{line_of(facts, 'alt:')}: fact 'ac-inf-upper-range': field 'alt': '500 km' states 500, "
        "not the answer's number 5500: an alt is the answer written another way"
    )


BUNDLED_SEEDS = load_seeds(ROOT / "seeds", "seeds")
OVER_1500 = next(
    (raw, BUNDLED_SEEDS[str(doc["source"])])
    for path in sorted((ROOT / "decks" / "nato-russia").glob("0*.yaml"))
    for doc in [read_yaml(path, path.name)]
    for raw in doc["facts"]
    if raw["kind"] == "number" and "," in raw["a"]
)  # a bundled number fact whose answer has a thousands comma


def _with_alt(tmp_path_factory, alt_line: str) -> list[str]:
    """check_fact's messages for the bundled fact with its `alt` written as `alt_line`."""
    raw, seed = OVER_1500
    path = tmp_path_factory.mktemp("alt") / "alt.yaml"
    path.write_text(alt_line + "\n", encoding="utf-8")
    alt = read_yaml(path, "alt.yaml")["alt"]
    fact = LineDict({**raw, "alt": alt})
    fact.line, fact.lines = raw.line, {**raw.lines, "alt": 1000}
    found = Problems("f.yaml", fact, raw["id"])
    check_fact(found, fact, seed, BUNDLED_SEEDS)
    return found.lines


ITEM = st.tuples(st.sampled_from(["", "over ", "about "]), st.integers(1000, 10**9), st.sampled_from(["", " km", "%"]))


@settings(max_examples=60, deadline=None)
@given(items=st.lists(ITEM, min_size=1, max_size=4), at=st.integers(0, 3), data=st.data())
def test_any_flow_list_item_with_a_thousands_comma_unquoted_is_refused_and_quoted_is_not(
    tmp_path_factory, items, at, data
):
    """Over numbers of every size, prefix, unit and position: YAML splits `n,nnn` at the first
    comma (the test splits it itself), `check` names both pieces; quoted, no split is reported."""
    written = [f"{prefix}{number:,}{unit}" for prefix, number, unit in items]
    plain = [f"{prefix}{number}{unit}" for prefix, number, unit in items]  # no comma
    split = written[at % len(written)]
    others = [text for i, text in enumerate(plain) if i != at % len(written)]
    order = [*others[: at % len(written)], split, *others[at % len(written) :]]
    lines = _with_alt(tmp_path_factory, f"alt: [{', '.join(order)}]")
    parts = [part.strip() for part in split.split(",")]
    named = (
        " and ".join(f"'{part}'" for part in parts)
        if len(parts) == 2
        else (", ".join(f"'{part}'" for part in parts[:-1]) + f" and '{parts[-1]}'")
    )
    assert [line for line in lines if "split at its comma" in line] == [
        f"f.yaml:1: fact '{OVER_1500[0]['id']}': field 'alt': {named} are one value split "
        f'at its comma{"s" * (len(parts) > 2)} by YAML: put it in quotes, "{",".join(parts)}"'
    ]
    quoted = _with_alt(tmp_path_factory, "alt: [" + ", ".join(f'"{text}"' for text in order) + "]")
    assert not [line for line in quoted if "split at its comma" in line]


@settings(max_examples=30, deadline=None)
@given(items=st.lists(ITEM.filter(lambda item: item[1] < 10**6), min_size=2, max_size=4))
def test_every_split_value_of_a_list_is_reported_at_once(tmp_path_factory, items):
    """rv5-author W7: `[150 soldiers, 15,000 soldiers, 40,000 soldiers]` named only 15,000; each
    number under a million has one comma, so each item is one split value, each named."""
    written = [f"{prefix}{number:,}{unit}" for prefix, number, unit in items]
    lines = _with_alt(tmp_path_factory, f"alt: [{', '.join(written)}]")
    split = [line for line in lines if "split at its comma" in line]
    expected = [text.split(",") for text in written]
    assert [f"'{before.strip()}' and '{after.strip()}' are one value" for before, after in expected] == [
        line.split("field 'alt': ", 1)[1].split(" split at")[0] for line in split
    ]


def test_a_todo_left_from_coverage_suggest_is_refused_in_question_and_skip_reason(teacher):
    root, path, header = teacher
    run_check(teacher, RANGE)  # a clean bank: coverage needs one
    stubs = quizgen(root, "coverage", "--source", header.split('"')[1], "--suggest")
    assert stubs.returncode == 0 and "    q: TODO\n" in stubs.stdout
    facts = re.sub(r"q: .*", "q: TODO", RANGE)
    skipped = '\nskipped:\n  - {passage: "Arms control in a cold climate", reason: TODO}\n'
    result, shown = run_check(teacher, facts, skipped)
    assert result.returncode == 2
    text = facts + skipped
    assert result.stderr.splitlines()[:2] == [
        f"{shown}:{line_of(text, 'reason: TODO')}: field 'skipped': 'reason' still holds the placeholder TODO "
        "that coverage --suggest writes: write it in",
        f"{shown}:{line_of(text, 'q: TODO')}: fact 'ac-inf-upper-range': field 'q' still holds the "
        "placeholder TODO that coverage --suggest writes: write it in",
    ]


TEXT_FIELDS = ("q", "note", "cloze", "event", "role", "category", "derived", "as_written")


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_todo_in_any_written_field_of_any_bundled_fact_is_refused_at_that_field(data):
    """Every bundled fact, every field a curator writes (not the verbatim quote): TODO anywhere in
    it is an error on that field's line."""
    path = data.draw(st.sampled_from(sorted((ROOT / "decks" / "nato-russia").glob("0*.yaml"))))
    doc = read_yaml(path, path.name)
    raw = data.draw(st.sampled_from(list(doc["facts"])))
    field = data.draw(st.sampled_from([f for f in (*TEXT_FIELDS, "a", "alt", "distractors") if f in raw] or ["q"]))
    words = data.draw(st.sampled_from(["TODO", "TODO later", "write this TODO"]))
    value = [words, *raw[field][1:]] if isinstance(raw[field], list) else words
    fact = LineDict({**raw, field: value})
    fact.line, fact.lines = raw.line, dict(raw.lines)
    found = Problems(path.name, fact, raw["id"])
    check_fact(found, fact, BUNDLED_SEEDS[str(doc["source"])], BUNDLED_SEEDS)
    assert (
        f"{path.name}:{raw.lines[field]}: fact '{raw['id']}': field '{field}' still holds the placeholder "
        "TODO that coverage --suggest writes: write it in"
    ) in found.lines


def test_a_field_indented_3_spaces_is_named_in_plain_words(teacher):
    facts = RANGE.replace("    kind: number", "   kind: number")
    first, shown = first_problem(teacher, facts)
    assert first == (
        f"{shown}:{line_of(facts, 'kind: number')}: malformed YAML: this line is indented 3 spaces, the line "
        "above it 4: the fields of one fact start in the same column (a new fact starts with '- ')"
    )


def test_a_distractor_of_another_form_that_costs_the_multiple_choice_is_named(teacher):
    facts = CITY + "    distractors: [the Kremlin, Geneva, Vienna]\n"
    result, shown = run_check(teacher, facts)
    assert result.returncode == 0
    assert (
        f"{shown}:{line_of(facts, '    distractors: [the Kremlin')}: fact 'ac-inf-signed-city': field 'distractors': "
        "'the Kremlin' is never shown as an option ('the Kremlin' starts with an article (the, a, an) and "
        "'Washington' does not), so the fact has no multiple-choice question (options must look alike and be "
        "certainly wrong); reword or replace it"
    ) in result.stderr.splitlines()
    preview = quizgen(teacher[0], "preview", "ac-inf-signed-city").stdout.splitlines()
    assert (
        "  multiple choice: none (fewer than three certainly wrong options: 2 of your 3 distractors usable; "
        "add distractors or a category)"
    ) in preview
    assert (
        "    distractor 'the Kremlin' refused: 'the Kremlin' starts with an article (the, a, an) and "
        "'Washington' does not"
    ) in preview
    fine, _ = run_check(teacher, CITY + "    distractors: [Moscow, Geneva, Vienna]\n")
    assert "ac-inf-signed-city" not in fine.stderr


def test_new_article_names_a_bad_date_by_its_option_and_refuses_the_same_text_twice(teacher):
    root, _, _ = teacher
    before = (root / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    (root / "other.txt").write_text(ARTICLE.replace("cold", "warm"), encoding="utf-8")
    bad = quizgen(root, "new-article", "other.txt", "--title", "T", "--year", "2023", "--date", "2023-13")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "quizgen: --date: '2023-13' must be a real date as YYYY, YYYY-MM or YYYY-MM-DD"
    again = quizgen(root, "new-article", "article.txt", "--title", "Again", "--year", "2023")
    assert again.returncode == 2 and "article.txt: this text is already article " in again.stderr
    assert "edit its entry in seeds/sources.yaml" in again.stderr
    assert (root / "seeds" / "sources.yaml").read_text(encoding="utf-8") == before


def test_find_matches_whole_words_only(teacher):
    root, _, _ = teacher
    run_check(teacher, RANGE + CITY)
    result = quizgen(root, "find", "INF")
    heads = [line for line in result.stdout.splitlines() if line.startswith("decks/")]
    assert heads and all(": ac-inf-" in line for line in heads)  # not 'information', 'influence'
    assert quizgen(root, "find", "inf*").stdout.count(": ") > len(heads)  # a trailing * allows any ending


def test_coverage_suggest_guesses_no_number_from_a_designation_and_a_claim_from_argue(teacher):
    root, _, header = teacher
    run_check(teacher, RANGE)
    stubs = quizgen(root, "coverage", "--source", header.split('"')[1], "--suggest").stdout
    blocks = {block.split("quote: ")[1].split("\n")[0]: block for block in stubs.split("  # s")[1:]}
    [ssc] = [block for quote, block in blocks.items() if "SSC-8" in quote]
    assert "kind: number" not in ssc and 'a: "8"' not in ssc
    [argue] = [block for quote, block in blocks.items() if "Some analysts argue" in quote]
    assert "stance: claim" in argue
    assert all("stance: fact" in block for quote, block in blocks.items() if "argue" not in quote)


FACT_LINES = ["  - id: ac-x", "    q: Which range?", '    a: "5,500 km"', "    kind: number", "    stance: fact"]


@settings(max_examples=30, deadline=None)
@given(row=st.integers(2, 4), spaces=st.integers(1, 12).filter(lambda n: n not in (2, 4)))
def test_a_field_indented_unlike_the_one_above_is_named_with_both_indents(tmp_path_factory, row, spaces):
    """Any field of a fact, moved to any other indent: the message counts the spaces of the line
    and of the one above (the parser names no indentation at all)."""
    lines = list(FACT_LINES)
    lines[row] = " " * spaces + lines[row].lstrip()
    path = tmp_path_factory.mktemp("indent") / "f.yaml"
    path.write_text('source: "005"\nfacts:\n' + "\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BankError) as caught:
        read_yaml(path, "f.yaml")
    [message] = caught.value.problems
    # the parser may stumble on the moved line or on the next one; either is named with its indent
    stumbled = re.match(
        r"f\.yaml:(\d+): malformed YAML: this line is indented (\d+) spaces, the line above it (\d+)", message
    )
    assert stumbled, message
    number, here, above = map(int, stumbled.groups())
    assert number in (row + 3, row + 4)
    assert (here, above) == (spaces, 4) if number == row + 3 else (4, spaces)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('    q: "Which range?\n    kind: number\n', 4, "a quotation mark opened on this line is not closed on it"),
        ("    kind number\n    stance: fact\n", 4, "this line is not 'field: value' (a colon is missing)"),
        ("    alt: [5500 km, 5500\n    stance: fact\n", 4, "a '[' opened on this line is not closed with ']'"),
        ("    note: `code`\n", 4, "a value cannot start with '`': put the value in quotes"),
        ("    note: see: this\n", 4, "this line has a ': ' where no field can start"),
    ],
)
def test_common_yaml_mistakes_are_named_in_plain_words(tmp_path, text, line, message):
    path = tmp_path / "f.yaml"
    path.write_text('source: "005"\nfacts:\n  - id: ac-x\n' + text, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        read_yaml(path, "f.yaml")
    assert caught.value.problems[0].startswith(f"f.yaml:{line}: malformed YAML: {message}")


def test_facts_pasted_under_an_empty_list_say_to_drop_the_brackets(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text('source: "005"\nfacts: []\n  - id: ac-x\n    q: Which?\n', encoding="utf-8")
    with pytest.raises(BankError) as caught:
        read_yaml(path, "f.yaml")
    assert caught.value.problems == [
        "f.yaml:3: malformed YAML: the line above says 'facts: []', an empty list: write 'facts:' alone above its items"
    ]


def test_every_line_indented_with_a_tab_is_named_at_once(teacher):
    """The parser stops at the first tab; a teacher whose editor typed tabs fixes them all in one run."""
    facts = RANGE.replace("    kind: number", "\tkind: number").replace("    stance: fact", "\t  stance: fact")
    result, shown = run_check(teacher, facts)
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == [
        f"{shown}:{line_of(facts, 'kind: number')}: malformed YAML: tab character used for indentation (use spaces)",
        f"{shown}:{line_of(facts, 'stance: fact')}: malformed YAML: tab character used for indentation (use spaces)",
    ]


def test_citing_the_files_own_article_under_sources_says_so(teacher):
    root, _, header = teacher
    seed_id = header.split('"')[1]
    facts = RANGE + f'    sources:\n      - {{source: "{seed_id}", quote: "banned missiles with ranges between 500"}}\n'
    first, shown = first_problem(teacher, facts)
    assert first == (
        f"{shown}:{line_of(facts, '- {source:')}: fact 'ac-inf-upper-range': field 'sources': seed '{seed_id}' is "
        "this file's own article, which 'quote' cites already: list only further articles here"
    )


def test_a_misspelt_field_is_named_with_the_field_meant(teacher):
    facts = RANGE.replace("    kind: number", "    kind: number\n    catgory: missile-range")
    first, shown = first_problem(teacher, facts)
    assert first.startswith(
        f"{shown}:{line_of(facts, 'catgory:')}: fact 'ac-inf-upper-range': unknown field 'catgory' (allowed: id, q, a,"
    )
    assert first.endswith("); did you mean 'category'?")


ONE_YEAR_FACTS = (ROOT / "tests" / "fixtures" / "one-year-article" / "005-bucharest-to-tskhinvali.yaml").read_text(
    encoding="utf-8"
)
PLAIN_VALUES = [
    number
    for number, text in enumerate(ONE_YEAR_FACTS.splitlines(), 1)
    if re.match(r"\s+(- )?(q|a|quote|cloze|note|event|role|passage|reason): [^\"'\[{]", text) and '"' not in text
]  # a value holding no quotation mark: opened with one, it is left open


@settings(max_examples=40, deadline=None)
@given(at=st.sampled_from(PLAIN_VALUES))
def test_an_unclosed_quotation_mark_is_named_at_the_line_it_opened_on(tmp_path_factory, at):
    """rv4-author M3: a value opened with '"' and never closed ran on to the next quotation mark,
    2-35 lines on, and was reported there: any plain value of a real article's fact file, opened
    with a quotation mark, is named at its own line in the README's words."""
    lines = ONE_YEAR_FACTS.splitlines()
    key, value = lines[at - 1].split(": ", 1)
    lines[at - 1] = f'{key}: "{value}'
    path = tmp_path_factory.mktemp("unclosed") / "005-x.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BankError) as raised:
        read_yaml(path, "005-x.yaml")
    assert raised.value.problems == [
        f"005-x.yaml:{at}: malformed YAML: a quotation mark opened on this line is not closed on it: close it"
    ]


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    day=st.integers(1, 28),
    month=st.sampled_from(MONTH_NAMES),
    first=st.sampled_from(["George", "Heidi", "Nicolas"]),
    initial=st.sampled_from(["W. ", ""]),
    last=st.sampled_from(["Bush", "Tagliavini", "Sarkozy"]),
    title=st.sampled_from(["President ", "Secretary General ", ""]),
    body=st.sampled_from(["Membership Action Plan", "Fact Finding Report", "Joint Statement"]),
    place=st.sampled_from(["South Ossetia", "North Macedonia", "Black Sea"]),
)
def test_coverage_suggest_guesses_rv4_authors_sentences_right(day, month, first, initial, last, title, body, place):
    """rv4-author W2: a person's name with a middle initial after a title, a '… Plan' (a document),
    a place named with South/North/Sea, and a day of a month with no year (no number) are guessed
    right; the expected kinds are the README's, not read from the program."""
    from quizgen.coverage.suggest import guess

    assert guess(f"The remark was made to {title}{first} {initial}{last} at the summit.") == (
        "person",
        f"{first} {initial}{last}",
    )
    assert guess(f"NATO refused a {body} to the two countries.") == ("document", body)
    assert guess(f"Georgian forces shelled the town in {place}.") == ("place", place)
    assert guess(f"On {day} {month} the fighting stopped.")[0] != "number"


@pytest.mark.parametrize(
    "sentence",
    [
        "Western officials repeated that it gave Moscow a voice, but not a veto, over the Alliance's decisions.",
        "He announced that Russia would remove the warheads from all of its missiles.",
        "The minister declared that the talks were over.",
    ],
)
def test_coverage_suggest_takes_a_reported_statement_for_a_claim(sentence):
    """rv5-author W1: 'repeated that', 'announced that' report what someone asserts."""
    from quizgen.coverage.suggest import _OPINION

    assert _OPINION.search(sentence)
    assert not _OPINION.search("The council met for the first time in Brussels on 18 July 1997.")
