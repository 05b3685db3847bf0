"""What may reach a terminal: text without control, escape or bidirectional-override characters."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC starts terminal sequences, \n and \r forge lines, NEL and U+2028/9 too),
# DEL, and the bidi overrides/isolates that make text read differently from what it is
UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_TAB = re.compile(r"\t")


def unsafe_character(text: str, allow_tab: bool = True) -> str | None:
    """A short description of the first character that must not be in bank text, or None."""
    match = UNSAFE.search(text) or (None if allow_tab else _TAB.search(text))
    if match is None:
        return None
    code = ord(match.group())
    kind = "a bidirectional-override" if code >= 0x202a and code not in (0x2028, 0x2029) else "a control"
    return f"{kind} character (U+{code:04X})"


def printable(text: str) -> str:
    """`text` with every unsafe character shown as an escape, so one value stays on one line."""
    return UNSAFE.sub(lambda match: repr(match.group())[1:-1] if ord(match.group()) < 0x2028
                      else f"\\u{ord(match.group()):04x}", text)
