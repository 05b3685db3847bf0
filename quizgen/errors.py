"""Every exception quizgen raises on purpose; only the CLI catches them."""

from __future__ import annotations

from quizgen.text import printable

_MAX_LINE = 500
MAX_QUOTED = 60  # a value quoted in a message: enough to recognise it, short enough to leave room


def clip(value: object, limit: int = MAX_QUOTED) -> str:
    """A value as a message quotes it: at most `limit` characters, so the problem itself is read."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_line(problem: str) -> str:
    """Values quoted from a hostile file must not split a problem over lines, reorder it (bidi),
    hide in it (zero-width) or flood the screen."""
    line = printable(problem)
    return line if len(line) <= _MAX_LINE else line[: _MAX_LINE - 1] + "…"


class QuizgenError(Exception):
    """Base class: a problem the user can fix, reported as one line without a traceback."""

    exit_code = 1


class BankError(QuizgenError):
    """The fact bank (YAML or seeds) is invalid; carries every problem found."""

    exit_code = 2

    def __init__(self, problems: list[str]):
        self.problems = [_one_line(problem) for problem in problems]
        super().__init__("\n".join(self.problems))


class UsageError(QuizgenError):
    """A command-line option or filter that cannot be satisfied."""

    exit_code = 2


class NotEnoughOptions(QuizgenError):
    """A fact has too few certainly wrong options for a multiple-choice question (callers then ask
    it another way; never a user's mistake)."""


class BrowserNotFound(QuizgenError):
    """No headless Chromium/Chrome is installed for PDF output."""


class OutputError(QuizgenError):
    """An output file could not be written."""


class ProgressError(QuizgenError):
    """The quiz progress database cannot be used."""
