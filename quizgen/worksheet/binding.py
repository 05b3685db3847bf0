"""Binds the PDFs of a set's versions into one document; with duplex each version starts on a new sheet."""

from __future__ import annotations

import io
from pathlib import Path

from quizgen.output import write_atomic


def bind(parts: list[Path], target: Path, duplex: bool, blank: Path | None = None) -> Path:
    """`parts` one after another in `target`; with `duplex`, a page saying "This page is
    intentionally left blank" (`blank`, else an empty page) ends every odd-length part but the last,
    so that each part begins on the front of a sheet when the whole file is printed double-sided."""
    from pypdf import PdfReader, PdfWriter  # only PDF output needs it

    writer = PdfWriter()
    filler = PdfReader(blank).pages[0] if blank else None
    for number, part in enumerate(parts):
        pages = PdfReader(part).pages
        for page in pages:
            writer.add_page(page)
        if duplex and len(pages) % 2 and number < len(parts) - 1:
            if filler is not None:
                writer.add_page(filler)
            else:
                writer.add_blank_page()  # the size of the page before it
    buffer = io.BytesIO()
    writer.write(buffer)
    return write_atomic(target, buffer.getvalue())
