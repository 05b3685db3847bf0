"""What the README says about customised quizgen note types, checked in the real backend: an
added field is kept by "Merge note types" but its content is emptied by the next update, and
changes built before the customisation never arrive."""

from dataclasses import replace

from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from anki.import_export_pb2 import (
    IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER as IF_NEWER,
)
from test_anki_cards import make_bank

from quizgen.anki.exporter import write_deck


def merge_import(col, package):
    options = ImportAnkiPackageOptions(merge_notetypes=True, update_notes=IF_NEWER, update_notetypes=IF_NEWER)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options)).log


def edited(bank, note):
    return replace(bank, facts=tuple(replace(f, note=note) if f.id == "p-undated" else f for f in bank.facts))


def test_an_added_field_survives_a_merge_import_but_its_content_does_not(tmp_path, monkeypatch):
    folder = tmp_path / "deck"
    folder.mkdir()
    bank = make_bank(folder, retired=())
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        merge_import(col, write_deck(bank, folder / "v1", {}).package)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793500000")  # built before the customisation (now)
        before = write_deck(edited(bank, "Built before."), folder / "v2", {}).package
        notetype = col.models.by_name("quizgen Question/answer")
        col.models.add_field(notetype, col.models.new_field("My notes"))
        col.models.update_dict(notetype)
        note = col.get_note(col.find_notes("ID:p-undated")[0])
        note["My notes"] = "mine"
        col.update_note(note)
        # a change built before the field was added never arrives: the note is "newer"
        assert not merge_import(col, before).updated
        assert col.get_note(note.id)["Context"] != "Built before."
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "4000000000")  # a later build
        after = write_deck(edited(bank, "Built after."), folder / "v3", {}).package
        log = merge_import(col, after)
        updated = col.get_note(note.id)
        assert [n.id.nid for n in log.updated] == [note.id] and updated["Context"] == "Built after."
        assert "My notes" in updated and updated["My notes"] == ""  # emptied
    finally:
        col.close()
