"""Every finding of the 2026-11-29 robustness review, by its number, through the real CLI.

Each test builds the review's one-article bank (repro/setup.sh) in tmp_path, runs `quizgen` as a
subprocess and asserts the exit code, the one-line `file:line:` message, no traceback, and that
nothing half-written is left behind.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ("The NATO-Russia Council was created in May 2002 in Rome. "
        "Anders Fogh Rasmussen was NATO Secretary General in 2010.")
SOURCES = '"100":\n  file: 100.txt\n  title: A sample article\n  outlet: Test Gazette\n  year: 2011\n'
FACT = ('source: "100"\nfacts:\n  - id: nrc-created\n'
        '    q: In which year was the NATO-Russia Council created?\n    a: "2002"\n    kind: year\n'
        '    quote: The NATO-Russia Council was created in May 2002 in Rome.\n    stance: fact\n')
F = "decks/x/facts.yaml"


def quizgen(root: Path, *args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=root, capture_output=True,
                          text=True, timeout=timeout, **kwargs)


def check(root: Path, **kwargs) -> subprocess.CompletedProcess:
    return quizgen(root, "check", "--decks", "decks", "--seeds", "seeds", **kwargs)


def one_problem(result: subprocess.CompletedProcess) -> str:
    """The single problem line of a failed check; exit 2, no traceback, nothing on stdout."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    problem, summary = result.stderr.splitlines()
    assert summary == "quizgen: 1 problem in the fact bank; nothing was written"
    return problem


@pytest.fixture
def bank(tmp_path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "decks" / "x").mkdir(parents=True)
    (tmp_path / "seeds" / "100.txt").write_text(SEED)
    (tmp_path / "seeds" / "sources.yaml").write_text(SOURCES)
    (tmp_path / F).write_text(FACT)
    return tmp_path


@pytest.fixture
def realbank(tmp_path) -> Path:
    shutil.copytree(ROOT / "decks", tmp_path / "decks")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def probe(extra: str, source: str = "003") -> str:
    quote = ("This article explores the status of NATO-Russia relations in particular since the NATO "
             "Summit that took place in Lisbon in November of 2010.")
    # a probe's answer is not in the quote: `derived` says so, so the probe shows only its own problem
    return (f'source: "{source}"\nfacts:\n  - id: zz-probe\n{extra}    quote: {quote}\n'
            f'    derived: A probe; the answer does not come from the quote.\n    stance: fact\n')


# ---- HIGH ------------------------------------------------------------------------------------

@pytest.mark.parametrize("special", ["dev-zero-symlink", "fifo"])
def test_h1_special_files_are_refused_before_reading(bank, special):
    target = bank / "decks" / "x" / "zz.yaml"
    if special == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    problem = one_problem(check(bank, timeout=20))  # a hang or a MemoryError would fail here
    assert problem == "decks/x/zz.yaml:1: not a regular file (a FIFO, device or socket); refusing to read it"


def test_h1_seed_symlink_to_dev_zero_is_refused(bank):
    (bank / "seeds" / "100.txt").unlink()
    (bank / "seeds" / "100.txt").symlink_to("/dev/zero")
    problem = one_problem(check(bank, timeout=20))
    assert problem == "seeds/sources.yaml:2: seed '100': cannot read seeds/100.txt: it links outside the seeds folder"


def test_h2_a_200_mb_fact_file_is_refused_by_size_before_parsing(bank):
    with open(bank / F, "ab") as handle:
        handle.truncate(200_000_000)  # sparse: costs no disk, but stat says 200 MB
    started = time.monotonic()
    problem = one_problem(check(bank, timeout=20))
    assert problem == f"{F}:1: file too large (190.7 MB, at most 2.0 MB)"
    assert time.monotonic() - started < 10


# ---- MEDIUM ----------------------------------------------------------------------------------

@pytest.mark.parametrize("extra, message", [
    ("    note: !!bool maybe\n", f"{F}:9: malformed YAML: invalid !!bool value 'maybe' (not a valid value)"),
    ("    when: !!timestamp soon\n    event: Creation\n",
     f"{F}:9: malformed YAML: invalid !!timestamp value 'soon' (not a valid value)"),
])
def test_m1_bad_tagged_values_are_one_line(bank, extra, message):
    (bank / F).write_text(FACT + extra)
    assert one_problem(check(bank)) == message


