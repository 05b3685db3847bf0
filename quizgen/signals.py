"""SIGTERM as an interruption: raised like Ctrl-C where Python can, remembered where it cannot."""

from __future__ import annotations

import signal
import sys


class Terminated(KeyboardInterrupt):
    """SIGTERM (timeout, CI cancel, docker stop): cleaned up exactly like Ctrl-C."""


_received: list[int] = []  # a SIGTERM arrived: even where its exception was dropped, the run is interrupted


def _terminate(signum, frame):
    _received.append(signum)
    raise Terminated


def _quiet_unraisable(unraisable) -> None:
    """An exception raised where Python cannot raise it (an at-fork hook, a finaliser) is dropped
    with a traceback; a dropped Terminated is not lost: `check` raises it again."""
    if isinstance(unraisable.exc_value, Terminated):
        return
    sys.__unraisablehook__(unraisable)


def install() -> None:
    """Handle SIGTERM from now on (the command line calls this once per run)."""
    _received.clear()
    signal.signal(signal.SIGTERM, _terminate)
    sys.unraisablehook = _quiet_unraisable


def check() -> None:
    """Raise Terminated if a SIGTERM arrived whose exception was dropped on the way.

    Called before anything is published (the staging commit) and after every command."""
    if _received:
        raise Terminated
