"""The .apkg as real Anki imports it: notes = facts, cards render, updates land in place."""

import functools
import html
import json
import re
import shutil
import sqlite3
import warnings
import zipfile
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER as IF_NEWER
from conftest import ROOT

from quizgen.anki import notetypes
from quizgen.anki.exporter import export
from quizgen.anki.ledger import PROJECT_EPOCH
from quizgen.anki.names import note_guid, source_tag
from quizgen.anki.persons import person_cards
from quizgen.bank.loader import load_banks
from quizgen.cli import main as cli_main
from quizgen.cloze import deletions
from quizgen.errors import BankError

QA, CLOZE, MC = "quizgen Question/answer", "quizgen Cloze", "quizgen Multiple choice"
LEDGER = "decks/nato-russia/anki-versions.json"


# --- helpers -------------------------------------------------------------------------------


def copy_bank(target):
    """The bundled deck folder and seeds, copied: builds rewrite the ledger next to the YAML."""
    shutil.copytree(ROOT / "decks", target / "decks")
    shutil.copytree(ROOT / "seeds", target / "seeds")
    return target


def load(workspace):
    (bank,) = load_banks(workspace / "decks", workspace / "seeds")
    return bank


def build(workspace, out):
    return export(load(workspace), out, {})[0]


def import_into(col, package):
    options = ImportAnkiPackageOptions(
        merge_notetypes=False, update_notes=IF_NEWER, update_notetypes=IF_NEWER, with_scheduling=False
    )
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options)).log


def retired_notes(col):
    return len(col.find_notes("tag:nato_russia::retired"))


def fact_bank(fact):
    """The bundled bank the fact belongs to (for which note carries a person's reversed card)."""
    return _bundled_bank()


@functools.cache
def _bundled_bank():
    (bank,) = load_banks(ROOT / "decks", ROOT / "seeds")
    return bank