@pytest.mark.parametrize("when", ["2010-00", "2010-11-00", "2010-02-30"])
def test_m2_month_or_day_00_is_not_a_date_and_build_writes_nothing(realbank, when):
    extra = f'    q: "Probe: where was the probe event held?"\n    a: Lisbon\n    kind: place\n' \
            f'    when: "{when}"\n    event: Probe event at Lisbon\n'
    (realbank / "decks" / "nato-russia" / "zz-probe.yaml").write_text(probe(extra))
    message = one_problem(check(realbank))
    assert message.startswith("decks/nato-russia/zz-probe.yaml:7: fact 'zz-probe': field 'when' must be a real date")
    build = quizgen(realbank, "build", "--no-pdf", "--decks", "decks", "--seeds", "seeds", "--out", "out")
    assert build.returncode == 2 and "Traceback" not in build.stderr
    assert not (realbank / "out").exists()


@pytest.mark.parametrize("answer", ["30 February 2021", "1 January 0000", "00 May 2002"])
def test_m3_impossible_date_answers_are_rejected(realbank, answer):
    extra = f'    q: "Probe: on what date was the probe treaty signed?"\n    a: "{answer}"\n    kind: date\n'
    (realbank / "decks" / "nato-russia" / "zz-probe.yaml").write_text(probe(extra))
    assert one_problem(check(realbank)) == (
        f"decks/nato-russia/zz-probe.yaml:5: fact 'zz-probe': kind 'date' needs a real date like "
        f"\"24 February 2022\"; got '{answer}'")


def test_m4_nul_in_a_seed_file_name_is_one_line(bank):
    (bank / "seeds" / "sources.yaml").write_text('"100":\n  file: "100\\0.txt"\n  title: A sample article\n')
    assert one_problem(check(bank)) == (
        "seeds/sources.yaml:2: seed '100': field 'file' contains a control character (U+0000)")


AS_NOBODY = """
import os, sys
import locale, gettext  # imported while the checkout and the standard library are readable
import quizgen.commands, quizgen.bank.loader, quizgen.summary
from quizgen.cli import build_parser, main
build_parser()
os.setgid(65534); os.setuid(65534)
sys.exit(main(sys.argv[1:]))
"""


def test_m6_a_deck_folder_that_cannot_be_read_is_one_line(bank):
    """As an unprivileged user (root ignores file modes): the test drops to `nobody` when root."""
    (bank / "decks" / "x").chmod(0)
    bank.chmod(0o755)
    for folder in (bank / "decks", bank / "seeds"):
        folder.chmod(0o755)
    command = [sys.executable, "-c", AS_NOBODY] if os.geteuid() == 0 else [sys.executable, "-m", "quizgen"]
    try:
        result = subprocess.run([*command, "check", "--decks", "decks", "--seeds", "seeds"], cwd=bank,
                                capture_output=True, text=True, timeout=60)
    finally:
        (bank / "decks" / "x").chmod(0o755)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "decks/x:1: cannot read deck folder: Permission denied"


