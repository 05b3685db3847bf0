"""The study page `quizgen web` and `quizgen build` write: `<out>/web/<deck>/index.html`."""

from __future__ import annotations

from pathlib import Path

from quizgen.errors import UsageError
from quizgen.model import Bank
from quizgen.output import write_atomic
from quizgen.web.page import render_page


def export(bank: Bank, out_dir: Path, options: dict) -> list[Path]:
    """One self-contained file, written atomically (the page and its data appear together)."""
    if not bank.facts:
        raise UsageError(f"deck '{bank.name}' has no facts to study")
    return [write_atomic(out_dir / "web" / bank.name / "index.html", render_page(bank))]
