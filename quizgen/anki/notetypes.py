"""The three Anki note types quizgen publishes: fixed ids, names, fields and card templates.

Ids, names, field names and template names are published: Anki matches note types by id and
fields/templates by name, so changing any of them turns every later import into a conflict.
Card faces (HTML, CSS) may change freely; the ledger gives a changed note type a newer mtime.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache

from quizgen.paths import templates_dir

FRONT_BACK, CLOZE = 0, 1  # genanki.Model.FRONT_BACK / CLOZE, without importing genanki here


@dataclass(frozen=True)
class CardTemplate:
    name: str
    front: str  # file in templates/anki/
    back: str
    browse_front: str  # what Anki's Browse shows in its Question and Answer columns: the prompt
    browse_back: str  # and the answer only, never hidden options or boilerplate


@dataclass(frozen=True)
class NoteType:
    """One published note type; `volatile` fields depend on other facts and stay out of note hashes."""

    key: str
    id: int
    name: str
    model_type: int
    fields: tuple[str, ...]
    templates: tuple[CardTemplate, ...]
    volatile: tuple[str, ...] = ()
    sort_field: int = 0

    def empty(self) -> dict[str, str]:
        return dict.fromkeys(self.fields, "")

    def faces(self) -> list[dict]:
        return [
            {
                "name": t.name,
                "qfmt": read_face(t.front),
                "afmt": read_face(t.back),
                "bqfmt": t.browse_front,
                "bafmt": t.browse_back,
            }
            for t in self.templates
        ]

    def spec_hash(self) -> str:
        """Hash of everything Anki stores for the note type: a change needs a newer mtime."""
        spec = {
            "id": self.id,
            "name": self.name,
            "type": self.model_type,
            "fields": self.fields,
            "templates": self.faces(),
            "css": read_face("card.css"),
            "sort": self.sort_field,
        }
        return content_hash(spec)

    def to_genanki(self, mtime: int):
        from quizgen.anki.package import TimedModel

        return TimedModel(
            self.id,
            self.name,
            fields=[{"name": name} for name in self.fields],
            templates=self.faces(),
            css=read_face("card.css"),
            model_type=self.model_type,
            sort_field_index=self.sort_field,
            mtime=mtime,
        )


# fields every note type ends with: the fact's own article and quote, the other articles that
# report it, its id (shown small on the back, for reports) and, for a retired id, the reason
SHARED = ("Article", "Quote", "More sources", "ID", "Retired")

QUESTION = NoteType(
    key="qa",
    id=1410991744,
    name="quizgen Question/answer",
    model_type=FRONT_BACK,
    fields=("Question", "Answer", "Context", "Derived", *SHARED, "Role", "Role dates"),
    templates=(
        CardTemplate("Question → answer", "qa-front.html", "qa-back.html", "{{Question}}", "{{Answer}}"),
        CardTemplate(
            "Person → role",
            "person-front.html",
            "person-back.html",
            "{{Answer}}: which role, {{Role dates}}?",
            "{{Role}}",
        ),
    ),
)
CLOZE_TYPE = NoteType(
    key="cloze",
    id=1487269831,
    name="quizgen Cloze",
    model_type=CLOZE,
    fields=("Text", "Back Extra", "Derived", *SHARED),
    templates=(CardTemplate("Cloze", "cloze-front.html", "cloze-back.html", "{{cloze:Text}}", "{{cloze:Text}}"),),
)
CHOICE = NoteType(
    key="mc",
    id=2026781297,
    name="quizgen Multiple choice",
    model_type=FRONT_BACK,
    fields=("Question", "Answer", "Wrong 1", "Wrong 2", "Wrong 3", "Stance", "Context", "Derived", *SHARED),
    templates=(CardTemplate("Choose the answer", "mc-front.html", "mc-back.html", "{{Question}}", "{{Answer}}"),),
    volatile=("Wrong 1", "Wrong 2", "Wrong 3"),
)
NOTE_TYPES = (QUESTION, CLOZE_TYPE, CHOICE)


def note_type_for(fact) -> NoteType:
    """Claims and propaganda: multiple choice (who said what); year/date/number facts with a
    cloze: cloze; everything else: question/answer."""
    if fact.stance in ("claim", "propaganda"):
        return CHOICE
    if fact.kind in ("year", "date", "number") and fact.cloze:
        return CLOZE_TYPE
    return QUESTION


_INCLUDE = re.compile(r"<!-- include: ([\w.-]+) -->")


@cache
def read_face(name: str) -> str:
    """An Anki card face or stylesheet, read as plain text (Anki's {{Field}} syntax is not Jinja);
    `<!-- include: x -->` puts in templates/anki/parts/x, shared by several faces."""
    text = (templates_dir() / "anki" / name).read_text(encoding="utf-8")
    return _INCLUDE.sub(lambda m: read_face(f"parts/{m.group(1)}").strip(), text)


def content_hash(data) -> str:
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
