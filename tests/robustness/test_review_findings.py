"""Every finding of the 2026-11-29 robustness review, by its number, through the real CLI.

Each test builds the review's one-article bank (repro/setup.sh) in tmp_path, runs `quizgen` as a
subprocess and asserts the exit code, the one-line `file:line:` message, no traceback, and that
nothing half-written is left behind.
"""

from __future__ import annotations

import json
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
SEED = (
    "The NATO-Russia Council was created in May 2002 in Rome. Anders Fogh Rasmussen was NATO Secretary General in 2010."
)
SOURCES = '"100":\n  file: 100.txt\n  title: A sample article\n  outlet: Test Gazette\n  year: 2011\n'
FACT = (
    'source: "100"\nfacts:\n  - id: nrc-created\n'
    '    q: In which year was the NATO-Russia Council created?\n    a: "2002"\n    kind: year\n'
    "    quote: The NATO-Russia Council was created in May 2002 in Rome.\n    stance: fact\n"
)
F = "decks/x/facts.yaml"


def quizgen(root: Path, *args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args], cwd=root, capture_output=True, text=True, timeout=timeout, **kwargs
    )


def wait_until(ready, timeout: float) -> bool:
    """Poll `ready` every 10 ms until it holds or `timeout` seconds pass (a readiness signal, not a sleep)."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


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


def write_review_bank(root: Path, deck: str = "x") -> Path:
    """The review's one-article bank (repro/setup.sh) in `root`: seed 100, deck `deck`, fact nrc-created."""
    (root / "seeds").mkdir()
    (root / "decks" / deck).mkdir(parents=True)
    (root / "seeds" / "100.txt").write_text(SEED)
    (root / "seeds" / "sources.yaml").write_text(SOURCES)
    (root / "decks" / deck / "facts.yaml").write_text(FACT)
    return root


@pytest.fixture
def bank(tmp_path) -> Path:
    return write_review_bank(tmp_path)


@pytest.fixture
def realbank(tmp_path) -> Path:
    shutil.copytree(ROOT / "decks", tmp_path / "decks")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def probe(extra: str, source: str = "003") -> str:
    quote = (
        "This article explores the status of NATO-Russia relations in particular since the NATO "
        "Summit that took place in Lisbon in November of 2010."
    )
    # a probe's answer is not in the quote: `derived` says so, so the probe shows only its own problem
    return (
        f'source: "{source}"\nfacts:\n  - id: zz-probe\n{extra}    quote: {quote}\n'
        f"    derived: A probe; the answer does not come from the quote.\n    stance: fact\n"
    )


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


@pytest.mark.parametrize(
    "extra, message",
    [
        ("    note: !!bool maybe\n", f"{F}:9: malformed YAML: invalid !!bool value 'maybe' (not a valid value)"),
        (
            "    when: !!timestamp soon\n    event: Creation\n",
            f"{F}:9: malformed YAML: invalid !!timestamp value 'soon' (not a valid value)",
        ),
    ],
)
def test_m1_bad_tagged_values_are_one_line(bank, extra, message):
    (bank / F).write_text(FACT + extra)
    assert one_problem(check(bank)) == message


@pytest.mark.parametrize("when", ["2010-00", "2010-11-00", "2010-02-30"])
def test_m2_month_or_day_00_is_not_a_date_and_build_writes_nothing(realbank, when):
    extra = (
        f'    q: "Probe: where was the probe event held?"\n    a: Lisbon\n    kind: place\n'
        f'    when: "{when}"\n    event: Probe event at Lisbon\n'
    )
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
        f"\"24 February 2022\"; got '{answer}'"
    )


def test_m4_nul_in_a_seed_file_name_is_one_line(bank):
    (bank / "seeds" / "sources.yaml").write_text('"100":\n  file: "100\\0.txt"\n  title: A sample article\n')
    assert one_problem(check(bank)) == (
        "seeds/sources.yaml:2: seed '100': field 'file' contains a control character (U+0000)"
    )


