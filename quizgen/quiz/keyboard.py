"""The learner's input: keys and edited lines on a terminal (prompt_toolkit), whole lines from a pipe.

On a terminal every key of a burst counts, in order: keys left over when a prompt is answered
are handed to the next prompt (prompt_toolkit's typeahead), so two Enters are two Enters, and
an escape sequence (an arrow) is one key, ignored unless bound. Undo and quit are control keys
(Ctrl-U, Ctrl-D), never a letter that could be part of a typed word.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, TextIO

from quizgen.quiz.screen import Screen

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession

ENTER = "\n"
UNDO = "undo"
MAX_LINE = 2000  # longer piped lines are cut: no answer is that long, and the log stays small


class Quit(Exception):
    """The learner asked to stop: Ctrl-D, or q / the end of piped input."""


class Keyboard:
    """Asks for a key (multiple choice, ratings) or a line (typed answers)."""

    def __init__(self, screen: Screen, stream: TextIO | None = None):
        self.screen = screen
        self.stream = stream or sys.stdin
        self.interactive = (self.stream.isatty() and screen.stream.isatty()
                            and os.environ.get("TERM") != "dumb")
        self._terminal = _Terminal(screen.stream) if self.interactive else None

    def key(self, prompt: str, allowed: str) -> str:
        """One of `allowed` (ENTER if listed), or UNDO; Ctrl-D quits.

        From a pipe the whole line is returned, whatever it holds: the caller decides what an
        answer it does not know means, so one line stays one card.
        """
        if self._terminal:
            pressed = self._terminal.key(prompt, allowed)
            self.screen.say(prompt + ("" if pressed in (ENTER, UNDO) else pressed))
            return pressed
        self.screen.say(prompt, end="")
        answer = self._piped_line().strip()
        self.screen.say(answer)
        if answer.lower() == "u":
            return UNDO
        return ENTER if not answer and ENTER in allowed else answer

    def line(self, prompt: str) -> str:
        """A typed answer (UNDO for Ctrl-U on an empty line, or 'u' from a pipe); Ctrl-D quits."""
        if self._terminal:
            return self._terminal.line(prompt)
        self.screen.say(prompt, end="")
        text = self._piped_line()
        self.screen.say(text)  # echo, so a scripted transcript reads like a session
        return UNDO if text.strip().lower() == "u" else text

    def _piped_line(self) -> str:
        text = self.stream.readline(MAX_LINE)
        if not text:  # the pipe has ended
            self.screen.say()
            raise Quit
        if not text.endswith("\n"):
            while (rest := self.stream.readline(65536)) and not rest.endswith("\n"):
                pass  # the rest of an overlong line is dropped, not read as the next answers
        text = text.rstrip("\r\n")
        if text.strip().lower() == "q":
            raise Quit
        return text


class _Terminal:
    """prompt_toolkit input and output on the learner's terminal, shared by every prompt."""

    def __init__(self, stdout: TextIO):
        from prompt_toolkit.history import InMemoryHistory
        from prompt_toolkit.input import create_input
        from prompt_toolkit.output import create_output
        from prompt_toolkit.output.vt100 import Vt100_Output

        self.input = create_input()
        self.output = create_output(stdout=stdout)
        if isinstance(self.output, Vt100_Output):  # no cursor-position queries: they would wait on a
            self.output.enable_cpr = False     # terminal that never answers
        self.history = InMemoryHistory()
        self._session: PromptSession[str] | None = None
        signal.signal(signal.SIGCONT, _resume)

    def key(self, prompt: str, allowed: str) -> str:
        from prompt_toolkit.application import Application
        from prompt_toolkit.formatted_text import ANSI
        from prompt_toolkit.layout import FormattedTextControl, Layout, Window

        bindings = _common_bindings()

        @bindings.add("<any>")
        def _ignore(event) -> None:
            """Letters, arrows, pastes: not an answer here."""

        for key in allowed:
            for name in ("enter", "c-j") if key == ENTER else (key,):  # some terminals send \n for Enter
                bindings.add(name)(lambda event, key=key: event.app.exit(result=key))
        bindings.add("c-u")(lambda event: event.app.exit(result=UNDO))
        control = FormattedTextControl(ANSI(prompt), show_cursor=True)
        app: Application[str] = Application(layout=Layout(Window(control, height=1, dont_extend_height=True)),
                          key_bindings=bindings, input=self.input, output=self.output,
                          erase_when_done=True)
        return app.run()

    def line(self, prompt: str) -> str:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.filters import Condition
        from prompt_toolkit.formatted_text import ANSI
        from prompt_toolkit.keys import Keys

        if self._session is None:
            bindings = _common_bindings()

            @Condition
            def empty() -> bool:
                from prompt_toolkit.application import get_app
                return not get_app().current_buffer.text

            bindings.add("c-u", filter=empty)(lambda event: event.app.exit(result=UNDO))

            @bindings.add(Keys.BracketedPaste)
            def _paste(event) -> None:
                """A pasted block is one answer line: its line breaks become spaces."""
                event.current_buffer.insert_text(" ".join(event.data.split()))

            self._session = PromptSession(history=self.history, key_bindings=bindings, input=self.input,
                                          output=self.output, enable_suspend=True)
        return self._session.prompt(ANSI(prompt))


def _common_bindings():
    """Ctrl-D quits, Ctrl-C interrupts, Ctrl-Z suspends (the prompt is redrawn after `fg`)."""
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()
    bindings.add("c-d", eager=True)(lambda event: event.app.exit(exception=Quit))
    bindings.add("c-c", eager=True)(lambda event: event.app.exit(exception=KeyboardInterrupt))
    bindings.add("c-z", eager=True)(lambda event: event.app.suspend_to_background())
    return bindings


def _resume(signum, frame) -> None:
    """After SIGCONT (`fg`, or a stop from elsewhere): the terminal's modes may have been reset;
    put the running prompt back in raw mode and draw it again."""
    from prompt_toolkit.application import get_app_or_none

    app = get_app_or_none()
    if app is None or not app.is_running:
        return
    app.input.raw_mode().__enter__()  # left by the prompt's own raw mode when it ends
    app.renderer.reset()
    app.invalidate()