def visible_text(card_html):
    without_style = re.sub(r"<style>.*?</style>", "", card_html, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", without_style)).strip()


def edit_field(workspace, fact, field, value):
    """Replace one field of one fact in its YAML file, as a curator would."""
    path = workspace / "decks" / "nato-russia" / Path(fact.origin.path).name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*- id: {fact.id}\s*$", line))
    for i in range(start, len(lines)):
        match = re.match(rf"(\s*(?:- )?){field}: ", lines[i])
        if match:
            lines[i] = f"{match.group(1)}{field}: {json.dumps(value)}\n"
            break
    else:
        raise AssertionError(f"no '{field}' in fact {fact.id}")
    path.write_text("".join(lines), encoding="utf-8")


def expected_type(fact):
    if fact.stance != "fact":
        return MC
    return CLOZE if fact.kind in ("year", "date", "number") and fact.cloze else QA


def expected_cards(fact):
    kind = expected_type(fact)
    if kind == CLOZE:
        return len({deletion.number for deletion in deletions(fact.cloze)})
    return 2 if fact.id in person_cards(fact_bank(fact), {}) else 1


def package_fields(package, guid):
    """A note's fields as stored in the package itself (not as imported)."""
    with zipfile.ZipFile(package) as archive:
        data = archive.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    (flds,) = conn.execute("SELECT flds FROM notes WHERE guid = ?", (guid,)).fetchone()
    conn.close()
    return flds.split("\x1f")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    workspace = copy_bank(tmp_path_factory.mktemp("bank"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # genanki warns about unescaped HTML in fields
        package = build(workspace, workspace / "build")
    return load(workspace), package


@pytest.fixture
def collection(tmp_path):
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


@pytest.fixture
def imported(built, collection):
    """The built deck imported into a fresh collection: (bank, collection, import log)."""
    bank, package = built
    return bank, collection, import_into(collection, package)


def notes_by_fact(bank, col):
    by_guid = {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}
    return {fact.id: by_guid[note_guid(bank, fact.id)] for fact in bank.facts}


# --- a fresh import --------------------------------------------------------------------------


def test_import_gives_one_note_per_fact_with_the_designed_note_type(imported):
    bank, col, log = imported
    assert (len(log.new), len(log.updated), len(log.conflicting)) == (len(bank.facts) + retired_notes(col), 0, 0)
    assert col.note_count() == len(bank.facts) + retired_notes(col)
    notes = notes_by_fact(bank, col)
    for fact in bank.facts:
        note = notes[fact.id]
        assert note.note_type()["name"] == expected_type(fact), fact.id
        assert len(note.cards()) == expected_cards(fact), fact.id
    assert col.card_count() == sum(expected_cards(fact) for fact in bank.facts) + len(
        col.find_cards("tag:nato_russia::retired")
    )


def test_every_card_renders_a_question_and_an_answer_that_names_the_article(imported):
    bank, col, _ = imported
    notes = notes_by_fact(bank, col)
    for fact in bank.facts:
        for card in notes[fact.id].cards():
            front, back = visible_text(card.question()), visible_text(card.answer())
            assert front and back, fact.id
            assert fact.source.title in back, fact.id
            assert fact.quote in back, fact.id


def test_each_note_type_shows_what_its_card_asks(imported):
    bank, col, _ = imported
    notes = notes_by_fact(bank, col)
    kinds = {expected_type(fact) for fact in bank.facts}
    assert kinds == {QA, CLOZE, MC}
    for fact in bank.facts:
        cards = notes[fact.id].cards()
        front, back = visible_text(cards[0].question()), visible_text(cards[0].answer())
        if expected_type(fact) == QA:
            assert fact.q in front and fact.a in back and fact.a not in front
            if len(cards) == 2:
                assert f"{fact.a}: which role," in visible_text(cards[1].question())
                assert fact.role.split(" (")[0] in visible_text(cards[1].answer())
        elif expected_type(fact) == CLOZE:
            assert re.search(r"\[(\.\.\.|[^\]]+)\]", front), fact.id
        else:
            wrong = [notes[fact.id][f"Wrong {n}"] for n in (1, 2, 3)]
            assert len([w for w in wrong if w]) in (0, 2, 3), fact.id  # 0: too few, asked openly
            asked = re.sub(r'<div class="qz-choice-data".*?</div>', "", cards[0].question(), flags=re.S)
            assert fact.a not in visible_text(asked) and fact.a in back, fact.id
            assert ("Propaganda" if fact.stance == "propaganda" else "Claim") in back


def test_sort_field_is_the_plain_question_or_cloze_text(imported):
    bank, col, _ = imported
    for fact_id, note in notes_by_fact(bank, col).items():
        fact = bank.by_id[fact_id]
        sort_text = col.db.scalar("SELECT sfld FROM notes WHERE id = ?", note.id)
        if expected_type(fact) == CLOZE:  # the cloze, with a precision hint on bare dates
            assert re.sub(r"\{\{(c\d+::[^:}]*)::[^}]*\}\}", r"{{\1}}", sort_text) == re.sub(
                r"\{\{(c\d+::[^:}]*)::[^}]*\}\}", r"{{\1}}", fact.cloze
            ), fact.id
            assert not re.search(r"\{\{c\d+::(\d{4}|[A-Z][a-z]+ \d{4})\}\}", sort_text), fact.id
        else:
            assert sort_text == fact.q


def test_subdecks_per_article_and_hierarchical_tags(imported):
    bank, col, _ = imported
    top = bank.title
    names = {deck.name for deck in col.decks.all_names_and_ids()} - {"Default", top}
    assert len(names) == len(bank.sources)  # one short subdeck per article, no empty deck
    notes = notes_by_fact(bank, col)
    for fact in bank.facts:
        note = notes[fact.id]
        (deck,) = {col.decks.name(card.did) for card in note.cards()}
        label = deck.removeprefix(f"{top}::")
        assert deck in names and len(label) <= 32 and str(fact.source.year) in label, deck
        # the label the subdeck shows is the one every front carries ({{Subdeck}})
        assert label in visible_text(note.cards()[0].question()), fact.id
        era = [f"nato_russia::era::{fact.when.year // 10 * 10}s"] if fact.when else []
        fixed = {
            f"nato_russia::kind::{fact.kind}",
            f"nato_russia::id::{fact.id}",
            f"nato_russia::stance::{fact.stance}",
            *era,
        }
        assert fixed <= set(note.tags), fact.id
        assert {f"nato_russia::source::{source_tag(c.source)}" for c in fact.citations} <= set(note.tags)
        assert len([tag for tag in note.tags if "::priority::" in tag]) == 1
    assert col.find_notes("tag:nato_russia::kind::year")


def test_topic_tags_are_a_small_vocabulary_each_finding_two_notes_or_more(imported):
    from quizgen.anki.topics import TOPICS

    _, col, _ = imported
    topics = [tag for tag in col.tags.all() if "::topic::" in tag]
    assert 0 < len(topics) <= 40
    for tag in topics:
        assert tag.split("::")[-1] in TOPICS and len(col.find_notes(f"tag:{tag}")) >= 2, tag
    assert {tag.split("::")[-1] for tag in col.tags.all() if "::priority::" in tag} == {"core", "extra"}


# --- re-imports and updates ------------------------------------------------------------------


def test_reimporting_the_same_file_changes_nothing(built, imported):
    bank, col, _ = imported
    log = import_into(col, built[1])
    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, 0, 0)
    assert len(log.duplicate) == len(bank.facts) + retired_notes(col) == col.note_count()


def test_editing_one_answer_updates_exactly_that_note_and_keeps_its_reviews(tmp_path, collection):
    workspace = copy_bank(tmp_path / "bank")
    first = build(workspace, tmp_path / "first")
    import_into(collection, first)
    bank = load(workspace)
    # an answer that is also another note's multiple-choice option: the hard case
    options = {
        nid: [collection.get_note(nid)[f"Wrong {n}"] for n in (1, 2, 3)]
        for nid in collection.find_notes(f'"note:{MC}"')
    }
    fact, rival = next(
        (fact, nid)
        for fact in bank.facts
        if expected_type(fact) == QA
        for nid, wrong in options.items()
        if fact.a in wrong
    )
    note = notes_by_fact(bank, collection)[fact.id]
    card = note.cards()[0]
    card.start_timer()
    collection.sched.answerCard(card, 4)
    reviewed = collection.get_card(card.id)

    edit_field(workspace, fact, "a", fact.a.upper())  # still stated by the quote
    second = build(workspace, tmp_path / "second")
    log = import_into(collection, second)

    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, 1, 0)
    assert log.updated[0].id.nid == note.id
    after = collection.get_note(note.id)
    assert after["Answer"] == fact.a.upper().replace("&", "&amp;")
    assert after.mod > note.mod and after.guid == note.guid
    card_after = collection.get_card(card.id)
    assert (card_after.type, card_after.ivl, card_after.due) == (reviewed.type, reviewed.ivl, reviewed.due)
    assert collection.db.scalar("SELECT count() FROM revlog WHERE cid = ?", card.id) == 1
    assert collection.note_count() == len(bank.facts) + retired_notes(collection)
    assert import_into(collection, second).updated == []


def test_changed_card_faces_update_the_note_types_in_place(tmp_path, collection, monkeypatch):
    workspace = copy_bank(tmp_path / "bank")
    import_into(collection, build(workspace, tmp_path / "first"))
    types_before = len(collection.models.all_names_and_ids())
    read_face = notetypes.read_face
    monkeypatch.setattr(
        notetypes,
        "read_face",
        lambda name: read_face(name) + ("\n.qz-changed { color: red; }" if name == "card.css" else ""),
    )
    log = import_into(collection, build(workspace, tmp_path / "second"))

    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, 0, 0)
    assert len(collection.models.all_names_and_ids()) == types_before
    for kind in notetypes.NOTE_TYPES:
        assert ".qz-changed" in collection.models.get(kind.id)["css"], kind.name


