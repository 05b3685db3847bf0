"""Random choices fixed by name: the same bank gives byte-identical outputs on every build."""

from __future__ import annotations

import hashlib
import random


def fixed_random(*names: str) -> random.Random:
    """A generator seeded by its names joined with '/' (an output, the deck, the question)."""
    digest = hashlib.sha256("/".join(names).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))
