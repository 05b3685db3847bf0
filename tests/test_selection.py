"""One --source/--tag/--kind resolver for every command: the same names work everywhere."""

from __future__ import annotations

import argparse
import io
import re

import pytest
from conftest import ROOT
from sixth_article import free_seed_id

from quizgen.cli import main
from quizgen.errors import UsageError
from quizgen.selection import bank_from_args, filtered, resolve_kinds, resolve_sources, resolve_tags


@pytest.fixture(scope="module")
def bank():
    return bank_from_args(argparse.Namespace(decks=None, seeds=None, deck=None))


@pytest.mark.parametrize(
    "asked", ["3", "003", "03", "fair-observer", "003-fair-observer-2011", "Fair-Observer-2011", "fair"]
)
def test_an_article_by_number_id_or_short_name(bank, asked):
    assert resolve_sources(bank, [asked]) == ("003",)


def test_comma_lists_and_repeats_keep_order_without_repeating(bank):
    assert resolve_sources(bank, ["3,0", "4", "003"]) == ("003", "000", "004")
    assert resolve_tags(bank, ["NRC, sanctions"]) == ("nrc", "sanctions")
    assert resolve_kinds(["Year,date", "year"]) == ("year", "date")


def _deck_files() -> list:
    """Every article's fact file of the bank on disk."""
    return sorted((ROOT / "decks" / "nato-russia").glob("[0-9][0-9][0-9]-*.yaml"))


@pytest.mark.parametrize("asked", ["free", "2023"])
def test_an_unknown_article_is_one_line_listing_the_articles(bank, asked):
    asked = str(int(free_seed_id(ROOT / "seeds"))) if asked == "free" else asked  # no article has it
    with pytest.raises(UsageError) as error:
        resolve_sources(bank, [asked])
    message = str(error.value)
    why = "no such article" if asked != "2023" else "names more than one article"  # two labels say 2023
    assert message.startswith(f"--source {asked}: {why}") and "\n" not in message
    listed = re.search(r"\(articles: (.*); `quizgen list sources` shows each with its title\)$", message)
    assert listed, message
    pairs = [item.split(" ", 1) for item in listed.group(1).split(", ")]
    assert [sid for sid, _ in pairs] == [path.name[:3] for path in _deck_files()]  # every article, in order
    for sid, name in pairs:  # each name the message offers is one --source takes for that article
        assert resolve_sources(bank, [name]) == (sid,)


def test_an_unknown_tag_names_at_most_three_close_tags(bank):
    with pytest.raises(UsageError) as error:
        resolve_tags(bank, ["sanction"])
    message = str(error.value)
    assert message.startswith("--tag sanction: no fact has this tag (did you mean sanctions")
    assert message.endswith("?)") and message.count(",") <= 2
    with pytest.raises(UsageError) as error:
        resolve_tags(bank, ["zzzz"])
    assert str(error.value).count(",") == 3  # "121 tags, e.g. a, b, c": never the whole list


def test_filters_combine_and_an_empty_result_is_a_usage_error(bank):
    args = argparse.Namespace(source=["3"], tag=None, kind=["year"])
    chosen = filtered(bank, args)
    assert chosen.facts and all(f.kind == "year" and f.cites("003") for f in chosen.facts)
    with pytest.raises(UsageError, match="^no facts match --source 003, --kind number$"):
        filtered(chosen, argparse.Namespace(source=["3"], tag=None, kind=["number"]))


