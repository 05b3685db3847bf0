"""Opening files safely: regular files only, never blocking, bounded reading, strict UTF-8."""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any

from quizgen.errors import BankError

NOT_REGULAR = "not a regular file (a FIFO, device or socket); refusing to read it"
_FLAGS = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def open_regular(path: Path, flags: int = os.O_RDONLY, mode: int = 0o666) -> tuple[int | None, str | None]:
    """(fd, None) for a regular file, or (None, why not), checked on the opened file.

    O_NONBLOCK keeps opening a FIFO from waiting for a partner (a writer, or a reader); the
    type is checked with fstat on what was opened, so a swap between check and open changes
    nothing. Pass os.O_NOFOLLOW in `flags` where a planted link must not be followed.
    """
    try:
        fd = os.open(path, flags | _FLAGS, mode)
    except (OSError, ValueError) as exc:
        refused = {errno.ENXIO} | ({errno.ELOOP} if flags & getattr(os, "O_NOFOLLOW", 0) else set())
        if isinstance(exc, OSError) and exc.errno in refused:  # a FIFO with no reader; a link
            return None, "not a regular file (a symbolic link, FIFO or device); refusing to open it"
        return None, f"cannot read file: {getattr(exc, 'strerror', None) or exc}"
    info = os.fstat(fd)
    if stat.S_ISREG(info.st_mode):
        return fd, None
    os.close(fd)
    return None, "cannot read file: Is a directory" if stat.S_ISDIR(info.st_mode) else NOT_REGULAR


def read_regular(path: Path, shown: str, limit: int) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `limit` bytes.

    A FIFO would block for ever, /dev/zero never ends, and a huge file costs minutes and
    gigabytes to parse: all are refused before reading.
    """
    fd, problem = open_regular(path)
    if fd is None:
        raise BankError([f"{shown}:1: {problem}"])
    size = os.fstat(fd).st_size
    if size > limit:
        os.close(fd)
        raise BankError([f"{shown}:1: file too large ({_size(size)}, at most {_size(limit)})"])
    with open(fd, "rb") as handle:
        try:
            raw = handle.read(limit + 1)  # bounded even if the file grows while we read
        except OSError as exc:
            raise BankError([f"{shown}:1: cannot read file: {exc.strerror or exc}"]) from None
    if len(raw) > limit:
        raise BankError([f"{shown}:1: file too large (more than {_size(limit)})"])
    return raw


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count} bytes"


def decode_text(raw: bytes, shown: str) -> str:
    """UTF-8 text with one BOM at most; a problem is reported on its line (\\r, \\r\\n or \\n)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = line_of(raw[: exc.start].decode("utf-8", "replace"))
        raise BankError([f"{shown}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x})"]) from None
    text = text.removeprefix("\ufeff")
    if "\ufeff" in text:
        line = line_of(text[: text.index("\ufeff")])
        raise BankError([f"{shown}:{line}: stray byte-order mark (U+FEFF); remove it"])
    return text


def line_of(before: str) -> int:
    """The 1-based line a position is on, counting old-Mac \\r line ends as PyYAML does."""
    return len(re.findall(r"\r\n|\r|\n", before)) + 1


MAX_DIGITS = 30  # no number in quizgen's JSON files needs more; Python refuses more than 4,300


class NotJSON(ValueError):
    """Raw bytes that are not a JSON value quizgen can use: `line` and `why` say where and what."""

    def __init__(self, line: int, why: str):
        super().__init__(f"line {line}: {why}")
        self.line, self.why = line, why


def parse_json(raw: bytes) -> Any:
    """The JSON value of UTF-8 bytes (one BOM allowed, as Notepad writes it), standard JSON only.

    Every way the bytes can fail is a NotJSON: bad UTF-8, bad syntax, nesting deeper than Python's
    stack, an integer too long for int() (Python's 4,300-digit limit raised a bare ValueError),
    and NaN, Infinity or a float that overflows to them, which JSON does not have.
    """
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise NotJSON(line_of(raw[: exc.start].decode("utf-8", "replace")), "not UTF-8 text") from None
    try:
        return json.loads(text, parse_int=_integer, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise NotJSON(exc.lineno, exc.msg) from None
    except _Refused as exc:
        at = text.find(exc.token)  # json.loads does not say where it was; the first such token is
        raise NotJSON(line_of(text[: max(at, 0)]), exc.why) from None
    except RecursionError:
        raise NotJSON(1, "nested too deeply") from None


class _Refused(Exception):
    """A number parse_json will not turn into a value (raised from inside json.loads)."""

    def __init__(self, why: str, token: str):
        super().__init__(why)
        self.why, self.token = why, token


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _Refused(f"an integer of {len(digits.lstrip('-'))} digits; at most {MAX_DIGITS}", digits)
    return int(digits)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"a number too large for a float ({_clip_number(text)})", text)
    return value


def _constant(name: str) -> float:
    raise _Refused(f"{name} is not a JSON number", name)


def _clip_number(text: str) -> str:
    return text if len(text) <= 20 else text[:19] + "…"
