"""Unsafe characters: what must not be in bank text and what may reach a terminal."""

from __future__ import annotations

import re

# Every code point of Unicode's categories Cc (controls: ESC starts terminal sequences, \n and \r
# forge lines), Cf (format: zero-width spaces and joiners, soft hyphen, the bidi marks, overrides
# and isolates that make text read differently from what it is, tag characters), Co (private use)
# and Cs (surrogates), plus U+2028/9; the tab alone is allowed. Spelled out, not computed, so that
# importing costs nothing; tests/robustness compares it with unicodedata over every code point.
UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\uf8ff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)
_TAB = re.compile(r"\t")
_UNSAFE_IN_LINES = re.compile("(?![\n\r])" + UNSAFE.pattern)  # a text's own line breaks (and tabs) allowed
_BIDI = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def unsafe_character(text: str, allow_tab: bool = True) -> str | None:
    """A short description of the first character that must not be in bank text, or None."""
    match = UNSAFE.search(text) or (None if allow_tab else _TAB.search(text))
    if match is None:
        return None
    code = ord(match.group())
    if code in _BIDI:
        kind = "a bidirectional-override"
    elif code < 0xA0 or code in (0x2028, 0x2029):
        kind = "a control"
    elif 0xD800 <= code < 0xE000:
        kind = "a surrogate"
    elif 0xE000 <= code < 0xF900 or code >= 0xF0000:
        kind = "a private-use"
    else:
        kind = "an invisible"
    return f"{kind} character (U+{code:04X})"


def unsafe_in_lines(text: str) -> tuple[int, str] | None:
    """(line number, description) of the first unsafe character of a whole text of lines (an
    article), or None. Only its line breaks are its own: every other control character counts,
    VT, FF and FS-RS too, at which str.splitlines() would have split."""
    match = _UNSAFE_IN_LINES.search(text)
    if match is None:
        return None
    before = text[: match.start()].replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, unsafe_character(match.group()) or ""


def _escape(character: str) -> str:
    code = ord(character)
    if code < 0xA0:
        return repr(character)[1:-1]
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str) -> str:
    """`text` with every unsafe character shown as an escape, so one value stays on one line."""
    return UNSAFE.sub(lambda match: _escape(match.group()), text)


def shown_safely(text: str) -> str:
    """`text` for a terminal: every unsafe character dropped (ESC sequences, bidi overrides,
    invisible ones) except the line break; what a learner typed never drives the terminal."""
    return UNSAFE.sub(lambda match: "\n" if match.group() == "\n" else "", text)
