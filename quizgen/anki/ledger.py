"""The version ledger: per note (and note type) a content hash and the mtime Anki compares.

Anki's importer updates an existing note only when the incoming mtime is newer than its own,
so mtimes must be per note and must grow exactly when that note's content changes. The ledger
(`<deck folder>/anki-versions.json`, committed like a lock file) remembers them: an unchanged
hash keeps its mtime; a new or changed one gets max(newest mtime + 1, SOURCE_DATE_EPOCH or now).
Without a ledger every mtime is PROJECT_EPOCH, so the first build needs no clock either.
"""

from __future__ import annotations

import json
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from quizgen.anki.notetypes import NOTE_TYPES
from quizgen.bank.schema import id_problem, text_problem
from quizgen.errors import BankError, UsageError, clip
from quizgen.files import NotJSON, parse_json, read_regular
from quizgen.output import pending
from quizgen.paths import shown

LEDGER_FILE = "anki-versions.json"
MAX_LEDGER_BYTES = 16 * 1024 * 1024
MAX_MTIME = 2**53  # Anki keeps mtimes in SQLite integers (and JavaScript numbers)
PROJECT_EPOCH = 1793491200  # 2026-11-01T00:00:00Z
SECTIONS = ("note_types", "notes")
ABOUT = (
    "Anki versions written by quizgen: per note, a content hash and the mtime Anki compares "
    "on import. Commit it with the YAML; never edit it by hand."
)


@dataclass(frozen=True)
class Entry:
    hash: str
    mtime: int
    type: str | None = None  # a note's note type: Anki cannot change it on import
    retired: bool = False  # the id was withdrawn: it ships as a retired note, never reused
    person: str | None = None  # the person whose reversed card this note carries
    draft: bool = False  # built but not released (`quizgen anki --release`): no learner has it


class Ledger:
    """Loaded once per build; `stamp` assigns mtimes, `save` writes only a changed ledger."""

    def __init__(self, path: Path, sections: dict[str, dict[str, Entry]], existed: bool):
        self.path = path
        self.sections = sections
        self.existed = existed
        self._new_time: int | None = None
        self._read: bytes | None = None  # the file as loaded: saving compares, never reads again
        self.drafts = False  # whether notes new to the ledger are drafts (a build that is no release)

    @classmethod
    def load(cls, path: Path) -> Ledger:
        if not os.path.lexists(path):
            return cls(path, {name: {} for name in SECTIONS}, existed=False)
        raw = read_regular(path, shown(path), MAX_LEDGER_BYTES)
        restore = "restore it from version control"
        try:
            data = parse_json(raw)
        except NotJSON as exc:
            raise BankError([f"{shown(path)}:{exc.line}: not valid JSON ({exc.why}); {restore}"]) from None
        why = _ledger_problem(data)
        if why:
            raise BankError([f"{shown(path)}:1: not a quizgen Anki ledger ({why}); {restore}"])
        sections = {name: {key: _entry(value) for key, value in data[name].items()} for name in SECTIONS}
        ledger = cls(path, sections, existed=True)
        ledger._read = raw
        return ledger

    def stamp(
        self,
        section: str,
        hashes: dict[str, str],
        types: dict[str, str] | None = None,
        marks: dict[str, dict] | None = None,
    ) -> dict[str, int]:
        """The mtime of each key: kept while its hash is unchanged, else a new, newer one.
        `types` and `marks` (retired, person) are recorded with each key."""
        entries = self.sections[section]
        types, marks = types or {}, marks or {}
        stale = sorted(key for key, digest in hashes.items() if key not in entries or entries[key].hash != digest)
        for key in stale:  # a note new to the ledger is a draft until a release
            entries[key] = Entry(
                hashes[key],
                self._next_time(),
                draft=entries[key].draft if key in entries else section == "notes" and self.drafts,
            )
        for key in hashes:
            details: dict[str, Any] = {"type": types.get(key, entries[key].type), "retired": False, "person": None}
            details.update(marks.get(key, {}))
            entries[key] = replace(entries[key], **details)
        return {key: entries[key].mtime for key in hashes}

    def published_type(self, section: str, key: str) -> str | None:
        entry = self.sections[section].get(key)
        return entry.type if entry and not entry.draft else None

    def release(self, keys: set[str]) -> None:
        """Mark the notes `keys` released (learners may have them from now on) and forget drafts
        that are gone (renamed or deleted before anyone had them)."""
        notes = self.sections["notes"]
        for key, entry in list(notes.items()):
            if key in keys:
                notes[key] = replace(entry, draft=False)
            elif entry.draft:
                del notes[key]

    def forget_gone_drafts(self, keys: set[str]) -> None:
        """Drop draft notes no longer built: a renamed draft id leaves nothing behind."""
        notes = self.sections["notes"]
        for key in [key for key, entry in notes.items() if entry.draft and key not in keys]:
            del notes[key]

    def carriers(self) -> dict[str, str]:
        """Person -> the note id that carries their reversed card."""
        return {entry.person: key for key, entry in self.sections["notes"].items() if entry.person}

    def _next_time(self) -> int:
        # one time per build, fixed before the first change: every change of a build shares it
        if self._new_time is None:
            newest = max(
                (entry.mtime for entries in self.sections.values() for entry in entries.values()), default=PROJECT_EPOCH
            )
            self._new_time = max(newest + 1, clock()) if self.existed else PROJECT_EPOCH
            if self._new_time > MAX_MTIME:  # load accepts MAX_MTIME itself: no newer time is left
                raise BankError(
                    [
                        f"{shown(self.path)}:1: its newest mtime {newest} leaves no newer one for a "
                        f"changed note (Anki keeps at most {MAX_MTIME}); restore it from version control"
                    ]
                )
        return self._new_time

    def text(self) -> str:
        """JSON with sorted keys and one line per entry, so reviews and merges stay readable."""
        lines = ["{", f'  "about": {json.dumps(ABOUT)},']
        for number, name in enumerate(SECTIONS):
            entries = sorted(self.sections[name].items())
            lines.append(f'  "{name}": {{')
            lines.extend(
                f"    {json.dumps(key)}: {_entry_text(entry)}" + ("," if i < len(entries) - 1 else "")
                for i, (key, entry) in enumerate(entries)
            )
            lines.append("  }" + ("," if number < len(SECTIONS) - 1 else ""))
        return "\n".join(lines + ["}", ""])

    def save(self) -> bool:
        """Write the ledger if its text changed; True when it did."""
        with self.saving() as changed:
            return changed

    @contextmanager
    def saving(self):
        """Yield whether the ledger changed; a changed one is staged beside the old one first and
        put in place when the block ends well. The package is written inside the block: a deck
        folder that cannot take the ledger fails before anything is written."""
        text = self.text()
        if self._read is not None and self._read == text.encode("utf-8"):
            yield False
            return
        with pending(self.path, text, root=self.path.parent):  # the deck folder, not --out
            yield True


