"""The order a new learner meets the deck in real Anki: two cards whose texts state each other's
answers never come one right after the other."""

from itertools import permutations

from anki.collection import Collection
from hypothesis import given, settings
from hypothesis import strategies as st
from test_anki_exporter import build, copy_bank, import_into, load
from test_anki_retired import TOP, first_new_cards

from quizgen.questions.giveaways import giveaway_pairs, spaced


def test_a_new_learners_cards_never_put_a_give_away_pair_back_to_back(tmp_path):
    workspace = copy_bank(tmp_path / "bank")
    bank, package = load(workspace), build(workspace, tmp_path / "out")
    pairs = {frozenset(pair) for pair in giveaway_pairs(bank)}
    col = Collection(str(tmp_path / "fresh.anki2"))
    try:
        import_into(col, package)
        config = col.decks.config_dict_for_deck_id(col.decks.id_for_name(TOP))
        config["new"]["perDay"] = 9999
        col.decks.update_config(config)
        shown = [card.note()["ID"] for card in first_new_cards(col, limit=9999)]
    finally:
        col.close()
    assert len(shown) >= 100  # the queue the scheduler builds (it fetches at most a few hundred)
    notes = [fact_id for n, fact_id in enumerate(shown) if n == 0 or fact_id != shown[n - 1]]
    assert not [(a, b) for a, b in zip(notes, notes[1:], strict=False) if frozenset((a, b)) in pairs]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 12), unique=True, max_size=7), st.sets(st.tuples(st.integers(0, 12), st.integers(0, 12)))
)
def test_spaced_keeps_pairs_apart_whenever_some_order_can(ids, raw_pairs):
    items = [str(n) for n in ids]
    partners = {frozenset((str(a), str(b))) for a, b in raw_pairs if a != b}

    def meetings(order):
        return sum(frozenset(pair) in partners for pair in zip(order, order[1:], strict=False))

    order = spaced(items, {tuple(pair) for pair in partners}, key=lambda item: item)
    assert sorted(order) == sorted(items)
    if any(meetings(other) == 0 for other in permutations(items)):  # every order, tried here
        assert meetings(order) == 0
    if not partners:
        assert order == items
