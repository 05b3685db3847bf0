"""`quizgen anki`: write the Anki deck of each bank into <out>/anki/."""

from __future__ import annotations

import sys
from pathlib import Path

from quizgen.anki.exporter import write_deck
from quizgen.paths import shown
from quizgen.selection import banks_from_args
from quizgen.text import printable


def main(args) -> int:
    for bank in banks_from_args(args):
        written = write_deck(bank, Path(args.out), {"release": args.release})
        total_notes, total_cards = sum(written.notes.values()), sum(written.cards.values())
        print(f"wrote {printable(shown(written.package))}: {total_notes} notes, {total_cards} cards")
        for name in sorted(written.notes):
            print(f"  {name}: {written.notes[name]} notes, {written.cards[name]} cards")
        print(f"  reversed person cards: {written.person_cards}; retired notes: {written.retired}")
        for warning in written.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        if written.ledger:
            print(f"wrote {printable(shown(written.ledger))} (new note versions: commit it with the YAML)")
        if not args.release:
            print("  new fact ids stay drafts (renamable) until `quizgen anki --release`")
        elif written.released:
            shown_ids = ", ".join(written.released[:5]) + (", …" if len(written.released) > 5 else "")
            print(
                f"  released {len(written.released)} new id{'s' if len(written.released) != 1 else ''} "
                f"({shown_ids}): from now on `check` keeps them (retire, never rename)"
            )
        else:
            print("  released: no new ids (every id was published already)")
    return 0
