"""`print --check`, the HTML and the PDF number the questions alike: one order, decided once (rv5 C3)."""

from __future__ import annotations

import html
import re

import pytest
from helpers import browser_or_skip

from quizgen.cli import main

LINE = re.compile(r"^\s*(\d+)\. (mcq|blank|tf|match|order) \[[^\]]+\] (.*)$")
REQUEST = ["print", "-n", "30", "--versions", "2", "--title", "Numbering"]


def check_listing(seed: int, capsys) -> dict[str, dict[int, str]]:
    """Per version, number -> a few words `--check` prints for that question (the test's own pick)."""
    main([*REQUEST, "--seed", str(seed), "--check"])
    versions: dict[str, dict[int, str]] = {}
    current = ""
    for line in capsys.readouterr().out.splitlines():
        if line.startswith("== version "):
            current = line.split()[2]
            versions[current] = {}
        elif match := LINE.match(line):
            number, kind, text = int(match.group(1)), match.group(2), match.group(3)
            if kind == "match":
                text = text.split(" -> ")[0]
            elif kind == "order":
                text = text.split("; ")[0].removeprefix("1) ")
            piece = max((p.strip() for p in re.split(r"_{3,}", text)), key=len)
            versions[current][number] = " ".join(piece.split()[:4])
    return versions


def html_questions(path) -> dict[int, str]:
    """Number -> the plain text the sheet prints from that number to the next."""
    chunks = re.split(r'data-number="(\d+)"', path.read_text(encoding="utf-8"))
    plain = [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", c))) for c in chunks]
    return {int(chunks[i]): plain[i + 1] for i in range(1, len(chunks), 2)}


@pytest.mark.parametrize(("seed", "pdf"), [(1, False), (2, False), (5, False), (1, True), (3, True)])
def test_check_numbers_every_question_as_the_written_sheet_does(seed, pdf, tmp_path, capsys, monkeypatch):
    """Every question of both versions: the number `--check` gives it is the number the HTML
    prints it under, whether or not the sheet is also printed to PDF (compact or not)."""
    listed = check_listing(seed, capsys)
    extra = ["--pdf"] if pdf else []
    if pdf:
        monkeypatch.setenv("QUIZGEN_BROWSER", browser_or_skip())
    assert main([*REQUEST, "--seed", str(seed), "--out", str(tmp_path), *extra]) == 0
    [folder] = (tmp_path / "print").glob("*/*")
    assert listed.keys() == {"A", "B"}
    for version, numbers in listed.items():
        printed = html_questions(next(folder.glob(f"*-{version}.html")))
        assert sorted(printed) == sorted(numbers) == list(range(1, 31))
        for number, words in numbers.items():
            # spacing around a blank's gap differs between the listing and the page: compare without it
            assert words.replace(" ", "") in printed[number].replace(" ", ""), (version, number, words)
    if pdf:
        assert list(folder.glob("*.pdf"))
