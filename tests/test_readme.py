"""The README documents what the code does: the CI command and every schema field."""

from quizgen.bank.schema import FIELDS
from conftest import ROOT


def test_ci_runs_the_readme_test_command_verbatim():
    readme = (ROOT / "README.md").read_text()
    ci_lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
                if line.startswith("python3 -m venv")]
    assert len(ci_lines) == 1
    assert f"```sh\n{ci_lines[0]}\n```" in readme


def test_every_schema_field_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text()
    for spec in FIELDS:
        assert f"| `{spec.name}` |" in readme, spec.name


def test_the_readmes_bank_figures_are_the_bundled_banks():
    """The counts the README gives a reader (facts by stance, retired ids) are today's."""
    import re

    from quizgen.bank.loader import load_banks

    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    found = re.search(r"(\d+) facts, (\d+) claims, (\d+) propaganda cards; (\d+) retired ids", text)
    assert found, "the README's bank figures line is gone"
    bank = load_banks(ROOT / "decks", ROOT / "seeds")[0]
    stances = [fact.stance for fact in bank.facts]
    assert [int(n) for n in found.groups()] == [stances.count("fact"), stances.count("claim"),
                                               stances.count("propaganda"), len(bank.retired)]