# --- reproducible files ----------------------------------------------------------------------


def test_the_same_input_gives_a_byte_identical_package(tmp_path, monkeypatch):
    one, two = copy_bank(tmp_path / "one"), copy_bank(tmp_path / "two")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # in case the ledger is behind the YAML
    first, second = build(one, tmp_path / "a"), build(two, tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    ledger = (one / LEDGER).read_bytes()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build(one, tmp_path / "c").read_bytes() == first.read_bytes()
    assert (one / LEDGER).read_bytes() == ledger
    with zipfile.ZipFile(first) as archive:
        assert [info.filename for info in archive.infolist()] == ["collection.anki2", "media"]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_without_a_ledger_the_first_build_needs_no_clock(tmp_path, monkeypatch):
    one, two = copy_bank(tmp_path / "one"), copy_bank(tmp_path / "two")
    for workspace in (one, two):
        (workspace / LEDGER).unlink(missing_ok=True)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    first = build(one, tmp_path / "a")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    assert build(two, tmp_path / "b").read_bytes() == first.read_bytes()
    assert (one / LEDGER).read_text() == (two / LEDGER).read_text()


def test_the_committed_ledger_matches_the_bank(tmp_path):
    workspace = copy_bank(tmp_path)
    assert (workspace / LEDGER).exists(), f"{LEDGER} is missing: run `quizgen build` and commit it"
    before = (workspace / LEDGER).read_text()
    build(workspace, tmp_path / "out")
    assert (workspace / LEDGER).read_text() == before, (
        f"{LEDGER} is behind the YAML or templates/anki: run `quizgen build` and commit it"
    )


# --- escaping and the command ----------------------------------------------------------------


def test_markup_in_the_yaml_shows_as_text_on_the_card(tmp_path, collection):
    workspace = copy_bank(tmp_path / "bank")
    fact = next(fact for fact in load(workspace).facts if expected_type(fact) == QA and fact.note)
    edit_field(workspace, fact, "q", "<script>alert(1)</script> Fish & chips: which <b>city</b>?")
    edit_field(workspace, fact, "note", "A & B <i>")
    bank = load(workspace)
    import_into(collection, build(workspace, tmp_path / "out"))
    card = notes_by_fact(bank, collection)[fact.id].cards()[0]
    for side in (card.question(), card.answer()):
        assert "<script>" not in side and "<b>city" not in side
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Fish &amp; chips" in side
        assert "<script>alert(1)</script> Fish & chips: which <b>city</b>?" in visible_text(side)
    assert "A & B <i>" in visible_text(card.answer())


def test_the_anki_command_writes_the_deck_and_reports_it(tmp_path, capsys):
    workspace = copy_bank(tmp_path)
    code = cli_main(
        [
            "anki",
            "--decks",
            str(workspace / "decks"),
            "--seeds",
            str(workspace / "seeds"),
            "--out",
            str(tmp_path / "out"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert (tmp_path / "out" / "anki" / "nato-russia.apkg").is_file()
    bank = load(workspace)
    retired = len(json.loads((workspace / LEDGER).read_text())["notes"]) - len(bank.facts)
    assert f"nato-russia.apkg: {len(bank.facts) + retired} notes, " in out
    entries = json.loads((workspace / LEDGER).read_text())["notes"].values()
    mc = sum(1 for entry in entries if entry.get("type") == "mc")  # the facts' and the retired ids'
    live = sum(1 for entry in entries if entry.get("type") == "mc" and not entry.get("retired"))
    assert f"  {MC}: {mc} notes, {live} cards" in out  # a retired note ships without cards


def test_a_broken_ledger_is_one_line_naming_the_file(tmp_path, capsys):
    workspace = copy_bank(tmp_path)
    (workspace / LEDGER).write_text('{"notes": [1, 2')
    code = cli_main(
        [
            "anki",
            "--decks",
            str(workspace / "decks"),
            "--seeds",
            str(workspace / "seeds"),
            "--out",
            str(tmp_path / "out"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "anki-versions.json:1: not valid JSON" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "anki").exists()


def test_a_published_fact_cannot_silently_change_its_note_type(tmp_path):
    workspace = copy_bank(tmp_path)
    build(workspace, tmp_path / "first")
    fact = next(fact for fact in load(workspace).facts if expected_type(fact) == QA)
    edit_field(workspace, fact, "stance", "claim")
    with pytest.raises(BankError) as error:
        build(workspace, tmp_path / "second")
    (problem,) = error.value.problems
    assert problem.startswith(f"{load(workspace).by_id[fact.id].origin}: fact '{fact.id}': ")
    assert f"from '{QA}' to '{MC}'" in problem
    assert not (tmp_path / "second").exists()


def test_a_note_new_in_a_later_version_is_dated_by_its_ledger_time(tmp_path, collection):
    """Anki shows a note's id as its Added date: a fact added later must not look added at the epoch."""
    workspace = copy_bank(tmp_path / "bank")
    import_into(collection, build(workspace, tmp_path / "first"))
    before = {nid: collection.get_note(nid).guid for nid in collection.find_notes("")}
    facts = workspace / "decks" / "nato-russia" / "003-fair-observer-2011.yaml"
    facts.write_text(
        facts.read_text().replace(
            "facts:\n",
            """facts:
  - id: fo2011-probe-added-later
    q: Which Portuguese capital does this 2011 article take as its starting point?
    a: Lisbon
    kind: place
    quote: "the NATO Summit that took place in Lisbon in November of 2010"
    stance: fact
""",
            1,
        )
    )
    log = import_into(collection, build(workspace, tmp_path / "second"))
    assert len(log.new) == 1
    [added] = [nid for nid in collection.find_notes("") if nid not in before]
    ledger = json.loads((workspace / "decks" / "nato-russia" / "anki-versions.json").read_text())
    given = ledger["notes"]["fo2011-probe-added-later"]["mtime"]
    assert given > PROJECT_EPOCH and added // 1000 == given  # not 2026-11-01, the project epoch
    assert all(collection.get_note(nid).guid == guid for nid, guid in before.items())  # old ids kept
