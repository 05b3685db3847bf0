"""Markup in every text field (`<script>`, `<img onerror>`, `&`) reaches worksheets and Anki as text."""

import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from quizgen.bank.loader import load_banks
from quizgen.exporters import export

SCRIPT = "<script>alert(1)</script>"
PEOPLE = ["Ann", "Bob", "Cy", "Dee", "Eve", "Flo"]
MARKUP = re.compile(r"<\s*(script|img|a|iframe|b|i)\b", re.IGNORECASE)  # ours: only deck.html's <b>


def hostile(label: str) -> str:
    return f"{SCRIPT} <img src=x onerror=alert('{label}')> AT&T {label}"


def write_bank(root: Path) -> None:
    seeds, deck = root / "seeds", root / "decks" / "x"
    seeds.mkdir(parents=True)
    deck.mkdir(parents=True)
    quotes = [f"{hostile('quote')} {name} & co spoke." for name in PEOPLE]
    (seeds / "100.txt").write_text(" ".join(quotes))
    (seeds / "sources.yaml").write_text(
        json.dumps(
            {
                "100": {
                    "file": "100.txt",
                    "title": hostile("title"),
                    "outlet": hostile("outlet"),
                    "author": hostile("author"),
                    "year": 2011,
                    "date": "2011-09-29",  # a checked date
                    "url": "https://example.org/" + hostile("url"),
                }
            }
        )
    )
    (deck / "deck.yaml").write_text(json.dumps({"title": hostile("deck")}))
    facts = [
        {
            "id": f"person-{n}",
            "q": f"{hostile('q')} Who spoke ({n})?",
            "a": f"{name} <b>&amp;</b> of the council",
            "kind": "person",
            "role": hostile("role"),
            "alt": [hostile(f"alt {name}")],
            "distractors": [hostile(f"d{n}{m}") for m in range(3)],
            "cloze": f"{hostile('cloze')} {{{{c1::{name} <b>&amp;</b> of the council}}}} spoke.",
            "when": f"20{10 + n}-05",
            "event": hostile(f"event {n}"),
            "tags": ["people"],
            "quote": quote,
            "stance": "claim",
            "note": hostile("note"),
            "derived": hostile("derived"),
        }
        for n, (name, quote) in enumerate(zip(PEOPLE, quotes, strict=False))
    ]
    (deck / "facts.yaml").write_text(json.dumps({"source": "100", "facts": facts}))  # JSON is YAML


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    root = tmp_path_factory.mktemp("markup")
    write_bank(root)
    [bank] = load_banks(root / "decks", root / "seeds")
    return bank, root


def test_worksheets_show_markup_as_text(bank):
    bank, root = bank
    paths = export("print", bank, root / "out", {"pdf": False, "default_set": True})
    pages = [path.read_text() for path in paths if path.suffix == ".html"]
    assert pages
    for page in pages:
        assert not MARKUP.search(page), MARKUP.search(page).group()
        assert "AT&T" not in page
    everything = "\n".join(pages)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in everything
    assert "AT&amp;T" in everything
    for label in ("q", "title", "outlet", "author", "deck"):  # questions and headers
        assert f"AT&amp;T {label}" in everything, label
    # an event label is printed only where the sheet's article dates the event (issue 22, rv5 W1);
    # wherever it is printed it is text: "AT&T" never appears raw (above)


def test_anki_fields_and_deck_descriptions_show_markup_as_text(bank):
    bank, root = bank
    [package] = [
        path
        for path in export("anki", bank, root / "out", {"anki_ledger": root / "ledger.json"})
        if path.suffix == ".apkg"
    ]
    database = root / "collection.anki2"
    with zipfile.ZipFile(package) as archive:
        database.write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(database) as connection:
        notes = [row[0].split("\x1f") for row in connection.execute("select flds from notes")]
        decks = json.loads(connection.execute("select decks from col").fetchone()[0])
    assert len(notes) == len(PEOPLE)
    # the top deck's description bolds the title itself (templates/anki/fields/deck.html)
    descriptions = [re.sub(r"^<p><b>(.*?)</b>", r"<p>\1", d["desc"]) for d in decks.values()]
    for field in [field for note in notes for field in note] + descriptions:
        assert not MARKUP.search(field), field
        assert "AT&T" not in field, field
    fields = "\n".join(field for note in notes for field in note)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in fields
    assert "Ann &lt;b&gt;&amp;amp;&lt;/b&gt;" in fields or "{{c1::Ann &lt;i&gt;&amp;&lt;/i&gt;}}" in fields
    for label in ("note", "quote", "title"):
        assert f"AT&amp;T {label}" in fields, label
