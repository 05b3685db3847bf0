"""Binds the PDFs of a set's versions into one document; with duplex each version starts on a new sheet."""

from __future__ import annotations

import io
from pathlib import Path

from quizgen.output import write_atomic


def bind(parts: list[Path], target: Path, duplex: bool) -> Path:
    """`parts` one after another in `target`; with `duplex`, a blank page ends every odd-length part,
    so that each part begins on the front of a sheet when the whole file is printed double-sided."""
    from pypdf import PdfReader, PdfWriter  # only PDF output needs it

    writer = PdfWriter()
    for part in parts:
        pages = PdfReader(part).pages
        for page in pages:
            writer.add_page(page)
        if duplex and len(pages) % 2:
            writer.add_blank_page()  # the size of the page before it
    buffer = io.BytesIO()
    writer.write(buffer)
    return write_atomic(target, buffer.getvalue())
