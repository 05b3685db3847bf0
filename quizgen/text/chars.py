"""Unsafe characters: what must not be in bank text and what may reach a terminal."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC starts terminal sequences, \n and \r forge lines, NEL and U+2028/9 too),
# DEL, the bidi embeddings/overrides/isolates and marks that make text read differently from what
# it is, and the invisible characters that make two equal-looking words differ (zero-width space,
# joiners, word joiner, soft hyphen, byte-order mark)
UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\u200b-\u200f\u2060-\u2064\u00ad\ufeff\u061c]")
_TAB = re.compile(r"\t")
_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}
_INVISIBLE = frozenset(range(0x200B, 0x200E)) | frozenset(range(0x2060, 0x2065)) | {0x00AD, 0xFEFF}


def kind_of(character: str) -> str:
    """'a control', 'a bidirectional-override' or 'an invisible' (for one unsafe character)."""
    code = ord(character)
    if code in _BIDI:
        return "a bidirectional-override"
    if code in _INVISIBLE:
        return "an invisible"
    return "a control"


def unsafe_character(text: str, allow_tab: bool = True) -> str | None:
    """A short description of the first character that must not be in bank text, or None."""
    match = UNSAFE.search(text) or (None if allow_tab else _TAB.search(text))
    if match is None:
        return None
    return f"{kind_of(match.group())} character (U+{ord(match.group()):04X})"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return repr(match.group())[1:-1] if code < 0xA0 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every unsafe character shown as an escape, so one value stays on one line."""
    return UNSAFE.sub(_escape, text)
