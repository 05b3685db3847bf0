"""Fact → note: which note type, which fields, which tags and GUID, and what the hash covers."""

from dataclasses import replace

import pytest

from quizgen.anki.names import deck_id, deck_name, note_guid, note_tags
from quizgen.anki.notes import build_note
from quizgen.anki.notetypes import CHOICE, CLOZE_TYPE, NOTE_TYPES, QUESTION, note_type_for
from quizgen.model import Bank, Fact, Location, Source, When

SOURCE = Source("007", "007_x.txt", "A title :: with colons", outlet="Outlet", year=2011)


def fact(fact_id="f-1", **changes):
    base = Fact(
        fact_id,
        "Which city hosted the 2010 summit?",
        "Lisbon",
        "place",
        "the summit in Lisbon",
        "fact",
        SOURCE,
        Location("decks/d/007.yaml", 4),
        tags=("summits", "lisbon-summit"),
    )
    return replace(base, **changes)


def bank(*facts):
    return Bank("nato-russia", "NATO–Russia relations", tuple(facts), {SOURCE.id: SOURCE})


def test_the_published_note_types_never_change():
    # Anki matches note types by id and fields/templates by name: these are a public contract
    # (changed once, for issue 12: learners tick "Merge note types" for that import)
    SHARED = ("Article", "Quote", "More sources", "ID", "Retired")
    assert [(kind.id, kind.name, kind.fields, [t.name for t in kind.templates]) for kind in NOTE_TYPES] == [
        (
            1410991744,
            "quizgen Question/answer",
            ("Question", "Answer", "Context", "Derived", *SHARED, "Role", "Role dates"),
            ["Question → answer", "Person → role"],
        ),
        (1487269831, "quizgen Cloze", ("Text", "Back Extra", "Derived", *SHARED), ["Cloze"]),
        (
            2026781297,
            "quizgen Multiple choice",
            ("Question", "Answer", "Wrong 1", "Wrong 2", "Wrong 3", "Stance", "Context", "Derived", *SHARED),
            ["Choose the answer"],
        ),
    ]


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({}, QUESTION),
        ({"stance": "claim"}, CHOICE),
        ({"stance": "propaganda", "note": "Why it is false."}, CHOICE),
        ({"kind": "year", "a": "2010", "cloze": "In {{c1::2010}}."}, CLOZE_TYPE),
        ({"kind": "number", "a": "8", "cloze": "{{c1::8}} diplomats."}, CLOZE_TYPE),
        ({"kind": "year", "a": "2010"}, QUESTION),
        ({"kind": "place", "cloze": "In {{c1::Lisbon}}."}, QUESTION),
        ({"kind": "year", "a": "2010", "cloze": "In {{c1::2010}}.", "stance": "claim"}, CHOICE),
    ],
)
def test_the_note_type_follows_stance_kind_and_cloze(changes, expected):
    assert note_type_for(fact(**changes)) is expected


def test_only_a_dated_role_not_stated_by_the_question_fills_the_role_fields():
    from quizgen.anki.persons import teaching_role

    dated = fact(
        kind="person", a="Anders Fogh Rasmussen", q="Who spoke at Lisbon?", role="NATO Secretary General (2009–2014)"
    )
    note = build_note(bank(dated), dated, teaching_role(dated))
    values = dict(zip(note.note_type.fields, note.fields, strict=False))
    assert (values["Role"], values["Role dates"]) == ("NATO Secretary General", "2009–2014")
    assert teaching_role(replace(dated, role="NATO Secretary General")) is None
    assert teaching_role(replace(dated, q="Which NATO secretary general spoke?")) is None
    assert (
        teaching_role(replace(dated, q="Which Russian president spoke?", role="President of Russia (2008–2012)"))
        is None
    )
    place = build_note(bank(fact()), fact())
    assert dict(zip(place.note_type.fields, place.fields, strict=False))["Role"] == ""


def test_yaml_text_is_escaped_in_every_field():
    risky = fact(q="<script>x</script> & <b>?", a="A & B", note="1 < 2", quote='He said "no" & left')
    fields = dict(zip(QUESTION.fields, build_note(bank(risky), risky).fields, strict=False))
    assert fields["Question"] == "&lt;script&gt;x&lt;/script&gt; &amp; &lt;b&gt;?"
    assert fields["Answer"] == "A &amp; B" and fields["Context"] == "1 &lt; 2"
    assert fields["Quote"] == 'He said "no" &amp; left'
    assert build_note(bank(risky), risky).sort_text == risky.q


