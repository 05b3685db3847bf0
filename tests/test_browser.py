"""Real headless Chromium: it renders the worksheet, prints it, and the PDF pages hold together."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from helpers import browser_or_skip, bundled

from quizgen.browser import find_browser, print_pdf, print_pdfs, screenshot
from quizgen.cli import main
from quizgen.errors import BrowserNotFound
from quizgen.worksheet.options import SheetOptions
from quizgen.worksheet.writer import build_set, write_sets


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Version A of a 24-question worksheet as HTML, and as a PDF printed by Chromium."""
    browser = browser_or_skip()
    from pypdf import PdfReader

    out = tmp_path_factory.mktemp("printed")
    bank = bundled()
    sheet_set = build_set(bank, bank, SheetOptions(count=24, versions=2, seed=2), "review", "Review", "Sub")
    write_sets([sheet_set], out, browser)
    folder = out / "review"
    pdf = print_pdf(folder / "review-A.html", folder / "review-A.pdf", browser)
    pages = [flat(page.extract_text()) for page in PdfReader(str(pdf)).pages]
    return sheet_set.sheets[0], pages, folder, browser


def body(page: str) -> str:
    """A page's text without its footer ('Version A · page 2 of 3')."""
    return re.sub(r"(answerkey)?version[a-z]page\d+of\d+", "", page)


