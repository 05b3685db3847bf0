"""Loads deck folders of fact YAML into a validated Bank, collecting every problem first."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from quizgen.bank.duplicates import repeated_questions
from quizgen.bank.records import read_retired, read_skips
from quizgen.bank.rules import Problems, check_fact
from quizgen.bank.schema import DECK_FILE, DECK_KEYS, FILE_KEYS, id_problem
from quizgen.bank.seeds import Seed, load_seeds
from quizgen.bank.yamlfile import LineDict, LineList, read_yaml
from quizgen.errors import BankError
from quizgen.model import Bank, Fact, Location, Retired, Skip
from quizgen.paths import shown
from quizgen.text import unsafe_character


def deck_dirs(decks_root: Path) -> list[Path]:
    """Every deck folder (a folder holding .yaml files) under `decks_root`, sorted."""
    if not decks_root.is_dir():
        raise BankError([f"{shown(decks_root)}:1: no such deck folder"])
    try:
        found = sorted(p for p in decks_root.iterdir() if p.is_dir() and _has_yaml(p))
        if not found and _has_yaml(decks_root):
            found = [decks_root]
    except OSError as exc:
        where = shown(Path(exc.filename or decks_root))
        raise BankError([f"{where}:1: cannot read deck folder: {exc.strerror or exc}"]) from None
    if not found:
        raise BankError([f"{shown(decks_root)}:1: no deck folders with .yaml files"])
    return found


def _has_yaml(folder: Path) -> bool:
    """Whether `folder` holds .yaml files; an unreadable folder is an error, not an empty one."""
    with os.scandir(folder) as entries:
        return any(entry.name.endswith(".yaml") for entry in entries)


# what a deck's published record (the Anki ledger) says: where it is shown, and each published id
# with whether it was retired; handed in by the caller, so the bank never reads an exporter's files
Published = Callable[[Path], tuple[str, dict[str, bool]]]


def load_banks(decks_root: Path, seeds_dir: Path, published: Published | None = None) -> list[Bank]:
    """Every deck under `decks_root`, validated against the seeds (and, given `published`, against
    the ids learners already have); raises all problems at once."""
    return load_decks(decks_root, load_seeds(seeds_dir, shown(seeds_dir)), published)


def load_decks(decks_root: Path, seeds: dict[str, Seed], published: Published | None = None) -> list[Bank]:
    """Every deck under `decks_root`, validated against seeds already loaded."""
    banks, problems = [], []
    for deck_dir in deck_dirs(decks_root):
        try:
            banks.append(load_bank(deck_dir, seeds, published))
        except BankError as exc:
            problems.extend(exc.problems)
    if problems:
        raise BankError(problems)
    return banks


def load_bank(deck_dir: Path, seeds: dict[str, Seed], published: Published | None = None) -> Bank:
    """One deck folder: `deck.yaml` (title) plus fact files, each `source:` + `facts:`."""
    problems: list[str] = []
    title = _deck_title(deck_dir, problems)
    facts: list[Fact] = []
    retired: list[Retired] = []
    skips: list[Skip] = []
    with os.scandir(deck_dir) as entries:
        paths = sorted(deck_dir / entry.name for entry in entries if entry.name.endswith(".yaml"))
    for path in paths:
        if path.name != DECK_FILE:
            _load_file(path, seeds, problems, (facts, retired, skips))
    _check_across(facts, problems)
    name = deck_dir.resolve().name  # `--decks .` names the deck after the folder, not '' or '..'
    if unsafe_character(name) or not name:
        problems.append(f"{shown(deck_dir)}:1: deck folder name contains {unsafe_character(name)}")
    elif id_problem(name):  # it names output folders and files and keys the progress of both quizzes
        problems.append(f"{shown(deck_dir)}:1: deck folder name {id_problem(name)}; rename the folder")
    elif not facts and not problems:
        problems.append(f"{shown(deck_dir)}:1: deck '{name}' has no facts (add a fact file)")
    if not problems:
        _check_retired(facts, retired, published(deck_dir) if published else ("", {}), problems)
    if problems:
        raise BankError(problems)
    used = {c.source.id: c.source for fact in facts for c in fact.citations}
    return Bank(name, title, tuple(facts), dict(sorted(used.items())), deck_dir, tuple(retired), tuple(skips))


def _deck_title(deck_dir: Path, problems: list[str]) -> str:
    path = deck_dir / DECK_FILE
    default = deck_dir.name.replace("-", " ").title()
    if not os.path.lexists(path):
        return default
    try:
        meta = read_yaml(path, shown(path))
    except BankError as exc:
        problems.extend(exc.problems)
        return default
    if not isinstance(meta, LineDict):
        problems.append(f"{shown(path)}:1: expected a mapping with 'title'")
        return default
    for key in meta:
        if key not in DECK_KEYS:
            problems.append(f"{shown(path)}:{meta.lines[key]}: unknown field '{key}'")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(f"{shown(path)}:{meta.line}: field 'title' must be a non-empty string")
        return default
    if unsafe_character(title):
        problems.append(f"{shown(path)}:{meta.lines['title']}: field 'title' contains {unsafe_character(title)}")
        return default
    return title.strip()


def _load_file(path: Path, seeds: dict[str, Seed], problems: list[str], into: tuple) -> None:
    """Adds the file's facts, retired ids and skipped passages to the lists in `into`."""
    where = shown(path)
    try:
        doc = read_yaml(path, where)
    except BankError as exc:
        problems.extend(exc.problems)
        return
    if not isinstance(doc, LineDict):
        problems.append(f"{where}:1: expected a mapping with 'source' and 'facts'")
        return
    for key in doc:
        if key not in FILE_KEYS:
            problems.append(
                f"{where}:{doc.lines[key]}: unknown top-level field '{key}' (allowed: {', '.join(FILE_KEYS)})"
            )
    seed = _file_seed(doc, where, seeds, problems)
    facts, retired, skips = into
    retired.extend(read_retired(doc, where, problems))
    skips.extend(read_skips(doc, where, seed, problems))
    raw_facts = doc.get("facts")
    if not isinstance(raw_facts, LineList):  # `facts: []` is a new article's file, not yet written
        line = doc.lines.get("facts", doc.line)
        problems.append(f"{where}:{line}: field 'facts' must be a list of facts (`facts: []` while none)")
        return
    for index, raw in enumerate(raw_facts, start=1):
        if not isinstance(raw, LineDict):
            problems.append(f"{where}:{raw_facts.lines[index - 1]}: fact #{index}: expected a mapping of fields")
            continue
        raw_id = raw.get("id")
        label = raw_id if isinstance(raw_id, str) and raw_id else f"#{index}"
        found = Problems(where, raw, label)
        values = check_fact(found, raw, seed, seeds)
        problems.extend(found.lines)
        if not found.lines and seed is not None:
            facts.append(Fact(source=seed.source, origin=Location(where, raw.line, tuple(raw.lines.items())), **values))


