"""The seed articles: their metadata, their text, and the verbatim-quote test."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quizgen.bank.schema import SEED_FIELDS, YEARS, id_problem, parse_when, text_problem
from quizgen.bank.yamlfile import LineDict, read_yaml
from quizgen.errors import BankError, clip
from quizgen.files import decode_text, read_regular
from quizgen.model import Source
from quizgen.text import plain, unsafe_in_lines

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


def load_seeds(seeds_dir: Path, shown_dir: str) -> dict[str, Seed]:
    """Read `sources.yaml` and every article it names; all problems are raised together.

    Each entry is checked against the declared SEED_FIELDS: a seed id names files and folders,
    so it is a checked slug before anything else sees it."""
    shown = f"{shown_dir}/{METADATA_FILE}"
    meta = read_yaml(seeds_dir / METADATA_FILE, shown)
    if not isinstance(meta, LineDict):
        raise BankError([f"{shown}:1: expected a mapping of seed ids to article metadata"])
    problems: list[str] = []
    seeds = {}
    for seed_id, entry in meta.items():
        line = meta.lines[seed_id]
        if id_problem(seed_id):
            problems.append(f"{shown}:{line}: seed id {id_problem(seed_id)}")
            continue
        if not isinstance(entry, LineDict):
            problems.append(f"{shown}:{line}: seed '{seed_id}': expected a mapping")
            continue
        values = _metadata(entry, f"{shown}:{{}}: seed '{seed_id}'", problems)
        if values is None:
            continue
        where = f"{shown}:{entry.lines['file']}: seed '{seed_id}'"
        text, why = _read_article(seeds_dir, values["file"], f"{shown_dir}/{values['file']}")
        if why:
            problems.append(f"{where}: cannot read {shown_dir}/{values['file']}: {why}")
            continue
        unsafe = unsafe_in_lines(text)
        if unsafe:
            problems.append(
                f"{shown_dir}/{values['file']}:{unsafe[0]}: seed '{seed_id}': contains {unsafe[1]}: "
                "save the article as plain text"
            )
            continue
        values.pop("notes", None)
        source = Source(id=seed_id, **values)
        seeds[source.id] = Seed(source, *paragraphs(text))
    if problems:
        raise BankError(problems)
    return seeds


def _metadata(entry: LineDict, where: str, problems: list[str]) -> dict | None:
    """The typed fields of one article's entry, or None when any is wrong (added to `problems`)."""
    values: dict = {}
    reported = len(problems)
    for key in entry:
        if key not in _SPECS:
            problems.append(
                f"{where.format(entry.lines[key])}: unknown field '{clip(key)}' (allowed: {', '.join(_SPECS)})"
            )
    for spec in SEED_FIELDS:
        value = entry.get(spec.name)
        at = where.format(entry.lines.get(spec.name, entry.line))
        if value is None or value == "":
            if spec.required:
                problems.append(f"{at}: missing required field '{spec.name}'")
            continue
        if spec.kind == "year":
            if not _whole(value) or not YEARS[0] <= int(value) <= YEARS[1]:
                problems.append(f"{at}: field 'year' must be a whole number from {YEARS[0]} to {YEARS[1]}")
                continue
            values["year"] = int(value)
            continue
        why = text_problem(value, spec.limit)
        if why is None and spec.kind == "when" and parse_when(value) is None:
            why = "must be a real date as YYYY, YYYY-MM or YYYY-MM-DD"
        if why is None and spec.name == "url" and not re.match(r"https?://", value):
            why = "must be a web address starting with http:// or https://"
        if why:
            problems.append(f"{at}: field '{spec.name}' {why}")
        else:
            values[spec.name] = value.strip()
    return values if len(problems) == reported else None


_SPECS = {spec.name: spec for spec in SEED_FIELDS}


def entry_problems(values: dict) -> dict[str, str]:
    """{field: what is wrong with it} for metadata given as values (`quizgen new-article`'s
    options), by the same rules as an entry of sources.yaml, before anything is written."""
    entry = LineDict({key: value for key, value in values.items() if value is not None})
    entry.line, entry.lines = 1, dict.fromkeys(entry, 1)
    problems: list[str] = []
    _metadata(entry, "", problems)
    found = (re.match(r": (?:field '(\w+)' )?(.*)", problem) for problem in problems)
    return {match.group(1) or "": match.group(2) for match in found if match}


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