def flat(text: str) -> str:
    """Letters and digits only, so line breaks and spacing in extracted text do not matter."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def parts_of(item) -> list[str]:
    """The texts one question prints: its number with the start of its prompt, and its last line."""
    q = item.question
    if item.type == "mcq":
        return [f"{item.number}{flat(q.prompt)[:40]}", flat(q.options[-1])]
    if item.type == "blank":
        return [f"{item.number}{flat(q.before)[:40]}", flat(q.after)[-30:]]
    if item.type == "tf":
        return [f"{item.number}tf{flat(q.statement)[:40]}", flat(q.statement)[-30:]]
    if item.type == "match":
        return [f"{item.number}{flat(q.prompt)}", flat(q.left[-1]), flat(q.right[-1])]
    return [f"{item.number}{flat(q.prompt)}", flat(q.items[0]), flat(q.items[-1])]


def test_no_question_is_split_across_pages(printed):
    sheet, pages, _, _ = printed
    key_page = len(pages)
    assert key_page >= 2
    for item in sheet.items:
        first, *rest = parts_of(item)
        where = [i for i, text in enumerate(pages[:key_page]) if first in text]
        assert len(where) == 1, (item.number, first)
        assert all(part in pages[where[0]] for part in rest), (item.number, where[0])


def test_the_answer_key_is_numbered_as_key_pages_not_student_pages(printed):
    sheet, pages, folder, browser = printed
    from pypdf import PdfReader

    assert all("answerkey" not in text for text in pages)  # the student copy holds no key
    assert parts_of(sheet.items[-1])[0] in pages[-1]
    pdf = print_pdf(folder / "review-A-key.html", folder / "key-A.pdf", browser)
    keys = [flat(page.extract_text()) for page in PdfReader(str(pdf)).pages]
    for number, text in enumerate(keys, start=1):
        assert f"answerkeyversionapage{number}of{len(keys)}" in text
        assert not re.search(r"(?<!answerkey)versionapage", text)
    assert body(keys[0]).startswith("answerkey")


def test_pages_are_numbered_and_a4(printed):
    _, pages, folder, _ = printed
    from pypdf import PdfReader

    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"versionapage{number}of{total}" in text
    box = PdfReader(str(folder / "review-A.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_combined_pdf_has_every_version_and_no_key(printed):
    _, _, folder, _ = printed
    from pypdf import PdfReader

    pages = [flat(p.extract_text()) for p in PdfReader(str(folder / "review.pdf")).pages]
    assert any("versionapage1" in p for p in pages) and any("versionbpage1" in p for p in pages)
    assert not any("answerkey" in p for p in pages)
    keys = [flat(p.extract_text()) for p in PdfReader(str(folder / "review-key.pdf")).pages]
    assert body(keys[0]).startswith("answerkey") and any("answerkeyversionbpage1" in p for p in keys)


def test_letter_paper_prints_as_letter(tmp_path):
    browser = browser_or_skip()
    from pypdf import PdfReader

    bank = bundled()
    sheet_set = build_set(bank, bank, SheetOptions(count=6, paper="Letter"), "letter", "L", "S")
    write_sets([sheet_set], tmp_path)
    pdf = print_pdf(tmp_path / "letter" / "letter-A.html", tmp_path / "letter.pdf", browser)
    box = PdfReader(str(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_screenshot_of_the_worksheet_is_not_blank(printed, tmp_path):
    _, _, folder, browser = printed
    png = screenshot(folder / "review-A.html", tmp_path / "shot.png", 800, 1000, browser)
    width, height, pixels = read_png(png.read_bytes())
    assert (width, height) == (800, 1000)
    dark = sum(1 for value in pixels if value < 100)
    assert 0.005 < dark / len(pixels) < 0.5  # text on a white page, not an empty or black one


def test_print_command_writes_pdfs(tmp_path, capsys):
    browser_or_skip()
    assert main(["print", "--pdf", "--versions", "2", "-n", "8", "--title", "Quick check", "--out", str(tmp_path)]) == 0
    [folder] = (tmp_path / "print" / "nato-russia").glob("quick-check-*")
    assert (folder / f"{folder.name}.pdf").read_bytes().startswith(b"%PDF")
    assert (folder / f"{folder.name}-key.pdf").read_bytes().startswith(b"%PDF")


def test_a_missing_page_is_an_error_not_a_blank_pdf(tmp_path):
    browser = browser_or_skip()
    from quizgen.errors import OutputError

    with pytest.raises(OutputError):
        print_pdfs([(tmp_path / "missing.html", tmp_path / "out.pdf")], browser)
    assert not (tmp_path / "out.pdf").exists()


def test_no_browser_found_names_how_to_install_one(monkeypatch, tmp_path):
    monkeypatch.delenv("QUIZGEN_BROWSER", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("quizgen.browser.KNOWN_PATHS", ())
    with pytest.raises(BrowserNotFound, match=r"apt-get install chromium"):
        find_browser()


def test_the_browser_can_be_chosen_by_environment(monkeypatch, tmp_path):
    fake = tmp_path / "my-chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("QUIZGEN_BROWSER", str(fake))
    assert find_browser() == str(fake)


def read_png(data: bytes) -> tuple[int, int, list[int]]:
    """Width, height and the grey value of every pixel of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks = 8, {}
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        chunks.setdefault(kind, []).append(data[position + 8 : position + 8 + length])
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    assert depth == 8 and colour in (2, 6)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride, previous, grey = width * channels, bytearray(width * channels), []
    for row in range(height):
        kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1 : (row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        grey += [sum(line[i : i + 3]) // 3 for i in range(0, stride, channels)]
        previous = line
    return width, height, grey


def footers(pdf: Path) -> list[str]:
    """The footer of every page, read back with pdftotext ('' for a blank page)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    return [
        (re.findall(r"((?:Answer key, version|Version) [A-Z] · page \d+ of \d+)", page) or [""])[-1] for page in pages
    ]


def test_printed_versions_are_numbered_on_their_own_and_start_on_a_front_page(tmp_path):
    """`quizgen print --versions 3 --pdf`, read back: every version numbered from 1 of its own total,
    the key numbered as key pages, and (duplex, the default) every version on an odd page."""
    browser_or_skip()
    command = [
        sys.executable,
        "-m",
        "quizgen",
        "print",
        "--versions",
        "3",
        "--pdf",
        "-n",
        "15",
        "--source",
        "003",
        "--title",
        "duplex-check",
        "--out",
        str(tmp_path),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "print" / "nato-russia" / "duplex-check"
    texts = subprocess.run(
        ["pdftotext", "-layout", str(folder / "duplex-check.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")[:-1]
    for pdf, label in (
        (folder / "duplex-check.pdf", "Version"),
        (folder / "duplex-check-key.pdf", "Answer key, version"),
    ):
        pages = footers(pdf)
        starts = [i + 1 for i, f in enumerate(pages) if f.endswith(" · page 1 of " + f.split(" of ")[-1]) and f]
        assert [pages[s - 1].split(" · ")[0] for s in starts] == [f"{label} {v}" for v in "ABC"]
        for number, start in enumerate(starts):
            total = int(pages[start - 1].split(" of ")[1])
            own = pages[start - 1 : start - 1 + total]
            letter = pages[start - 1].split(" · ")[0][-1]
            assert own == [f"{label} {letter} · page {n} of {total}" for n in range(1, total + 1)]
            if label == "Version":
                assert start % 2 == 1, (pdf.name, pages)  # a front page when printed double-sided
                last = number == len(starts) - 1
                padding = pages[start - 1 + total : start - 1 + total + total % 2]
                # the page that keeps the next version on a front says it is blank; none after the last
                assert padding == ([] if last else [""] * (total % 2))
                for index in range(start - 1 + total, start - 1 + total + len(padding)):
                    assert "This page is intentionally left blank" in texts[index]
        if label == "Version":  # odd-length versions but the last were padded (checked above), and only they
            odd = [int(pages[s - 1].split(" of ")[1]) % 2 for s in starts[:-1]]
            assert pages.count("") == sum(odd)
        else:
            assert "" not in pages  # keys are printed for the teacher: no padding
    # without duplex no blank pages; and a smaller set replaces the larger one whole
    done = subprocess.run([*command[:5], "2", *command[6:], "--no-duplex"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [
            "duplex-check-A.html",
            "duplex-check-A-key.html",
            "duplex-check-B.html",
            "duplex-check-B-key.html",
            "duplex-check.pdf",
            "duplex-check-key.pdf",
        ]
    )
    assert "" not in footers(folder / "duplex-check.pdf")
    assert not [p for p in (tmp_path / "print" / "nato-russia").iterdir() if p.name.startswith(".staging")]
