"""The learner's input: keys and edited lines on a terminal (prompt_toolkit), whole lines from a pipe.

On a terminal each prompt takes only keys typed after it appeared: type-ahead is dropped when a
prompt starts. A key pressed twice a moment apart must not answer what the first key brought up
unseen either: for a moment after a prompt appears (QUIZGEN_GRACE_MS, default 800 ms) the keys it
holds are ignored, with a quiet "(too soon: press it again)": an empty Enter at a new typed card,
a digit at a new choice card, a digit rating right after any answer ("2… no, 4", '199⏎4'). An escape sequence
(an arrow) is one key, ignored unless bound. Undo and quit are control keys (Ctrl-U, Ctrl-D on an
empty line), never a letter. With TERM=dumb on a terminal (Emacs shell, some IDE consoles) answers
are read as lines, and the rating prompt is still offered, with the same flush and grace period.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from typing import TYPE_CHECKING, TextIO

from quizgen.quiz.screen import Screen

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession

ENTER = "\n"
UNDO = "undo"
MAX_LINE = 2000  # longer piped lines are cut: no answer is that long, and the log stays small
TOO_SOON = "(too soon: press it again)"


def safe_text(text: str) -> str:
    """Bytes a pipe could not decode as UTF-8 (surrogates) become U+FFFD: the answer is still stored."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


class Quit(Exception):
    """The learner asked to stop: Ctrl-D, or q / the end of piped input."""


