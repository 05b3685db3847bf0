"""The preview's Anki renderer: each construct our card faces use; every card of the bank as real Anki shows it."""

import dataclasses
import html
import re
import shutil

import pytest
from anki.collection import Collection
from conftest import ROOT
from sixth_article import bank_with
from test_anki_exporter import import_into

from quizgen.anki.exporter import write_deck
from quizgen.authoring.anki_faces import TemplateError, card_faces, cloze, note_of, render
from quizgen.authoring.preview_page import preview_page
from quizgen.bank.loader import load_banks

BANK = load_banks(ROOT / "decks", ROOT / "seeds")[0]


def test_a_field_is_put_in_as_the_html_it_holds():
    # Anki fields are HTML: the note builder escapes text, the renderer inserts the field as it is
    assert render("<b>{{Question}}</b>", {"Question": "A &lt;b&gt; and <i>x</i>"}) == (
        "<b>A &lt;b&gt; and <i>x</i></b>",
        True,
    )


def test_a_field_name_may_hold_spaces_and_be_padded():
    assert render("[{{ Back Extra }}|{{Role dates}}]", {"Back Extra": "x", "Role dates": "2009–2014"})[0] == (
        "[x|2009–2014]"
    )


@pytest.mark.parametrize(
    ("value", "shown"), [("yes", "in"), ("", "out"), ("  ", "out"), ("<br>", "out"), ("<div> </div>", "out")]
)
def test_a_section_shows_only_when_its_field_is_not_empty_and_an_inverted_one_only_when_it_is(value, shown):
    fields = {"F": value}
    assert render("{{#F}}in{{/F}}", fields)[0] == ("in" if shown == "in" else "")
    assert render("{{^F}}out{{/F}}", fields)[0] == ("out" if shown == "out" else "")


def test_sections_nest():
    template = "{{#A}}a{{^B}}-no-b{{/B}}{{#B}}-b{{/B}}{{/A}}"
    assert render(template, {"A": "1", "B": ""})[0] == "a-no-b"
    assert render(template, {"A": "1", "B": "1"})[0] == "a-b"
    assert render(template, {"A": "", "B": "1"})[0] == ""


def test_the_cloze_filter_blanks_the_card_s_deletion_on_the_front_and_fills_it_on_the_back():
    text = "Signed in {{c1::May 1997}} in {{c2::Paris::city}}."
    front1, back1, front2 = cloze(text, 1, False), cloze(text, 1, True), cloze(text, 2, False)
    visible = [re.sub(r"<[^>]+>", "", face) for face in (front1, back1, front2)]
    assert visible == ["Signed in [...] in Paris.", "Signed in May 1997 in Paris.", "Signed in May 1997 in [city]."]
    assert 'class="cloze"' in front1 and 'class="cloze-inactive"' in front1
    assert render("{{cloze:Text}}", {"Text": text}, ordinal=2, back=True)[0] == cloze(text, 2, True)


def test_front_side_repeats_the_front_on_the_back_and_special_fields_show_no_note_field():
    front, shown = render("{{Subdeck}}", {"Subdeck": "Fair Observer, 2011", "Q": "x"})
    assert (front, shown) == ("Fair Observer, 2011", False)  # a front of special fields only makes no card
    assert render("{{FrontSide}}<hr>{{A}}", {"FrontSide": "<p>q</p>", "A": "a"}, back=True)[0] == "<p>q</p><hr>a"


@pytest.mark.parametrize(
    ("template", "error"),
    [
        ("{{Nope}}", "unknown field {{Nope}}"),
        ("{{#Q}}x", "{{#Q}} is never closed"),
        ("x{{/Q}}", "{{/Q}} closes no open {{#Q}}"),
        ("{{text:Q}}", "unsupported filter 'text'"),
    ],
)
def test_what_anki_would_refuse_is_an_error(template, error):
    with pytest.raises(TemplateError, match=re.escape(error)):
        render(template, {"Q": "q"})


def _visible(card_html: str) -> str:
    without = re.sub(r"<(style|script)>.*?</\1>", "", card_html, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", without)).split())


@pytest.mark.parametrize("bank_of", [lambda: BANK, bank_with], ids=["bundled", "with-sixth-article"])
def test_every_card_of_the_bank_shows_what_real_anki_shows(tmp_path, bank_of):
    """The oracle is Anki itself: the deck `quizgen anki` writes, imported into a collection; each
    note's cards (how many, and the text of each front and back) against the preview's faces, and
    the preview page frames each card's front and back."""
    shutil.copy(ROOT / "decks" / "nato-russia" / "anki-versions.json", tmp_path / "anki-versions.json")
    bank = dataclasses.replace(bank_of(), folder=tmp_path)  # the build stamps this copy of the ledger
    written = write_deck(bank, tmp_path / "out", {})
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        import_into(col, written.package)
        facts = {fact.id: fact for fact in bank.facts}
        compared = 0
        for note_id in col.find_notes(""):
            note = col.get_note(note_id)
            if note["ID"] not in facts:
                continue  # a retired id's tombstone: not previewed
            cards = sorted(note.cards(), key=lambda card: card.ord)
            faces = card_faces(note_of(bank, facts[note["ID"]]))
            assert len(faces) == len(cards), note["ID"]
            page = preview_page(bank, facts[note["ID"]])
            assert page.count('data-side="front"') == page.count('data-side="back"') == len(cards), note["ID"]
            for card, (front, back) in zip(cards, faces, strict=True):
                assert _visible(front.html) == _visible(card.question()), (note["ID"], front.card)
                assert _visible(back.html) == _visible(card.answer()), (note["ID"], back.card)
                compared += 1
    finally:
        col.close()
    assert compared >= len(bank.facts)  # every fact has at least one card
