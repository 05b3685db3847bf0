"""Generated hostile banks through `check`, `build --no-pdf`, `coverage` and `progress`, in-process through the CLI.

Hypothesis writes whole banks (seed metadata, articles, facts, curation records, the Anki ledger)
with hostile strings in every field: path pieces, terminal escapes, bidi and zero-width
characters, markup, Anki's own syntax, YAML-looking text, long values. Whatever the bank, each
command either succeeds or prints one-line problems and exits non-zero, never a traceback; nothing
is written outside --out (but the deck's own Anki ledger); a failed run leaves the previous outputs
as they were; no markup from the bank becomes an element in any HTML output or rendered Anki card.
A valid bank's outputs keep their formats (output_invariants.py): the export's CSV, TSV and GIFT
read back by csv and gift-pegjs, the study page's data, and a progress export/import round trip.

Bounded for CI by the `hostile-ci` profile; QUIZGEN_HOSTILE_PROFILE=hostile-thorough runs more.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from output_invariants import (
    assert_export_holds,
    assert_page_data_holds,
    assert_progress_round_trip,
    read_facts,
)

from quizgen import cli
from quizgen.text import UNSAFE

settings.register_profile(
    "hostile-ci",
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "hostile-thorough",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(os.environ.get("QUIZGEN_HOSTILE_PROFILE", "hostile-ci"))

MARK = "data-pwn"  # every injected element carries it: finding it parsed means markup ran
ACCEPTABLE = [  # hostile for a sink, but valid bank text: these must come out as text
    f"<pwn-el {MARK}=1>",
    f"\"'><img {MARK} src=x onerror=alert(1)>",
    f"<script {MARK}>alert(1)</script>",
    f"</script><svg {MARK} onload=alert(1)>",
    "{{c2::x}}",
    "{{Answer}}",
    "{{ 7*7 }}",
    "{% raw %}",
    "[sound:ding.mp3]",
    "[latex]E=mc^2[/latex]",
    "\\(x^2\\)",
    "\\[y\\]",
    "[$]z[/$]",
    "&amp; &lt;",
    "</style><!--",
    "${alert(1)}",
    "javascript:alert(1)",
    "a: b # c",
    "- item",
    "'quoted'",
    "100%",
    "Ünïcödé ăîşţ",
    "日本語",
    "😀",
]
REFUSED = [  # not valid bank text: must be refused in one line
    "../../escaped",
    "/tmp/abs",
    "..",
    ".",
    "",
    "a/b",
    "\x1b[31mRED",
    "\x1b]0;PWNED\x07",
    "\u202eevil",
    "zero\u200bwidth",
    "soft\u00adhyphen",
    "line\nbreak",
    "nul\x00byte",
    "x" * 2100,
    "tag\U000e0041",
    "\ue000private",
    "\u2028sep",
]


QUESTIONS = [
    "Which treaty did the author name first?",
    "Who chaired the council meeting in Rome?",
    "What city hosted the summit of the alliance?",
]


@st.composite
def banks(draw, only_valid: bool = False) -> dict[str, str]:
    """Files of a whole bank (relative path -> text), hostile in every field.

    Two thirds of the banks put only acceptable hostile text in free-text fields (so they build
    and their outputs are inspected); the others put anything anywhere, structured fields too.
    `only_valid`: only the first kind, with the seed's `short` label within its 32 characters."""
    anything = not only_valid and draw(st.integers(0, 2)) == 0
    fragment = (
        st.one_of(st.sampled_from(ACCEPTABLE + REFUSED), st.text(max_size=12))
        if anything
        else st.sampled_from(ACCEPTABLE)
    )

    def value(valid: str, structured: bool = False):
        """`valid`, or it with a hostile fragment at its start, middle or end, or a fragment alone."""
        if structured and not anything:
            return valid
        spliced = st.tuples(fragment, st.sampled_from(["start", "middle", "end", "alone"])).map(
            lambda pair: {
                "start": pair[0] + valid,
                "end": valid + pair[0],
                "alone": pair[0],
                "middle": valid[: len(valid) // 2] + pair[0] + valid[len(valid) // 2 :],
            }[pair[1]]
        )
        return draw(st.one_of(st.just(valid), spliced))

    seed_id = value("100", structured=True)
    meta = {
        key: value(text, key in ("file", "date", "url") or (only_valid and key == "short"))
        for key, text in (
            ("file", "100.txt"),
            ("title", "A sample article"),
            ("short", "Sample, 2011"),
            ("outlet", "Test Gazette"),
            ("author", "Ann Author"),
            ("date", "2011-09-29"),
            ("url", "https://example.org/a"),
            ("notes", "A note."),
        )
    }
    if only_valid:
        meta["short"] = draw(st.sampled_from([f for f in ACCEPTABLE if len(f) <= 32]))
    meta["year"] = draw(st.sampled_from(["2011", "0", "99999", "-5", "year"])) if anything else "2011"
    facts, quotes = [], []
    for n in range(draw(st.integers(1, 3))):
        quote = f"Sentence number {n} of the article says " + draw(st.sampled_from(ACCEPTABLE)) + " plainly."
        quotes.append(quote)
        fact = {
            "id": value(f"fact-{n}", True),
            "q": value(QUESTIONS[n]),
            "a": value(f"answer {n}"),
            "kind": value("term", True),
            "quote": quote,
            "stance": "fact",
            "derived": value("A probe; not from the quote."),
            "note": value("Context."),
            "alt": [value(f"alt {n}")],
            "tags": [value("tag", True)],
        }
        if draw(st.booleans()):
            fact["cloze"] = value(f"The {{{{c1::answer {n}}}}} was said.", structured=only_valid)
        facts.append(fact)
    doc = {"source": seed_id, "facts": facts}
    published = draw(st.booleans())
    if published or draw(st.booleans()):
        doc["retired"] = [{"id": value("old-fact", True), "reason": value("Merged.")}]
    if draw(st.booleans()):
        doc["skipped"] = [{"passage": quotes[0], "reason": value("Heading.")}]
    files = {
        "seeds/sources.yaml": json.dumps({seed_id: meta}, ensure_ascii=False),
        "seeds/100.txt": " ".join(quotes) + " " + draw(fragment),
        "decks/x/deck.yaml": json.dumps({"title": value("A deck")}, ensure_ascii=False),
        "decks/x/facts.yaml": json.dumps(doc, ensure_ascii=False),
    }
    if published:
        entry = {"hash": value("abc123", True), "mtime": 1793491200, "type": value("qa", True), "retired": True}
        files["decks/x/anki-versions.json"] = json.dumps({"note_types": {}, "notes": {value("old-fact", True): entry}})
    return files


def run(root: Path, *argv: str) -> tuple[int, str, str]:
    """The CLI in-process: any exception but SystemExit from argparse is a traceback, a failure."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main([*argv, "--decks", str(root / "decks"), "--seeds", str(root / "seeds")])
    return code, out.getvalue(), err.getvalue()


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
        for p in sorted(folder.rglob("*"))
    }


def assert_lines(code: int, out: str, err: str) -> None:
    """Success, or one-line problems and a non-zero exit; every line printed is escaped."""
    for line in (out + err).split("\n"):
        assert not UNSAFE.search(line), repr(line)
    if code != 0:
        assert err.strip(), "a failure says why"
        assert all(
            line.startswith(("quizgen: ", "/")) or re.match(r"[^:]+:\d+: ", line) for line in err.strip().split("\n")
        ), err


class Elements(HTMLParser):
    """Every element and attribute the browser would build from a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def injected(html: str) -> list:
    parser = Elements()
    parser.feed(html)
    return [(tag, attrs) for tag, attrs in parser.found if tag == "pwn-el" or any(name == MARK for name, _ in attrs)]


PREVIOUS = {
    "anki/x.apkg": b"previous deck",
    "web/x/index.html": b"previous page",
    "print/x/old-set/old-set-A.html": b"previous sheet",
    "coverage/x.html": b"previous map",
}


def assert_no_injection(out_dir: Path) -> None:
    for page in out_dir.rglob("*.html"):
        assert not injected(page.read_text(encoding="utf-8", errors="replace")), page
    package = out_dir / "anki" / "x.apkg"
    if package.read_bytes() != PREVIOUS["anki/x.apkg"]:
        _assert_cards_inert(package)


def _assert_cards_inert(package: Path) -> None:
    """The real Anki backend renders every card: no injected element, no audio, no LaTeX image."""
    from anki.collection import (
        Collection,
        ImportAnkiPackageOptions,
        ImportAnkiPackageRequest,
    )

    with tempfile.TemporaryDirectory() as folder:
        col = Collection(str(Path(folder) / "c.anki2"))
        try:
            col.import_anki_package(
                ImportAnkiPackageRequest(
                    package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False)
                )
            )
            notes = [col.get_note(nid) for nid in col.find_notes("")]
            # a retired note may have no cards in a new collection: its first card is rendered anyway
            for card in [card for note in notes for card in (note.cards() or [note.ephemeral_card(0)])]:
                for face in (card.question(), card.answer()):
                    assert not injected(face) and "latex-" not in face, face
                assert card.question_av_tags() == [] and card.answer_av_tags() == []
        finally:
            col.close()


