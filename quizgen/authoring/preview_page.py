"""`quizgen preview ID --html`: one fact's Anki card faces and study-page card, rendered, in one page."""

from __future__ import annotations

from quizgen.anki.notetypes import read_face
from quizgen.authoring.anki_faces import card_faces, note_of
from quizgen.authoring.preview import blocks, heading, study_record
from quizgen.model import Bank, Fact
from quizgen.paths import templates_dir

# the study page's names of the kinds (templates/web/dom.mjs, KIND_NAMES)
KIND_NAMES = {
    "year": "Year",
    "date": "Date",
    "number": "Number",
    "person": "Person",
    "place": "Place",
    "organization": "Organization",
    "document": "Document",
    "event": "Event",
    "term": "Term",
}


def preview_page(bank: Bank, fact: Fact) -> str:
    """The page: every Anki card's front and back and the study page's card, each as its own
    document in a frame, and the worksheet and terminal quiz lines."""
    from markupsafe import Markup

    from quizgen.templating import environment

    env = environment()
    note = note_of(bank, fact)
    anki_css = Markup(read_face("card.css"))  # our stylesheets, shipped in templates/: no data in them
    face_page = env.get_template("preview/anki-face.html")
    cards = [
        {
            "name": front.card,
            "sides": [
                (side.side, face_page.render(css=anki_css, ordinal=number, face=Markup(side.html)))
                for side in (front, back)
            ],
        }
        for number, (front, back) in enumerate(card_faces(note), start=1)
    ]
    data, record = study_record(bank, fact)
    study_css = Markup((templates_dir() / "web" / "study.css").read_text(encoding="utf-8"))
    card_page = env.get_template("preview/study-card.html")
    common = {
        "css": study_css,
        "fact": {"date": None, "event": None, **record},  # only a dated fact has them
        "kind": KIND_NAMES.get(fact.kind, fact.kind),
        "sources": "; ".join(data["sources"][cite["source"]]["label"] for cite in record["cites"]),
        "stance": data["stances"][fact.stance],
        "cites": [
            {"quote": cite["quote"], "citation": data["sources"][cite["source"]]["citation"]}
            for cite in record["cites"]
        ],
    }
    mc = record.get("mc")
    study = [
        (
            "Multiple choice" if mc else "Flashcards",
            card_page.render(
                common,
                question=record["q"],
                options=mc["options"] if mc else None,
                answer_index=mc["answer"] if mc else None,
                full=None,
            ),
        )
    ]
    if record.get("cloze"):
        study.append(
            (
                "Fill the gap",
                card_page.render(
                    common,
                    kind="Fill the gap",
                    question=record["cloze"]["text"],
                    options=None,
                    answer_index=None,
                    full=record["cloze"]["full"],
                ),
            )
        )
    texts = [block for block in blocks(bank, fact) if not block[0].startswith(("Anki", "Study"))]
    return env.get_template("preview/fact.html").render(
        fact=fact, heading=heading(fact), note=note, cards=cards, study=study, blocks=texts
    )