@pytest.mark.parametrize(
    "command", [["print", "--check", "-n", "2"], ["quiz", "practice", "-n", "1"], ["coverage", "--no-html"]]
)
@pytest.mark.parametrize("asked", ["3", "003", "fair-observer"])
def test_every_command_takes_the_same_names(command, asked, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUIZGEN_DB", str(tmp_path / "p.sqlite3"))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main([*command, "--source", asked, *(["--out", str(tmp_path)] if command[0] == "coverage" else [])])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "quizgen: --source" not in captured.err


@pytest.mark.parametrize(
    ("asked", "expected"),
    [("cenusa", "000"), ("Cenuşa", "000"), ("manolache", "001"), ("opinion", "002"), ("unity", "002")]
    + [("Fair Observer", "003"), ("DW", "004"), ("dw", "004")],
)
def test_an_article_by_the_name_of_its_label_or_author(bank, asked, expected):
    """rv4 C3: the names every output shows ('Cenuşa, IPN 2020', 'DW, 2021') name the article."""
    assert resolve_sources(bank, [asked]) == (expected,)
    assert resolve_sources(bank, ["manolache,cenusa"]) == ("001", "000")


def test_every_label_shown_in_list_sources_names_its_article(bank, capsys):
    """Each line of `quizgen list sources` shows a name `--source` takes for that article, and the
    label every output shows (its part before the comma, accents dropped) is that name."""
    import unicodedata

    from quizgen.cli import main

    assert main(["list", "sources"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(bank.sources)
    for line in lines:
        sid, _, name = line.split()[:3]
        assert resolve_sources(bank, [name]) == (sid,)
        label = unicodedata.normalize("NFKD", bank.sources[sid].short.split(",")[0])
        words = "".join(c for c in label if c.isascii()).lower().replace(" ", "-")
        assert name == words, (line, bank.sources[sid].short)


def test_a_file_name_word_names_an_article_only_when_no_other_title_has_it(bank):
    """'unity' is a word of one deck file's name and of no other title; 'nato' is in every title."""
    import re
    from pathlib import Path

    from quizgen.text import fold

    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z0-9]+", fold(text)))

    stems = {f.source.id: Path(f.origin.path).stem.casefold() for f in bank.facts if f.origin.path}
    for sid, stem in stems.items():
        for word in set(stem.split("-")) - {sid.casefold()}:
            if word.isdigit() or any(
                word in {*words(s.author or ""), *words(s.outlet or "")} for s in bank.sources.values()
            ):
                continue  # years, and names of a label or author, are resolved by their own rules
            others = [
                o
                for o in bank.sources
                if o != sid and (word in words(bank.sources[o].title) or word in stems.get(o, "").split("-"))
            ]
            if others:
                with pytest.raises(UsageError, match="names more than one article"):
                    resolve_sources(bank, [word])
            else:
                assert resolve_sources(bank, [word]) == (sid,)
    with pytest.raises(UsageError, match="names more than one article"):
        resolve_sources(bank, ["nato"])


def test_the_label_every_output_shows_names_its_article_whole_or_by_a_run_of_its_words(bank):
    """rv6-sheets C1: 'Cenuşa, IPN 2020' is one label (its comma is not a list), 'Carol I' a run of words."""
    for sid, source in bank.sources.items():
        assert resolve_sources(bank, [source.short]) == (sid,), source.short
    assert resolve_sources(bank, ["Carol I"]) == resolve_sources(bank, ["manolache"])
    assert resolve_sources(bank, ["cenusa,dw"]) == resolve_sources(bank, ["cenusa", "dw"])


def test_the_whole_label_every_output_shows_names_its_article(bank):
    """rv4-author W7: the label on every card ('Cenuşa, 2023'), slugged and in any case, names its
    article when no other article has the same label."""
    import re

    from quizgen.text import fold

    for sid, source in bank.sources.items():
        slug = "-".join(re.findall(r"[a-z0-9]+", fold(source.short)))
        if sum(other.short == source.short for other in bank.sources.values()) == 1:
            assert resolve_sources(bank, [slug.upper()]) == (sid,), (source.short, slug)


def test_every_command_takes_the_label_under_every_question_whole(bank, capsys):
    """rv7-sheets C1: `--source "Opinion website, 2023"` on the command line is one label, not two names."""
    for source in bank.sources.values():
        assert main(["print", "--source", source.short, "-n", "1", "--check"]) == 0, capsys.readouterr().err
        capsys.readouterr()
