"""The seed articles: their metadata, their text, and the verbatim-quote test."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgen.bank.yamlfile import LineDict, decode_text, read_regular, read_yaml
from quizgen.errors import BankError
from quizgen.model import Source
from quizgen.text import plain, unsafe_character

METADATA_FILE = "sources.yaml"
MAX_SEED_BYTES = 5 * 1024 * 1024  # an article is tens of KB; a book would be a few MB


_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")


def paragraphs(text: str) -> tuple[str, tuple[int, ...]]:
    """The normalised text and where each of its paragraphs after the first starts in it (a blank
    line ends a paragraph: a headline without a full stop is not part of the next sentence)."""
    parts = [part for part in (plain(chunk) for chunk in _PARAGRAPH.split(text)) if part]
    starts, offset = [], 0
    for part in parts[:-1]:
        offset += len(part) + 1
        starts.append(offset)
    return " ".join(parts), tuple(starts)


@dataclass(frozen=True)
class Seed:
    """A source with its normalised text, for quote checks, and where its paragraphs start."""

    source: Source
    text: str
    paragraphs: tuple[int, ...] = ()


_META_FIELDS = {"file": str, "title": str, "outlet": str, "author": str, "year": int,
                "date": str, "url": str, "notes": str}


def load_seeds(seeds_dir: Path, shown_dir: str) -> dict[str, Seed]:
    """Read `sources.yaml` and every article it names; all problems are raised together."""
    shown = f"{shown_dir}/{METADATA_FILE}"
    meta = read_yaml(seeds_dir / METADATA_FILE, shown)
    if not isinstance(meta, LineDict):
        raise BankError([f"{shown}:1: expected a mapping of seed ids to article metadata"])
    problems, seeds = [], {}
    for seed_id, entry in meta.items():
        line = meta.lines[seed_id]
        if not isinstance(entry, LineDict):
            problems.append(f"{shown}:{line}: seed '{seed_id}': expected a mapping")
            continue
        values: dict[str, Any] = {}
        for key, value in entry.items():
            expected = _META_FIELDS.get(key)
            if expected is None:
                problems.append(f"{shown}:{entry.lines[key]}: seed '{seed_id}': unknown field '{key}'")
            elif value is None:
                continue
            elif isinstance(value, (list, dict, bool)) or (expected is int and not _whole(value)):
                problems.append(f"{shown}:{entry.lines[key]}: seed '{seed_id}': field '{key}' must be "
                                f"{'a whole number' if expected is int else 'text'}")
            elif unsafe_character(str(value)):
                problems.append(f"{shown}:{entry.lines[key]}: seed '{seed_id}': field '{key}' contains "
                                f"{unsafe_character(str(value))}")
            else:
                values[key] = int(value) if expected is int else str(value)
        for key in ("file", "title"):
            if entry.get(key) in (None, ""):
                problems.append(f"{shown}:{line}: seed '{seed_id}': missing required field '{key}'")
        if "file" not in values or "title" not in values:
            continue
        where = f"{shown}:{entry.lines['file']}: seed '{seed_id}'"
        text, why = _read_article(seeds_dir, values["file"], f"{shown_dir}/{values['file']}")
        if why:
            problems.append(f"{where}: cannot read {shown_dir}/{values['file']}: {why}")
            continue
        values.pop("notes", None)
        source = Source(id=str(seed_id), **values)
        seeds[source.id] = Seed(source, *paragraphs(text))
    if problems:
        raise BankError(problems)
    return seeds


def _whole(value) -> bool:
    """A year as YAML text ('2011') or an explicitly tagged int."""
    if isinstance(value, int) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 4


def _read_article(seeds_dir: Path, name: str, shown: str) -> tuple[str, str | None]:
    """An article's text, or why not: only a regular file inside the seeds folder (no /etc/passwd)."""
    if "\x00" in name or Path(name).is_absolute() or ".." in Path(name).parts:
        return "", "a seed file must be a relative path inside the seeds folder"
    path = seeds_dir / name
    try:
        inside = path.resolve().is_relative_to(seeds_dir.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        return "", "it links outside the seeds folder"
    try:
        return decode_text(read_regular(path, shown, MAX_SEED_BYTES), shown), None
    except BankError as exc:
        return "", exc.problems[0].split(": ", 1)[1].removeprefix("cannot read file: ")
