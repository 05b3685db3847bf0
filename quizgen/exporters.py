"""The output formats `quizgen build` writes, registered in one place.

Each entry names a module with `export(bank, out_dir, options) -> list[Path]`; a new format is
one module and one line here. Modules are imported only when used, to keep start-up fast.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from quizgen.model import Bank

EXPORTERS = {
    "anki": "quizgen.anki.exporter",
    "print": "quizgen.worksheet.exporter",
    "web": "quizgen.web.exporter",
    "export": "quizgen.export.exporter",
}


def export(name: str, bank: Bank, out_dir: Path, options: dict) -> list[Path]:
    module = importlib.import_module(EXPORTERS[name])
    return module.export(bank, out_dir, options)