@PROFILE
@given(files=banks())
def test_any_generated_bank_is_refused_in_one_line_or_built_inside_out(files):
    with tempfile.TemporaryDirectory() as parent:
        root = Path(parent) / "bank"
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        out_dir = root / "out"
        for name, data in PREVIOUS.items():
            (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (out_dir / name).write_bytes(data)
        ledger = "bank/decks/x/anki-versions.json"

        code, out, err = run(root, "check")
        assert_lines(code, out, err)
        before = snapshot(Path(parent))
        for command in (["build", "--no-pdf"], ["coverage"]):
            code, out, err = run(root, *command, "--out", str(out_dir))
            assert_lines(code, out, err)
            event(f"{command[0]} exit {code}")
            after = snapshot(Path(parent))
            changed = {path for path in set(before) | set(after) if before.get(path) != after.get(path)}
            assert all(path.startswith("bank/out/") or path == ledger for path in changed), changed
            if code != 0:  # a failed run leaves the previous outputs as they were
                assert {p: after[p] for p in after if p.startswith("bank/out/") and ".quizgen-lock" not in p} == {
                    p: before[p] for p in before if p.startswith("bank/out/") and ".quizgen-lock" not in p
                }
            before = after
            if command[0] == "build" and code == 0:  # a valid bank: every output keeps its format
                facts = read_facts(files)
                assert_export_holds(out_dir / "export" / "x", facts)
                assert_page_data_holds(out_dir / "web" / "x" / "index.html", facts)
        if code == 0:
            assert_progress_round_trip(run, root, read_facts(files))
            event("outputs and progress round trip checked")
        assert_no_injection(out_dir)


@settings(PROFILE, max_examples=max(4, PROFILE.max_examples // 3))
@given(files=banks(only_valid=True))
def test_any_valid_generated_bank_keeps_the_format_of_every_output(files):
    """Valid banks only, so every example reaches the outputs: export, page data, progress round trip."""
    with tempfile.TemporaryDirectory() as parent:
        root = Path(parent) / "bank"
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        code, out, err = run(root, "build", "--no-pdf", "--out", str(root / "out"))
        assert_lines(code, out, err)
        assume(code == 0)  # a hostile value the rules refuse (rare here) is the other test's case
        facts = read_facts(files)
        assert_export_holds(root / "out" / "export" / "x", facts)
        assert_page_data_holds(root / "out" / "web" / "x" / "index.html", facts)
        assert_progress_round_trip(run, root, facts)
        assert_no_injection(root / "out")