AS_NOBODY = """
import os, sys
import importlib, locale, gettext, pkgutil, string  # while the checkout and the standard library are readable
import quizgen
for module in pkgutil.walk_packages(quizgen.__path__, "quizgen."):  # every module a command may import late
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
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
        result = subprocess.run(
            [*command, "check", "--decks", "decks", "--seeds", "seeds"],
            cwd=bank,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        (bank / "decks" / "x").chmod(0o755)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.splitlines()[0] == "decks/x:1: cannot read deck folder: Permission denied"


def test_m8_output_piped_into_a_closed_pipe_ends_quietly(bank):
    for n in range(300):  # a long summary: the reader closes before it is written
        (bank / "seeds" / f"{n:03d}x.txt").write_text(SEED)
    (bank / "seeds" / "sources.yaml").write_text(
        SOURCES + "".join(f'"{n:03d}x":\n  file: {n:03d}x.txt\n  title: Article {n}\n' for n in range(300))
    )
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
    (bank / F).write_text(
        FACT.replace("    quote: The NATO-Russia Council was created in May 2002 in Rome.", f"    quote: {quote}")
    )
    problem = one_problem(check(bank))
    assert problem.startswith(f"{F}:7: fact 'nrc-created': ") and "quote" in problem


@pytest.mark.parametrize(
    "written, kind, kept",
    [
        # blanks are made for names, places, dates and numbers (a `term` gap takes many words)
        ("12:30", "organization", "12:30"),
        (".nan", "organization", ".nan"),
        ("2.50", "number", "2.50"),
        ("0700", "number", "0700"),
        ("0x7D2", "organization", "0x7D2"),
        ("yes", "organization", "yes"),
    ],
)
def test_m10_plain_answers_stay_as_written(bank, written, kind, kept):
    (bank / F).write_text(
        FACT.replace('a: "2002"', f"a: {written}")
        .replace("kind: year", f"kind: {kind}")
        .replace(
            "quote:",
            f"cloze: 'The probe answer is {{{{c1::{written}}}}} as written.'\n"
            "    derived: A probe of how the answer is read.\n    quote:",
        )
    )
    assert check(bank).returncode == 0
    result = quizgen(
        bank,
        "print",
        "--decks",
        "decks",
        "--seeds",
        "seeds",
        "--out",
        "out",
        "--types",
        "blank",
        "-n",
        "1",
        "--title",
        "t",
    )
    assert result.returncode == 0, result.stderr
    key = (bank / "out/print/x/t/t-A-key.html").read_text()
    assert re.search(rf">\s*{re.escape(kept)}\s*<", key), key[-1500:]
    answer = quizgen(
        bank,
        "quiz",
        "practice",
        "-n",
        "1",
        "--style",
        "typed",
        "--db",
        "db.sqlite",
        "--decks",
        "decks",
        "--seeds",
        "seeds",
        input="x\n",
    )
    assert f"{kept}" in answer.stdout, answer.stdout


@pytest.mark.parametrize("when", ["02002", "33:30", "0x7D2"])
def test_m10_when_is_read_from_the_text_written(bank, when):
    (bank / F).write_text(FACT + f"    when: {when}\n    event: Creation\n")
    assert one_problem(check(bank)) == (
        f"{F}:9: fact 'nrc-created': field 'when' must be a real date as YYYY, YYYY-MM or YYYY-MM-DD; got '{when}'"
    )


@pytest.mark.parametrize(
    "where, text, message",
    [
        (
            "decks/x/deck.yaml",
            'title: "\\e]0;PWNED\\a\\e[2JDeck"\n',
            "decks/x/deck.yaml:1: field 'title' contains a control character (U+001B)",
        ),
        (
            "seeds/sources.yaml",
            SOURCES.replace("A sample article", '"\\e[41mArticle\\u202eelcitrA"'),
            "seeds/sources.yaml:3: seed '100': field 'title' contains a control character (U+001B)",
        ),
        (
            "seeds/sources.yaml",
            SOURCES.replace("Test Gazette", '"Gazette\\nfake.yaml:9: forged"'),
            "seeds/sources.yaml:4: seed '100': field 'outlet' contains a control character (U+000A)",
        ),
        (
            F,
            FACT + '    alt: ["a\\0b"]\n',
            f"{F}:9: fact 'nrc-created': field 'alt' contains a control character (U+0000)",
        ),
        (
            F,
            FACT + '    distractors: ["\\e[2J1999"]\n',
            f"{F}:9: fact 'nrc-created': field 'distractors' contains a control character (U+001B)",
        ),
        (
            F,
            FACT.replace("created?", 'created?\\u202e"').replace("q: In", 'q: "In'),
            f"{F}:4: fact 'nrc-created': field 'q' contains a bidirectional-override character (U+202E)",
        ),
        (
            F,
            FACT.replace("created?", 'created?\\x9b"').replace("q: In", 'q: "In'),
            f"{F}:4: fact 'nrc-created': field 'q' contains a control character (U+009B)",
        ),
    ],
)
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
        "decks/a\\nfake.yaml:1: forged:1: deck folder name contains a control character (U+000A)"
    )


@pytest.mark.parametrize(
    "cloze, why",
    [
        ("{{c1::{2002}}}", "deletion c1 contains a stray '{' or '}'"),
        ("{{c1:::2002}}", "deletion c1 has ':::'"),
        ("{{{c1::2002}}", "stray '{' or '}' next to a deletion"),
        ("{{c1::2002}}}", "stray '{' or '}' next to a deletion"),
        ("{{c1::2002:: }}", "deletion c1 has an empty hint"),
    ],
)
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
    # SIGTERM at readiness signals, not after fixed sleeps: while a staging folder is being
    # written, and while a browser prints PDFs (its temporary profile exists)
    for stage, started in (
        ("staging", lambda: any(out.rglob(".staging-*"))),
        ("printing", lambda: any(tmp.glob("quizgen-browser-*"))),
    ):
        build = subprocess.Popen(
            args,
            cwd=realbank,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "TMPDIR": str(tmp)},
        )
        assert wait_until(lambda started=started, build=build: started() or build.poll() is not None, timeout=60)
        build.send_signal(signal.SIGTERM)
        _, err = build.communicate(timeout=60)
        assert b"Traceback" not in err
        # notes the build printed before the signal may come first; the last line says why it stopped
        assert build.returncode == 143 and err.endswith(b"quizgen: interrupted\n"), (stage, err)
    assert not list(out.rglob(".staging-*")) and not list(tmp.glob("quizgen-browser-*"))
    tmp.rmdir()
    after = {p for p in out.rglob("*") if p.is_file()}
    sets = {p.parent for p in after if p.suffix == ".html" and "print" in p.parts}
    for folder in sets:  # a set is whole: every version has its key, from the same build
        versions = {p.name.rsplit("-", 1)[-1] for p in folder.glob("*.html") if not p.name.endswith("-key.html")}
        keys = {p.name.rsplit("-", 2)[-2] + ".html" for p in folder.glob("*-key.html")}
        assert versions == keys
    assert set(before) <= after


# one multiple-choice question on a sheet titled 't', into out/
PRINT_ONE_MCQ = tuple("print --decks decks --seeds seeds --out out --title t -n 1 --types mcq".split())


def test_m13_a_new_set_replaces_the_old_one_whole(bank):
    base = list(PRINT_ONE_MCQ)
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


@pytest.mark.parametrize(
    "damage, message",
    [
        ("directory", "anki-versions.json:1: cannot read file: Is a directory"),
        ("huge-mtime", "anki-versions.json:1: not a quizgen Anki ledger"),
        ("deep", "anki-versions.json:1: not valid JSON (nested too deeply)"),
        ("epoch", "quizgen: SOURCE_DATE_EPOCH must be whole seconds since 1970"),
    ],
)
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
        qfile.write_text(
            qfile.read_text().replace("met at summit level in Lisbon", "met (edited) at summit level in Lisbon")
        )
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


# ---- M7, L12: the progress database and the clock ------------------------------------------------


def one_line(result: subprocess.CompletedProcess, code: int) -> str:
    """The single stderr line of a refused command, with its exit code and no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, result.stderr
    [line] = result.stderr.splitlines()
    return line


