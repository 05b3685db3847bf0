"""The sixth-article fixture, added to a copy of a bank under that bank's next free seed id."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "sixth-article"
WRITTEN_AS = "005"  # the id the fixture files are written with; replaced by a free one


def free_seed_id(seeds: Path) -> str:
    """The next free three-digit id of seeds/sources.yaml (README, "Add an article", step 1)."""
    entries = yaml.safe_load((seeds / "sources.yaml").read_text(encoding="utf-8")) or {}
    return f"{max((int(key) for key in entries), default=-1) + 1:03d}"


def fixture_facts(seed_id: str) -> str:
    """The fixture's fact file text, citing `seed_id`."""
    text = (FIXTURE / "005-fixture.yaml").read_text(encoding="utf-8")
    assert f'source: "{WRITTEN_AS}"' in text
    return text.replace(f'source: "{WRITTEN_AS}"', f'source: "{seed_id}"')


def add_sixth_article(root: Path) -> str:
    """Add the fixture article to the checkout `root` (seeds/ and decks/) as a teacher would; its id."""
    seed_id = free_seed_id(root / "seeds")
    seed_file = f"{seed_id}_fixture0000000.txt"
    shutil.copy(FIXTURE / "005_fixture0000000.txt", root / "seeds" / seed_file)
    entry = (FIXTURE / "sources-entry.yaml").read_text(encoding="utf-8")
    assert entry.startswith(f'"{WRITTEN_AS}":\n') and "005_fixture0000000.txt" in entry
    entry = entry.replace(f'"{WRITTEN_AS}":\n', f'"{seed_id}":\n', 1).replace("005_fixture0000000.txt", seed_file)
    sources = root / "seeds" / "sources.yaml"
    existing = sources.read_text(encoding="utf-8")
    sources.write_text(existing + ("" if existing.endswith("\n") else "\n") + entry, encoding="utf-8")
    (root / "decks" / "nato-russia" / f"{seed_id}-fixture.yaml").write_text(fixture_facts(seed_id), encoding="utf-8")
    return seed_id
