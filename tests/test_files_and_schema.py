"""The low layers of harden round 3: the import direction, the seed metadata schema, `short` labels."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from quizgen.bank.seeds import load_seeds
from quizgen.model import SHORT_MAX, Source

ROOT = Path(__file__).resolve().parents[1]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):  # function-level imports too: they hid the last cycle
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:  # `from quizgen import cli` imports quizgen.cli
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "quizgen" / "bank").glob("*.py")), ids=lambda p: p.name)
def test_the_bank_stage_imports_no_later_stage(path):
    later = (
        "quizgen.anki",
        "quizgen.questions",
        "quizgen.worksheet",
        "quizgen.web",
        "quizgen.quiz",
        "quizgen.coverage",
        "quizgen.selection",
        "quizgen.output",
    )
    assert not {name for name in imports_of(path) if name.startswith(later)}


# The pipeline's stages, lowest first: a module may import its own stage and those below, never above.
STAGES = (
    ("__init__", "kinds", "text", "errors", "files", "signals", "paths", "cloze", "model", "templating", "summary"),
    ("output", "devtools", "browser"),  # how every output is written
    ("bank",),
    ("questions", "grading"),
    ("anki", "worksheet", "web", "export", "coverage", "quiz"),  # the outputs, siblings
    ("selection", "exporters", "listing"),  # which banks and facts a command means
    ("commands", "authoring", "arguments", "command_options", "cli", "__main__"),
)
STAGE = {name: rank for rank, names in enumerate(STAGES) for name in names}
# command handlers still inside an output package (`quizgen coverage`, `quizgen quiz`, `quizgen print`
# and its option reading): they may reach the selection, nothing above it
HANDLERS = {
    "quizgen/quiz/__init__.py",
}


def _unit(module: str) -> str:
    return module.split(".")[1]


@pytest.mark.parametrize(
    "path", sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "quizgen").rglob("*.py")), ids=str
)
def test_no_module_imports_from_a_later_stage(path):
    unit = Path(path).relative_to("quizgen").with_suffix("").parts[0]
    assert unit in STAGE, f"{unit}: place the new module or package in STAGES"
    later = {
        module
        for module in imports_of(ROOT / path)
        if module.startswith("quizgen.") and _unit(module) in STAGE and STAGE[_unit(module)] > STAGE[unit]
    }
    if path in HANDLERS:
        later = {module for module in later if not module.startswith("quizgen.selection")}
    assert not later


@pytest.mark.parametrize("package", ["anki", "web", "export", "worksheet", "coverage"])
def test_exporter_packages_hold_no_command_handler(package):
    above = ("quizgen.selection", "quizgen.commands", "quizgen.cli", "quizgen.arguments")
    for path in sorted((ROOT / "quizgen" / package).glob("*.py")):
        assert not {name for name in imports_of(path) if name.startswith(above)}, path
    assert not hasattr(__import__(f"quizgen.{package}", fromlist=["main"]), "main")


def test_exporters_read_files_through_files_not_the_yaml_module():
    assert "quizgen.bank.yamlfile" not in imports_of(ROOT / "quizgen" / "anki" / "ledger.py")
    assert "quizgen.files" in imports_of(ROOT / "quizgen" / "anki" / "ledger.py")


def test_the_seeds_have_short_labels_as_written_in_sources_yaml_or_derived():
    written = yaml.safe_load((ROOT / "seeds" / "sources.yaml").read_text(encoding="utf-8"))
    seeds = load_seeds(ROOT / "seeds", "seeds")
    assert set(seeds) == set(written)
    for seed_id, meta in written.items():
        short = seeds[seed_id].source.short
        assert short and len(short) <= SHORT_MAX, seed_id
        if meta.get("short"):  # optional (README): a seed without one gets a derived label, tested below
            assert short == meta["short"]
    assert any(meta.get("short") for meta in written.values())  # the shipped seeds all write theirs


@pytest.mark.parametrize(
    "fields, short",
    [
        ({"author": "Dionis Cenuşa", "outlet": "IPN", "year": 2020}, "Cenuşa, 2020"),
        ({"outlet": "Fair Observer", "year": 2011}, "Fair Observer, 2011"),
        ({"outlet": "Fair Observer"}, "Fair Observer"),
        (
            {"outlet": "An outlet whose name is far too long to fit", "year": 2011},
            "An outlet whose name is f…, 2011",
        ),  # 32 characters: 25, the ellipsis, ", 2011"
        ({"short": "Given, 1999", "author": "Ann Author", "year": 2011}, "Given, 1999"),
    ],
)
def test_a_short_label_is_given_or_made_from_author_or_outlet_and_year(fields, short):
    label = Source("1", "f.txt", "The title", **fields).short
    assert label == short and len(label) <= SHORT_MAX


def write_seeds(folder: Path, entry: dict) -> None:
    folder.mkdir()
    (folder / "100.txt").write_text("Some article text of a few words.")
    (folder / "sources.yaml").write_text(json.dumps({"100": {"file": "100.txt", "title": "T", **entry}}))


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"short": "s" * 33}, "field 'short' is too long (33 characters, at most 32)"),
        ({"year": "0999"}, "field 'year' must be a whole number from 1000 to 2999"),
        ({"date": "2011-02-30"}, "field 'date' must be a real date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"url": "javascript:alert(1)"}, "field 'url' must be a web address starting with http:// or https://"),
        ({"title": "T" * 301}, "field 'title' is too long (301 characters, at most 300)"),
        ({"outlet": "a\u200bb"}, "field 'outlet' contains an invisible character (U+200B)"),
        ({"author": ["a", "b"]}, "field 'author' must be text"),
        (
            {"colour": "red"},
            "unknown field 'colour' (allowed: file, title, short, outlet, author, year, date, url, notes)",
        ),
    ],
)
def test_seed_metadata_follows_its_declared_schema(tmp_path, entry, message):
    write_seeds(tmp_path / "seeds", entry)
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "check", "--seeds", "seeds", "--decks", "decks"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("seeds/sources.yaml:")
    assert result.stderr.splitlines()[0].endswith(f"seed '100': {message}")


OUTPUTS = ("anki", "worksheet", "web", "quiz", "export", "coverage")


@pytest.mark.parametrize("output", OUTPUTS)
def test_no_output_imports_another_output(output):
    """Outputs share rules through the stages before them (bank, questions, grading), never sideways."""
    others = tuple(f"quizgen.{name}" for name in OUTPUTS if name != output)
    for path in sorted((ROOT / "quizgen" / output).rglob("*.py")):
        assert not {name for name in imports_of(path) if name.startswith(others)}, path
