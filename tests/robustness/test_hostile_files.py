"""`quizgen check` on hostile files: one `path:LINE:` line per problem, exit 2, never a traceback.

Each case is a folder in cases/ named after its scenario (a deck in decks/x/, and seeds/ when the
seeds themselves are the hostile part; otherwise cases/seeds/ is used). The table says which
line each problem is reported on and a phrase its message must contain.
"""

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

CASES_DIR = Path(__file__).resolve().parent / "cases"
F = "decks/x/facts.yaml"
DECK = "decks/x/deck.yaml"
SOURCES = "seeds/sources.yaml"

# scenario -> [(file, line, phrase in the message), ...], one entry per expected problem
CASES = {
    # malformed YAML of every kind
    "unclosed-flow-sequence": [(F, 3, "malformed YAML: a '{' opened on this line is not closed with '}'")],
    # the quote opened on line 4 is closed by the next '"', on line 5, where the parser stumbles
    "unclosed-quote": [(F, 4, "malformed YAML: a quotation mark opened on this line is not closed on it")],
    "unknown-escape": [(F, 4, "malformed YAML: found unknown escape character 'q'")],
    "two-documents": [(F, 9, "malformed YAML: but found another document")],
    "undefined-alias": [(F, 9, "malformed YAML: a value cannot start with '*': put the value in quotes")],
    "unknown-tag": [(F, 5, "malformed YAML: could not determine a constructor for the tag '!secret'")],
    "python-name-tag": [
        (
            F,
            4,
            "malformed YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:python/name:os.system'",
        )
    ],
    "python-object-tag": [(F, 5, "field 'a' must be a string, not a list")],  # the tag is ignored
    "merge-key": [(F, 8, "malformed YAML: merge keys (<<) are not supported; repeat the fields")],
    "complex-key": [(F, 9, "malformed YAML: mapping key must be a plain value")],
    "null-key": [(F, 9, "malformed YAML: mapping key must be a plain value")],
    "lone-surrogate-escape": [(F, 4, "malformed YAML: escape of a lone surrogate")],
    "billion-laughs": [(F, 1, "malformed YAML: aliases expand to too many values")],
    "recursive-alias": [(F, 2, "malformed YAML: recursive alias")],
    "deep-flow-nesting": [(F, 1, "malformed YAML: nested too deeply")],
    "huge-integer": [(F, 5, "field 'a' is too long (5000 characters, at most 2000)")],  # kept as text
    "impossible-timestamp": [
        (F, 9, "field 'when' must be a real date as YYYY, YYYY-MM or YYYY-MM-DD; got '2002-13-45'")
    ],
    "year-zero-timestamp": [
        (F, 9, "field 'when' must be a real date as YYYY, YYYY-MM or YYYY-MM-DD; got '0000-01-01'")
    ],
    "binary-tag-source": [(F, 1, "field 'source': unknown seed 'b'")],
    "nul-byte": [(F, 7, "binary file (NUL byte), not YAML")],
    "utf16-file": [(F, 1, "not UTF-8 text (byte 0xff)")],
    "overlong-utf8": [(F, 4, "not UTF-8 text (byte 0xc0)")],
    "surrogate-utf8-bytes": [(F, 4, "not UTF-8 text (byte 0xed)")],
    "latin1-deck-title": [(DECK, 1, "not UTF-8 text (byte 0xe9)")],
    # control characters, and values that try to forge a second message line
    "control-characters": [
        (F, 4, "field 'q' contains a control character"),
        (F, 9, "field 'note' contains a control character"),
    ],
    "newline-injection-in-kind": [(F, 6, "field 'kind' contains a control character (U+000A)")],
    "newline-injection-in-key": [(F, 9, r"unknown field 'answer\nfake.yaml:1: injected'")],
    "next-line-in-id": [(F, 3, r"fact 'nrc\x85created': field 'id' contains a control character (U+0085)")],
    "line-separator-in-tag": [(F, 9, "field 'tags' contains a control character (U+2028)")],
    # wrong types
    "top-level-list": [(F, 1, "expected a mapping with 'source' and 'facts'")],
    "top-level-scalar": [(F, 1, "expected a mapping with 'source' and 'facts'")],
    "facts-is-a-mapping": [(F, 2, "field 'facts' must be a list of facts (`facts: []` while none)")],
    # an empty list is a new article's file; a deck with no fact at all is still refused
    "facts-empty": [("decks/x", 1, "deck 'x' has no facts (add a fact file)")],
    "fact-is-a-scalar": [(F, 3, "fact #1: expected a mapping of fields")],
    "question-is-a-mapping": [(F, 4, "field 'q' must be a string, not a mapping")],
    "tags-is-a-string": [(F, 9, "field 'tags' must be a list of non-empty strings")],
    "alt-is-nested": [(F, 9, "field 'alt' must be a list of non-empty strings")],
    "answer-is-a-boolean": [(F, 5, "field 'a' must be a string, not a boolean")],
    "id-is-a-number": [(F, 3, "fact '#1': field 'id' must be a string, not a number")],
    "source-is-a-list": [(F, 1, "field 'source' must be a seed id, not a list or mapping")],
    "when-is-a-list": [(F, 9, "field 'when' must be a real date as YYYY, YYYY-MM or YYYY-MM-DD")],
    # unknown keys and seeds, quotes, clozes, duplicates
    "unknown-top-level-key": [(F, 9, "unknown top-level field 'sources' (allowed: source, facts, retired, skipped)")],
    "unknown-seed-path": [(F, 1, "field 'source': unknown seed '../100' (known: 100)")],
    "quote-only-spaces": [(F, 7, "missing required field 'quote'")],
    "quote-with-markup": [(F, 7, "field 'quote' is not found verbatim in seed 100")],
    "cloze-numbered-from-zero": [(F, 9, "deletions must be numbered c1, c2, ... without gaps")],
    "cloze-nested": [(F, 9, "field 'cloze': nested or unclosed deletion")],
    "cloze-two-hints": [(F, 9, "deletion c1 has more than one '::' hint")],
    # the repeated question is the same fact twice: reported once, as the duplicate id
    "duplicate-fact-by-alias": [(F, 3, f"duplicate id (first defined at {F}:3)")],
    # hostile deck metadata and seeds
    "deck-title-is-a-list": [(DECK, 1, "field 'title' must be a non-empty string")],
    "seeds-not-a-mapping": [(SOURCES, 1, "expected a mapping of seed ids to article metadata")],
    "seed-text-not-utf8": [(SOURCES, 2, "seed '100': cannot read seeds/100_sample.txt")],
    "seed-file-missing": [(SOURCES, 2, "cannot read seeds/100_sample.txt: No such file or directory")],
    "seed-year-not-a-number": [(SOURCES, 5, "seed '100': field 'year' must be a whole number")],
    "seed-title-is-a-list": [(SOURCES, 3, "seed '100': field 'title' must be text")],
}
SAFE_CASES = ["markup-in-every-text-field"]


