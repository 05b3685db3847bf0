"""Shared test locations."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHIPPED = frozenset({"000", "001", "002", "003", "004"})  # the bundled articles; a teacher may add more


@pytest.fixture
def repo_root() -> Path:
    return ROOT
