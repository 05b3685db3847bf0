"""A teacher's whole path: the fixture article through `new-article`, its facts, `check`,
`coverage --strict`, every output and `preview`; then a draft id renamed, released, and kept."""

import json
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from sixth_article import FIXTURE, fixture_facts, free_seed_id

SKIPPED = """
skipped:
  - {passage: "Evolution of relations between NATO and the Russian Federation", reason: "The headline."}
  - {passage: "In 1994 Russia joined the Partnership for Peace programme.", reason: "Asked on fo2011-pfp-year."}
  - {passage: "The NATO-Russia Founding Act was signed in Paris in 1997.", reason: "Asked on the Founding Act facts."}
  - {passage: "In 2002 the NATO-Russia Council was created at a summit near Rome.", reason: "On fo2011-nrc-created."}
"""


def quizgen(cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def ledger(checkout) -> dict:
    return json.loads((checkout / "decks" / "nato-russia" / "anki-versions.json").read_text())["notes"]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """A checkout where the teacher added the fixture article and wrote its facts."""
    root = tmp_path_factory.mktemp("teacher")
    for name in ("seeds", "decks"):
        shutil.copytree(ROOT / name, root / name)
    seed_id = free_seed_id(root / "seeds")  # whatever articles the bank already has
    shutil.copy(FIXTURE / "005_fixture0000000.txt", root / "article.txt")
    added = quizgen(
        root,
        "new-article",
        "article.txt",
        "--title",
        "Evolution of relations between NATO and the Russian Federation",
        "--outlet",
        "Fixture Opinions",
        "--year",
        "2022",
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"added article {seed_id}: "), added.stdout
    fact_file = next((root / "decks" / "nato-russia").glob(f"{seed_id}-*.yaml"))
    skeleton = fact_file.read_text(encoding="utf-8")
    fact_file.write_text(skeleton.splitlines()[0] + "\n" + fixture_facts(seed_id) + SKIPPED, encoding="utf-8")
    return root, seed_id


def test_the_new_article_passes_check_and_coverage(checkout):
    checkout, seed_id = checkout
    check = quizgen(checkout, "check")
    assert check.returncode == 0, check.stderr
    written = fixture_facts(seed_id).count("\n  - id: ")  # the facts the fixture file holds
    assert f"    {seed_id} {written:5d}  Evolution of relations between NATO and the Russian Federation" in check.stdout
    assert "fx-" not in check.stderr  # no warning about the new facts
    coverage = quizgen(checkout, "coverage", "--strict", "--no-html", "--source", str(int(seed_id)))
    assert coverage.returncode == 0, coverage.stdout + coverage.stderr


def test_every_output_builds_and_shows_the_new_facts(checkout):
    checkout, seed_id = checkout
    build = quizgen(checkout, "build", "--no-pdf", "--out", "out")
    assert build.returncode == 0, build.stderr
    out = checkout / "out"
    assert (out / "anki" / "nato-russia.apkg").stat().st_size > 0
    page = (out / "web" / "nato-russia" / "index.html").read_text(encoding="utf-8")
    assert "fx-mission-brussels" in page
    sheets = [p.read_text(encoding="utf-8") for p in (out / "print").rglob("*.html")]
    assert any("Jens Stoltenberg" in sheet for sheet in sheets)
    for fact_id in ("fx-nacc-joined-1991", "fx-mission-brussels", "fx-stoltenberg-from-2014"):
        preview = quizgen(checkout, "preview", fact_id)
        assert preview.returncode == 0, preview.stderr
        assert "Study page card" in preview.stdout and "Terminal quiz" in preview.stdout


def test_a_draft_id_renames_freely_until_it_is_released(checkout):
    checkout, seed_id = checkout
    quizgen(checkout, "anki", "--out", "out")
    notes = ledger(checkout)
    assert notes["fx-mission-brussels"].get("draft") is True  # built, not released
    assert "draft" not in notes["fo2011-nrc-created"]  # the bundled deck's ids were released
    fact_file = next((checkout / "decks" / "nato-russia").glob(f"{seed_id}-*.yaml"))
    text = fact_file.read_text(encoding="utf-8")
    fact_file.write_text(text.replace("id: fx-mission-brussels", "id: fx-mission-suspended"), encoding="utf-8")
    assert quizgen(checkout, "check").returncode == 0  # a draft nobody has: no 'retired:' needed
    quizgen(checkout, "anki", "--out", "out")
    notes = ledger(checkout)
    assert "fx-mission-brussels" not in notes and notes["fx-mission-suspended"]["draft"] is True

    drafts = sorted(key for key, entry in ledger(checkout).items() if entry.get("draft"))
    released = quizgen(checkout, "anki", "--release", "--out", "out")
    assert released.returncode == 0, released.stderr
    assert not [key for key, entry in ledger(checkout).items() if entry.get("draft")]
    # it says what it did: the drafts the ledger held are the ids it released
    listed = ", ".join(drafts[:5]) + (", …" if len(drafts) > 5 else "")
    assert f"  released {len(drafts)} new ids ({listed}): " in released.stdout
    again = quizgen(checkout, "anki", "--release", "--out", "out")
    assert "  released: no new ids (every id was published already)" in again.stdout
    text = fact_file.read_text(encoding="utf-8")
    fact_file.write_text(text.replace("id: fx-mission-suspended", "id: fx-mission-renamed"), encoding="utf-8")
    check = quizgen(checkout, "check")
    assert check.returncode == 2
    assert (
        "decks/nato-russia/anki-versions.json:1: fact 'fx-mission-suspended' was published in the Anki "
        f"deck and is gone: list it under 'retired:' in {fact_file.relative_to(checkout).as_posix()}, with a reason"
    ) in check.stderr
