"""Every command answers a bad option or value with one line, exit 2 and no traceback (argparse's
own errors go through quizgen's format), and `quizgen list` shows what the filters accept."""

from __future__ import annotations

import subprocess
import sys

import pytest

from quizgen.cli import COMMANDS, build_parser, main


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("bad", [["--no-such-option"], ["--decks"], ["--deck", "x", "extra", "args", "--bogus"]])
def test_every_command_answers_a_bad_option_with_one_line(command, bad, capsys):
    argv = [command, *bad] if command != "list" else [command, "tags", *bad]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and captured.err.startswith("quizgen: "), captured.err
    assert "usage:" not in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_every_choice_and_number_option_answers_a_bad_value_with_one_line(capsys):
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    checked = 0
    for name, command in sub.choices.items():
        for action in command._actions:
            if not action.option_strings or action.nargs == 0 or action.type not in (int, None) and not action.choices:
                continue
            if action.choices is None and action.type is not int:
                continue
            argv = [name, *(["tags"] if name == "list" else []), action.option_strings[-1], "not-a-value"]
            assert main(argv) == 2, argv
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and err.startswith(f"quizgen: {name}: "), (argv, err)
            checked += 1
    assert checked >= 6


def test_a_misspelt_command_or_option_gets_a_suggestion(capsys):
    assert main(["prnit"]) == 2
    assert "did you mean print?" in capsys.readouterr().err
    assert main(["print", "--verions", "2"]) == 2
    assert "did you mean --versions?" in capsys.readouterr().err


def test_comma_lists_work_in_every_filter(capsys):
    assert main(["list", "ids", "--source", "3,4", "--kind", "date,year"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.split()[1] in ("date", "year") for line in lines)
    assert {line.split()[2] for line in lines} <= {"003", "004", "000", "001", "002"}
    assert main(["list", "ids", "--source", "3", "--source", "4", "--kind", "date", "--kind", "year"]) == 0
    assert capsys.readouterr().out.splitlines() == lines


@pytest.mark.parametrize("what", ["tags", "categories", "ids", "kinds", "sources", "stances"])
def test_list_prints_one_name_per_line_with_counts(what, capsys):
    from helpers import bundled

    bank = bundled()
    assert main(["list", what]) == 0
    lines = capsys.readouterr().out.splitlines()
    expected = {
        "tags": {t for f in bank.facts for t in f.tags},
        "categories": {f.category for f in bank.facts} - {None},
        "ids": {f.id for f in bank.facts},
        "kinds": {f.kind for f in bank.facts},
        "sources": set(bank.sources),
        "stances": {f.stance for f in bank.facts},
    }[what]
    assert {line.split()[0] for line in lines} == expected
    if what == "tags":
        counts = {line.split()[0]: int(line.split()[1]) for line in lines}
        assert counts == {t: sum(t in f.tags for f in bank.facts) for t in expected}


def test_the_installed_command_prints_one_line_too():
    done = subprocess.run(
        [sys.executable, "-m", "quizgen", "quiz", "--style", "loud"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "quiz: argument --style: invalid choice: 'loud'" in done.stderr


def test_the_help_examples_name_facts_the_bundled_bank_has():
    """An example a teacher copies from --help must run (review 2026-12-07 round 4, C2)."""
    import re

    from conftest import ROOT

    from quizgen.bank.loader import load_banks

    ids = {fact.id for fact in load_banks(ROOT / "decks", ROOT / "seeds")[0].facts}
    named = re.findall(r"--(?:exclude|include) ([a-z0-9-]+)", (ROOT / "quizgen" / "cli.py").read_text())
    assert named and set(named) <= ids


def test_a_custom_sheet_cannot_take_over_a_folder_build_writes(tmp_path):
    """`print --title review` used to replace the build's mixed review whole (round 4, C1); other
    spellings of a build folder's name get a folder of their own (round 5, C3)."""
    import subprocess
    import sys

    from conftest import ROOT

    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "print", "-n", "5", "--title", "review", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2 and "is where quizgen build writes its own sheets" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "print").exists()
    from quizgen.worksheet.options import title_stem

    assert title_stem("Review") != "review"
    assert title_stem("003 What's happening with NATO Russia") != "003-whats-happening-with-nato-russia"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_option_like_no_other_gets_no_suggestion_but_the_help_to_read(command, capsys):
    """rv6-sheets C4: '--bogus' is not 'did you mean --out?'; the one line points at --help instead."""
    assert main([command, "--bogus"]) == 2
    err = capsys.readouterr().err.strip()
    assert "did you mean" not in err and "\n" not in err
    assert f"quizgen {command} --help" in err or "the following arguments are required" in err


def test_a_missing_required_argument_names_its_choices(capsys):
    """rv6-sheets C3: `quizgen list` alone says what it lists."""
    assert main(["list"]) == 2
    err = capsys.readouterr().err
    assert all(what in err for what in ("tags", "categories", "ids", "kinds", "sources", "stances"))
