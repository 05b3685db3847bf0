"""The learner's input: single key presses on a terminal, whole lines from a pipe."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from quizgen.quiz.screen import Screen

ENTER = "\n"
_CTRL_D = "\x04"


class Quit(Exception):
    """The learner asked to stop: q, Ctrl-D or the end of piped input."""


class Keyboard:
    """Asks for a key (multiple choice, ratings) or a line (typed answers)."""

    def __init__(self, screen: Screen, stream: TextIO | None = None):
        self.screen = screen
        self.stream = stream or sys.stdin
        self.interactive = self.stream.isatty()

    def key(self, prompt: str, allowed: str) -> str:
        """One of `allowed` (or ENTER if listed); 'q' and Ctrl-D quit."""
        self.screen.say(prompt, end="")
        if not self.interactive:
            return self._piped_key(allowed)
        while True:
            pressed = self._read_key()
            if pressed in ("q", "Q", _CTRL_D):
                self.screen.say()
                raise Quit
            if pressed in ("\r", "\n"):
                pressed = ENTER
            if pressed in allowed:
                self.screen.say("" if pressed == ENTER else pressed)
                return pressed

    def line(self, prompt: str) -> str:
        """A typed answer; 'q' alone or Ctrl-D quits."""
        self.screen.say(prompt, end="")
        text = self.stream.readline()
        if not text:  # Ctrl-D on an empty line, or the pipe has ended
            self.screen.say()
            raise Quit
        text = text.rstrip("\r\n")
        if not self.interactive:
            self.screen.say(text)  # echo, so a scripted transcript reads like a session
        if text.strip().lower() == "q":
            raise Quit
        return text

    def _piped_key(self, allowed: str) -> str:
        while True:
            text = self.stream.readline()
            if not text:
                self.screen.say()
                raise Quit
            answer = text.strip()
            self.screen.say(answer)
            if answer.lower() == "q":
                raise Quit
            if not answer and ENTER in allowed:
                return ENTER
            if len(answer) == 1 and answer in allowed:
                return answer
            self.screen.say(f"({answer!r} is not one of {allowed.strip()}) ", end="")

    def _read_key(self) -> str:
        import termios
        import tty

        fd = self.stream.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd, termios.TCSANOW)  # keep keys typed ahead; keys arrive one by one; Ctrl-C still interrupts
            data = os.read(fd, 32)  # a whole escape sequence at once, so arrows are one ignored key
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        if not data:  # the terminal has gone
            raise Quit
        text = data.decode("utf-8", "replace")
        return text if len(text) == 1 else ""  # arrows and other sequences are ignored
