"""Terminal output: colour only when asked for and possible, bank text never drives the terminal."""

import io

from quizgen.quiz.screen import Screen, wants_colour


class FakeTerminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self):
        return True


def test_colour_needs_a_terminal_and_no_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert wants_colour(FakeTerminal()) is True
    assert wants_colour(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert wants_colour(FakeTerminal()) is False
    monkeypatch.setenv("NO_COLOR", "")  # set but empty does not count (no-color.org)
    assert wants_colour(FakeTerminal()) is True
    monkeypatch.setenv("TERM", "dumb")
    assert wants_colour(FakeTerminal()) is False


def test_escape_sequences_in_bank_text_are_removed_before_painting():
    screen = Screen(FakeTerminal(), colour=True)
    assert screen.paint("NATO\x1b[2J\x9b31m", "good") == "\x1b[32mNATO[2J31m\x1b[0m"
    assert Screen(io.StringIO(), colour=False).paint("NATO", "good") == "NATO"


def test_paragraphs_wrap_on_a_terminal_at_its_width_now_and_stay_whole_in_a_pipe(monkeypatch):
    text = "Which German Foreign Minister remarked in April 2020 that NATO can save lives?"
    terminal = Screen(FakeTerminal(), colour=False)
    monkeypatch.setenv("COLUMNS", "20")
    assert terminal.width == 20
    monkeypatch.setenv("COLUMNS", "40")  # resized while the quiz runs: the next paragraph uses it
    terminal.para(text, indent="  ")
    assert terminal.stream.getvalue().splitlines() == [
        "  Which German Foreign Minister remarked",
        "    in April 2020 that NATO can save",
        "    lives?",
    ]
    pipe = Screen(io.StringIO(), colour=False)
    pipe.para(text)
    assert pipe.stream.getvalue() == text + "\n"


def test_marks_fall_back_to_ascii_when_the_output_cannot_show_them():
    ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    assert [Screen(ascii_out, colour=False).mark(s) for s in ("good", "almost", "bad")] == ["+", "~", "x"]
    assert Screen(FakeTerminal(), colour=False).mark("good") == "✓"
