"""Card design in a real collection: reversed cards only where they teach, searchable plain text,
fact ids, retired notes, and the multiple-choice script run in headless Chromium."""

import json
import os
import re
from pathlib import Path

import pytest
from anki.collection import Collection
from test_anki_exporter import import_into

from quizgen.anki.exporter import write_deck
from quizgen.model import Bank, Fact, Location, Retired, Source

SOURCE = Source("003", "003.txt", 'NATO\'s "reset" with Russia', outlet="Fair Observer", year=2011)
OTHER = Source("004", "004.txt", "Mission closed", outlet="DW", year=2021)
CHROMIUM = "/usr/bin/chromium"


def fact(fact_id, q, a, kind, **more):
    values = {
        "quote": 'the "reset" and NATO\'s summit',
        "stance": "fact",
        "source": SOURCE,
        "origin": Location("decks/nato-russia/003.yaml", 1),
    }
    values.update(more)
    return Fact(fact_id, q, a, kind, **values)


FACTS = (
    # the role is stated by the question: no reversed card
    fact(
        "p-stated",
        "Which NATO Secretary General said NATO's door is open?",
        "Jens Stoltenberg",
        "person",
        role="NATO Secretary General (2014–2024)",
    ),
    # same person, role not stated: this note carries the person's one reversed card
    fact(
        "p-open",
        "Who met Lavrov's deputy in 2021?",
        "Jens Stoltenberg",
        "person",
        role="NATO Secretary General (2014–2024)",
    ),
    fact(
        "p-again",
        "Who spoke at the 2019 summit?",
        "Jens  STOLTENBERG",
        "person",
        role="NATO Secretary General (2014–2024)",
    ),
    # undated role: asked in the present tense it goes stale, so no reversed card
    fact("p-undated", "Who was poisoned in Salisbury?", "Sergei Skripal", "person", role="Former GRU officer"),
    fact("n-count", "How many diplomats?", "8", "number", cloze="In 2021 NATO expelled {{c1::8}} Russian diplomats."),
    fact(
        "m-putin",
        'Who called NATO\'s expansion "a threat"?',
        "Vladimir Putin",
        "person",
        stance="claim",
        role="President of Russia",
        derived="The quote names him as speaker.",
        category="leader",
    ),
    fact("m-medvedev", "Who said the reset was over?", "Dmitry Medvedev", "person", stance="claim", category="leader"),
    fact("m-obama", "Who said NATO's aims had changed?", "Barack Obama", "person", stance="claim", category="leader"),
    fact(
        "m-yeltsin",
        "Who said NATO lied?",
        "Boris Yeltsin",
        "person",
        stance="propaganda",
        note="False: no such promise was written down.",
        category="leader",
    ),
)
RETIRED = Retired("old-duplicate", "Merged into n-count, which asks the same.", Location("x.yaml", 3))


def make_bank(folder, facts=FACTS, retired=(RETIRED,)):
    facts = tuple(f if f.id != "m-putin" else _with_second_source(f) for f in facts)
    return Bank("nato-russia", "NATO–Russia relations", facts, {SOURCE.id: SOURCE, OTHER.id: OTHER}, folder, retired)


def _with_second_source(f):
    from dataclasses import replace

    from quizgen.model import Citation

    return replace(f, also=(Citation(OTHER, "Putin's words, as DW reported them"),))


def publish_old_id(folder):
    """A ledger from an earlier build that published `old-duplicate` as a question/answer note."""
    (folder / "anki-versions.json").write_text(
        json.dumps(
            {
                "about": "",
                "note_types": {},
                "notes": {"old-duplicate": {"hash": "0", "mtime": 1793491200, "type": "qa"}},
            }
        )
    )


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    folder = tmp_path_factory.mktemp("deck")
    publish_old_id(folder)
    written = write_deck(make_bank(folder), folder / "out", {})
    col = Collection(str(folder / "c.anki2"))
    log = import_into(col, written.package)
    yield written, col, log, folder
    col.close()


def notes_by_id(col):
    return {col.get_note(nid)["ID"]: col.get_note(nid) for nid in col.find_notes("")}


def test_one_note_per_fact_and_per_published_retired_id(deck):
    written, col, log, _ = deck
    assert len(log.new) == len(FACTS) + 1
    assert set(notes_by_id(col)) == {f.id for f in FACTS} | {"old-duplicate"}


def test_reversed_person_cards_only_where_they_teach(deck):
    written, col, _, _ = deck
    person = col.find_cards('card:"Person → role" -tag:nato_russia::retired')
    assert written.person_cards == 1 and len(person) == 1
    card = col.get_card(person[0])
    assert card.note()["ID"] in ("p-open", "p-again")
    assert "Jens Stoltenberg: which role, 2014–2024?" in re.sub(r"<[^>]+>", "", card.question())
    assert "NATO Secretary General" in card.answer()
    assert "NATO Secretary General" not in re.sub(r"<style>.*?</style>", "", card.question(), flags=re.S)