class Keyboard:
    """Asks for a key (multiple choice, ratings) or a line (typed answers)."""

    def __init__(self, screen: Screen, stream: TextIO | None = None):
        self.screen = screen
        self.stream = stream or sys.stdin
        self.interactive = self.stream.isatty() and screen.stream.isatty()
        dumb = os.environ.get("TERM") == "dumb"
        self._terminal = _Terminal(screen.stream) if self.interactive and not dumb else None
        self.lines = self._terminal is None  # whole lines: a pipe, or a dumb terminal (u undoes, q quits)
        if not self.interactive and hasattr(self.stream, "reconfigure"):
            self.stream.reconfigure(errors="replace")  # a Latin-1 answers file: U+FFFD, not a crash

    def key(self, prompt: str, allowed: str, hold: str = "") -> str:
        """One of `allowed` (ENTER if listed), or UNDO; Ctrl-D quits.

        `prompt` may hold line breaks (wrapped by the caller at its units). `hold`: these keys,
        pressed within the grace time after the prompt appears, are ignored (the second press of a
        double tap). From a pipe the whole line is returned, whatever it holds: the caller decides
        what an answer it does not know means, so one line stays one card. A dumb terminal asks again.
        """
        if self._terminal:
            pressed = self._terminal.key(prompt, allowed, hold, self._note)
            typed = "" if pressed in (ENTER, UNDO) else pressed
            for line in prompt.splitlines()[:-1]:
                self.screen.say(line.rstrip())
            self.screen.say(prompt.splitlines()[-1] + typed)  # the prompt stays on screen as answered
            return pressed
        shown = time.monotonic()
        while True:
            self._drop_typeahead()
            self._prompt(prompt)
            answer = self._piped_line().strip()
            if not self.interactive:
                self.screen.say(self.screen.clean(answer))
            elif len(answer) <= 1 and (answer or ENTER) in hold and _within_grace(shown):  # a double tap
                self._too_soon()
                continue
            if answer.lower() == "u":
                return UNDO
            if not answer and ENTER in allowed:
                return ENTER
            if not self.interactive or (len(answer) == 1 and answer in allowed):
                return answer

    def line(self, prompt: str, hold_empty: bool = False) -> str:
        """A typed answer (UNDO for Ctrl-U on an empty line, or 'u' from a pipe); Ctrl-D quits.

        `hold_empty`: an empty Enter within the grace time is ignored (a double Enter never answers
        a card just drawn)."""
        if self._terminal:
            return self._terminal.line(prompt, hold_empty, self._note)
        shown = time.monotonic()
        while True:
            self._drop_typeahead()
            self.screen.say(prompt, end="")
            text = self._piped_line()
            if not self.interactive:
                self.screen.say(self.screen.clean(text))  # echo, so a scripted transcript reads like a session
            elif hold_empty and not text.strip() and _within_grace(shown):
                self._too_soon()
                continue
            return UNDO if text.strip().lower() == "u" else text

    @property
    def _note(self) -> str:
        return self.screen.paint(TOO_SOON, "dim")

    def _too_soon(self) -> None:
        self.screen.say(self._note)

    def _prompt(self, prompt: str) -> None:
        """The prompt's lines (wrapped by the caller), its last line left open for the answer."""
        lines = prompt.splitlines() if self.interactive else [prompt.replace("\n", " ")]
        for line in lines[:-1]:
            self.screen.say(line.rstrip())
        self.screen.say(lines[-1], end="")

    def _drop_typeahead(self) -> None:
        """A dumb terminal: lines typed before this prompt appeared are dropped, as on a full one."""
        if self.interactive:
            import termios

            with contextlib.suppress(termios.error, OSError, ValueError):
                termios.tcflush(self.stream.fileno(), termios.TCIFLUSH)

    def _piped_line(self) -> str:
        text = self._tty_line() if self.interactive else self.stream.readline(MAX_LINE)
        if not text:  # the pipe has ended
            self.screen.say()
            raise Quit
        if not text.endswith("\n") and not self.interactive:
            while (rest := self.stream.readline(65536)) and not rest.endswith("\n"):
                pass  # the rest of an overlong line is dropped, not read as the next answers
        text = text.rstrip("\r\n")
        if text.strip().lower() == "q":
            if not self.interactive:
                self.screen.say(self.screen.clean(text))  # so the summary starts on a line of its own
            raise Quit
        return text

    def _tty_line(self) -> str:
        """One line from a terminal in line mode, read unbuffered: the lines after it stay in the
        terminal, where the next prompt's flush can drop them."""
        data = b""
        while not data.endswith(b"\n"):
            chunk = os.read(self.stream.fileno(), 4096)
            if not chunk:
                break
            data += chunk
        return data[: 4 * MAX_LINE].decode("utf-8", "replace")[: MAX_LINE + 1]


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
            self.output.enable_cpr = False  # terminal that never answers
        self.history = InMemoryHistory()
        self._session: PromptSession[str] | None = None
        self._noted, self._hold_empty, self._shown = False, False, 0.0
        signal.signal(signal.SIGCONT, _resume)

    def flush(self) -> None:
        """Drop keys typed before the prompt appeared: kept by prompt_toolkit, or still in the tty."""
        import termios

        from prompt_toolkit.input.typeahead import clear_typeahead

        clear_typeahead(self.input)
        with contextlib.suppress(termios.error, OSError, ValueError):
            termios.tcflush(self.input.fileno(), termios.TCIFLUSH)
        self.input.flush_keys()

    def key(self, prompt: str, allowed: str, hold: str, note: str) -> str:
        from prompt_toolkit.application import Application
        from prompt_toolkit.formatted_text import ANSI
        from prompt_toolkit.layout import FormattedTextControl, Layout, Window

        bindings = _common_bindings()

        @bindings.add("<any>")
        def _ignore(event) -> None:
            """Letters, arrows, pastes: not an answer here."""

        def press(event, key: str) -> None:
            if key in hold and _within_grace(shown):
                self._noted = True  # the second press of a double tap: said above the prompt
                return
            event.app.exit(result=key)

        for key in allowed:
            for name in ("enter", "c-j") if key == ENTER else (key,):  # some terminals send \n for Enter
                bindings.add(name)(lambda event, key=key: press(event, key))
        bindings.add("c-u")(lambda event: event.app.exit(result=UNDO))
        # a key too soon is said below the prompt, on rows not drawn before (the prompt itself stays put)
        control = FormattedTextControl(lambda: ANSI(f"{prompt}\n{note}" if self._noted else prompt), show_cursor=True)
        # a line too long for the terminal still wraps (every key stays visible) instead of being cut off
        window = Window(control, wrap_lines=True, dont_extend_height=True)
        app: Application[str] = Application(
            layout=Layout(window), key_bindings=bindings, input=self.input, output=self.output, erase_when_done=True
        )
        self.flush()
        self._noted = False
        shown = time.monotonic()
        return app.run()

    def line(self, prompt: str, hold_empty: bool, note: str) -> str:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.filters import Condition
        from prompt_toolkit.formatted_text import ANSI
        from prompt_toolkit.keys import Keys

        if self._session is None:

            @Condition
            def empty() -> bool:
                from prompt_toolkit.application import get_app

                return not get_app().current_buffer.text

            bindings = _common_bindings(quit_when=empty)
            bindings.add("c-u", filter=empty)(lambda event: event.app.exit(result=UNDO))
            # Ctrl-D on a typed answer deletes the letter under the cursor, as in a shell; it never
            # throws the answer away.
            bindings.add("c-d", filter=~empty)(lambda event: event.current_buffer.delete(1))
            held = empty & Condition(lambda: self._hold_empty and _within_grace(self._shown))
            for name in ("enter", "c-j"):  # an empty Enter just after the card appeared: a double tap
                bindings.add(name, filter=held)(lambda event: setattr(self, "_noted", True))

            @bindings.add(Keys.BracketedPaste)
            def _paste(event) -> None:
                """A pasted block is one answer line: its line breaks become spaces."""
                event.current_buffer.insert_text(" ".join(event.data.split()))

            self._session = PromptSession(
                history=self.history, key_bindings=bindings, input=self.input, output=self.output, enable_suspend=True
            )
        self.flush()
        self._noted, self._hold_empty = False, hold_empty
        self._shown = time.monotonic()
        # an Enter too soon is said in a line above the answer's, within the prompt: the terminal stays
        # in raw mode, so the next key is read as a key
        return self._session.prompt(lambda: ANSI(f"{note}\n{prompt}" if self._noted else prompt))


def _within_grace(shown: float) -> bool:
    return time.monotonic() - shown < _grace_seconds()


def _grace_seconds() -> float:
    try:
        return max(0, int(os.environ.get("QUIZGEN_GRACE_MS", "800"))) / 1000
    except ValueError:
        return 0.8


def _common_bindings(quit_when=None):
    """Ctrl-D quits (on an empty line), Ctrl-C interrupts, Ctrl-Z suspends (redrawn after `fg`)."""
    from prompt_toolkit.filters import Always
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()
    quits = bindings.add("c-d", eager=True, filter=quit_when if quit_when is not None else Always())
    quits(lambda event: event.app.exit(exception=Quit))
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