def study(root: Path, *args: str, now: str | None = None, tz: str = "UTC", answer: str = "x\n"):
    env = {**os.environ, "TZ": tz, "NO_COLOR": "1"}
    if now:
        env["QUIZGEN_NOW"] = now
    if args[0] == "quiz":
        args = (*args, "--style", "typed")
    return quizgen(root, *args, "--decks", "decks", "--seeds", "seeds", input=answer, env=env)


def sqlite_file(path: Path, user_version: int, *statements: str) -> bytes:
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {user_version}")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return path.read_bytes()


def test_m7_a_foreign_database_is_refused_and_left_untouched(bank):
    before = sqlite_file(bank / "v1.sqlite", 1, "CREATE TABLE other(a)")
    for command in (("stats",), ("quiz", "practice", "-n", "1")):
        assert one_line(study(bank, *command, "--db", "v1.sqlite"), 1) == (
            "quizgen: v1.sqlite: not a quizgen progress database (its tables: other); it was left "
            "untouched; choose another file with --db"
        )
    assert (bank / "v1.sqlite").read_bytes() == before


def test_m7_a_card_with_a_bad_due_date_is_one_line_and_the_file_is_kept(bank):
    import sqlite3

    assert (
        study(
            bank, "quiz", "practice", "--schedule", "-n", "1", "--db", "g.sqlite", now="2025-03-01T09:00:00Z"
        ).returncode
        == 0
    )
    connection = sqlite3.connect(bank / "g.sqlite")
    assert connection.execute("UPDATE cards SET due = 'not a date'").rowcount == 1
    connection.commit()
    connection.close()
    damaged = (bank / "g.sqlite").read_bytes()
    # Since issue 20 the damaged card is set aside alone (stats leaves it out and writes nothing;
    # the quiz keeps one copy, then the card starts afresh): one line, exit 0, no other card lost.
    assert one_line(study(bank, "stats", "--db", "g.sqlite"), 0) == (
        "quizgen: g.sqlite: the progress of card 'nrc-created' is damaged (due 'not a date' is not a time); "
        "it is left out of these figures (quizgen quiz keeps a copy and sets it aside)"
    )
    assert not (bank / "g.sqlite.damaged-1").exists()
    assert one_line(study(bank, "quiz", "review", "--db", "g.sqlite"), 0) == (
        "quizgen: g.sqlite: the progress of card 'nrc-created' is damaged (due 'not a date' is not a time); "
        "it is kept in g.sqlite.damaged-1 and the card starts afresh"
    )
    assert (bank / "g.sqlite.damaged-1").read_bytes() == damaged


@pytest.mark.parametrize(
    "now, tz",
    [
        ("9999-12-31T23:59:59Z", "UTC"),
        ("0001-01-01T00:00:00", "Asia/Tokyo"),
        ("0001-01-01T00:00:00Z", "UTC"),
        ("1969-12-31T23:59:59Z", "UTC"),
    ],
)
def test_m7_quizgen_now_out_of_range_is_one_line(bank, now, tz):
    assert (
        study(
            bank, "quiz", "practice", "--schedule", "-n", "1", "--db", "p.sqlite", now="2025-03-01T09:00:00Z"
        ).returncode
        == 0
    )
    before = (bank / "p.sqlite").read_bytes()
    for command in (("stats",), ("quiz", "practice", "--schedule", "-n", "1")):
        assert one_line(study(bank, *command, "--db", "p.sqlite", now=now, tz=tz), 2) == (
            f"quizgen: QUIZGEN_NOW out of range ({now!r}; use a time in the years 1970–2999)"
        )
    assert (bank / "p.sqlite").read_bytes() == before  # nothing recorded


@pytest.mark.parametrize(
    "now, tz", [("2999-12-31T23:59:59Z", "Pacific/Kiritimati"), ("1970-01-01T00:00:00", "Asia/Tokyo")]
)
def test_m7_the_ends_of_the_range_schedule_and_count(bank, now, tz):
    """The range is safe: FSRS schedules past the last day, stats count back before the first."""
    for answer in ("2002\n", "x\n"):
        result = study(
            bank, "quiz", "practice", "--schedule", "-n", "1", "--db", "p.sqlite", now=now, tz=tz, answer=answer
        )
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    stats = study(bank, "stats", "--db", "p.sqlite", now=now, tz=tz)
    assert stats.returncode == 0 and "Traceback" not in stats.stderr, stats.stderr
    assert "Today: 2 reviews" in stats.stdout, stats.stdout


def test_l12_an_unrelated_database_with_user_version_0_is_refused(bank):
    before = sqlite_file(
        bank / "other.sqlite", 0, "CREATE TABLE notes(body)", "INSERT INTO notes VALUES ('my precious data')"
    )
    for command in (("stats",), ("quiz", "practice", "-n", "1")):
        assert one_line(study(bank, *command, "--db", "other.sqlite"), 1) == (
            "quizgen: other.sqlite: not a quizgen progress database (its tables: notes); it was left "
            "untouched; choose another file with --db"
        )
    assert (bank / "other.sqlite").read_bytes() == before  # no cards/reviews tables, user_version 0


