"""Layout decisions the templates cannot make alone: how many columns a set of options fits in."""

from __future__ import annotations

SHORT, MEDIUM = 14, 36  # characters that fit a quarter and a half of the text width


def option_columns(options) -> int:
    """All options on one line when short, two per line when medium, else one per line."""
    longest = max(len(option) for option in options)
    if longest <= SHORT:
        return len(options)
    return 2 if longest <= MEDIUM else 1