def test_the_reversed_card_stays_on_the_note_that_carries_it(tmp_path):
    publish_old_id(tmp_path)
    first = write_deck(make_bank(tmp_path), tmp_path / "out", {})
    carrier = json.loads((tmp_path / "anki-versions.json").read_text())["notes"]
    (chosen,) = [key for key, entry in carrier.items() if entry.get("person")]
    # a new fact about the same person, first in the bank, does not take the card away
    newcomer = fact(
        "p-new",
        "Who chaired the 2023 meeting?",
        "Jens Stoltenberg",
        "person",
        role="NATO Secretary General (2014–2024)",
    )
    write_deck(make_bank(tmp_path, (newcomer,) + FACTS), tmp_path / "out", {})
    again = json.loads((tmp_path / "anki-versions.json").read_text())["notes"]
    assert [key for key, entry in again.items() if entry.get("person")] == [chosen]
    assert first.person_cards == 1


def test_fields_store_apostrophes_and_quotes_as_characters_so_search_finds_them(deck):
    _, col, _, _ = deck
    for nid in col.find_notes(""):
        for value in col.get_note(nid).fields:
            assert not re.search(r"&(#39|#x27|quot|#34|apos);", value), value
    assert col.find_notes('"NATO\'s door"')  # a question (the sort field)
    assert col.find_notes('"NATO\'s \\"reset\\""')  # the article, in a field Anki does not sort by
    assert col.find_notes('"called NATO\'s expansion \\"a threat\\""')


def test_every_note_carries_its_fact_id_as_a_field_and_a_tag(deck):
    _, col, _, _ = deck
    for fact_id, note in notes_by_id(col).items():
        assert f"nato_russia::id::{fact_id}" in note.tags
        card = note.cards()[0] if note.cards() else note.ephemeral_card(0)  # retired: no cards
        assert f"Fact id: {fact_id}" in card.answer()
    tags = col.get_note(col.find_notes("ID:m-putin")[0]).tags
    assert {"nato_russia::source::fair_observer_2011", "nato_russia::source::dw_2021"} <= set(tags)
    assert not [tag for tag in tags if "::era::" in tag]  # no `when`: no era from the article year


def test_a_published_retired_id_ships_as_a_tagged_note_that_says_why(deck):
    _, col, _, folder = deck
    (nid,) = col.find_notes("tag:nato_russia::retired")
    note = col.get_note(nid)
    assert note.note_type()["name"] == "quizgen Question/answer" and note["ID"] == "old-duplicate"
    assert not note.cards()  # a new learner has nothing of it to study
    back = note.ephemeral_card(0).answer()
    assert "Retired" in back and "Merged into n-count, which asks the same." in back
    ledger = json.loads((folder / "anki-versions.json").read_text())
    assert ledger["notes"]["old-duplicate"]["retired"] is True


def test_reimport_is_a_no_op_and_an_edit_updates_one_note_keeping_its_reviews(tmp_path):
    publish_old_id(tmp_path)
    package = write_deck(make_bank(tmp_path), tmp_path / "out", {}).package
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        import_into(col, package)
        card = col.get_card(col.find_cards("ID:n-count")[0])
        card.start_timer()
        col.sched.answerCard(card, 3)
        reviews = col.db.scalar("select count() from revlog")
        again = import_into(col, package)
        assert (len(again.new), len(again.updated)) == (0, 0)
        from dataclasses import replace

        edited = tuple(replace(f, note="Edited note.") if f.id == "n-count" else f for f in FACTS)
        os.environ["SOURCE_DATE_EPOCH"] = "1800000000"
        try:
            package = write_deck(make_bank(tmp_path, edited), tmp_path / "out", {}).package
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]
        log = import_into(col, package)
        assert [col.get_note(n.id.nid)["ID"] for n in log.updated] == ["n-count"] and not log.new
        assert col.db.scalar("select count() from revlog") == reviews == 1
        assert col.get_note(col.find_notes("ID:n-count")[0])["Back Extra"] == "Edited note."
    finally:
        col.close()


def test_number_clozes_that_hide_their_unit_are_reported(tmp_path):
    from dataclasses import replace

    hiding = tuple(replace(f, cloze="NATO expelled {{c1::8 diplomats}}.") if f.id == "n-count" else f for f in FACTS)
    written = write_deck(make_bank(tmp_path, hiding, ()), tmp_path / "out", {})
    assert [w.split(": ")[1] for w in written.warnings] == ["fact 'n-count'"]
    assert write_deck(make_bank(tmp_path, FACTS, ()), tmp_path / "out", {}).warnings == []


# --- the multiple-choice card in a browser ------------------------------------------------


def page(folder, name, card_html, night=False):
    path = folder / f"{name}.html"
    body = "card card1 nightMode" if night else "card card1"
    path.write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" '
        f'content="width=device-width"></head><body class="{body}">{card_html}'
        "</body></html>",
        encoding="utf-8",
    )
    return path.as_uri()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
        pytest.skip("Chromium is not installed")
    playwright = (
        pytest.importorskip("playwright.sync_api")
        if not os.environ.get("CI")
        else __import__("playwright.sync_api", fromlist=["sync_playwright"])
    )
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def mc_card(col):
    return col.get_card(col.find_cards("ID:m-putin")[0])


