"""Loads deck folders of fact YAML into a validated Bank, collecting every problem first."""

from __future__ import annotations

import os
import re
from pathlib import Path

from quizgen.errors import BankError
from quizgen.model import Bank, Fact, Location
from quizgen.paths import shown
from quizgen.rules import Problems, check_fact
from quizgen.schema import DECK_FILE, DECK_KEYS, FILE_KEYS
from quizgen.seeds import Seed, load_seeds
from quizgen.terminal import unsafe_character
from quizgen.yamlfile import LineDict, LineList, read_yaml


def deck_dirs(decks_root: Path) -> list[Path]:
    """Every deck folder (a folder holding .yaml files) under `decks_root`, sorted."""
    if not decks_root.is_dir():
        raise BankError([f"{shown(decks_root)}:1: no such deck folder"])
    try:
        found = sorted(p for p in decks_root.iterdir() if p.is_dir() and _has_yaml(p))
        if not found and _has_yaml(decks_root):
            found = [decks_root]
    except OSError as exc:
        raise BankError([f"{shown(Path(exc.filename or decks_root))}:1: cannot read deck folder: "
                         f"{exc.strerror or exc}"]) from None
    if not found:
        raise BankError([f"{shown(decks_root)}:1: no deck folders with .yaml files"])
    return found


def _has_yaml(folder: Path) -> bool:
    """Whether `folder` holds .yaml files; an unreadable folder is an error, not an empty one."""
    return any(entry.name.endswith(".yaml") for entry in os.scandir(folder))


def load_banks(decks_root: Path, seeds_dir: Path) -> list[Bank]:
    """Every deck under `decks_root`, validated against the seeds; raises all problems at once."""
    seeds = load_seeds(seeds_dir, shown(seeds_dir))
    banks, problems = [], []
    for deck_dir in deck_dirs(decks_root):
        try:
            banks.append(load_bank(deck_dir, seeds))
        except BankError as exc:
            problems.extend(exc.problems)
    if problems:
        raise BankError(problems)
    return banks


def load_bank(deck_dir: Path, seeds: dict[str, Seed]) -> Bank:
    """One deck folder: `deck.yaml` (title) plus fact files, each `source:` + `facts:`."""
    problems: list[str] = []
    title = _deck_title(deck_dir, problems)
    facts: list[Fact] = []
    for path in sorted(deck_dir / entry.name for entry in os.scandir(deck_dir)
                       if entry.name.endswith(".yaml")):
        if path.name != DECK_FILE:
            facts.extend(_load_file(path, seeds, problems))
    _check_across(facts, problems)
    name = deck_dir.resolve().name  # `--decks .` names the deck after the folder, not '' or '..'
    if unsafe_character(name) or not name:
        problems.append(f"{shown(deck_dir)}:1: deck folder name contains {unsafe_character(name)}")
    elif not facts and not problems:
        problems.append(f"{shown(deck_dir)}:1: deck '{name}' has no facts (add a fact file)")
    if problems:
        raise BankError(problems)
    used = {fact.source.id: fact.source for fact in facts}
    return Bank(name, title, tuple(facts), dict(sorted(used.items())), deck_dir)


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
        problems.append(f"{shown(path)}:{meta.lines['title']}: field 'title' contains "
                        f"{unsafe_character(title)}")
        return default
    return title.strip()


def _load_file(path: Path, seeds: dict[str, Seed], problems: list[str]) -> list[Fact]:
    where = shown(path)
    try:
        doc = read_yaml(path, where)
    except BankError as exc:
        problems.extend(exc.problems)
        return []
    if not isinstance(doc, LineDict):
        problems.append(f"{where}:1: expected a mapping with 'source' and 'facts'")
        return []
    for key in doc:
        if key not in FILE_KEYS:
            problems.append(f"{where}:{doc.lines[key]}: unknown top-level field '{key}' "
                            f"(allowed: {', '.join(FILE_KEYS)})")
    seed = _file_seed(doc, where, seeds, problems)
    raw_facts = doc.get("facts")
    if not isinstance(raw_facts, LineList) or not raw_facts:
        line = doc.lines.get("facts", doc.line)
        problems.append(f"{where}:{line}: field 'facts' must be a non-empty list of facts")
        return []
    facts = []
    for index, raw in enumerate(raw_facts, start=1):
        if not isinstance(raw, LineDict):
            problems.append(f"{where}:{raw_facts.lines[index - 1]}: fact #{index}: "
                            f"expected a mapping of fields")
            continue
        label = raw.get("id") if isinstance(raw.get("id"), str) and raw.get("id") else f"#{index}"
        found = Problems(where, raw, label)
        values = check_fact(found, raw, seed)
        problems.extend(found.lines)
        if not found.lines and seed is not None:
            facts.append(Fact(source=seed.source, origin=Location(where, raw.line), **values))
    return facts


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
        hint = " (write seed ids in quotes, like source: \"003\")" if not isinstance(source, str) else ""
        problems.append(f"{where}:{line}: field 'source': unknown seed '{source}' "
                        f"(known: {', '.join(sorted(seeds))}){hint}")
        return None
    return seeds[str(source)]


def question_key(question: str) -> str:
    """Questions that differ only in case, spacing or punctuation count as the same."""
    return re.sub(r"[\W_]+", " ", question.casefold()).strip()


def _check_across(facts: list[Fact], problems: list[str]) -> None:
    ids: dict[str, Fact] = {}
    questions: dict[str, Fact] = {}
    for fact in facts:
        first = ids.setdefault(fact.id, fact)
        if first is not fact:
            problems.append(f"{fact.origin}: fact '{fact.id}': duplicate id "
                            f"(first defined at {first.origin})")
        same = questions.setdefault(question_key(fact.q), fact)
        if same is not fact:
            problems.append(f"{fact.origin}: fact '{fact.id}': same question as fact "
                            f"'{same.id}' ({same.origin})")
