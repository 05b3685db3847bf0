"""Random YAML documents, text and bytes into `load_banks`: it loads typed facts or raises our error."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.bank.loader import load_banks
from quizgen.bank.schema import FIELD_NAMES
from quizgen.errors import BankError, QuizgenError
from quizgen.model import KINDS, STANCES, When

CASES_DIR = Path(__file__).resolve().parent / "cases"
FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
VALID = """source: "100"
facts:
  - id: nrc-created
    q: In which year was the NATO-Russia Council created?
    a: "2002"
    kind: year
    cloze: The NATO-Russia Council was created in {{c1::2002}}.
    when: 2002-05
    event: Creation of the NATO-Russia Council
    tags: [nrc, institutions]
    quote: The NATO-Russia Council was created in May 2002 in Rome.
    stance: fact
"""
TARGETS = ("decks/x/facts.yaml", "decks/x/deck.yaml", "seeds/sources.yaml")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**30),
    st.floats(),
    st.text(max_size=30),
    st.text(alphabet="\x00\x07\x1b\n\r\t\x85\u2028 {}:[]-&*<>\"'#", max_size=10),
    st.sampled_from(
        [
            "100",
            "2002",
            "2002-05",
            "2002-13",
            "year",
            "fact",
            "<script>alert(1)</script>",
            "{{c1::2002}}",
            "{{c1::",
            "The NATO-Russia Council was created in May 2002 in Rome.",
        ]
    ),
    st.sampled_from(KINDS + STANCES),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=8),
)
keys = st.one_of(
    st.sampled_from(FIELD_NAMES + ("source", "facts", "title", "file", "year", "x\ny")),
    st.text(max_size=10),
    st.integers(),
    st.booleans(),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)),
    max_leaves=25,
)
fact_like = st.dictionaries(keys, values, max_size=len(FIELD_NAMES) + 2)
documents = st.one_of(
    values,
    st.fixed_dictionaries(
        {"source": st.one_of(st.just("100"), values), "facts": st.one_of(st.lists(fact_like, max_size=4), values)}
    ),
    st.dictionaries(keys, values, max_size=4),
)
# pieces of YAML syntax (anchors, aliases, tags, merge keys...), to break a valid file in many small ways
tokens = st.lists(
    st.sampled_from(
        [
            ":",
            ": ",
            "- ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "&a ",
            "*a",
            "&b ",
            "*b",
            "!!str ",
            "!!binary ",
            "!!set ",
            "!!python/name:os.system ",
            "!x ",
            "? ",
            "|",
            ">",
            "'",
            '"',
            "#",
            "\t",
            "\n",
            "  ",
            "~",
            "<<: ",
            "\\",
            "\\ud800",
            "\\x07",
            "%YAML 1.1\n---\n",
            "---\n",
            "...\n",
            "@",
            "`",
            "9" * 30,
        ]
    ),
    max_size=5,
)
edits = st.lists(st.tuples(st.integers(0, len(VALID)), st.integers(0, 12), tokens.map("".join)), min_size=1, max_size=5)

# flow-style YAML text with anchors and aliases (which may refer to themselves) and deep nesting
anchors = st.sampled_from("abc")
flow = st.recursive(
    st.one_of(
        anchors.map("*{}".format),
        st.sampled_from(['"100"', "2002", "2002-05", "x", "~", '"a\\nb"', "!!binary AAAA", "!x y"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4).map(lambda items: f"[{', '.join(items)}]"),
        st.lists(st.tuples(st.sampled_from(("id", "q", "source", "k")), children), max_size=4).map(
            lambda pairs: "{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"
        ),
        st.tuples(anchors, children).map(lambda pair: f"&{pair[0]} {pair[1]}"),
    ),
    max_leaves=30,
)
nested = st.tuples(st.integers(1, 600), flow).map(lambda pair: "[" * pair[0] + pair[1] + "]" * pair[0])
flow_documents = st.tuples(
    st.one_of(flow, nested),
    st.sampled_from(
        ["{}", 'source: "100"\nfacts: {}\n', VALID.replace("[nrc, institutions]", "{}"), VALID.replace('"100"', "{}")]
    ),
).map(lambda pair: pair[1].format(pair[0]))


@pytest.fixture(scope="module")
def bank_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(CASES_DIR / "seeds", root / "seeds")
    (root / "decks" / "x").mkdir(parents=True)
    return root


def load_or_fail(root: Path, target: str, data: bytes):
    """Write `data` into one file of a valid bank, load, and check what comes back."""
    pristine = {
        "decks/x/facts.yaml": VALID.encode(),
        "decks/x/deck.yaml": b"title: Sample\n",
        "seeds/sources.yaml": (CASES_DIR / "seeds" / "sources.yaml").read_bytes(),
    }
    for name, content in pristine.items():
        (root / name).write_bytes(data if name == target else content)
    try:
        banks = load_banks(root / "decks", root / "seeds")
    except BankError as exc:
        assert exc.problems
        for line in exc.problems:
            # a file's line, or the deck folder's own ("deck 'x' has no facts" for `facts: []`)
            assert re.match(r"\S*((facts|deck|sources)\.yaml|decks/x):\d+: \S", line), line
            assert "\n" not in line and len(line) <= 500
        return
    except QuizgenError:
        return
    for bank in banks:
        for fact in bank.facts:
            for text in (fact.id, fact.q, fact.a, fact.kind, fact.quote, fact.stance):
                assert isinstance(text, str) and text
            assert fact.kind in KINDS and fact.stance in STANCES
            assert fact.when is None or isinstance(fact.when, When)
            assert all(isinstance(tag, str) for tag in fact.tags + fact.alt + fact.distractors)


@FUZZ
@given(document=documents, target=st.sampled_from(TARGETS))
def test_random_yaml_structures(bank_dir, document, target):
    text = yaml.safe_dump(document, allow_unicode=True)
    load_or_fail(bank_dir, target, text.encode("utf-8"))


@FUZZ
@given(text=flow_documents, target=st.sampled_from(TARGETS))
def test_random_anchors_aliases_and_nesting(bank_dir, text, target):
    load_or_fail(bank_dir, target, text.encode("utf-8"))


@FUZZ
@given(edits=edits)
def test_valid_file_with_random_edits(bank_dir, edits):
    text = VALID
    for position, length, insert in edits:
        text = text[:position] + insert + text[position + length :]
    load_or_fail(bank_dir, "decks/x/facts.yaml", text.encode("utf-8"))


@FUZZ
@given(text=st.text(max_size=300), target=st.sampled_from(TARGETS))
def test_random_text(bank_dir, text, target):
    load_or_fail(bank_dir, target, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(data=st.binary(max_size=300), target=st.sampled_from(TARGETS))
def test_random_bytes(bank_dir, data, target):
    load_or_fail(bank_dir, target, data)


def test_the_unedited_file_loads(bank_dir):
    load_or_fail(bank_dir, "decks/x/facts.yaml", VALID.encode())
    [bank] = load_banks(bank_dir / "decks", bank_dir / "seeds")
    assert [fact.id for fact in bank.facts] == ["nrc-created"]
    assert bank.facts[0].when == When(2002, 5)
