"""Curator tools: `new-article` adds an article whole or not at all; `find` and `coverage --suggest` help draft."""

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st
from sixth_article import free_seed_id

ARTICLE = """Evolution of relations between NATO and Russia

Russia joined the North Atlantic Cooperation Council in 1991, soon after the end of the Cold War.
In 1994 Russia joined the Partnership for Peace programme. NATO opened an Information Office in
Moscow in February 2001. About 150 diplomats worked at the mission by the end of the decade.
"""


def quizgen(cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def checkout(tmp_path):
    for name in ("seeds", "decks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_new_article_adds_seed_metadata_and_a_fact_file_that_check_accepts(checkout):
    new = free_seed_id(checkout / "seeds")  # the next free id of whatever bank this is
    result = quizgen(
        checkout,
        "new-article",
        "article.txt",
        "--title",
        "Evolution of relations: NATO–Russia",
        "--outlet",
        "Test Opinions",
        "--year",
        "2019",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"added article {new}: seeds/{new}_evolution-of-relations-nato.txt (5 sentences)"
    )
    assert (checkout / "seeds" / f"{new}_evolution-of-relations-nato.txt").read_text(encoding="utf-8") == ARTICLE
    entry = (checkout / "seeds" / "sources.yaml").read_text(encoding="utf-8").split(f'"{new}":\n')[1]
    assert entry.splitlines() == [
        f'  file: "{new}_evolution-of-relations-nato.txt"',
        '  title: "Evolution of relations: NATO–Russia"',
        '  outlet: "Test Opinions"',
        "  year: 2019",
    ]
    skeleton = (checkout / "decks" / "nato-russia" / f"{new}-evolution-of-relations-nato.yaml").read_text()
    assert skeleton.startswith("# yaml-language-server: $schema=")
    assert f'source: "{new}"\nfacts: []\n' in skeleton
    assert "# s1: Evolution of relations between NATO and Russia\n" in skeleton  # the headline alone
    assert "# s3: In 1994 Russia joined the Partnership for Peace programme." in skeleton
    check = quizgen(checkout, "check")
    assert check.returncode == 0, check.stderr
    table = quizgen(checkout, "coverage", "--no-html").stdout.splitlines()
    rows = [row.split() for row in table[: table.index("")] if row.split()[:1] == [new]]  # the table, not the details
    assert rows == [[new, "5", "0", "1", "4"]]  # nothing asked yet; the headline skipped


def test_coverage_suggests_a_stub_for_every_sentence_not_yet_asked(checkout):
    new = free_seed_id(checkout / "seeds")
    assert quizgen(checkout, "new-article", "article.txt", "--title", "Evolution", "--year", "2019").returncode == 0
    stubs = quizgen(checkout, "coverage", "--source", new, "--suggest").stdout
    assert stubs.count(f"  - id: {new}-s") == 4
    assert (
        'a: "February 2001"\n    kind: date\n    quote: "NATO opened an Information Office in Moscow in February 2001."'
        in stubs
    )
    assert 'a: "1994"\n    kind: year' in stubs
    assert 'a: "150"\n    kind: number' in stubs


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", "Two\nlines", "--year", "2019"], "quizgen: --title: contains a control character (U+000A)"),
        (["--title", "T", "--year", "3019"], "quizgen: --year: 3019 is not a year from 1000 to 2999"),
        (["--title", "T", "--year", "999"], "quizgen: --year: 999 is not a year from 1000 to 2999"),  # as sources.yaml
        (["--title", "\u202eevil", "--year", "2019"], "quizgen: --title: contains a bidirectional-override character"),
        (["--title", "T"], "the following arguments are required: --year"),
    ],
)
def test_bad_metadata_is_one_line_and_writes_nothing(checkout, args, message):
    before = snapshot(checkout)
    result = quizgen(checkout, "new-article", "article.txt", *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert message in result.stderr.strip().splitlines()[-1]
    assert snapshot(checkout) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not utf-8", "not UTF-8 text"),
        (b"Too short to be an article.", "fewer than 20 words"),
        (ARTICLE.replace("Moscow", "Mos\x1b[31mcow").encode(), "article.txt:5: contains a control character (U+001B)"),
    ],
)
def test_a_file_that_is_not_an_article_is_refused(checkout, content, message):
    (checkout / "article.txt").write_bytes(content)
    before = snapshot(checkout)
    result = quizgen(checkout, "new-article", "article.txt", "--title", "T", "--year", "2019")
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert snapshot(checkout) == before


def test_find_lists_every_fact_with_the_words_and_where_it_is(checkout):
    result = quizgen(checkout, "find", "Information", "Office", "Moscow")
    assert result.returncode == 0
    heads = [line for line in result.stdout.splitlines() if line.startswith("decks/")]
    assert any(": dw2021-information-office-closed [organization, fact]" in line for line in heads)
    assert result.stdout.splitlines()[-1] == f"{len(heads)} facts found"
    assert quizgen(checkout, "find", "zzzqqq").returncode == 1


@pytest.mark.parametrize("title", ["НАТО и Россия", "Cenuşa's op-ed", "Ελλάδα και ΝΑΤΟ", "NATO–Russia: 1997"])
def test_a_new_articles_file_name_reads_as_its_worksheet_folder_does(title):
    """rv5-code M3: one transliteration for every file name made from a title (no 'article' for Cyrillic)."""
    from quizgen.authoring.article import slug
    from quizgen.worksheet.options import slug as folder

    assert slug(title) != "article" and folder(title).startswith(slug(title))


@given(st.lists(st.sampled_from(["five", "years", "of", "the", "council", "and", "nato", "in", "2002"]), min_size=1))
def test_a_new_articles_file_name_never_ends_in_a_small_word(words):
    """rv5-author W10: 'Five years of the Permanent …' gave '005_five-years-of-the.txt'."""
    from quizgen.authoring.article import slug

    name = slug(" ".join(words)).split("-")
    small = {"of", "the", "and", "in"}  # written here, not taken from the program
    assert name == words[:1] or name[-1] not in small
    assert words[: len(name)] == name  # the title's own first words, in order
    assert slug("Five years of the Permanent Joint Council: a voice, not a veto") == "five-years"