def clock() -> int:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the current time."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return int(time.time())
    try:
        seconds = int(value)
    except ValueError:
        seconds = -1
    if not 0 <= seconds <= MAX_MTIME:
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be whole seconds since 1970 (at most {MAX_MTIME}), not '{value[:40]}'"
        )
    return seconds


def _ledger_problem(data) -> str | None:
    """The ledger's schema: `about`, then per section id -> {hash, mtime[, type, retired, person]};
    note ids are fact ids (slugs), note types the published ones. None when `data` follows it."""
    if not isinstance(data, dict) or set(data) - {"about", *SECTIONS} or not set(SECTIONS) <= set(data):
        return f"expected {' and '.join(SECTIONS)} of id: {{hash, mtime}}"
    for name in SECTIONS:
        if not isinstance(data[name], dict):
            return f"'{name}' must map ids to entries"
        for key, value in data[name].items():
            why = (
                id_problem(key)
                if name == "notes"
                else None
                if key in _TYPE_KEYS
                else f"is not a note type ({', '.join(_TYPE_KEYS)})"
            )
            why = why or _entry_problem(value)
            if why:
                return f"{name} entry '{clip(key)}' {why}"
    return None


def _entry_problem(value) -> str | None:
    if not isinstance(value, dict) or set(value) - _ENTRY_KEYS or not {"hash", "mtime"} <= set(value):
        return f"must be an object with hash and mtime (and only {', '.join(sorted(_ENTRY_KEYS))})"
    if not isinstance(value["hash"], str) or not re.fullmatch(r"[0-9A-Za-z_-]{1,64}", value["hash"]):
        return "has a hash that is not a short run of letters and digits"
    if type(value["mtime"]) is not int or not 0 <= value["mtime"] <= MAX_MTIME:
        return f"has an mtime that is not a whole number from 0 to {MAX_MTIME}"
    if value.get("type") is not None and value["type"] not in _TYPE_KEYS:
        return f"has an unknown note type (one of {', '.join(_TYPE_KEYS)})"
    if value.get("retired") not in (None, True, False):
        return "has 'retired' that is not true or false"
    if value.get("draft") not in (None, True, False):
        return "has 'draft' that is not true or false"
    if value.get("person") is not None and text_problem(value["person"], MAX_PERSON):
        return f"has a person that {text_problem(value['person'], MAX_PERSON)}"
    return None


_TYPE_KEYS = tuple(kind.key for kind in NOTE_TYPES)
_ENTRY_KEYS = {"hash", "mtime", "type", "retired", "person", "draft"}
MAX_PERSON = 200


def _entry(value) -> Entry:
    """An entry already checked by _ledger_problem."""
    return Entry(
        value["hash"],
        value["mtime"],
        value.get("type"),
        value.get("retired") is True,
        value.get("person"),
        value.get("draft") is True,
    )


def published(deck_dir: Path) -> tuple[str, dict[str, bool]]:
    """What learners already have, as the bank's check takes it: where the ledger of `deck_dir`
    is shown, and each published note id with whether it was retired (a draft, built but never
    released, is not published: it can still be renamed)."""
    ledger = Ledger.load(deck_dir / LEDGER_FILE)
    return shown(ledger.path), {
        key: entry.retired for key, entry in ledger.sections["notes"].items() if not entry.draft
    }


def _entry_text(entry: Entry) -> str:
    data = {"hash": entry.hash, "mtime": entry.mtime}
    if entry.type:
        data["type"] = entry.type
    if entry.retired:
        data["retired"] = True
    if entry.person:
        data["person"] = entry.person
    if entry.draft:
        data["draft"] = True
    return json.dumps(data, ensure_ascii=False)
