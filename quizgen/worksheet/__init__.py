"""`quizgen print`: printable worksheets (HTML, and PDF through headless Chromium)."""

from __future__ import annotations


def main(args) -> int:
    from quizgen.worksheet.command import run

    return run(args)
