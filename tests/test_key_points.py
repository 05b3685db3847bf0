"""The curated key points of each article (tests/content/key-points.yaml, issue 21) hold against
the articles and the bank: each shipped article has points (an article a teacher adds may have
none), each point's sentence is a verbatim passage of its article, and each point is asked by live
cards that cite that article.

The expected values are the curated file's; the program supplies only what the bank itself uses to
check a `quote:` (its text normalisation and whole-word match) and the bank's facts. Every failure
lists each point with its problem, so the file can be brought up to date in one pass."""

import pytest
from conftest import ROOT, SHIPPED  # an article a teacher adds needs no key points

from quizgen.bank.loader import load_banks
from quizgen.bank.provenance import quote_problem
from quizgen.bank.seeds import load_seeds
from quizgen.bank.yamlfile import LineDict, LineList, read_yaml
from quizgen.text import plain
from quizgen.text.sentences import split_sentences

KEY_POINTS = ROOT / "tests" / "content" / "key-points.yaml"
SHOWN = "tests/content/key-points.yaml"
FIELDS = {"point", "sentence", "cards"}


def _points() -> list[tuple[str, int, LineDict]]:
    """(seed id, line, entry) for every point of the curated file."""
    doc = read_yaml(KEY_POINTS, SHOWN)
    assert isinstance(doc, LineDict), f"{SHOWN}: expected a mapping of seed ids to lists of points"
    found = []
    for seed_id, points in doc.items():
        assert isinstance(points, LineList) and points, (
            f"{SHOWN}:{doc.lines[seed_id]}: '{seed_id}' needs a list of points"
        )
        found.extend((seed_id, points.lines[i], entry) for i, entry in enumerate(points))
    return found


POINTS = _points()


def _where(seed_id: str, line: int, entry) -> str:
    label = entry.get("point") if isinstance(entry, dict) else None
    return f"{SHOWN}:{line}: article {seed_id}, point '{label}'"


@pytest.fixture(scope="module")
def seeds():
    return load_seeds(ROOT / "seeds", "seeds")


@pytest.fixture(scope="module")
def bank():
    (bank,) = load_banks(ROOT / "decks", ROOT / "seeds")
    return bank


def test_the_file_lists_every_article_once_with_well_formed_points(seeds):
    problems = []
    listed = {seed_id for seed_id, _, _ in POINTS}
    problems += [f"{SHOWN}: shipped article {s} has no key points" for s in sorted(SHIPPED - listed)]
    problems += [f"{SHOWN}: '{s}' is not a seed id of seeds/sources.yaml" for s in sorted(listed - set(seeds))]
    for seed_id, line, entry in POINTS:
        where = _where(seed_id, line, entry)
        if not isinstance(entry, dict) or set(entry) != FIELDS:
            keys = sorted(entry) if isinstance(entry, dict) else type(entry).__name__
            problems.append(f"{where}: needs exactly point, sentence, cards (has {keys})")
            continue
        if not isinstance(entry["point"], str) or not entry["point"].strip():
            problems.append(f"{where}: 'point' must be a short label")
        if not isinstance(entry["sentence"], str):
            problems.append(f"{where}: 'sentence' must be text")
        cards = entry["cards"]
        if not isinstance(cards, list) or not all(isinstance(c, str) for c in cards):
            problems.append(f"{where}: 'cards' must be a list of fact ids")
        elif len(set(cards)) != len(cards):
            problems.append(f"{where}: a card is listed twice: {sorted(c for c in cards if cards.count(c) > 1)}")
    labels = [(s, e.get("point")) for s, _, e in POINTS if isinstance(e, dict)]
    problems += [
        f"{SHOWN}: article {s}: point '{p}' is listed twice" for s, p in set(labels) if labels.count((s, p)) > 1
    ]
    assert not problems, "\n".join(problems)


def test_every_sentence_is_a_verbatim_passage_of_one_sentence_of_its_article(seeds):
    problems = []
    for seed_id, line, entry in POINTS:
        seed, sentence = seeds.get(seed_id), entry.get("sentence")
        if seed is None or not isinstance(sentence, str):
            continue  # reported by the structure test
        why = quote_problem(seed, sentence)  # the bank's own test of a `quote:` (normalised, whole words)
        if why:
            problems.append(f"{_where(seed_id, line, entry)}: sentence {why}: {sentence!r}")
            continue
        needle = plain(sentence)
        spans = [(s.start, s.end) for s in split_sentences(seed.text, seed.paragraphs)]
        starts = [i for i in range(len(seed.text)) if seed.text.startswith(needle, i)]
        if not any(a <= i and i + len(needle) <= b for i in starts for a, b in spans):
            problems.append(
                f"{_where(seed_id, line, entry)}: sentence runs over more than one sentence "
                f"of the article; keep one sentence or less: {sentence!r}"
            )
    assert not problems, "\n".join(problems)


def test_every_point_is_asked_by_at_least_one_card():
    missing = [
        f"{_where(s, line, e)}: no card asks it (cards: is empty)"
        for s, line, e in POINTS
        if isinstance(e, dict) and e.get("cards") in (None, [])
    ]
    assert not missing, "\n".join(missing)


def test_every_card_is_a_live_fact_of_the_bundled_bank(bank):
    retired = {entry.id: entry for entry in bank.retired}
    problems = []
    for seed_id, line, entry in POINTS:
        for card in (entry.get("cards") or ()) if isinstance(entry, dict) else ():
            if card in bank.by_id:
                continue
            if card in retired:
                problems.append(
                    f"{_where(seed_id, line, entry)}: card '{card}' was retired "
                    f"({retired[card].origin}: {retired[card].reason}); list the card that asks it now"
                )
            else:
                problems.append(
                    f"{_where(seed_id, line, entry)}: card '{card}' is not a fact of the bundled bank (renamed?)"
                )
    assert not problems, "\n".join(problems)


def test_every_card_cites_the_article_of_its_point(bank):
    problems = []
    for seed_id, line, entry in POINTS:
        for card in (entry.get("cards") or ()) if isinstance(entry, dict) else ():
            fact = bank.by_id.get(card)
            if fact is None:
                continue  # reported by the live-fact test
            cited = [c.source.id for c in fact.citations]
            if seed_id not in cited:
                problems.append(
                    f"{_where(seed_id, line, entry)}: card '{card}' does not cite article "
                    f"{seed_id} (it cites {', '.join(cited)}): add a `sources:` entry or drop it here"
                )
    assert not problems, "\n".join(problems)
