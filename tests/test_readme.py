"""The README documents what the code does: the CI command and every schema field."""

from conftest import ROOT

from quizgen.bank.schema import FIELDS


def test_ci_runs_the_readme_test_command_verbatim():
    readme = (ROOT / "README.md").read_text()
    ci_lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.startswith("python3 -m venv")]
    assert len(ci_lines) == 1
    assert f"```sh\n{ci_lines[0]}\n```" in readme


def test_every_schema_field_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text()
    for spec in FIELDS:
        assert f"| `{spec.name}` |" in readme, spec.name
