"""How the bank's parts are named in Anki: note GUIDs, deck names and ids, tags."""

from __future__ import annotations

import hashlib
import re

import genanki

from quizgen.model import Bank, Fact, Source


def note_guid(bank: Bank, fact: Fact) -> str:
    """From the namespaced fact id only, never from content: an edited fact keeps its note."""
    return genanki.guid_for("quizgen", bank.name, fact.id)


def deck_name(bank: Bank, source: Source | None = None) -> str:
    """'<bank title>' or '<bank title>::<year> <article title>' (Anki matches decks by name)."""
    top = _deck_level(bank.title)
    return f"{top}::{_deck_level(source.short_label())}" if source else top


def deck_id(name: str) -> int:
    """A fixed id per deck name, in the range genanki recommends."""
    digest = hashlib.sha256(f"quizgen-deck/{name}".encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def note_tags(bank: Bank, fact: Fact) -> list[str]:
    """Hierarchical tags under the deck's namespace (nato_russia::kind::year, …), sorted."""
    root = re.sub(r"[^0-9A-Za-z_]+", "_", bank.name)
    tags = {f"{root}::source::{_tag_level(fact.source.id)}",
            f"{root}::kind::{fact.kind}",
            f"{root}::stance::{fact.stance}"}
    era = era_of(fact)
    if era:
        tags.add(f"{root}::era::{era}")
    tags.update(f"{root}::topic::{_tag_level(tag)}" for tag in fact.tags)
    return sorted(tags)


def era_of(fact: Fact) -> str | None:
    """The decade of the event (`when`), else of the article: undated facts belong to its time."""
    year = fact.when.year if fact.when else fact.source.year
    return f"{year // 10 * 10}s" if year else None


def _tag_level(text: str) -> str:
    # Anki splits tags on spaces and nests them on '::'
    return re.sub(r"[\s:]+", "_", text.strip())


def _deck_level(text: str) -> str:
    # '::' separates deck levels; a title must stay one level
    return re.sub(r"\s*::+\s*", ": ", text).strip()
