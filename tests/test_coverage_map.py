"""The coverage map's rule over generated articles: a sentence is covered only when it states the answer."""

from hypothesis import given, settings
from hypothesis import strategies as st

import quizgen.coverage.map as coverage_map
from quizgen.bank.seeds import Seed
from quizgen.model import Bank, Fact, Location, Source

SOURCE = Source("900", "900.txt", "A generated article")
LETTERS = "bcdfghjklmnpqrstvwxz"


def word(sentence: int, position: int) -> str:
    """A word found in one sentence only: letters spell the numbers, so no two words fold alike."""
    return "".join(LETTERS[int(d)] for d in f"{sentence:03d}{position:02d}") + "a"


def article(lengths: list[int]) -> list[str]:
    return [" ".join(word(i, j) for j in range(n)).capitalize() + "." for i, n in enumerate(lengths)]


def fact(answer: str, quote: str, derived: bool = False) -> Fact:
    return Fact(
        id="f",
        q="Which word?",
        a=answer,
        kind="term",
        quote=quote,
        stance="fact",
        source=SOURCE,
        origin=Location("x.yaml", 1),
        derived="generated" if derived else None,
    )


def covered(sentences: list[str], f: Fact) -> list[int]:
    seed = Seed(SOURCE, " ".join(sentences))
    bank = Bank("g", "G", (f,), {"900": SOURCE})
    marked = coverage_map.map_article(bank, seed).marked
    return [m.sentence.number - 1 for m in marked if m.status == "covered"]


@st.composite
def quoted_article(draw):
    lengths = draw(st.lists(st.integers(5, 12), min_size=2, max_size=12))
    first = draw(st.integers(0, len(lengths) - 1))
    last = draw(st.integers(first, len(lengths) - 1))
    return lengths, first, last


@settings(max_examples=150, deadline=None)
@given(quoted_article(), st.data())
def test_a_quote_covers_exactly_the_sentence_stating_the_answer(case, data):
    lengths, first, last = case
    sentences = article(lengths)
    asked = data.draw(st.integers(first, last))
    answer = word(asked, data.draw(st.integers(0, lengths[asked] - 1)))
    quote = " ".join(sentences[first : last + 1])
    assert covered(sentences, fact(answer, quote)) == [asked]


@settings(max_examples=100, deadline=None)
@given(quoted_article())
def test_a_derived_answer_covers_one_sentence_of_its_quote(case):
    lengths, first, last = case
    sentences = article(lengths)
    found = covered(sentences, fact("unrelated", " ".join(sentences[first : last + 1]), derived=True))
    assert len(found) == 1 and first <= found[0] <= last


def test_m12_mapping_grows_linearly_with_the_article(monkeypatch):
    """r16: an article repeating its quoted sentence n times costs O(n) sentence comparisons."""
    calls = []
    real = coverage_map._overlap
    monkeypatch.setattr(coverage_map, "_overlap", lambda s, span: calls.append(1) or real(s, span))

    def comparisons(n: int) -> int:
        calls.clear()
        sentence = "The NATO-Russia Council was created in May 2002 in Rome."
        covered([sentence] * n, fact("2002", sentence))
        return len(calls)

    small, large = comparisons(500), comparisons(2000)
    assert large <= 4.5 * small


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from("ab .\t\u2019\u2014"), max_size=30), min_size=1, max_size=6))
def test_paragraphs_keep_the_normalised_text_and_start_where_a_blank_line_was(chunks):
    from quizgen.bank.seeds import paragraphs
    from quizgen.text import plain as normalize

    raw = "\n\n".join(chunks)
    text, starts = paragraphs(raw)
    assert text == normalize(raw)
    kept = [normalize(c) for c in chunks if normalize(c)]
    assert [text[s:].startswith(p) for s, p in zip(starts, kept[1:], strict=False)] == [True] * len(starts)
    assert len(starts) == max(len(kept) - 1, 0)


def test_a_headline_without_a_full_stop_is_its_own_skipped_sentence():
    from quizgen.bank.seeds import paragraphs
    from quizgen.text.sentences import split_sentences

    found = split_sentences(
        *paragraphs(
            "A headline of six plain words\n\nThe first sentence is here. "
            "The second one follows it.\n\nA closing line without a stop"
        )
    )
    assert [(s.text, s.is_heading) for s in found] == [
        ("A headline of six plain words", True),
        ("The first sentence is here.", False),
        ("The second one follows it.", False),
        ("A closing line without a stop", True),
    ]
