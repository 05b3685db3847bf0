"""Helpers shared by test modules: the bundled bank, and tools a test needs (skipped locally, required on CI)."""

from __future__ import annotations

import os
import shutil
from functools import lru_cache

import pytest
from conftest import ROOT

from quizgen.bank.loader import load_banks
from quizgen.browser import find_browser
from quizgen.errors import BrowserNotFound
from quizgen.model import Bank, Fact, Location, Source, When


@lru_cache(maxsize=1)
def bundled() -> Bank:
    return load_banks(ROOT / "decks", ROOT / "seeds")[0]


def node() -> str:
    """Node; missing skips the test locally but fails it under CI."""
    found = shutil.which("node")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("node is required on CI")
        pytest.skip("node is not installed")
    return found


def browser_or_skip() -> str:
    """The browser; a missing one skips the test locally but fails it under CI."""
    try:
        return find_browser()
    except BrowserNotFound as exc:
        if "CI" in os.environ:
            pytest.fail(f"CI needs a browser for these tests: {exc}")
        pytest.skip(str(exc))


SAMPLE_SOURCE = Source("900", "900_sample.txt", "A sample article")


def sample_fact(key, a, kind, q="?", alt=(), when=None, note=None, distractors=(), role=None) -> Fact:
    """A constructed fact of the sample article, for tests of one rule on chosen values."""
    return Fact(
        id=key,
        q=q,
        a=a,
        kind=kind,
        quote="",
        stance="fact",
        source=SAMPLE_SOURCE,
        origin=Location("x.yaml", 1),
        alt=tuple(alt),
        when=When(*when) if when else None,
        note=note,
        distractors=tuple(distractors),
        role=role,
    )