def test_a_claim_without_enough_same_kind_answers_asks_openly():
    claim = fact(stance="claim")
    fields = dict(zip(CHOICE.fields, build_note(bank(claim), claim).fields, strict=False))
    assert fields["Wrong 1"] == fields["Wrong 2"] == fields["Wrong 3"] == ""
    assert fields["Answer"] == "Lisbon" and fields["Stance"] == "claim"


def test_the_hash_covers_the_fact_but_not_its_place_in_the_file_or_other_facts_answers():
    claim = fact(stance="claim", kind="person", a="Vladimir Putin", q="Who, according to X?")
    claim = replace(claim, category="leader")
    others = [
        fact(f"p-{i}", kind="person", a=name, q=f"Who is person {i}?", category="leader")
        for i, name in enumerate(["Dmitry Medvedev", "Sergey Lavrov", "Jens Stoltenberg"])
    ]
    base = build_note(bank(claim, *others), claim)
    renamed = [replace(others[0], a="Boris Yeltsin"), *others[1:]]
    with_other_options = build_note(bank(claim, *renamed), claim)
    assert with_other_options.fields != base.fields  # the options did change
    assert with_other_options.content_hash() == base.content_hash()
    moved = replace(claim, origin=Location("decks/d/other.yaml", 90))
    assert build_note(bank(moved, *others), moved).content_hash() == base.content_hash()
    for changes in (
        {"a": "V. Putin"},
        {"note": "Context."},
        {"tags": ("nrc",)},
        {"distractors": ("Boris Yeltsin",)},
        {"quote": "another passage"},
    ):
        edited = replace(claim, **changes)
        assert build_note(bank(edited, *others), edited).content_hash() != base.content_hash()


def test_the_guid_comes_from_the_deck_and_fact_id_only():
    one, edited = fact(), fact(q="Another question?", a="Porto")
    assert note_guid(bank(one), one.id) == note_guid(bank(edited), edited.id)
    assert note_guid(bank(one), one.id) != note_guid(bank(one), "f-2")
    other_deck = Bank("other", "Other", (one,), {})
    assert note_guid(bank(one), one.id) != note_guid(other_deck, one.id)


def test_tags_nest_under_the_deck_without_spaces():
    dated = fact(when=When(1997, 5, 27), tags=("founding-act", "nrc", "covid-19", "unlisted tag"))
    assert build_note(bank(dated, fact("f-2", tags=("nrc",))), dated).tags == (
        "nato_russia::era::1990s",
        "nato_russia::id::f-1",
        "nato_russia::kind::place",
        "nato_russia::priority::core",
        "nato_russia::source::outlet_2011",
        "nato_russia::stance::fact",
        "nato_russia::topic::nato-russia-council",
    )
    alone = build_note(bank(dated), dated).tags  # a topic of one fact finds nothing: left out
    assert not [tag for tag in alone if "::topic::" in tag]
    covid = fact(tags=("eadrcc",))
    assert "nato_russia::priority::extra" in build_note(bank(covid), covid).tags
    undated = fact(tags=())
    assert not [tag for tag in note_tags(bank(undated), undated, set()) if "::era::" in tag]


def test_subdecks_are_one_level_per_article_with_fixed_ids():
    name = deck_name(bank(fact()), SOURCE)
    assert name == "NATO–Russia relations::Outlet, 2011"
    author = Source("008", "008_x.txt", "T", outlet="IPN", author="Dionis Cenuşa", year=2020)
    assert deck_name(bank(fact()), author) == "NATO–Russia relations::Cenuşa, 2020"
    nested = Source("009", "009_x.txt", "T", outlet="A :: B", year=2011)
    assert deck_name(bank(fact()), nested) == "NATO–Russia relations::A: B, 2011"
    long = Source("010", "010_x.txt", "T", outlet="An outlet with a very long name indeed", year=2021)
    assert deck_name(bank(fact()), long) == "NATO–Russia relations::An outlet with a very lon…, 2021"
    assert deck_id(name) == deck_id(name) != deck_id(deck_name(bank(fact())))
    assert 1 << 30 <= deck_id(name) < 1 << 31


def test_a_topics_own_name_as_a_tag_files_the_fact_under_it():
    """rv5-author M2: the README lists the topic names; a teacher tags a fact with one and gets it."""
    from quizgen.anki.topics import TOPICS, topics_of

    for topic in TOPICS:
        assert topics_of([topic]) == {topic}
    assert topics_of(["no-such-tag-anywhere"]) == set()