# ---- L6: a read-only deck folder --------------------------------------------------------------------

WARM_THEN_NOBODY = """
import contextlib, io, os, shutil, sys, tempfile
from quizgen.cli import main
scratch = tempfile.mkdtemp()
for folder in ("decks", "seeds"):
    shutil.copytree(folder, os.path.join(scratch, folder))
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):  # loads every module
    # while the standard library is readable (build's notes on short worksheets are not this test's)
    main(["build", "--no-pdf", "--decks", scratch + "/decks", "--seeds", scratch + "/seeds", "--out", scratch + "/out"])
shutil.rmtree(scratch)
os.setgid(65534); os.setuid(65534)
sys.exit(main(sys.argv[1:]))
"""


def test_l6_a_read_only_deck_folder_fails_the_build_before_anything_is_written(bank):
    """As `nobody` (root writes anywhere): the deck folder is not theirs, the output folder is."""
    args = ["build", "--no-pdf", "--decks", "decks", "--seeds", "seeds", "--out", "out"]
    assert quizgen(bank, *args).returncode == 0  # the ledger exists; the outputs are there
    (bank / F).write_text(FACT.replace("In which year", "In what year"))  # a changed note: a new ledger
    for path in [bank / "out", *(bank / "out").rglob("*")]:
        path.chmod(0o777 if path.is_dir() else 0o666)
    for folder in (bank, bank / "decks", bank / "seeds"):
        folder.chmod(0o755)  # pytest makes tmp_path 0700
    (bank / "decks" / "x").chmod(0o555)
    before = {p: p.read_bytes() for p in (bank / "out").rglob("*") if p.is_file()}
    ledger = (bank / "decks/x/anki-versions.json").read_bytes()
    command = [sys.executable, "-c", WARM_THEN_NOBODY] if os.geteuid() == 0 else [sys.executable, "-m", "quizgen"]
    try:
        result = subprocess.run([*command, *args], cwd=bank, capture_output=True, text=True, timeout=120)
    finally:
        (bank / "decks" / "x").chmod(0o755)
    assert one_line(result, 1) == "quizgen: decks/x/anki-versions.json: cannot write: Permission denied"
    assert result.stdout == ""
    assert {p: p.read_bytes() for p in (bank / "out").rglob("*") if p.is_file()} == before  # .apkg too
    assert (bank / "decks/x/anki-versions.json").read_bytes() == ledger
    assert sorted(p.name for p in (bank / "decks" / "x").iterdir()) == ["anki-versions.json", "facts.yaml"]


# ---- L7: text in the .apkg outside the fields ------------------------------------------------------

MARKUP = "\"'><svg/onload=alert(1)><script>x</script> & &amp; <b>"


def test_l7_the_sort_field_and_deck_names_are_what_anki_itself_stores(bank):
    """Anki derives a note's sort field from the (escaped) field by stripping tags and decoding
    entities, so the plain YAML text is the consistent value; deck names are plain text in Anki."""
    import html
    import sqlite3
    import zipfile

    from anki.collection import (
        Collection,
        ImportAnkiPackageOptions,
        ImportAnkiPackageRequest,
    )
    from anki.import_export_pb2 import (
        IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER as IF_NEWER,
    )

    question = f"In which year was the Council created? {MARKUP}"
    (bank / F).write_text(
        FACT.replace("q: In which year was the NATO-Russia Council created?", f"q: {question!r}".replace("\\'", "''"))
    )
    (bank / "seeds" / "sources.yaml").write_text(SOURCES.replace("A sample article", "'A <i>sample</i> & co'"))
    (bank / "decks" / "x" / "deck.yaml").write_text("title: '<script>Deck</script> & co'\n")
    result = quizgen(bank, "anki", "--decks", "decks", "--seeds", "seeds", "--out", "out")
    assert result.returncode == 0, result.stderr
    package = bank / "out" / "anki" / "x.apkg"
    with zipfile.ZipFile(package) as archive:
        archive.extract("collection.anki2", bank)
    stored = sqlite3.connect(bank / "collection.anki2")
    [(sort_text, fields)] = stored.execute("SELECT sfld, flds FROM notes").fetchall()
    stored.close()
    assert fields.split("\x1f")[0] == html.escape(question, quote=False)  # the field: escaped
    assert sort_text == question
    col = Collection(str(bank / "c.anki2"))
    try:
        options = ImportAnkiPackageOptions(
            merge_notetypes=False, update_notes=IF_NEWER, update_notetypes=IF_NEWER, with_scheduling=False
        )
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))
        notes = list(col.find_notes(""))
        col.db.execute("UPDATE notes SET sfld = 'forgotten'")
        col.after_note_updates(notes, mark_modified=False, generate_cards=False)  # Anki recomputes it
        assert col.db.scalar("SELECT sfld FROM notes") == sort_text
        names = {deck.name for deck in col.decks.all_names_and_ids()}
        # deck names are plain text: Anki shows them in cards through {{Subdeck}} without escaping
        assert names == {"Default", "script Deck script co", "script Deck script co::Test Gazette, 2011"}
        top = col.decks.by_name("script Deck script co")
        assert "&lt;script&gt;Deck&lt;/script&gt; &amp; co" in top["desc"] and "<script>" not in top["desc"]
    finally:
        col.close()


# ---- L10: a browser that is found but broken --------------------------------------------------------


