"""The version ledger: unchanged notes keep their mtime, changed ones move strictly forward."""

import json

import pytest

from quizgen.anki.ledger import PROJECT_EPOCH, Ledger
from quizgen.errors import BankError, UsageError


@pytest.fixture
def path(tmp_path):
    return tmp_path / "anki-versions.json"


def saved(path, notes, types=None):
    """A ledger on disk after stamping `notes` (and note `types`) as one build would."""
    ledger = Ledger.load(path)
    times = ledger.stamp("notes", notes)
    ledger.stamp("note_types", types or {"qa": "t1"})
    ledger.save()
    return times


def test_without_a_ledger_every_mtime_is_the_project_epoch(path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    assert saved(path, {"b": "h2", "a": "h1"}) == {"a": PROJECT_EPOCH, "b": PROJECT_EPOCH}
    data = json.loads(path.read_text())
    assert data["notes"] == {"a": {"hash": "h1", "mtime": PROJECT_EPOCH}, "b": {"hash": "h2", "mtime": PROJECT_EPOCH}}


def test_the_file_has_sorted_keys_and_one_line_per_entry(path):
    saved(path, {"zulu": "h3", "alpha": "h1", "mike": "h2"})
    lines = path.read_text().splitlines()
    entries = [line.strip() for line in lines if '"hash"' in line]
    assert entries[1:] == [
        f'"alpha": {{"hash": "h1", "mtime": {PROJECT_EPOCH}}},',
        f'"mike": {{"hash": "h2", "mtime": {PROJECT_EPOCH}}},',
        f'"zulu": {{"hash": "h3", "mtime": {PROJECT_EPOCH}}}',
    ]
    assert entries[0] == f'"qa": {{"hash": "t1", "mtime": {PROJECT_EPOCH}}}'


def test_an_unchanged_hash_keeps_its_mtime_whatever_the_clock(path, monkeypatch):
    saved(path, {"a": "h1", "b": "h2"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    assert saved(path, {"a": "h1", "b": "h2"}) == {"a": PROJECT_EPOCH, "b": PROJECT_EPOCH}


def test_a_changed_or_new_fact_gets_the_clock_when_it_is_ahead(path, monkeypatch):
    saved(path, {"a": "h1", "b": "h2"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    assert saved(path, {"a": "h1", "b": "changed", "c": "new"}) == {
        "a": PROJECT_EPOCH,
        "b": 1900000000,
        "c": 1900000000,
    }


def test_a_clock_behind_the_ledger_still_moves_forward(path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    saved(path, {"a": "h1"})
    saved(path, {"a": "h2"})  # now at 1900000000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000")
    assert saved(path, {"a": "h3"}) == {"a": 1900000001}


def test_note_types_are_versioned_on_the_same_clock(path, monkeypatch):
    saved(path, {"a": "h1"}, {"qa": "t1", "mc": "m1"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    ledger = Ledger.load(path)
    assert ledger.stamp("note_types", {"qa": "t2", "mc": "m1"}) == {"qa": 1900000000, "mc": PROJECT_EPOCH}


def test_removed_facts_stay_so_a_returning_id_never_goes_back_in_time(path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    saved(path, {"a": "h1"})
    saved(path, {"a": "h2"})
    saved(path, {})
    assert json.loads(path.read_text())["notes"]["a"] == {"hash": "h2", "mtime": 1900000000}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000")
    assert saved(path, {"a": "h3"}) == {"a": 1900000001}


def test_an_unchanged_ledger_is_not_rewritten(path):
    saved(path, {"a": "h1"})
    before = path.stat().st_mtime_ns
    ledger = Ledger.load(path)
    ledger.stamp("notes", {"a": "h1"})
    assert ledger.save() is False
    assert path.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"notes": {', "anki-versions.json:1: not valid JSON"),
        ('{"notes": {}}', "anki-versions.json:1: not a quizgen Anki ledger"),
        (
            '{"notes": {"a": {"hash": "h", "mtime": "soon"}}, "note_types": {}}',
            "anki-versions.json:1: not a quizgen Anki ledger",
        ),
    ],
)
def test_a_broken_ledger_is_a_one_line_error(path, text, message):
    path.write_text(text)
    with pytest.raises(BankError) as error:
        Ledger.load(path)
    (problem,) = error.value.problems
    assert message in problem and "\n" not in problem


def test_a_malformed_source_date_epoch_is_a_usage_error(path, monkeypatch):
    saved(path, {"a": "h1"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH must be whole seconds"):
        saved(path, {"a": "h2"})


def test_each_note_records_its_note_type(path):
    ledger = Ledger.load(path)
    ledger.stamp("notes", {"a": "h1", "b": "h2"}, {"a": "qa", "b": "mc"})
    ledger.save()
    reloaded = Ledger.load(path)
    assert (
        reloaded.published_type("notes", "a"),
        reloaded.published_type("notes", "b"),
        reloaded.published_type("notes", "new"),
    ) == ("qa", "mc", None)
    assert f'"a": {{"hash": "h1", "mtime": {PROJECT_EPOCH}, "type": "qa"}},' in path.read_text()
