"""Review rv4 L4, at every width from 20 to 200 columns: the rating prompt and `quizgen stats` never cut a word
or part a key from its label, and no line is wider than the terminal (a lone word wider than it excepted).

The oracle is the same text into a pipe (never wrapped): every word on the narrow screen must be a whole
word of it (or of the full article title or question, shortened at a space with "…").
"""

import io

import pytest
from quiz_harness import answered_database, copy_bank

from quizgen.bank.loader import load_banks
from quizgen.quiz.rating_prompt import prompt_units
from quizgen.quiz.screen import Screen
from quizgen.quiz.stats import show_stats

WIDTHS = range(20, 201)
BARS = set("·░▒▓█.:-=#")


class Terminal(io.StringIO):
    """What the screen writes to, as a terminal of the width COLUMNS says."""

    encoding = "utf-8"

    def isatty(self):
        return True


def screen_at(width, monkeypatch):
    monkeypatch.setenv("COLUMNS", str(width))
    return Screen(Terminal(), colour=False)


def check_lines(lines, width, allowed):
    for line in lines:
        words = line.split()
        assert len(line) <= min(width, 100) or len(words) == 1, (width, line)
        for word in words:
            if set(word) <= BARS:  # a mastery bar: as wide as the terminal leaves room for
                continue
            stem = word.removesuffix("…")
            assert word in allowed or (stem != word and any(full.startswith(stem) for full in allowed)), (width, word)


@pytest.mark.parametrize("flagged", [False, True])
@pytest.mark.parametrize("lines", [False, True])
def test_the_rating_prompt_wraps_between_units_at_every_width(monkeypatch, flagged, lines):
    ratings = ["[1]Again 10m", "[2]Hard 1h", "[3]Good 1d", "[4]Easy 12d"]
    prompts = [
        prompt_units(ratings, flagged, lines),
        ["Answer [1-4,", "Ctrl-U undo,", "Ctrl-D quit]:"],
        ["Were you right?", "[y] yes", "[n/Enter] no:"],
    ]
    for width in WIDTHS:
        screen = screen_at(width, monkeypatch)
        for units in prompts:
            shown = screen.units(units).splitlines()
            assert all(len(line) <= min(width, 100) - 1 for line in shown), (width, shown)  # the cursor fits
            for unit in units:
                assert any(unit in line for line in shown), (width, unit, shown)  # never parted from its label


@pytest.fixture(scope="module")
def progress(tmp_path_factory):
    folder, db = answered_database(tmp_path_factory.mktemp("stats"))
    bank = load_banks(folder / "decks", folder / "seeds")[0]
    return folder, db, bank


def test_stats_and_a_cards_history_wrap_at_spaces_at_every_width(monkeypatch, progress):
    folder, db, bank = progress
    monkeypatch.setenv("QUIZGEN_NOW", "2025-03-04T09:00:00+00:00")
    monkeypatch.setenv("TZ", "UTC")
    piped = io.StringIO()
    show_stats(db, [bank], screen=Screen(piped, colour=False))
    show_stats(db, [bank], screen=Screen(piped, colour=False), card="quiz-secretary-general")
    allowed = set(piped.getvalue().split()) | {"1", "2", "3", "week"}  # a narrow heat map: "last 1 week"
    for fact in bank.facts:
        allowed |= set(fact.q.split()) | set(fact.source.short_label().split())
    for width in WIDTHS:
        screen = screen_at(width, monkeypatch)
        show_stats(db, [bank], screen=screen)
        show_stats(db, [bank], screen=screen, card="quiz-secretary-general")
        text = screen.stream.getvalue()
        check_lines(text.splitlines(), width, allowed)


class _Line:
    """The keyboard of a session at the report prompt: the learner's note."""

    def line(self, prompt):
        return "the date is wrong"


def test_the_report_confirmation_wraps_at_spaces_at_every_width(monkeypatch, tmp_path):
    """Review rv5 L3: "Reported …: saved in <path>. Send that file …" was cut mid-word at the edge."""
    from types import SimpleNamespace

    from quizgen.quiz.rating_prompt import _report

    folder = copy_bank(tmp_path / "bank")
    bank = load_banks(folder / "decks", folder / "seeds")[0]
    fact = bank.facts[0]
    store = SimpleNamespace(path=tmp_path / "a-rather-long-folder-name" / "progress.sqlite3")
    store.path.parent.mkdir()
    piped = io.StringIO()
    _report(SimpleNamespace(screen=Screen(piped, colour=False), keyboard=_Line(), store=store, bank=bank), fact)
    allowed = set(piped.getvalue().split())
    assert "Send that file to the curators" in piped.getvalue()
    for width in WIDTHS:
        screen = screen_at(width, monkeypatch)
        _report(SimpleNamespace(screen=screen, keyboard=_Line(), store=store, bank=bank), fact)
        check_lines(screen.stream.getvalue().splitlines(), width, allowed)