def test_l10_a_broken_browser_leaves_the_html_with_the_no_browser_note(bank):
    hint = (
        "install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or Google Chrome, "
        "or set QUIZGEN_BROWSER to its path"
    )
    notes = {}
    for browser in ("/bin/false", "/nonexistent/chromium"):
        out = f"out-{Path(browser).name}"
        result = quizgen(
            bank,
            "build",
            "--decks",
            "decks",
            "--seeds",
            "seeds",
            "--out",
            out,
            env={**os.environ, "QUIZGEN_BROWSER": browser},
        )
        # the one-fact bank's worksheets are short: build says so per sheet, beside the browser note
        others = "".join(
            line + "\n" for line in result.stderr.splitlines() if not line.startswith("quizgen: note: worksheet ")
        )
        notes[browser] = one_line(subprocess.CompletedProcess(result.args, result.returncode, result.stdout, others), 0)
        written = sorted(p.relative_to(bank / out).as_posix() for p in (bank / out).rglob("*") if p.is_file())
        assert "anki/x.apkg" in written and "web/x/index.html" in written
        sheets = [name for name in written if name.startswith("print/")]
        assert len(sheets) == 8 and all(name.endswith(".html") for name in sheets)  # 2 sets × A, B × key
        assert sorted(f"wrote {out}/{name}" for name in written if name != ".quizgen-lock") == sorted(
            line for line in result.stdout.splitlines() if line.startswith("wrote ") and "anki-versions" not in line
        )
    assert notes == {
        "/bin/false": f"quizgen: note: worksheets written as HTML only: /bin/false stopped unexpectedly: "
        f"exit code 1; {hint}",
        "/nonexistent/chromium": "quizgen: note: worksheets written as HTML only: "
        f"QUIZGEN_BROWSER=/nonexistent/chromium is not an executable browser; {hint}",
    }


# ---- L14: scale edge cases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer, kind, message",
    [
        ("0000", "year", "kind 'year' needs a four-digit answer from 1000 to 2999; got '0000'"),
        (
            "1e5",
            "number",
            "kind 'number' needs one plain numeral (digits, grouped like 1,500 if at all; words "
            "for the rest, like '14 million'); got '1e5'",
        ),
        ("1,5", "number", None),
        ("10-15 brigades", "number", None),
        ("80bn", "number", None),
        ("١٠٠", "number", None),
    ],
)
def test_l14_years_and_numbers_must_be_plain(bank, answer, kind, message):
    (bank / F).write_text(
        FACT.replace('a: "2002"', f'a: "{answer}"\n    derived: A probe of the scale.').replace(
            "kind: year", f"kind: {kind}"
        )
    )
    problem = one_problem(check(bank))
    assert problem == f"{F}:5: fact 'nrc-created': " + (
        message
        or (
            "kind 'number' needs one plain numeral (digits, grouped like 1,500 if at all; words for the rest, "
            f"like '14 million'); got '{answer}'"
        )
    )


@pytest.mark.parametrize(
    "answer, kind, shape",
    [
        ("1000", "year", r"[12][0-9]{3}"),
        ("1,500 troops", "number", r"[0-9]{1,3}(,[0-9]{3})* troops"),
        ("53%", "number", r"[0-9]+%"),
        ("14 million gloves", "number", r"[0-9]+ million gloves"),
    ],
)
def test_l14_plain_answers_get_options_of_their_own_form(bank, answer, kind, shape):
    (bank / F).write_text(
        FACT.replace('a: "2002"', f'a: "{answer}"\n    derived: A probe of the scale.').replace(
            "kind: year", f"kind: {kind}"
        )
    )
    result = quizgen(
        bank,
        "print",
        "--decks",
        "decks",
        "--seeds",
        "seeds",
        "--out",
        "out",
        "--types",
        "mcq",
        "-n",
        "1",
        "--title",
        "t",
    )
    assert result.returncode == 0, result.stderr
    options = re.findall(
        r'<span class="letter">[A-D]</span>([^<]*)</li>', (bank / "out/print/x/t/t-A.html").read_text()
    )
    assert answer in options and len(options) >= 3, options
    assert all(re.fullmatch(shape, option) for option in options), options
    if kind == "year":
        assert all(int(option) >= 1000 for option in options), options


# ==== The 2026-12-07 robustness review (robust-repro/r1.sh … r26.sh) =====================================
# Findings owned elsewhere have their tests there: H4 (--db), M4, M11, L5, L7, L8 (quiz) in
# test_quiz_findings.py; M8, M9, L4 in test_web_findings.py; M12 with the coverage map.


def build(root: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return quizgen(
        root, "build", "--no-pdf", "--decks", "decks", "--seeds", "seeds", "--out", "out", *args, timeout=timeout
    )


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under `folder` with its bytes (None for a folder or link): a snapshot to compare."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
        for p in sorted(folder.rglob("*"))
    }


def seed_entry(seed_id: str, **fields: str) -> str:
    """sources.yaml with one article under `seed_id` (JSON strings are YAML double-quoted strings)."""
    entry = {"file": "100.txt", "title": "A sample article", "outlet": "Test Gazette", "year": "2011", **fields}
    return f"{json.dumps(seed_id)}:\n" + "".join(f"  {k}: {json.dumps(v)}\n" for k, v in entry.items())


HOSTILE_SEED_IDS = [
    "../../../escaped",
    "/tmp/qz-abs/ABS",
    "",
    ".",
    "..",
    "a/b",
    "a\\b",
    "100 ",
    "a\nfake.yaml:1: forged line",
    "\x1b[31mRED",
    "<img src=x>",
    "1\u202e00",
    "x" * 81,
    "A100",
    "ab--c",
]


