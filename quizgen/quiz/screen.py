"""Terminal output: colour when the terminal has it, plain text under NO_COLOR or into a pipe."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from typing import TextIO

from quizgen.quiz.compare import EXTRA, MISSING, plain
from quizgen.text.chars import shown_safely

_STYLES = {"good": "32", "almost": "33", "bad": "31", "dim": "2", "bold": "1", "title": "1;36", "key": "1;35"}
_MARKS = {"good": ("✓", "+"), "almost": ("≈", "~"), "bad": ("✗", "x")}


def wants_colour(stream: TextIO) -> bool:
    """https://no-color.org: any non-empty NO_COLOR turns colour off; so do pipes and dumb terminals."""
    if os.environ.get("NO_COLOR"):
        return False
    return stream.isatty() and os.environ.get("TERM") != "dumb"


class Screen:
    """Writes lines for the learner, painted or plain."""

    def __init__(self, stream: TextIO | None = None, colour: bool | None = None):
        self.stream = stream or sys.stdout
        self.colour = wants_colour(self.stream) if colour is None else colour
        self.unicode = "utf" in (getattr(self.stream, "encoding", "") or "").lower()
        self.wraps = self.stream.isatty()  # a pipe gets whole lines, easier to grep

    @property
    def width(self) -> int:
        """The terminal's width now (it may have been resized), at most 100 columns."""
        return min(shutil.get_terminal_size().columns, 100) if self.wraps else 0

    @staticmethod
    def clean(text: str) -> str:
        """Text from the bank or the learner never moves the cursor, recolours the terminal or reads
        differently from what it is: unsafe characters go (`quizgen.text.chars` owns which)."""
        return shown_safely(text)

    def paint(self, text: str, style: str) -> str:
        text = self.clean(text)
        return f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if self.colour and text else text

    def mark(self, style: str) -> str:
        fancy, plain = _MARKS[style]
        return self.paint(fancy if self.unicode else plain, style)

    def say(self, text: str = "", end: str = "\n") -> None:
        line = text + end
        if not self.unicode:  # an ASCII or Latin-1 terminal: what it cannot show becomes '?'
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            line = line.encode(encoding, "replace").decode(encoding)
        self.stream.write(line)
        self.stream.flush()

    def para(self, text: str, style: str | None = None, indent: str = "") -> None:
        """A paragraph: wrapped to the terminal, then painted line by line."""
        text = self.clean(text)
        lines = (
            textwrap.wrap(
                text,
                self.width,
                initial_indent=indent,
                subsequent_indent=indent + "  ",
                break_on_hyphens=False,
                break_long_words=False,  # a word (a name, an id, a link) is never cut: it may overflow alone
            )
            if self.width >= 10
            else [indent + text]
        )
        for line in lines:
            self.say(self.paint(line, style) if style else line)

    def units(self, units: list[str], sep: str = "  ") -> str:
        """A prompt of units ("s suspend") joined by `sep`, wrapped to the terminal between units,
        never inside one; the last line ends with a space, where the cursor waits."""
        return "\n".join(self.unit_lines(units, sep, self.width - 2)) + " "  # the space and the cursor fit

    def say_units(self, units: list[str], sep: str = "  ", indent: str = "", head: str = "") -> None:
        """A line of units ("today 2", "Tue 1") after `head`, wrapped between units; the next lines
        indented once more (`head` has a line of its own when the first unit does not fit beside it)."""
        lines = self.unit_lines(units, sep, self.width - len(indent) - 4)  # room for both indents below
        if head and lines and (not self.wraps or len(f"{indent}{head} {lines[0]}") <= self.width):
            lines[0] = f"{head} {lines[0]}"
        elif head:
            self.say(indent + head)
            indent = indent + "  "
        for number, line in enumerate(lines):
            self.say((indent if number == 0 else indent + "  ") + line)

    def unit_lines(self, units: list[str], sep: str, width: int) -> list[str]:
        """Units joined by `sep` into lines of at most `width` columns (any length into a pipe); a unit wider
        than that keeps a line of its own."""
        lines: list[str] = []
        for unit in units:
            if lines and (not self.wraps or len(lines[-1]) + len(sep) + len(unit) <= width):
                lines[-1] += sep + unit
            else:
                lines.append(unit)
        return lines

    def compared(self, segments: list[tuple[str, str]]) -> str:
        """Typed against expected: extra letters in red, missing ones in green, or marked in plain text."""
        if not self.colour:
            return plain(segments)
        styles = {EXTRA: "bad", MISSING: "good"}
        return "".join(self.paint(text, styles[kind]) if kind in styles else text for kind, text in segments)

    def blocks(self) -> str:
        """Five shades for heat maps and bars, light to full."""
        return "·░▒▓█" if self.unicode else ".:-=#"
