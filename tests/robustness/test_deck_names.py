"""Seed metadata reaches every Anki card through {{Subdeck}}, which Anki does not escape: deck names
are plain text by construction (review 2026-12-07 round 4, F02)."""

from dataclasses import replace
from html.parser import HTMLParser

from anki.collection import Collection
from hypothesis import given, settings
from hypothesis import strategies as st
from test_anki_cards import FACTS, OTHER, SOURCE, make_bank
from test_anki_exporter import import_into

from quizgen.anki.exporter import write_deck
from quizgen.anki.names import deck_name
from quizgen.model import Bank


class Elements(HTMLParser):
    """The element and attribute names a browser would build from a card's HTML."""

    def __init__(self):
        super().__init__()
        self.names, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)
        self.attributes.update(name for name, _ in attrs)


HOSTILE = "<svg onload=alert(1)>[sound:x.mp3]{{Answer}}\\(x\\)::"


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_a_deck_level_never_holds_markup_anki_syntax_or_a_level_separator(label):
    bank = Bank("nato-russia", "T", (), {})
    name = deck_name(bank, replace(SOURCE, short=label))
    level = name.split("::", 1)[1]
    assert "::" not in level and level.strip()
    assert not set(level) & set('<>&"[]{}\\/`=')


def test_f02_hostile_seed_metadata_shows_as_text_on_every_card(tmp_path):
    hostile = replace(SOURCE, outlet=HOSTILE, short="")
    facts = tuple(replace(f, source=hostile) if f.source.id == SOURCE.id else f for f in FACTS)
    bank = replace(make_bank(tmp_path, facts=facts, retired=()), sources={hostile.id: hostile, OTHER.id: OTHER})
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        import_into(col, write_deck(bank, tmp_path / "out", {}).package)
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            for side in (card.question(), card.answer()):
                # the words may show, as text; no element, attribute or Anki tag may form
                tags = Elements()
                tags.feed(side)
                assert "svg" not in tags.names and "onload" not in tags.attributes
                assert "[sound:" not in side
                assert not card.question_av_tags() and not card.answer_av_tags()
    finally:
        col.close()
