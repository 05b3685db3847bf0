"""Retired notes in a real collection: a new learner never studies one, an updating learner's
note keeps exactly the cards it had and is told how to delete it (this deck's tag only)."""

import re
from dataclasses import replace

from anki.collection import Collection
from test_anki_cards import make_bank
from test_anki_exporter import build, copy_bank, import_into, load, visible_text

from quizgen.anki.exporter import write_deck
from quizgen.model import Location, Retired

TOP = "NATO–Russia relations"


def first_new_cards(col, deck=TOP, limit=100):
    """What the v3 scheduler would show first from `deck`: its first `limit` queued cards."""
    col.decks.select(col.decks.id_for_name(deck))
    queued = col.sched.get_queued_cards(fetch_limit=limit)
    return [col.get_card(entry.card.id) for entry in queued.cards]


def retire(bank, fact_id):
    """The bank with `fact_id` withdrawn, as a curator would list it under `retired:`."""
    facts = tuple(f for f in bank.facts if f.id != fact_id)
    withdrawn = Retired(fact_id, "Found wrong.", Location("decks/nato-russia/x.yaml", 1))
    return replace(bank, facts=facts, retired=bank.retired + (withdrawn,))


def test_a_new_learner_studies_no_retired_note_in_any_gather_order(tmp_path):
    """The bundled deck (21 retired ids) in a fresh collection: the first 100 new cards, gathered
    by deck and by random notes, contain no retired note, and no retired note has a card at all."""
    workspace = copy_bank(tmp_path / "bank")
    bank, package = load(workspace), build(workspace, tmp_path / "out")
    live = {f.id for f in bank.facts}
    for gather in ("deck", "random notes"):
        col = Collection(str(tmp_path / f"{gather}.anki2"))
        try:
            import_into(col, package)
            retired = col.find_notes("tag:nato_russia::retired")
            assert len(retired) >= 1 and not col.find_cards("tag:nato_russia::retired")
            config = col.decks.config_dict_for_deck_id(col.decks.id_for_name(TOP))
            config["new"]["perDay"] = 100
            if gather == "random notes":
                config["newGatherPriority"] = 3  # DECK_CONFIG_NEW_GATHER_PRIORITY_RANDOM_NOTES
            col.decks.update_config(config)
            shown = first_new_cards(col)
            assert len(shown) == 100
            assert {card.note()["ID"] for card in shown} <= live
            assert not [c for c in shown if "Retired" in visible_text(c.question())]
        finally:
            col.close()


def test_retiring_a_studied_note_keeps_exactly_its_cards_and_names_this_decks_tag(tmp_path):
    folder = tmp_path / "deck"
    folder.mkdir()
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        bank = make_bank(folder, retired=())
        import_into(col, write_deck(bank, folder / "v1", {}).package)
        # a question/answer note without a person card, and the note carrying the person card
        plain, person = col.find_notes("ID:p-undated")[0], col.find_notes('card:"Person → role"')[0]
        before = {nid: sorted(c.ord for c in col.get_note(nid).cards()) for nid in (plain, person)}
        carrier = col.get_note(person)["ID"]
        card = col.get_note(plain).cards()[0]
        card.start_timer()
        col.sched.answerCard(card, 3)
        studied = col.get_card(card.id)
        later = retire(retire(bank, "p-undated"), carrier)
        log = import_into(col, write_deck(later, folder / "v2", {}).package)
        assert {col.get_note(n.id.nid)["ID"] for n in log.updated} >= {"p-undated", carrier}
        assert not log.new
        for nid in (plain, person):
            note = col.get_note(nid)
            assert sorted(c.ord for c in note.cards()) == before[nid], note["ID"]  # no card added
            for card in note.cards():
                front = visible_text(card.question())
                assert "withdrawn" in front and "tag:nato_russia::retired" in front
                assert not re.search(r"tag:\*", front)
        kept = col.get_card(studied.id)
        assert (kept.type, kept.ivl, kept.due) == (studied.type, studied.ivl, studied.due)
        assert sorted(col.get_note(n)["ID"] for n in col.find_notes("tag:nato_russia::retired")) == sorted(
            ["p-undated", carrier]
        )
    finally:
        col.close()


def test_a_retired_note_never_published_with_a_person_card_gains_none(tmp_path):
    """The committed ledger's retired question/answer ids carry no person: their notes have no
    Role, so neither a fresh import nor an update makes a "Person → role" card for them."""
    folder = tmp_path / "deck"
    folder.mkdir()
    bank = make_bank(folder, retired=())
    write_deck(bank, folder / "v1", {})
    later = write_deck(retire(bank, "p-undated"), folder / "v2", {})
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        import_into(col, later.package)
        note = col.get_note(col.find_notes("ID:p-undated")[0])
        assert note["Role"] == "" and not note.cards()
        notice = visible_text(note.ephemeral_card(0).question())
        assert "p-undated" in notice and "Found wrong." in notice
    finally:
        col.close()


def test_a_retired_cloze_shows_the_notice_not_a_blank(tmp_path):
    folder = tmp_path / "deck"
    folder.mkdir()
    bank = make_bank(folder, retired=())
    write_deck(bank, folder / "v1", {})
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        import_into(col, write_deck(retire(bank, "n-count"), folder / "v2", {}).package)
        note = col.get_note(col.find_notes("ID:n-count")[0])
        front = visible_text(note.ephemeral_card(0).question())
        assert "withdrawn" in front and "[...]" not in front and "Retired fact" not in front
    finally:
        col.close()


def test_every_card_a_retired_cloze_had_shows_the_notice_and_an_update_adds_none(tmp_path):
    """A learner's card 2 of a withdrawn two-gap cloze shows the notice, not Anki's "No cloze 2
    found"; the update gives the note no card it did not have (review R2); the note holds as many
    gaps as the bank's clozes have, no more (each would become a card under Check Database)."""
    folder = tmp_path / "deck"
    folder.mkdir()
    two = "In 2021 NATO expelled {{c1::8}} Russian {{c2::diplomats}}."
    bank = make_bank(folder, retired=())
    bank = replace(bank, facts=tuple(replace(f, cloze=two) if f.cloze else f for f in bank.facts))
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        import_into(col, write_deck(bank, folder / "v1", {}).package)
        nid = col.find_notes("ID:n-count")[0]
        before = sorted(c.ord for c in col.get_note(nid).cards())
        assert before == [0, 1]
        import_into(col, write_deck(retire(bank, "n-count"), folder / "v2", {}).package)
        note = col.get_note(nid)
        assert sorted(c.ord for c in note.cards()) == before
        assert note["Text"].count("{{c") == 2
        for card in note.cards():
            for side in (card.question(), card.answer()):
                text = visible_text(side)
                assert "withdrawn" in text and "No cloze" not in text, (card.ord, text[:80])
    finally:
        col.close()


def test_the_cloze_back_opens_at_the_sentence_and_the_deck_description_has_no_stray_breaks():
    """Anki scrolls to #answer on the back: it stands before the sentence, so a long back never
    scrolls the filled-in answer away (review R1); the description is shown pre-wrap (R3)."""
    from conftest import ROOT

    back = (ROOT / "templates" / "anki" / "cloze-back.html").read_text()
    assert back.index('id="answer"') < back.index("{{cloze:Text}}")
    from quizgen.anki import fields

    text = fields.render(
        "deck.html",
        title="T",
        facts=1,
        sources=[{"label": "L", "citation": "C"}],
        person_cards=0,
        retired_tag="t::retired",
        root="t",
        updated="2026-12-07",
    )
    assert "\n" not in text and "<li>L: C</li>" in text
