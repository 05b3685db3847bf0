"""How the bank's parts are named in Anki: note GUIDs, deck names and ids, tags."""

from __future__ import annotations

import hashlib
import re

import genanki

from quizgen.anki.topics import priority, topics_of
from quizgen.model import Bank, Fact, Source
from quizgen.text import fold

RETIRED_DECK = "zz Retired"  # sorts after every article's subdeck


def note_guid(bank: Bank, fact_id: str) -> str:
    """From the namespaced fact id only, never from content: an edited fact keeps its note."""
    return genanki.guid_for("quizgen", bank.name, fact_id)


def source_label(source: Source) -> str:
    """The article's one short label ('Fair Observer, 2011'), shared by its subdeck (shown on every
    front), its tag and the deck's source list: the seed's `short` where the model has it, else
    derived as the seed metadata does (author's surname, else outlet, else title; then the year)."""
    return source.short  # the model derives it when the metadata gives none


def deck_name(bank: Bank, source: Source | None = None) -> str:
    """'<bank title>' or '<bank title>::<source label>' (Anki matches decks by name)."""
    top = _deck_level(bank.title)
    return f"{top}::{_deck_level(source_label(source))}" if source else top


def retired_deck(bank: Bank) -> str:
    return f"{deck_name(bank)}::{RETIRED_DECK}"


def deck_id(name: str) -> int:
    """A fixed id per deck name, in the range genanki recommends."""
    digest = hashlib.sha256(f"quizgen-deck/{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def tag_root(bank: Bank) -> str:
    return re.sub(r"[^0-9A-Za-z_]+", "_", bank.name)


def note_tags(bank: Bank, fact: Fact, used_topics: set[str]) -> list[str]:
    """Hierarchical tags under the deck's namespace (nato_russia::kind::year, …), sorted;
    topics from the deck's vocabulary, only those `used_topics` (carried by two facts or more)."""
    root = tag_root(bank)
    topics = topics_of(fact.tags)
    tags = {
        id_tag(bank, fact.id),
        f"{root}::kind::{fact.kind}",
        f"{root}::stance::{fact.stance}",
        f"{root}::priority::{priority(topics)}",
    }
    tags.update(f"{root}::source::{source_tag(c.source)}" for c in fact.citations)
    if fact.when:  # only the event's own date: an article's year says nothing of what it reports
        tags.add(f"{root}::era::{fact.when.year // 10 * 10}s")
    tags.update(f"{root}::topic::{topic}" for topic in topics & used_topics)
    return sorted(tags)


def id_tag(bank: Bank, fact_id: str) -> str:
    """`nato_russia::id::<fact id>`: a learner finds (and reports) a card by its fact id."""
    return f"{tag_root(bank)}::id::{_tag_level(fact_id)}"


def retired_tag(bank: Bank) -> str:
    return f"{tag_root(bank)}::retired"


def source_tag(source: Source) -> str:
    """'fair_observer_2011': the article's label as a tag, readable in the sidebar."""
    return re.sub(r"[^0-9a-z]+", "_", fold(source_label(source))).strip("_") or _tag_level(source.id)


def _tag_level(text: str) -> str:
    # Anki splits tags on spaces and nests them on '::'
    return re.sub(r"[\s:]+", "_", text.strip())


def _deck_level(text: str) -> str:
    """One level of a deck name. Anki puts a deck's name into a card through {{Subdeck}} without
    escaping it, so only letters, digits, spaces and plain punctuation reach it: markup, Anki's
    [sound:…] and {{…}}, and ':: ' (which separates levels) cannot."""
    one_level = re.sub(r"\s*::+\s*", ": ", text)
    plain = "".join(c if c.isalnum() or c in " ,.:;'‘’“”()–—-!?…" else " " for c in one_level)
    return " ".join(plain.split()) or "-"
