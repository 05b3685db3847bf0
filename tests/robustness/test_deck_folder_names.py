"""Finding F10 of the 2026-12-07 robustness review: a deck folder's name names the deck's outputs
(out/web/<deck>/, <deck>.apkg), its quiz progress and the study page's storage keys
("quizgen:<deck>:card:<id>"). `x:y` shared deck x's storage prefix, so "Forget progress" on x wiped
x:y; markup became folder names. A deck folder name must now be a slug, checked where it is read."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_hostile_banks import run
from test_review_findings import FACT, quizgen, write_review_bank

from quizgen.bank.schema import MAX_ID

LOWER = set(string.ascii_lowercase + string.digits)


def is_slug(name: str) -> bool:
    """The slug rule read from the README: lowercase letters and digits in words joined by single hyphens."""
    return 0 < len(name) <= MAX_ID and all(word and set(word) <= LOWER for word in name.split("-"))


NAMES = st.one_of(
    st.text(alphabet="abz09-", min_size=1, max_size=12),  # near-slugs: '-a', 'a--b', 'a-'
    st.text(alphabet="aZ0-:._ <>{}[]é\\'\"&", min_size=1, max_size=12),
    st.text(min_size=1, max_size=20).filter(lambda s: "/" not in s and "\0" not in s),
    st.integers(MAX_ID - 2, MAX_ID + 2).map(lambda n: "a" * n),
).filter(lambda name: name not in (".", "..") and len(name.encode()) < 250)


@settings(max_examples=50, deadline=None, database=None)
@given(name=NAMES)
def test_f10_a_deck_folder_is_accepted_exactly_when_its_name_is_a_slug(name):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_review_bank(root, name)
        code, out, err = run(root, "check")
    assert "Traceback" not in err
    if is_slug(name):
        assert code == 0, err
    else:
        assert code == 2 and err.count("\n") == 2 and "deck folder name" in err, err


@given(
    first=st.text(alphabet="ab-", min_size=1, max_size=6),
    second=st.text(alphabet="ab-", min_size=1, max_size=6),
    key=st.text(max_size=8),
)
def test_f10_no_accepted_deck_name_is_a_storage_prefix_of_another(first, second, key):
    """The study page forgets a deck by the prefix quizgen:<deck>: ; two different slugs never share one."""
    if is_slug(first) and is_slug(second) and first != second:
        assert not f"quizgen:{second}:card:{key}".startswith(f"quizgen:{first}:")


def test_f10_the_reviews_deck_folders_are_refused_and_nothing_is_written(tmp_path):
    write_review_bank(tmp_path, "x")
    for name in ("x:y", "<img src=x onerror=alert(1)> {{c1::z}}"):
        (tmp_path / "decks" / name).mkdir()
        (tmp_path / "decks" / name / "facts.yaml").write_text(FACT)
    result = quizgen(tmp_path, "build", "--no-pdf", "--decks", "decks", "--seeds", "seeds", "--out", "out")
    assert "Traceback" not in result.stderr and result.returncode == 2
    assert result.stderr.splitlines() == [
        "decks/<img src=x onerror=alert(1)> {{c1::z}}:1: deck folder name must be a lowercase slug (a-z, 0-9, '-'), "
        "got '<img src=x onerror=alert(1)> {{c1::z}}'; rename the folder",
        "decks/x:y:1: deck folder name must be a lowercase slug (a-z, 0-9, '-'), got 'x:y'; rename the folder",
        "quizgen: 2 problems in the fact bank; nothing was written",
    ]
    assert not (tmp_path / "out").exists()