def test_m8_output_piped_into_a_closed_pipe_ends_quietly(bank):
    for n in range(300):  # a long summary: the reader closes before it is written
        (bank / "seeds" / f"{n:03d}x.txt").write_text(SEED)
    (bank / "seeds" / "sources.yaml").write_text(SOURCES + "".join(
        f'"{n:03d}x":\n  file: {n:03d}x.txt\n  title: Article {n}\n' for n in range(300)))
    for name in ("check", "build"):
        args = [sys.executable, "-m", "quizgen", name, "--decks", "decks", "--seeds", "seeds"]
        if name == "build":
            args += ["--no-pdf", "--out", "out"]
        writer = subprocess.Popen(args, cwd=bank, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        writer.stdout.readline()
        writer.stdout.close()  # what `| head -1` does
        _, err = writer.communicate(timeout=60)
        assert b"Traceback" not in err and b"BrokenPipe" not in err, err
        assert writer.returncode in (0, 141)


@pytest.mark.parametrize("quote", ["in", "NATO", "e", '"."', '"2002"', '"ouncil was cr"'])
def test_m9_trivial_quotes_are_rejected(bank, quote):
    (bank / F).write_text(FACT.replace("    quote: The NATO-Russia Council was created in May 2002 in Rome.",
                                       f"    quote: {quote}"))
    problem = one_problem(check(bank))
    assert problem.startswith(f"{F}:7: fact 'nrc-created': ") and "quote" in problem


@pytest.mark.parametrize("written, kind, kept", [
    # blanks are made for names, places, dates and numbers (a `term` gap takes many words)
    ("12:30", "organization", "12:30"), (".nan", "organization", ".nan"), ("2.50", "number", "2.50"),
    ("0700", "number", "0700"), ("0x7D2", "organization", "0x7D2"), ("yes", "organization", "yes")])
def test_m10_plain_answers_stay_as_written(bank, written, kind, kept):
    (bank / F).write_text(FACT.replace('a: "2002"', f"a: {written}").replace("kind: year", f"kind: {kind}")
                          .replace("quote:", f"cloze: 'The probe answer is {{{{c1::{written}}}}} as written.'\n"
                                   "    derived: A probe of how the answer is read.\n    quote:"))
    assert check(bank).returncode == 0
    result = quizgen(bank, "print", "--decks", "decks", "--seeds", "seeds", "--out", "out", "--types",
                     "blank", "-n", "1", "--title", "t")
    assert result.returncode == 0, result.stderr
    key = (bank / "out/print/x/t/t-A-key.html").read_text()
    assert re.search(rf">\s*{re.escape(kept)}\s*<", key), key[-1500:]
    answer = quizgen(bank, "quiz", "practice", "-n", "1", "--style", "typed", "--db", "db.sqlite",
                     "--decks", "decks", "--seeds", "seeds", input="x\n")
    assert f"{kept}" in answer.stdout, answer.stdout


@pytest.mark.parametrize("when", ["02002", "33:30", "0x7D2"])
def test_m10_when_is_read_from_the_text_written(bank, when):
    (bank / F).write_text(FACT + f"    when: {when}\n    event: Creation\n")
    assert one_problem(check(bank)) == (
        f"{F}:9: fact 'nrc-created': field 'when' must be a real date as YYYY, YYYY-MM or YYYY-MM-DD; "
        f"got '{when}'")


@pytest.mark.parametrize("where, text, message", [
    ("decks/x/deck.yaml", 'title: "\\e]0;PWNED\\a\\e[2JDeck"\n',
     "decks/x/deck.yaml:1: field 'title' contains a control character (U+001B)"),
    ("seeds/sources.yaml", SOURCES.replace("A sample article", '"\\e[41mArticle\\u202eelcitrA"'),
     "seeds/sources.yaml:3: seed '100': field 'title' contains a control character (U+001B)"),
    ("seeds/sources.yaml", SOURCES.replace("Test Gazette", '"Gazette\\nfake.yaml:9: forged"'),
     "seeds/sources.yaml:4: seed '100': field 'outlet' contains a control character (U+000A)"),
    (F, FACT + '    alt: ["a\\0b"]\n', f"{F}:9: fact 'nrc-created': field 'alt' contains a control character (U+0000)"),
    (F, FACT + '    distractors: ["\\e[2J1999"]\n',
     f"{F}:9: fact 'nrc-created': field 'distractors' contains a control character (U+001B)"),
    (F, FACT.replace("created?", 'created?\\u202e"').replace("q: In", 'q: "In'),
     f"{F}:4: fact 'nrc-created': field 'q' contains a bidirectional-override character (U+202E)"),
    (F, FACT.replace("created?", 'created?\\x9b"').replace("q: In", 'q: "In'),
     f"{F}:4: fact 'nrc-created': field 'q' contains a control character (U+009B)"),
])
def test_m11_escape_sequences_never_reach_the_terminal(bank, where, text, message):
    (bank / where).write_text(text)
    result = check(bank)
    assert one_problem(result) == message
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


def test_m11_a_deck_folder_name_with_a_line_break_is_refused(bank):
    (bank / "decks" / "x").rename(bank / "decks" / "a\nfake.yaml:1: forged")
    result = quizgen(bank, "anki", "--decks", "decks", "--seeds", "seeds", "--out", "out")
    assert result.returncode == 2 and result.stdout == "" and not (bank / "out").exists()
    assert result.stderr.splitlines()[0] == (
        "decks/a\\nfake.yaml:1: forged:1: deck folder name contains a control character (U+000A)")


@pytest.mark.parametrize("cloze, why", [
    ("{{c1::{2002}}}", "deletion c1 contains a stray '{' or '}'"),
    ("{{c1:::2002}}", "deletion c1 has ':::'"),
    ("{{{c1::2002}}", "stray '{' or '}' next to a deletion"),
    ("{{c1::2002}}}", "stray '{' or '}' next to a deletion"),
    ("{{c1::2002:: }}", "deletion c1 has an empty hint"),
])
def test_m12_malformed_clozes_are_rejected(bank, cloze, why):
    (bank / F).write_text(FACT + f"    cloze: 'The Council was created in {cloze}.'\n")
    problem = one_problem(check(bank))
    assert problem.startswith(f"{F}:9: fact 'nrc-created': field 'cloze': {why}")


def test_m13_sigterm_cleans_up_and_stale_staging_is_swept(realbank):
    out = realbank / "build"
    stale = out / "print" / "nato-russia" / ".staging-999999999-dead"
    stale.mkdir(parents=True)
    (stale / "half.html").write_text("<p>half")
    args = [sys.executable, "-m", "quizgen", "build", "--decks", "decks", "--seeds", "seeds", "--out", "build"]
    assert subprocess.run([*args, "--no-pdf"], cwd=realbank, capture_output=True).returncode == 0
    assert not stale.exists()  # a dead build's staging folder goes at the next run
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    tmp = Path(tempfile.mkdtemp(prefix="qg-"))  # short: Chromium's socket paths must fit 108 bytes
    for delay in (1.0, 1.6, 2.4):  # after start-up: SIGTERM during loading, HTML and PDF printing
        build = subprocess.Popen(args, cwd=realbank, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 env={**os.environ, "TMPDIR": str(tmp)})
        time.sleep(delay)
        build.send_signal(signal.SIGTERM)
        _, err = build.communicate(timeout=60)
        assert b"Traceback" not in err
        assert build.returncode in (0, 143), (delay, err)
    assert not list(out.rglob(".staging-*")) and not list(tmp.glob("quizgen-browser-*"))
    tmp.rmdir()
    after = {p for p in out.rglob("*") if p.is_file()}
    sets = {p.parent for p in after if p.suffix == ".html" and "print" in p.parts}
    for folder in sets:  # a set is whole: every version has its key, from the same build
        versions = {p.name.rsplit("-", 1)[-1] for p in folder.glob("*.html") if not p.name.endswith("-key.html")}
        keys = {p.name.rsplit("-", 2)[-2] + ".html" for p in folder.glob("*-key.html")}
        assert versions == keys
    assert set(before) <= after


def test_m13_a_new_set_replaces_the_old_one_whole(bank):
    base = ["print", "--decks", "decks", "--seeds", "seeds", "--out", "out", "--title", "t", "-n", "1",
            "--types", "mcq"]
    for versions in ("3", "1"):
        assert quizgen(bank, *base, "--versions", versions).returncode == 0
    assert sorted(p.name for p in (bank / "out/print/x/t").iterdir()) == ["t-A-key.html", "t-A.html"]


@pytest.mark.parametrize("decks, deck_name", [(".", "x"), ("..", "decks")])
def test_m14_dot_paths_name_the_deck_after_the_folder(bank, decks, deck_name):
    cwd = bank / "decks" / "x"
    if decks == "..":
        (cwd / "sub").mkdir()
        cwd = cwd / "sub"
    seeds = os.path.relpath(bank / "seeds", cwd)
    result = quizgen(cwd, "build", "--no-pdf", "--decks", decks, "--seeds", seeds, "--out", str(bank / "out"))
    if decks == "..":  # decks/x holds facts.yaml, so `..` from sub is the deck folder x itself
        deck_name = "x"
    assert result.returncode == 0, result.stderr
    assert (bank / "out" / "anki" / f"{deck_name}.apkg").is_file()
    assert sorted(p.name for p in (bank / "out" / "print").iterdir()) == [deck_name]


@pytest.mark.parametrize("damage, message", [
    ("directory", "anki-versions.json:1: cannot read file: Is a directory"),
    ("huge-mtime", "anki-versions.json:1: not a quizgen Anki ledger"),
    ("deep", "anki-versions.json:1: not valid JSON (nested too deeply)"),
    ("epoch", "quizgen: SOURCE_DATE_EPOCH must be whole seconds since 1970"),
])
def test_m5_ledger_and_source_date_epoch_edge_cases_are_one_line(realbank, damage, message):
    ledger = realbank / "decks" / "nato-russia" / "anki-versions.json"
    env = dict(os.environ)
    if damage == "directory":
        ledger.unlink()
        ledger.mkdir()
    elif damage == "huge-mtime":
        import json
        data = json.loads(ledger.read_text())
        data["notes"][next(iter(data["notes"]))]["mtime"] = 2**63
        ledger.write_text(json.dumps(data))
    elif damage == "deep":
        ledger.write_text("[" * 100000 + "]" * 100000)
    else:
        env["SOURCE_DATE_EPOCH"] = str(2**63)
        qfile = realbank / "decks" / "nato-russia" / "003-fair-observer-2011.yaml"
        qfile.write_text(qfile.read_text().replace("met at summit level in Lisbon", "met (edited) at summit level in Lisbon"))
    result = quizgen(realbank, "anki", "--decks", "decks", "--seeds", "seeds", "--out", "out", env=env)
    assert "Traceback" not in result.stderr and result.returncode != 0, result.stderr
    assert message in result.stderr.splitlines()[0]
    assert not (realbank / "out" / "anki").exists() or damage == "epoch"


def test_l1_merge_keys_and_bare_equals(bank):
    (bank / F).write_text(FACT + "    note: =\n")
    assert check(bank).returncode == 0  # '=' is kept as the text it is
    (bank / F).write_text(FACT + "    <<: {note: x}\n")
    assert one_problem(check(bank)) == f"{F}:9: malformed YAML: merge keys (<<) are not supported; repeat the fields"


def test_l2_line_numbers_in_cr_only_files(bank):
    text = FACT.replace("\n", "\r").replace("stance: fact", "stance: f\xe9ct")
    (bank / F).write_bytes(text.encode("latin-1"))
    assert one_problem(check(bank)) == f"{F}:8: not UTF-8 text (byte 0xe9)"


def test_l3_double_bom(bank):
    (bank / F).write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + FACT.encode())
    assert one_problem(check(bank)) == f"{F}:1: stray byte-order mark (U+FEFF); remove it"


