"""Finding G05 of review rv3-robust: `new-article` checked the pieces of `str.splitlines()`, which also
splits at VT, FF and FS-RS, so those control characters reached seeds/; and `check` applied no
character rule to seed texts at all. Both now test the whole text: every unsafe character but the
text's own line breaks (and tabs) is refused, in one line naming file and line."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from test_new_article_lock import ARTICLE
from test_review_findings import check, one_problem, write_review_bank

from quizgen.authoring.article import Article, add_article
from quizgen.errors import UsageError
from quizgen.text import unsafe_in_lines

# what the review put in an article, and what a pasted or hostile text brings, with how a message names it
KIND = {
    "\x0b": "a control",
    "\x0c": "a control",
    "\x1c": "a control",
    "\x1d": "a control",
    "\x1e": "a control",
    "\x1b": "a control",
    "\x07": "a control",
    "\x85": "a control",
    "\u2028": "a control",
    "\u202e": "a bidirectional-override",
    "\u200b": "an invisible",
}


def unsafe_by_unicode() -> list[str]:
    """Every code point the project calls unsafe, from unicodedata (not from the rule under test):
    categories Cc, Cf, Co and Cs, and the line and paragraph separators; minus the tab."""
    return [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if (unicodedata.category(chr(code)) in ("Cc", "Cf", "Co", "Cs") or code in (0x2028, 0x2029))
        and chr(code) != "\t"
    ]


def test_g05_every_unsafe_character_but_a_line_break_is_found_on_its_line():
    found = 0
    for character in unsafe_by_unicode():
        text = "First line,\ttabbed.\r\nSecond line\nthird " + character + " here.\n"
        if character in "\n\r":
            assert unsafe_in_lines(text) is None
            continue
        where = unsafe_in_lines(text)
        assert where is not None and where[0] == 3, repr(character)
        assert f"U+{ord(character):04X}" in where[1]
        found += 1
    assert found > 130_000  # the private-use planes are in
    assert unsafe_in_lines(ARTICLE + "\r\n\n\tIndented.\r") is None


@pytest.mark.parametrize("character", list(KIND), ids=lambda c: f"U+{ord(c):04X}")
def test_g05_new_article_refuses_the_characters_splitlines_hid(tmp_path, character):
    root = write_review_bank(tmp_path)
    before = {path.name: path.read_bytes() for path in (root / "seeds").iterdir()}
    article = root / "a.txt"
    article.write_text(ARTICLE + "\nA second paragraph" + character + " with more words.\n", newline="")
    with pytest.raises(UsageError) as refused:
        add_article(Article(article, "Title", "Outlet", None, 2020), root / "seeds", root / "decks/x", "schema")
    assert str(refused.value) == (
        f"{article}:2: contains {KIND[character]} character (U+{ord(character):04X}): save the article as plain text"
    )
    assert {path.name: path.read_bytes() for path in (root / "seeds").iterdir()} == before  # nothing written
    assert list((root / "decks/x").iterdir()) == [root / "decks/x/facts.yaml"]


def test_g05_check_refuses_an_unsafe_character_in_a_seed_text(tmp_path):
    root = write_review_bank(tmp_path)
    seed = root / "seeds/100.txt"
    clean = seed.read_text()
    assert check(root).returncode == 0
    for character in ("\x1b", "\x07", "\u202e", "\x0c"):
        seed.write_text(clean + "\nESC here " + character + "]0;PWN and more.", newline="")
        assert one_problem(check(root)) == (
            f"seeds/100.txt:2: seed '100': contains {KIND[character]} character "
            f"(U+{ord(character):04X}): save the article as plain text"
        )
