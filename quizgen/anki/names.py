"""How the bank's parts are named in Anki: note GUIDs, deck names and ids, tags."""

from __future__ import annotations

import hashlib
import re

import genanki

from quizgen.model import Bank, Fact, Source


def note_guid(bank: Bank, fact_id: str) -> str:
    """From the namespaced fact id only, never from content: an edited fact keeps its note."""
    return genanki.guid_for("quizgen", bank.name, fact_id)


def deck_name(bank: Bank, source: Source | None = None) -> str:
    """'<bank title>' or '<bank title>::<year> <article title>' (Anki matches decks by name)."""
    top = _deck_level(bank.title)
    return f"{top}::{_deck_level(source.short_label())}" if source else top


def deck_id(name: str) -> int:
    """A fixed id per deck name, in the range genanki recommends."""
    digest = hashlib.sha256(f"quizgen-deck/{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def tag_root(bank: Bank) -> str:
    return re.sub(r"[^0-9A-Za-z_]+", "_", bank.name)


def note_tags(bank: Bank, fact: Fact) -> list[str]:
    """Hierarchical tags under the deck's namespace (nato_russia::kind::year, …), sorted."""
    root = tag_root(bank)
    tags = {id_tag(bank, fact.id),
            f"{root}::kind::{fact.kind}",
            f"{root}::stance::{fact.stance}"}
    tags.update(f"{root}::source::{source_tag(c.source)}" for c in fact.citations)
    if fact.when:  # only the event's own date: an article's year says nothing of what it reports
        tags.add(f"{root}::era::{fact.when.year // 10 * 10}s")
    tags.update(f"{root}::topic::{_tag_level(tag)}" for tag in fact.tags)
    return sorted(tags)


def id_tag(bank: Bank, fact_id: str) -> str:
    """`nato_russia::id::<fact id>`: a learner finds (and reports) a card by its fact id."""
    return f"{tag_root(bank)}::id::{_tag_level(fact_id)}"


def retired_tag(bank: Bank) -> str:
    return f"{tag_root(bank)}::retired"


def source_tag(source: Source) -> str:
    """'2011_fair_observer': the article's year and outlet (or title), readable in the sidebar."""
    label = " ".join(str(part) for part in (source.year, source.outlet or source.title) if part)
    return re.sub(r"[^0-9a-z]+", "_", label.lower()).strip("_") or _tag_level(source.id)


def _tag_level(text: str) -> str:
    # Anki splits tags on spaces and nests them on '::'
    return re.sub(r"[\s:]+", "_", text.strip())


def _deck_level(text: str) -> str:
    # '::' separates deck levels; a title must stay one level
    return re.sub(r"\s*::+\s*", ": ", text).strip()