def run_check(case_dir: Path) -> subprocess.CompletedProcess:
    seeds = "seeds" if (case_dir / "seeds").is_dir() else "../seeds"
    return subprocess.run(
        [sys.executable, "-m", "quizgen", "check", "--decks", "decks", "--seeds", seeds],
        cwd=case_dir,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A copy of the cases: a YAML tag that ran code would write there, not into the repository."""
    work = tmp_path_factory.mktemp("hostile")
    for case in [*CASES, *SAFE_CASES, "seeds"]:
        shutil.copytree(CASES_DIR / case, work / case)
    return work


@pytest.fixture(scope="module")
def results(work) -> dict[str, subprocess.CompletedProcess]:
    """Every case run once, four at a time."""
    names = [*CASES, *SAFE_CASES]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(names, pool.map(lambda name: run_check(work / name), names), strict=False))


def test_every_case_folder_is_in_the_table():
    folders = {path.name for path in CASES_DIR.iterdir() if path.is_dir()} - {"seeds"}
    assert folders == set(CASES) | set(SAFE_CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_gets_one_line_per_problem(case, results):
    result = results[case]
    assert "Traceback" not in result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    *lines, summary = result.stderr.splitlines()  # \r, \x85, \u2028... would split too
    expected = CASES[case]
    assert len(lines) == len(expected), result.stderr
    for line, (path, number, phrase) in zip(lines, expected, strict=False):
        assert line.startswith(f"{path}:{number}: "), line
        assert phrase in line, line
        assert len(line) <= 500
    count = len(expected)
    assert summary == f"quizgen: {count} problem{'s' if count != 1 else ''} in the fact bank; nothing was written"


def test_python_tags_never_run_code(results, work):
    assert results["python-object-tag"].returncode == 2
    assert not (work / "python-object-tag" / "pwned").exists()


@pytest.mark.parametrize("case", SAFE_CASES)
def test_markup_in_every_text_field_is_plain_text_to_the_loader(case, results):
    result = results[case]
    assert result.returncode == 0, result.stderr
    assert "1 facts, all quotes found in their seeds" in result.stdout
    assert "<script>alert('deck')</script> & Co (x)" in result.stdout