def _file_seed(doc: LineDict, where: str, seeds: dict[str, Seed], problems: list[str]):
    source = doc.get("source")
    line = doc.lines.get("source", doc.line)
    if source is None:
        problems.append(f"{where}:{line}: missing required field 'source' (a seed id)")
        return None
    if isinstance(source, (list, dict)):
        problems.append(f"{where}:{line}: field 'source' must be a seed id, not a list or mapping")
        return None
    if str(source) not in seeds:
        hint = ' (write seed ids in quotes, like source: "003")' if not isinstance(source, str) else ""
        problems.append(
            f"{where}:{line}: field 'source': unknown seed '{source}' (known: {', '.join(sorted(seeds))}){hint}"
        )
        return None
    return seeds[str(source)]


def _check_across(facts: list[Fact], problems: list[str]) -> None:
    ids: dict[str, Fact] = {}
    for fact in facts:
        first = ids.setdefault(fact.id, fact)
        if first is not fact:
            problems.append(f"{fact.origin}: fact '{fact.id}': duplicate id (first defined at {first.origin})")
    for first, again in repeated_questions(facts):
        if first.id == again.id:
            continue  # reported as a duplicate id
        problems.append(
            f"{again.origin}: fact '{again.id}': asks the same as fact '{first.id}' "
            f"({first.origin}): merge them into one fact citing both articles"
        )


def _check_retired(
    facts: list[Fact], retired: list[Retired], published: tuple[str, dict[str, bool]], problems: list[str]
) -> None:
    """A retired id is never reused; an id Anki learners have is never dropped without a reason.
    The one check of retired ids: `published` is (where it is recorded, {id: retired?})."""
    gone: dict[str, Retired] = {}
    for entry in retired:
        if entry.id in gone:
            problems.append(
                f"{entry.origin}: retired id '{entry.id}' is listed twice (also at {gone[entry.id].origin})"
            )
        gone.setdefault(entry.id, entry)
    where, ids = published
    for fact in facts:
        if fact.id in gone:
            problems.append(
                f"{fact.origin}: fact '{fact.id}': id was retired ({gone[fact.id].origin}); "
                f"published ids are never reused: choose a new id"
            )
        elif ids.get(fact.id):
            problems.append(
                f"{fact.origin}: fact '{fact.id}': id was retired (the Anki ledger "
                f"{where} records it); published ids are never reused: "
                f"choose a new id"
            )
    for fact_id in sorted(set(ids) - {fact.id for fact in facts} - set(gone)):
        problems.append(
            f"{where}:1: fact '{fact_id}' was published in the Anki deck and "
            f"is gone: list it under 'retired:' in {_home(fact_id, facts)}, with a reason"
        )


def _home(fact_id: str, facts: list[Fact]) -> str:
    """The article file whose facts' ids start as `fact_id` does ('rd2002-…'), else 'its article file'."""
    head = fact_id.split("-")[0]
    files = {fact.origin.path for fact in facts if fact.id.split("-")[0] == head}
    return files.pop() if len(files) == 1 else "its article file"
