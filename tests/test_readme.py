"""The README documents what the code does: the CI command and every schema field."""

import re
import shlex
import shutil
import subprocess
import sys

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


def _add_an_article_commands() -> list[str]:
    """The commands of the README's "Add an article" section, in the order a teacher runs them."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Add an article") : readme.index("## Adding or editing a fact")]
    [new_article] = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [" ".join(new_article.replace("\\\n", " ").split())] + re.findall(r"`(quizgen [^`]+)`", section)


def test_every_command_of_add_an_article_works_verbatim_on_a_fresh_checkout(tmp_path):
    """A new teacher copies each command of the section as written (the article id the README
    uses is the one `new-article` gives; `build`, every output, is tested whole in
    test_authoring_teacher)."""
    for name in ("seeds", "decks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    commands = _add_an_article_commands()
    assert commands[0].startswith("quizgen new-article article.txt ")
    assert {"quizgen check", "quizgen build"} <= set(commands) and len(commands) >= 6
    given = None
    for command in commands:
        if command == "quizgen build":
            continue
        argv = shlex.split(command if given is None else command.replace(" 005", f" {given}"))
        result = subprocess.run(
            [sys.executable, "-m", "quizgen", *argv[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, (command, result.stderr)
        assert "Traceback" not in result.stderr
        if given is None:
            given = re.match(r"added article (\S+):", result.stdout).group(1)
            assert " 005" in " ".join(commands) and f"coverage --source {given} --suggest" in result.stdout


ARTICLE = """Relations between the Alliance and Moscow

The NATO-Russia Council first met in May 2002 at a summit near Rome, where leaders signed a declaration.
Russia joined the Partnership for Peace programme in 1994 after long talks with the Alliance.
"""
