"""`export` for `quizgen build` and `quizgen export`: GIFT for Moodle, TSV for flashcard apps, CSV."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from quizgen.errors import UsageError
from quizgen.export.gift import gift
from quizgen.export.items import TYPES, items_of
from quizgen.export.table import csv_text, tsv
from quizgen.model import Bank
from quizgen.output import pending

FORMATS = ("gift", "tsv", "csv")


def export(bank: Bank, out_dir: Path, options: dict) -> list[Path]:
    """Write `<out>/export/<deck>/<deck>.{gift,tsv,csv}` for the facts of options["pool"] (default: all)."""
    pool: Bank = options.get("pool") or bank
    types = tuple(options.get("types") or TYPES)
    formats = tuple(options.get("formats") or FORMATS)
    sources = tuple(options.get("sources") or ())
    items = items_of(bank, pool, types, sources)
    if "gift" in formats and not items:
        raise UsageError(f"nothing to export: no fact chosen gives a question of the types asked ({','.join(types)})")
    facts = list(pool.facts)
    texts = {
        "gift": lambda: gift(bank, items),
        "tsv": lambda: tsv(facts),
        # the CSV lists each fact's multiple-choice options whatever --types asks for
        "csv": lambda: csv_text(facts, items if "mcq" in types else items_of(bank, pool, ("mcq",))),
    }
    folder = out_dir / "export" / bank.name
    paths = [folder / f"{bank.name}.{name}" for name in formats]
    with ExitStack() as stack:  # every file is written before any replaces its namesake
        for path, name in zip(paths, formats, strict=True):
            stack.enter_context(pending(path, texts[name]()))
    return paths