@pytest.mark.parametrize("seed_id", HOSTILE_SEED_IDS)
def test_h1_a_seed_id_that_is_not_a_slug_is_refused_and_nothing_is_written(bank, seed_id):
    (bank / "seeds" / "sources.yaml").write_text(seed_entry(seed_id))
    (bank / F).write_text(FACT.replace('source: "100"', f"source: {json.dumps(seed_id)}"))
    problem = one_problem(check(bank))
    assert problem.startswith("seeds/sources.yaml:1: seed id ") and "\n" not in problem
    # the bank's whole tree, and the names beside it (other tests' folders there may still change)
    before = (tree(bank), sorted(p.name for p in bank.parent.iterdir()))
    result = build(bank)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (tree(bank), sorted(p.name for p in bank.parent.iterdir())) == before  # nothing written
    assert not Path("/tmp/qz-abs").exists()


def test_h1_a_link_in_the_output_folder_cannot_carry_a_write_outside_it(bank, tmp_path_factory):
    """Every write is resolved (links followed) and compared with --out before anything is written."""
    victim = tmp_path_factory.mktemp("victim")
    (victim / "x.apkg").write_text("precious data")
    (bank / "out").mkdir()
    (bank / "out" / "anki").symlink_to(victim)
    result = build(bank)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("quizgen: out/anki/x.apkg: outside the output folder ")
    assert tree(victim) == {"x.apkg": b"precious data"}


@pytest.mark.parametrize("count", [9, 10])
def test_h2_a_cloze_has_at_most_9_deletions_and_9_make_9_anki_cards(bank, count):
    words = " ".join(f"{{{{c{n}::w{n}}}}}" for n in range(1, count + 1))
    (bank / F).write_text(FACT + f"    cloze: Listed {words}.\n")
    if count > 9:
        assert one_problem(check(bank)) == (
            f"{F}:9: fact 'nrc-created': field 'cloze': has 10 deletions (c1 to c10), at most 9: "
            "split the sentence into two facts"
        )
        return
    result = quizgen(bank, "anki", "--decks", "decks", "--seeds", "seeds", "--out", "out")
    assert result.returncode == 0, result.stderr
    col = imported(bank, bank / "out" / "anki" / "x.apkg")
    try:
        assert col.card_count() == 9
    finally:
        col.close()


def imported(root: Path, package: Path):
    """A fresh collection of the real Anki backend with `package` imported."""
    from anki.collection import (
        Collection,
        ImportAnkiPackageOptions,
        ImportAnkiPackageRequest,
    )
    from anki.import_export_pb2 import (
        IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER as IF_NEWER,
    )

    col = Collection(str(root / f"c{len(list(root.glob('c*.anki2')))}.anki2"))
    options = ImportAnkiPackageOptions(
        merge_notetypes=False, update_notes=IF_NEWER, update_notetypes=IF_NEWER, with_scheduling=False
    )
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))
    return col


RETIRED_BLOCK = "retired:\n  - id: {id}\n    reason: {reason}\n"


@pytest.mark.parametrize(
    "entry, message",
    [
        (
            {"id": '"\\"><img src=x onerror=alert(1)>"', "reason": "x"},
            "'id' must be a lowercase slug (a-z, 0-9, '-'), got '\"><img src=x onerror=alert(1)>'",
        ),
        ({"id": "old id", "reason": "x"}, "'id' must be a lowercase slug (a-z, 0-9, '-'), got 'old id'"),
        ({"id": "a" * 81, "reason": "x"}, "'id' is too long (81 characters, at most 80)"),
        ({"id": "!!int 5", "reason": "x"}, "'id' must be a lowercase slug (a-z, 0-9, '-') written as text"),
    ],
)
def test_h3_a_retired_id_is_a_slug_like_a_fact_id(bank, entry, message):
    (bank / F).write_text(FACT + RETIRED_BLOCK.format(**entry))
    assert one_problem(check(bank)) == f"{F}:10: field 'retired': {message}"


def test_h3_the_anki_id_field_is_escaped_like_every_other_field(tmp_path):
    """Defence in depth behind the slug rule: a retired note built from an unchecked id, rendered
    by the real Anki backend, shows the id as text."""
    from quizgen.anki.exporter import write_deck
    from quizgen.anki.ledger import LEDGER_FILE
    from quizgen.model import Bank, Fact, Location, Retired, Source

    hostile = '"><img src=x onerror=alert(1)>'
    source = Source("100", "100.txt", "A sample article")
    fact = Fact("nrc-created", "In which year?", "2002", "year", "q" * 30, "fact", source, Location("f.yaml", 1))
    entry = {"hash": "h", "mtime": 1793491200, "type": "qa"}
    (tmp_path / LEDGER_FILE).write_text(json.dumps({"note_types": {}, "notes": {hostile: entry}}))
    bank_ = Bank("x", "X", (fact,), {"100": source}, tmp_path, (Retired(hostile, "gone", Location("f", 1)),))
    from quizgen.anki import ledger as ledger_module

    real = ledger_module._ledger_problem
    ledger_module._ledger_problem = lambda data: None  # as if the ledger's schema had a hole
    try:
        package = write_deck(bank_, tmp_path / "out", {}).package
    finally:
        ledger_module._ledger_problem = real
    col = imported(tmp_path, package)
    try:  # a retired note may have no cards in a new collection: render its first card anyway
        cards = [col.get_note(nid).ephemeral_card(0) for nid in col.find_notes("")]
        faces = [face for card in cards for face in (card.question(), card.answer())]
    finally:
        col.close()
    assert faces and not any("<img src=x" in face for face in faces)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in face for face in faces)


