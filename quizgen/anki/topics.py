"""The deck's topic vocabulary: the bank's free tags mapped onto a few topics a learner can use.

Curators tag facts freely; Anki's sidebar needs a short, stable list. Each bank tag maps to at most
one topic (a tag not listed here, or one too general to help, gives none), and a topic only one
fact would carry is left out, so every topic tag finds at least two notes. `extra` topics are
side stories a learner may suspend: a fact whose topics are all extra is tagged `priority::extra`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

# topic -> the bank tags it gathers (README "Anki deck" lists the topics)
TOPICS: dict[str, tuple[str, ...]] = {
    "nato-russia-council": ("nrc", "pjc", "founding-act", "institutions", "russian-mission", "nato-in-moscow"),
    "diplomacy": (
        "diplomacy",
        "dialogue",
        "meetings",
        "expulsions",
        "military-contacts",
        "reset",
        "trust",
        "risk-reduction",
        "cooperation",
        "partnership",
        "partnership-for-peace",
        "isolation",
        "osce",
    ),
    "summits-and-documents": ("summits", "lisbon-summit", "vilnius", "documents", "treaty"),
    "arms-control": ("arms-control", "cfe", "nuclear", "missile-defence", "chemical-weapons"),
    "terrorism-and-afghanistan": ("terrorism", "afghanistan", "pakistan", "counter-narcotics", "cai"),
    "enlargement": ("enlargement", "finland", "sweden", "north-macedonia", "neutrality"),
    "ukraine-war": ("ukraine", "war-2022", "crimea", "military-aid", "tanks", "sanctions", "black-sea"),
    "moldova-and-georgia": ("moldova", "georgia", "frozen-conflicts", "belarus"),
    "crisis-operations": ("kosovo", "balkans", "libya", "operations", "navy", "air-policing"),
    "deterrence-and-defence": (
        "deterrence",
        "eastern-flank",
        "southern-flank",
        "battlegroups",
        "defence-spending",
        "defence-plans",
        "defence-industry",
        "article-5",
        "burden-sharing",
        "baltic-states",
        "poland",
        "arctic",
        "africa",
    ),
    "alliance-unity": (
        "nato-cohesion",
        "solidarity",
        "transatlantic-relations",
        "hungary",
        "turkey",
        "democratic-values",
        "public-opinion",
    ),
    "european-union": ("eu", "european-parliament", "european-security"),
    "disinformation": (
        "disinformation",
        "propaganda",
        "russian-narratives",
        "hybrid-threats",
        "cyber",
        "interference",
        "elections",
        "espionage",
        "intelligence",
    ),
    "energy-and-economy": ("energy", "economy", "migration"),
    "history": ("history", "cold-war", "nato-basics"),
    "outlook": ("future", "assessment", "analysis", "conclusions", "instability", "russian-position", "nato-position"),
    "people": ("people", "nato-officials", "russian-officials", "experts", "putin"),
    "covid-19": ("covid-19", "health-diplomacy", "civil-protection", "eadrcc", "resceu", "resilience", "airlift"),
}
EXTRA = frozenset({"covid-19"})  # the Covid-19 aid stories: numbers a learner may skip
MAX_TOPICS = 40

# a bank tag maps to its topic; a topic's own name used as a tag ('crisis-operations') is that topic
_TOPIC_OF = {topic: topic for topic in TOPICS} | {tag: topic for topic, tags in TOPICS.items() for tag in tags}


def topics_of(tags: Iterable[str]) -> set[str]:
    """The vocabulary topics a fact's own tags map onto."""
    return {_TOPIC_OF[tag] for tag in tags if tag in _TOPIC_OF}


def used_topics(facts: Iterable[Iterable[str]]) -> set[str]:
    """The topics at least two of the facts (given by their tags) carry."""
    counts = Counter(topic for tags in facts for topic in topics_of(tags))
    return {topic for topic, count in counts.items() if count >= 2}


def priority(topics: set[str]) -> str:
    """'extra' for a fact whose topics are all side stories, else 'core'."""
    return "extra" if topics and topics <= EXTRA else "core"
