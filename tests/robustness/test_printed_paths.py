"""Finding G06 of review rv3-robust: `anki`, `web` and `progress export` printed the path they wrote
as given, so an escape sequence in --out or FILE (a pasted name, a script's variable) reached the
terminal. Each now prints it through `printable`, as `export`, `print` and `preview` do."""

from __future__ import annotations

from test_progress_version import progress_file
from test_review_findings import quizgen, write_review_bank

HOSTILE = "o\x1b[31mRED\u202e"  # an escape sequence that colours the terminal, and a bidi override
SHOWN = "o\\x1b[31mRED\\u202e"  # how printable() writes it: as text, one line


def lines_naming(output: str, command: str) -> list[str]:
    assert "\x1b" not in output and "\u202e" not in output, (command, output)
    return [line for line in output.splitlines() if SHOWN in line]


def test_g06_written_paths_are_printed_escaped(tmp_path):
    bank = ["--decks", "decks", "--seeds", "seeds"]
    root = write_review_bank(tmp_path)
    for command in ("anki", "web"):
        done = quizgen(root, command, *bank, "--out", HOSTILE, timeout=120)
        assert done.returncode == 0, done.stderr
        assert lines_naming(done.stdout, command), (command, done.stdout)  # 'wrote o\x1b[31mRED…/…'
    (root / "in.json").write_text(progress_file(1))
    db = f"p{HOSTILE}.sqlite"
    done = quizgen(root, "progress", "import", "in.json", *bank, "--db", db)
    assert done.returncode == 0 and lines_naming(done.stdout, "progress import"), done.stderr
    done = quizgen(root, "progress", "export", f"out{HOSTILE}.json", *bank, "--db", db)
    assert done.returncode == 0 and lines_naming(done.stdout, "progress export"), done.stderr
    assert (root / f"out{HOSTILE}.json").is_file()  # the file has the name asked for; only its display escapes