@pytest.mark.parametrize("plant", ["fifo", "link-to-elsewhere", "dangling-link", "folder"])
def test_h4_and_l9_the_lock_is_a_regular_file_opened_without_blocking_or_following_links(bank, plant):
    out, elsewhere = bank / "out", bank / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    lock = out / ".quizgen-lock"
    {
        "fifo": lambda: os.mkfifo(lock),
        "folder": lock.mkdir,
        "link-to-elsewhere": lambda: ((elsewhere / "file").write_text("keep"), lock.symlink_to(elsewhere / "file")),
        "dangling-link": lambda: lock.symlink_to(elsewhere / "created-by-quizgen"),
    }[plant]()
    for command in (["build", "--no-pdf"], ["print", "-n", "1", "--types", "mcq"]):
        result = quizgen(bank, *command, "--decks", "decks", "--seeds", "seeds", "--out", "out", timeout=30)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        [line] = result.stderr.splitlines()
        assert line.startswith("quizgen: out/.quizgen-lock: ") and line.endswith("; remove it and try again")
    assert tree(elsewhere) == ({"file": b"keep"} if plant == "link-to-elsewhere" else {})


def test_m1_coverage_escapes_what_it_prints(bank):
    """Since review rv3 G05 a seed text with escapes is refused before coverage reads it (one line,
    nothing raw on the terminal); what coverage prints of a sound text goes through printable()."""
    (bank / "seeds" / "100.txt").write_text(SEED + " Uncovered words \x1b]0;PWNED\x07\x1b[2J\x1b[41m here.\x85forged")
    result = quizgen(bank, "coverage", "--decks", "decks", "--seeds", "seeds", "--no-html", "--all")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stdout + result.stderr)
    assert result.stderr.startswith("seeds/100.txt:1: seed '100': contains a control character (U+001B)")


def test_m2_a_newline_in_a_seed_id_cannot_forge_a_line(bank):
    (bank / "seeds" / "sources.yaml").write_text(seed_entry("a\nfake.yaml:1: forged line"))
    result = check(bank)
    assert not any(line.startswith("fake.yaml") for line in (result.stdout + result.stderr).splitlines())
    assert result.returncode == 2


@pytest.mark.parametrize(
    "answer, kind, key",
    [
        ("2021-02-30", "date", "a"),
        ("February 30, 2021", "date", "a"),
        ("30.02.2021", "date", "a"),
        ("2/30/2021", "date", "a"),
        ("2021-02-30", "event", "a"),
        ("30.02.2021", "alt", "alt"),
    ],
)
def test_m3_an_impossible_date_is_refused_in_every_notation(realbank, answer, kind, key):
    extra = (
        f'    q: When did the probe happen?\n    a: "2002"\n    kind: year\n    alt: ["{answer}"]\n'
        if kind == "alt"
        else f'    q: When did the probe happen?\n    a: "{answer}"\n    kind: {kind}\n'
    )
    (realbank / "decks" / "nato-russia" / "zz.yaml").write_text(probe(extra))
    problem = one_problem(check(realbank))
    assert problem.startswith("decks/nato-russia/zz.yaml:")
    assert (
        f"field '{key}': '{answer}' is not a real calendar date" in problem
        or f"kind 'date' needs a real date like \"24 February 2022\"; got '{answer}'" in problem
    )


@pytest.mark.parametrize(
    "field, value, code",
    [
        ("distractors", '["Ro\\u200bme", "Paris", "Oslo"]', "an invisible character (U+200B)"),
        ("q", '"\\u200b\\u200b"', "an invisible character (U+200B)"),
        ("note", '"soft\\u00adhyphen"', "an invisible character (U+00AD)"),
        ("note", '"mark\\u200fed"', "a bidirectional-override character (U+200F)"),
        ("note", '"arabic\\u061cmark"', "a bidirectional-override character (U+061C)"),
        ("note", '"tag\\U000e0041s"', "an invisible character (U+E0041)"),
        ("note", '"private\\ue000use"', "a private-use character (U+E000)"),
        ("alt", '["word\\u2060joiner"]', "an invisible character (U+2060)"),
    ],
)
def test_m5_invisible_characters_are_refused_in_every_text_value(bank, field, value, code):
    lines = FACT.splitlines(keepends=True)
    (bank / F).write_text(
        "".join(line for line in lines if not line.startswith(f"    {field}:")) + f"    {field}: {value}\n"
    )
    problem = one_problem(check(bank))
    assert problem.endswith(f"fact 'nrc-created': field '{field}' contains {code}")