def options(tab):
    return tab.eval_on_selector_all(".qz-options .qz-option", "els => els.map(e => e.textContent)")


def test_choices_are_shuffled_at_each_review_and_the_back_keeps_the_order(deck, browser, tmp_path):
    _, col, _, _ = deck
    card = mc_card(col)
    front, back = page(tmp_path, "front", card.question()), page(tmp_path, "back", card.answer())
    tab = browser.new_page()
    orders = set()
    for _ in range(12):
        tab.goto(front)
        orders.add(tuple(options(tab)))
    assert len(orders) > 1 and all(sorted(o) == sorted(next(iter(orders))) for o in orders)
    assert "Vladimir Putin" in next(iter(orders)) and len(next(iter(orders))) == 4
    shown = options(tab)
    for key in "1234abcd":  # no key chooses: Anki desktop takes them all
        tab.keyboard.press(key)
    assert tab.inner_text(".qz-verdict") == ""
    tab.click(".qz-options li:nth-child(1) button")
    chosen_right = shown[0] == "Vladimir Putin"
    assert tab.get_attribute(".qz-options li:nth-child(1)", "class").split()[0] == (
        "qz-right" if chosen_right else "qz-wrong"
    )
    letter = "ABCD"[shown.index("Vladimir Putin")]
    assert tab.inner_text(".qz-verdict") == (
        f"✓ Right: {letter}." if chosen_right else f"✗ Not this one: the answer is {letter}. Rate it Again."
    )
    tab.goto(back)  # a new page, as AnkiDroid shows the back
    assert options(tab) == shown
    right = shown.index("Vladimir Putin") + 1
    assert "qz-right" in tab.get_attribute(f".qz-options li:nth-child({right})", "class")
    assert "qz-chosen" in tab.get_attribute(".qz-options li:nth-child(1)", "class")
    assert not tab.is_visible(".qz-back .qz-answer")  # the marked list shows the answer
    assert not tab.is_visible(".qz-how")  # nothing to choose on the back
    assert tab.is_visible(".qz-if-claim") and not tab.is_visible(".qz-if-propaganda")
    tab.close()


def test_a_click_marks_the_choice_and_only_one_choice_counts(deck, browser, tmp_path):
    _, col, _, _ = deck
    tab = browser.new_page()
    tab.goto(page(tmp_path, "front", mc_card(col).question()))
    shown = options(tab)
    wrong = next(i for i, text in enumerate(shown) if text != "Vladimir Putin") + 1
    tab.click(f".qz-options li:nth-child({wrong}) button")
    tab.click(f".qz-options li:nth-child({shown.index('Vladimir Putin') + 1}) button")
    assert "qz-wrong" in tab.get_attribute(f".qz-options li:nth-child({wrong})", "class")
    assert "the answer is" in tab.inner_text(".qz-verdict")
    tab.close()


def test_without_javascript_the_card_is_a_recall_card(deck, browser, tmp_path):
    _, col, _, _ = deck
    card = mc_card(col)
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(page(tmp_path, "front", card.question()))
    assert tab.is_visible(".qz-question") and not tab.is_visible(".qz-options")
    assert "Vladimir Putin" not in tab.inner_text("body")
    tab.goto(page(tmp_path, "back", card.answer()))
    assert tab.inner_text(".qz-back .qz-answer") == "Vladimir Putin"
    context.close()


@pytest.mark.parametrize("width", [400, 900])
@pytest.mark.parametrize("night", [False, True])
@pytest.mark.parametrize("script", [True, False])
def test_every_note_type_renders_without_overflow(deck, browser, tmp_path, width, night, script):
    """Each card face in Chromium at phone and desktop width; QUIZGEN_SHOTS=dir keeps screenshots."""
    _, col, _, _ = deck
    shots = Path(os.environ.get("QUIZGEN_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(java_script_enabled=script, viewport={"width": width, "height": 700})
    tab = context.new_page()
    for name, query in [
        ("qa", "ID:p-undated"),
        ("person", 'card:"Person → role" -tag:*::retired'),
        ("cloze", "ID:n-count"),
        ("mc", "ID:m-putin"),
        ("mc-propaganda", "ID:m-yeltsin"),
        ("retired", "tag:*::retired"),
    ]:
        found = col.find_cards(query)
        card = col.get_card(found[0]) if found else col.get_note(col.find_notes(query)[0]).ephemeral_card(0)
        for side, html in (("front", card.question()), ("back", card.answer())):
            tab.goto(page(tmp_path, f"{name}-{side}", html, night))
            if script and name.startswith("mc") and side == "front":
                tab.click(".qz-options li:nth-child(2) button")
            assert tab.evaluate("document.documentElement.scrollWidth") <= width
            assert tab.inner_text(".qz").strip()
            label = f"{name}-{side}-{'night' if night else 'day'}-{width}-{'js' if script else 'nojs'}"
            tab.screenshot(path=str(shots / f"{label}.png"), full_page=True)
    context.close()
