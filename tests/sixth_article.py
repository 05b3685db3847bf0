"""The sixth-article fixture, added to a copy of a bank under that bank's next free seed id."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

import yaml
from conftest import ROOT

from quizgen.bank.loader import load_banks
from quizgen.model import Bank

FIXTURE = ROOT / "tests" / "fixtures" / "sixth-article"
WRITTEN_AS = "005"  # the id the fixture files are written with; replaced by a free one


def free_seed_id(seeds: Path) -> str:
    """The next free three-digit id of seeds/sources.yaml (README, "Add an article", step 1)."""
    entries = yaml.safe_load((seeds / "sources.yaml").read_text(encoding="utf-8")) or {}
    return f"{max((int(key) for key in entries), default=-1) + 1:03d}"


ONE_YEAR = ROOT / "tests" / "fixtures" / "one-year-article"  # rv4-author's: events of 2008-2009, a fact
# without cloze, a file-name word ("to") inside another ("nato"); the whole-bank tests must hold with it


def _files(fixture: Path) -> tuple[Path, Path]:
    """The fixture's seed text and fact file."""
    (text,) = fixture.glob(f"{WRITTEN_AS}_*.txt")
    (facts,) = fixture.glob(f"{WRITTEN_AS}-*.yaml")
    return text, facts


def fixture_facts(seed_id: str, fixture: Path = FIXTURE) -> str:
    """The fixture's fact file text, citing `seed_id`."""
    text = _files(fixture)[1].read_text(encoding="utf-8")
    assert f'source: "{WRITTEN_AS}"' in text
    return text.replace(f'source: "{WRITTEN_AS}"', f'source: "{seed_id}"')


def add_sixth_article(root: Path, fixture: Path = FIXTURE) -> str:
    """Add the fixture article to the checkout `root` (seeds/ and decks/) as a teacher would; its id."""
    seed_id = free_seed_id(root / "seeds")
    text, facts = _files(fixture)
    seed_file = seed_id + text.name.removeprefix(WRITTEN_AS)
    shutil.copy(text, root / "seeds" / seed_file)
    entry = (fixture / "sources-entry.yaml").read_text(encoding="utf-8")
    assert entry.startswith(f'"{WRITTEN_AS}":\n') and text.name in entry
    entry = entry.replace(f'"{WRITTEN_AS}":\n', f'"{seed_id}":\n', 1).replace(text.name, seed_file)
    sources = root / "seeds" / "sources.yaml"
    existing = sources.read_text(encoding="utf-8")
    sources.write_text(existing + ("" if existing.endswith("\n") else "\n") + entry, encoding="utf-8")
    deck_file = seed_id + facts.name.removeprefix(WRITTEN_AS)
    (root / "decks" / "nato-russia" / deck_file).write_text(fixture_facts(seed_id, fixture), encoding="utf-8")
    return seed_id


@cache
def bank_with(fixture: Path = FIXTURE) -> Bank:
    """The bundled bank with the fixture article added under a free id, as a teacher would add one."""
    with tempfile.TemporaryDirectory(prefix="quizgen-sixth-") as folder:
        root = Path(folder)
        shutil.copytree(ROOT / "decks", root / "decks")
        shutil.copytree(ROOT / "seeds", root / "seeds")
        seed_id = add_sixth_article(root, fixture)
        bank = load_banks(root / "decks", root / "seeds")[0]
    assert seed_id in bank.sources
    return bank
