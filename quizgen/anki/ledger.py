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
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from quizgen.bank.yamlfile import read_regular
from quizgen.errors import BankError, UsageError
from quizgen.output import pending
from quizgen.paths import shown

LEDGER_FILE = "anki-versions.json"
MAX_LEDGER_BYTES = 16 * 1024 * 1024
MAX_MTIME = 2**53  # Anki keeps mtimes in SQLite integers (and JavaScript numbers)
PROJECT_EPOCH = 1793491200  # 2026-11-01T00:00:00Z
SECTIONS = ("note_types", "notes")
ABOUT = ("Anki versions written by quizgen: per note, a content hash and the mtime Anki compares "
         "on import. Commit it with the YAML; never edit it by hand.")


@dataclass(frozen=True)
class Entry:
    hash: str
    mtime: int
    type: str | None = None   # a note's note type: Anki cannot change it on import
    retired: bool = False     # the id was withdrawn: it ships as a retired note, never reused
    person: str | None = None  # the person whose reversed card this note carries


class Ledger:
    """Loaded once per build; `stamp` assigns mtimes, `save` writes only a changed ledger."""

    def __init__(self, path: Path, sections: dict[str, dict[str, Entry]], existed: bool):
        self.path = path
        self.sections = sections
        self.existed = existed
        self._new_time: int | None = None

    @classmethod
    def load(cls, path: Path) -> Ledger:
        if not os.path.lexists(path):
            return cls(path, {name: {} for name in SECTIONS}, existed=False)
        try:
            data = json.loads(read_regular(path, shown(path), MAX_LEDGER_BYTES).decode("utf-8"))
            sections = {name: {key: _entry(value) for key, value in data[name].items()}
                        for name in SECTIONS}
        except json.JSONDecodeError as exc:
            raise BankError([f"{shown(path)}:{exc.lineno}: not valid JSON ({exc.msg}); "
                             "restore it from version control"]) from None
        except RecursionError:
            raise BankError([f"{shown(path)}:1: not valid JSON (nested too deeply); "
                             "restore it from version control"]) from None
        except (KeyError, TypeError, AttributeError, ValueError, UnicodeDecodeError):
            raise BankError([f"{shown(path)}:1: not a quizgen Anki ledger (expected "
                             f"{' and '.join(SECTIONS)} of id: {{hash, mtime}}); "
                             "restore it from version control"]) from None
        return cls(path, sections, existed=True)

    def stamp(self, section: str, hashes: dict[str, str], types: dict[str, str] | None = None,
              marks: dict[str, dict] | None = None) -> dict[str, int]:
        """The mtime of each key: kept while its hash is unchanged, else a new, newer one.
        `types` and `marks` (retired, person) are recorded with each key."""
        entries = self.sections[section]
        types, marks = types or {}, marks or {}
        stale = sorted(key for key, digest in hashes.items()
                       if key not in entries or entries[key].hash != digest)
        for key in stale:
            entries[key] = Entry(hashes[key], self._next_time())
        for key in hashes:
            details: dict[str, Any] = {"type": types.get(key, entries[key].type), "retired": False, "person": None}
            details.update(marks.get(key, {}))
            entries[key] = replace(entries[key], **details)
        return {key: entries[key].mtime for key in hashes}

    def published_type(self, section: str, key: str) -> str | None:
        entry = self.sections[section].get(key)
        return entry.type if entry else None

    def retired_ids(self) -> set[str]:
        return {key for key, entry in self.sections["notes"].items() if entry.retired}

    def carriers(self) -> dict[str, str]:
        """Person -> the note id that carries their reversed card."""
        return {entry.person: key for key, entry in self.sections["notes"].items() if entry.person}

    def _next_time(self) -> int:
        # one time per build, fixed before the first change: every change of a build shares it
        if self._new_time is None:
            newest = max((entry.mtime for entries in self.sections.values()
                          for entry in entries.values()), default=PROJECT_EPOCH)
            self._new_time = max(newest + 1, clock()) if self.existed else PROJECT_EPOCH
        return self._new_time

    def text(self) -> str:
        """JSON with sorted keys and one line per entry, so reviews and merges stay readable."""
        lines = ["{", f'  "about": {json.dumps(ABOUT)},']
        for number, name in enumerate(SECTIONS):
            entries = sorted(self.sections[name].items())
            lines.append(f'  "{name}": {{')
            lines.extend(f"    {json.dumps(key)}: {_entry_text(entry)}"
                         + ("," if i < len(entries) - 1 else "")
                         for i, (key, entry) in enumerate(entries))
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
        if self.path.exists() and self.path.read_text(encoding="utf-8") == text:
            yield False
            return
        with pending(self.path, text):
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
        raise UsageError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970 (at most {MAX_MTIME}), "
                         f"not '{value[:40]}'")
    return seconds


def _entry(value) -> Entry:
    kind, person = value.get("type"), value.get("person")
    if not isinstance(value["hash"], str) or type(value["mtime"]) is not int or not (
            0 <= value["mtime"] <= MAX_MTIME) or not all(
            item is None or isinstance(item, str) for item in (kind, person)):
        raise ValueError("bad entry")
    return Entry(value["hash"], value["mtime"], kind, value.get("retired") is True, person)


def _entry_text(entry: Entry) -> str:
    data = {"hash": entry.hash, "mtime": entry.mtime}
    if entry.type:
        data["type"] = entry.type
    if entry.retired:
        data["retired"] = True
    if entry.person:
        data["person"] = entry.person
    return json.dumps(data, ensure_ascii=False)
