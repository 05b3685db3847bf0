"""Synthetic fact banks of any size: every kind and stance, dates, clozes, and quotes that are in their seeds.

    python benchmarks/generate.py 10000 /tmp/bank10k   # writes decks/ and seeds/ there

Facts are spread over articles of 100 facts (one fact file and one seed text each), like the
bundled bank; every fact's quote is a sentence of its article, so `quizgen check` passes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

from quizgen.text import MONTHS

FACTS_PER_ARTICLE = 100
KINDS = ("year", "date", "number", "person", "place", "organization", "document", "event", "term")
FIRST = ("Anna", "Boris", "Clara", "Dmitri", "Elena", "Frank", "Greta", "Hugo", "Irina", "Jonas")
LAST = ("Albrecht", "Bykov", "Costa", "Dvorak", "Eriksen", "Fischer", "Gonzalez", "Horvat", "Ivanova")
WORDS = (
    "northern",
    "eastern",
    "joint",
    "strategic",
    "permanent",
    "civil",
    "naval",
    "regional",
    "forward",
    "partnership",
    "defence",
    "dialogue",
    "council",
    "treaty",
    "mission",
    "summit",
)
LAST_SAFE_DAY = 28  # every month has day 28
SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ren",
    "tus",
    "vor",
    "zel",
    "pra",
    "dim",
    "sol",
    "nek",
    "bar",
    "gan",
    "fil",
    "rot",
    "quen",
    "wis",
    "hal",
    "jor",
    "ceb",
)


def words(rng: random.Random, count: int) -> str:
    """Made-up words, so that questions differ as much as real ones (the builders compare them)."""
    return " ".join("".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))) for _ in range(count))


def answer_for(kind: str, n: int, rng: random.Random) -> str:
    """An answer of `kind`, unique enough that multiple choice finds distractors of the same kind."""
    word = " ".join(rng.sample(WORDS, 2)).title()
    return {
        "year": str(1950 + n % 70),
        "date": f"{1 + n % LAST_SAFE_DAY} {MONTHS[n % 12]} {1950 + n % 70}",
        "number": f"{10 + n} diplomats",
        "person": f"{FIRST[n % 10]} {LAST[(n // 10) % 9]}-{n}",
        "place": f"Port {word} {n}",
        "organization": f"{word} Organisation {n}",
        "document": f"{word} Declaration {n}",
        "event": f"{word} Crisis {n}",
        "term": f"{word} doctrine {n}",
    }[kind]


def fact_for(n: int, article: int, rng: random.Random) -> tuple[dict, str]:
    """One fact and the seed sentence its quote comes from."""
    kind = KINDS[n % len(KINDS)]
    answer = answer_for(kind, n, rng)
    sentence = (
        f"In report {article} item {n}, the archive records {answer} as the answer to a {rng.choice(WORDS)} question."
    )
    fact = {
        "id": f"syn-{n:05d}",
        "q": f"Which {kind} did the {words(rng, 4)} of {words(rng, 4)} name in item {n} of report {article}?",
        "a": answer,
        "kind": kind,
        "cloze": f"In report {article} item {n}, the archive records {{{{c1::{answer}}}}}.",
        "tags": [f"topic-{n % 12}", kind],
        "quote": sentence,
        # every kind gets facts and claims; a few are propaganda, which needs a note
        "stance": "propaganda" if n % 40 == 39 else ("fact", "claim", "fact")[(n // len(KINDS)) % 3],
    }
    if kind == "person":
        fact["role"] = f"envoy of report {article}"
    if kind not in ("year", "date", "number"):
        # a category per kind and tag group, as curators give: wrong options come from it
        fact["category"] = f"synthetic-{kind}-{n % 12}"
    if n % 2 == 0:
        fact["when"] = f"{1950 + n % 70}-{1 + n % 12:02d}-{1 + n % LAST_SAFE_DAY:02d}"
        fact["event"] = f"Item {n} of report {article}"
    if n % 5 == 0 or fact["stance"] == "propaganda":
        fact["note"] = f"Synthetic note for item {n}."
    if n % 7 == 0 and kind in ("term", "event", "document"):
        fact["distractors"] = [f"Other {kind} {n}-{m}" for m in range(3)]
    if n % 11 == 0 and kind == "person":
        fact["alt"] = [answer.split()[-1]]
    return fact, sentence


def write_bank(size: int, root: Path, seed: int = 1) -> Path:
    """Write decks/synthetic/ and seeds/ for `size` facts under `root`; returns `root`."""
    rng = random.Random(seed)
    deck, seeds = root / "decks" / "synthetic", root / "seeds"
    deck.mkdir(parents=True, exist_ok=True)
    seeds.mkdir(parents=True, exist_ok=True)
    (deck / "deck.yaml").write_text(f"title: Synthetic bank of {size} facts\n")
    sources = {}
    for article, start in enumerate(range(0, size, FACTS_PER_ARTICLE)):
        source_id = f"{article:03d}"
        pairs = [fact_for(n, article, rng) for n in range(start, min(start + FACTS_PER_ARTICLE, size))]
        (seeds / f"{source_id}.txt").write_text("\n\n".join(sentence for _, sentence in pairs) + "\n")
        sources[source_id] = {
            "file": f"{source_id}.txt",
            "title": f"Synthetic report {article}",
            "outlet": "Benchmark Gazette",
            "author": None,
            "year": 2000 + article % 24,
        }
        document = {"source": source_id, "facts": [fact for fact, _ in pairs]}
        (deck / f"{source_id}-synthetic.yaml").write_text(dump_yaml(document))
    (seeds / "sources.yaml").write_text(dump_yaml(sources))
    return root


def dump_yaml(document) -> str:
    """Block-style YAML, as curators write it (so parsing costs what it costs on a real bank)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True, width=200)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="number of facts")
    parser.add_argument("root", type=Path, help="folder to write decks/ and seeds/ into")
    args = parser.parse_args()
    write_bank(args.size, args.root)
    print(f"wrote {args.size} facts under {args.root}")


if __name__ == "__main__":
    main()
