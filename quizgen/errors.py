"""Every exception quizgen raises on purpose; only the CLI catches them."""

from __future__ import annotations


class QuizgenError(Exception):
    """Base class: a problem the user can fix, reported as one line without a traceback."""

    exit_code = 1


class BankError(QuizgenError):
    """The fact bank (YAML or seeds) is invalid; carries every problem found."""

    exit_code = 2

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class UsageError(QuizgenError):
    """A command-line option or filter that cannot be satisfied."""

    exit_code = 2


class BrowserNotFound(QuizgenError):
    """No headless Chromium/Chrome is installed for PDF output."""


class OutputError(QuizgenError):
    """An output file could not be written."""


class ProgressError(QuizgenError):
    """The quiz progress database cannot be used."""