def test_m5_the_unsafe_set_is_exactly_unicodes_invisible_categories():
    """Oracle: unicodedata's categories Cc, Cf, Co, Cs (and U+2028/9), tab excepted, over every code point."""
    import unicodedata

    from quizgen.text import UNSAFE, printable

    for code in range(0x110000):
        char = chr(code)
        expected = code != 9 and (unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs") or code in (0x2028, 0x2029))
        assert bool(UNSAFE.fullmatch(char)) == expected, hex(code)
        if expected:
            assert not UNSAFE.search(printable(char))


@pytest.mark.parametrize(
    "extra, message",
    [
        (
            "    alt: [" + "a" * 2001 + "]\n",
            "fact 'nrc-created': field 'alt' is too long (2001 characters, at most 2000)",
        ),
        (
            '    distractors: [x, y, "z\\e[31m"]\n',
            "fact 'nrc-created': field 'distractors' contains a control character (U+001B)",
        ),
        (
            "    tags: [" + "t" * 2001 + "]\n",
            "fact 'nrc-created': field 'tags' is too long (2001 characters, at most 2000)",
        ),
        (
            'retired:\n  - {id: old-id, reason: "a\\e[2Jb"}\n',
            "field 'retired': 'reason' contains a control character (U+001B)",
        ),
        (
            "retired:\n  - {id: old-id, reason: " + "r" * 2001 + "}\n",
            "field 'retired': 'reason' is too long (2001 characters, at most 2000)",
        ),
        (
            "skipped:\n  - {passage: N, reason: heading}\n",
            "field 'skipped': 'passage' is too short to name a passage (at least 2 words)",
        ),
        (
            'skipped:\n  - {passage: Anders Fogh, reason: "x\\u202ey"}\n',
            "field 'skipped': 'reason' contains a bidirectional-override character (U+202E)",
        ),
    ],
)
def test_m6_list_items_and_curation_records_follow_the_rules_of_every_text_value(bank, extra, message):
    (bank / F).write_text(FACT + extra)
    problem = one_problem(check(bank))
    assert problem.startswith(f"{F}:") and problem.endswith(message), problem


SWAP_PROBE = """
import os, signal, sys
real = os.rename
def rename(src, dst, *a, **k):
    real(src, dst, *a, **k)
    if os.path.basename(str(dst)).startswith(".old-"):  # the old set has just moved aside
        os.kill(os.getpid(), signal.SIGTERM)
os.rename = rename
from quizgen.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_m7_a_signal_between_the_renames_of_a_set_swap_keeps_a_whole_set(bank):
    args = list(PRINT_ONE_MCQ)
    assert quizgen(bank, *args).returncode == 0
    result = subprocess.run(
        [sys.executable, "-c", SWAP_PROBE, *args], cwd=bank, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 143 and "Traceback" not in result.stderr, result.stderr
    folder = bank / "out" / "print" / "x" / "t"
    assert sorted(p.name for p in folder.iterdir()) == ["t-A-key.html", "t-A.html"]
    assert not list((bank / "out").rglob(".staging-*"))


def test_m10_anki_syntax_in_bank_text_shows_as_written_and_does_nothing(bank):
    from html.parser import HTMLParser

    note = r"Listen [sound:ding.mp3] [anki:tts lang=en_US]hi[/anki:tts] [latex]E=mc^2[/latex] [$]y[/$] \(x^2\) \[z\] {{Answer}}"  # noqa: E501
    (bank / F).write_text(FACT + f"    note: '{note}'\n")
    assert quizgen(bank, "anki", "--decks", "decks", "--seeds", "seeds", "--out", "out").returncode == 0
    col = imported(bank, bank / "out" / "anki" / "x.apkg")
    try:
        [cid] = col.find_cards("")
        card = col.get_card(cid)
        back, sounds = card.answer(), card.question_av_tags() + card.answer_av_tags()
    finally:
        col.close()

    class Strings(HTMLParser):
        """Text as MathJax reads it: one string per run of text, ended by any element but br/wbr."""

        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.strings, self.current, self.hidden = [], "", 0

        def handle_starttag(self, tag, attrs):
            self.push()
            self.hidden += tag in ("script", "style")

        def handle_endtag(self, tag):
            self.push()
            self.hidden -= tag in ("script", "style")

        def handle_data(self, data):
            self.current += "" if self.hidden else data

        def push(self):
            self.strings.append(self.current)
            self.current = ""

    parsed = Strings()
    parsed.feed(back)
    parsed.push()
    assert sounds == [] and "latex-" not in back  # no audio, no LaTeX image
    assert not any("\\(" in s or "\\[" in s for s in parsed.strings)  # no MathJax delimiters
    assert note in "".join(parsed.strings)  # the learner reads it as written


def test_m13_a_ledger_entry_with_an_unknown_note_type_is_one_line(bank):
    (bank / "decks" / "x" / "anki-versions.json").write_text(
        '{"note_types": {}, "notes": {"nrc-created": {"hash": "h", "mtime": 1, "type": "basic"}}}'
    )
    assert one_problem(check(bank)) == (
        "decks/x/anki-versions.json:1: not a quizgen Anki ledger (notes entry 'nrc-created' has an "
        "unknown note type (one of qa, cloze, mc)); restore it from version control"
    )


def test_l1_a_long_id_is_cut_in_the_label_and_every_problem_stays_readable(bank):
    long_id = "a" * 600
    (bank / F).write_text(FACT.replace("id: nrc-created", f"id: {long_id}").replace("kind: year", "kind: colour"))
    result = check(bank)
    lines = result.stderr.splitlines()[:-1]
    assert len(lines) == 2 and all(f"fact '{'a' * 59}…': " in line for line in lines)
    assert lines[0].endswith("field 'id' is too long (600 characters, at most 80)")
    assert "field 'kind' must be one of" in lines[1]


@pytest.mark.parametrize("where", ["unknown key", "unknown seed", "id"])
def test_l2_bidi_characters_in_messages_are_escaped(bank, where):
    text = {
        "unknown key": FACT + "    answer\u202e: x\n",
        "unknown seed": FACT.replace('source: "100"', 'source: "1\u202e00"'),
        "id": FACT.replace("id: nrc-created", "id: nrc\u202edetaerc"),
    }[where]
    (bank / F).write_text(text)
    problem = one_problem(check(bank))
    assert "\u202e" not in problem and "\\u202e" in problem


def test_l3_temporary_files_of_a_killed_writer_are_swept(bank):
    deck, anki_out = bank / "decks" / "x", bank / "out" / "anki"
    anki_out.mkdir(parents=True)
    dead = 99_999_999  # above any pid_max: no such process
    left = [deck / f".anki-versions.json.{dead}-abc.tmp", anki_out / f".x.apkg.{dead}-abc.tmp"]
    for path in left:
        path.write_text("half")
    (anki_out / ".x.apkg.keep.txt").write_text("not a temporary of ours")
    assert quizgen(bank, "anki", "--decks", "decks", "--seeds", "seeds", "--out", "out").returncode == 0
    assert not any(path.exists() for path in left)
    assert (anki_out / ".x.apkg.keep.txt").exists()
    assert not list(deck.glob(".*.tmp")) and not list(anki_out.glob(".*.tmp"))