def test_l4_unquoted_seed_ids_are_read_as_written(bank):
    (bank / "seeds" / "sources.yaml").write_text(SOURCES.replace('"100":', "100:"))
    (bank / F).write_text(FACT.replace('source: "100"', "source: 100"))
    assert check(bank).returncode == 0
    (bank / F).write_text(FACT.replace('source: "100"', "source: 0144"))  # was octal for 100
    assert one_problem(check(bank)).startswith(f"{F}:1: field 'source': unknown seed '0144' (known: 100)")


@pytest.mark.parametrize("file", ["/etc/passwd", "../../etc/passwd", "link.txt"])
def test_l5_seed_files_stay_inside_the_seeds_folder(bank, file):
    (bank / "seeds" / "link.txt").symlink_to("/etc/passwd")
    (bank / "seeds" / "sources.yaml").write_text(SOURCES.replace("file: 100.txt", f"file: {file}"))
    (bank / F).write_text(FACT.replace("The NATO-Russia Council was created in May 2002 in Rome.", '"root:x:0:0:root"'))
    problem = one_problem(check(bank))
    assert problem.startswith(f"seeds/sources.yaml:2: seed '100': cannot read seeds/{file}: ")


def test_l8_concurrent_builds_into_one_folder_are_refused(bank):
    import fcntl
    (bank / "out").mkdir()
    with open(bank / "out" / ".quizgen-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = quizgen(bank, "build", "--no-pdf", "--decks", "decks", "--seeds", "seeds", "--out", "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == "quizgen: out: another quizgen run is writing here; try again when it has finished\n"
    assert not (bank / "out" / "anki").exists()


def test_l11_unicode_digits_are_not_years(bank):
    (bank / F).write_text(FACT.replace('a: "2002"', 'a: "٢٠٠٢"\n    derived: A probe of the digits.'))
    assert "needs a four-digit answer" in one_problem(check(bank))
    (bank / F).write_text(FACT + '    when: "٢٠٠٢"\n    event: Creation\n')
    assert "field 'when' must be a real date" in one_problem(check(bank))


@pytest.mark.parametrize("content", ["deck.yaml only", "an empty deck filter"])
def test_l13_a_deck_without_facts_fails_check(bank, content):
    (bank / F).unlink()
    (bank / "decks" / "x" / "deck.yaml").write_text("title: Empty\n")
    assert one_problem(check(bank)) == "decks/x:1: deck 'x' has no facts (add a fact file)"


def test_l9_out_empty_string_is_not_the_current_folder(bank):
    result = quizgen(bank, "build", "--no-pdf", "--decks", "decks", "--seeds", "seeds", "--out", "")
    assert "Traceback" not in result.stderr
    assert result.returncode == 2 and not (bank / "anki").exists(), result.stderr
