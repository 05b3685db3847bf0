"""The four mistakes `check` once let through, proved over every fact of their shape: a `when` that
contradicts a year or date answer, a claim without attribution, a `skipped:` passage cutting a
word, a `sources:` quote that does not state the answer (errors); a claim without attribution
(a warning until the bundled bank has none), event labels that ordering cannot use (warnings)."""

import calendar
import dataclasses
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from hypothesis import Phase, assume, given, settings
from hypothesis import strategies as st

from quizgen.authoring.lint import claim_warnings, propaganda_warnings, warnings
from quizgen.bank.loader import load_banks
from quizgen.bank.provenance import quote_problem
from quizgen.bank.records import read_skips
from quizgen.bank.rules import Problems, check_fact
from quizgen.bank.seeds import load_seeds
from quizgen.bank.yamlfile import LineDict, LineList, read_yaml
from quizgen.errors import clip  # the house's quoting of a long value
from quizgen.model import When
from quizgen.text import number_words, plain

DECK = ROOT / "decks" / "nato-russia"
MONTHS = list(calendar.month_name)[1:]  # the standard library's names, not the program's
SEEDS = load_seeds(ROOT / "seeds", "seeds")
# (file as shown, the fact's raw mapping, its article) for every fact of the bundled bank
RAW = [
    (path.name, raw, SEEDS[str(doc["source"])])
    for path in sorted(DECK.glob("0*.yaml"))
    for doc in [read_yaml(path, path.name)]
    for raw in doc["facts"]
]
# words made of letters no verb of saying, attributing word or author's name is spelled with alone
NEUTRAL = st.lists(st.text("bdfghkmpqvxz", min_size=3, max_size=8), min_size=3, max_size=8).map(" ".join)


def _changed(raw: LineDict, **values) -> LineDict:
    """A copy of `raw` with some fields set (None: removed); lines stay those of the YAML."""
    copy = LineDict({k: v for k, v in {**raw, **values}.items() if v is not None})
    copy.line, copy.lines = raw.line, dict(raw.lines)
    return copy


def _problems(shown: str, raw: LineDict, seed) -> list[str]:
    found = Problems(shown, raw, raw["id"])
    check_fact(found, raw, seed, SEEDS)
    return found.lines


def _line(raw: LineDict, key: str) -> int:
    return raw.lines.get(key, raw.line)


def test_the_bundled_facts_pass_every_rule():
    """The baseline each mistake is planted into: no fact of the bank breaks a rule."""
    assert [line for shown, raw, seed in RAW for line in _problems(shown, raw, seed)] == []


YEAR_FACTS = [fact for fact in RAW if fact[1]["kind"] == "year"]
DATE_FACTS = [fact for fact in RAW if fact[1]["kind"] == "date"]


@settings(max_examples=15, deadline=None)
@given(delta=st.integers(-60, 60).filter(bool), month=st.none() | st.integers(1, 12))
def test_a_when_in_another_year_than_a_year_answer_is_an_error(delta, month):
    assert len(YEAR_FACTS) > 10
    for shown, raw, seed in YEAR_FACTS:
        year = int(raw["a"]) + delta
        if str(year) in raw.get("event", ""):
            continue  # a label naming that year has its own error
        when = f"{year}" if month is None else f"{year}-{month:02d}"
        wrong = _changed(raw, when=when, event=raw.get("event", "an event of the article"))
        assert _problems(shown, wrong, seed) == [
            f"{shown}:{_line(raw, 'when')}: fact '{raw['id']}': field 'when' ({when}) disagrees with the "
            f"answer '{raw['a']}': a year fact's 'when' is the date it answers"
        ]
        # the same year, at any precision, agrees
        right = _changed(
            raw,
            when=f"{raw['a']}" if month is None else f"{raw['a']}-{month:02d}",
            event=raw.get("event", "an event of the article"),
        )
        assert _problems(shown, right, seed) == []


@settings(max_examples=15, deadline=None)
@given(part=st.sampled_from(["year", "month", "day"]), delta=st.integers(1, 5))
def test_a_when_on_another_day_than_a_date_answer_is_an_error(part, delta):
    assert len(DATE_FACTS) > 5
    for shown, raw, seed in DATE_FACTS:
        words = raw["a"].split()  # '24 February 2022' or 'May 2002': read here, not by the code
        year, month = int(words[-1]), MONTHS.index(words[-2]) + 1
        day = int(words[0]) if len(words) == 3 else None
        if part == "day" and day is None:
            continue
        year, month = year + (delta if part == "year" else 0), (month - 1 + (delta if part == "month" else 0)) % 12 + 1
        if day is not None:
            day = (day - 1 + (delta if part == "day" else 0)) % 28 + 1
        if str(year) in raw.get("event", ""):
            continue
        when = f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
        if when == (raw.get("when") and str(raw["when"])):
            continue  # a day past 28 folded onto itself
        wrong = _changed(raw, when=when, event=raw.get("event", "an event of the article"))
        assert _problems(shown, wrong, seed) == [
            f"{shown}:{_line(raw, 'when')}: fact '{raw['id']}': field 'when' ({when}) disagrees with the "
            f"answer '{raw['a']}': a date fact's 'when' is the date it answers"
        ]


@settings(max_examples=10, deadline=None)
@given(words=NEUTRAL, field=st.sampled_from(["q", "cloze"]))
def test_a_claim_that_says_not_whose_it_is_is_flagged(bank, words, field):
    """Every claim of the bank with its question (or cloze) reworded without attribution is
    flagged, naming the fact's line and the field; the same words attributed, or a fact, are not."""
    claims = [fact for fact in bank.facts if fact.stance == "claim" and attributed_all(fact)]
    assert len(claims) > 20
    for fact in claims:
        if field == "cloze" and not fact.cloze:
            continue
        text = f"{words} {{{{c1::{words.split()[0]}}}}}." if field == "cloze" else f"{words}?"
        assert claim_warnings(dataclasses.replace(fact, **{field: text})) == [
            f"{fact.origin.of(field)}: fact '{fact.id}': field '{field}': a claim must say whose it is, "
            f'e.g. "According to {fact.source.short} …" or "X warned that …" (or use stance: fact)'
        ]
        said = dataclasses.replace(fact, **{field: f"According to {fact.source.short}, {text}"})
        assert claim_warnings(said) == []
        assert claim_warnings(dataclasses.replace(fact, **{field: text}, stance="fact")) == []


def attributed_all(fact) -> bool:
    return claim_warnings(fact) == []


def _passage_entry(shown: str, passage: str, seed) -> tuple[list[str], list]:
    entry = LineDict({"passage": passage, "reason": "a heading"})
    entry.line, entry.lines = 7, {"passage": 7, "reason": 7}
    entries = LineList([entry])
    entries.line, entries.lines = 6, [7]
    doc = LineDict({"skipped": entries})
    doc.line, doc.lines = 1, {"skipped": 6}
    problems: list[str] = []
    skips = read_skips(doc, shown, seed, problems)
    return problems, skips


def _words(text: str) -> list[re.Match]:
    return list(re.finditer(r"\w+", text))


@settings(max_examples=60, deadline=None)
@given(source=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_a_skipped_passage_that_cuts_a_word_is_an_error(source, data):
    """Any run of the article that starts or ends inside a word (and occurs only there) is refused,
    naming the entry's line; the same run widened to whole words is accepted."""
    seed = SEEDS[source]
    words = [w for w in _words(seed.text) if len(w.group()) >= 3]
    first = data.draw(st.integers(0, len(words) - 6))
    last = data.draw(st.integers(first + 2, min(first + 12, len(words) - 1)))
    start, end = words[first].start(), words[last].end()
    cut_start, cut_end = data.draw(st.sampled_from([(1, 0), (0, 1), (1, 1)]))
    passage = seed.text[start + cut_start : end - cut_end]
    assume(seed.text.count(passage) == 1)
    assume(_passage_entry("facts.yaml", seed.text[start:end], seed)[0] == [])  # whole, it names a passage
    problems, skips = _passage_entry("facts.yaml", passage, seed)
    assert problems == [
        "facts.yaml:7: field 'skipped': passage cuts a word in two: start and end it at word boundaries"
    ]
    assert skips == []
    problems, skips = _passage_entry("facts.yaml", seed.text[start:end], seed)
    assert problems == [] and len(skips) == 1


def test_every_bundled_skipped_passage_cut_by_a_letter_is_an_error():
    checked = 0
    for path in sorted(DECK.glob("0*.yaml")):
        doc = read_yaml(path, path.name)
        seed = SEEDS[str(doc["source"])]
        for entry in doc.get("skipped", []):
            passage = entry["passage"].strip()
            if len(passage.split()[0]) > 1 and passage[0].isalnum():
                problems, _ = _passage_entry(path.name, passage[1:], seed)
                if seed.text.count(passage[1:]) == seed.text.count(passage):  # only inside the word
                    assert problems == [
                        f"{path.name}:7: field 'skipped': passage cuts a word in two: "
                        "start and end it at word boundaries"
                    ]
                    checked += 1
    assert checked > 20


@pytest.fixture(scope="module")
def bank():
    return load_banks(ROOT / "decks", ROOT / "seeds")[0]


SMALL = {"the", "a", "an", "of", "and", "in", "on", "to", "for", "by", "at", "its", "s", "with"}


def _sentences_without(text: str, answer_words: set[str]) -> list[str]:
    """Sentences of an article sharing no word with the answer (read here with a plain split)."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = {w.casefold() for w in re.findall(r"[A-Za-z0-9]+", f"{sentence} {number_words(sentence)}")}
        words |= {re.sub(r"\D.*", "", w) for w in words if w[:1].isdigit()}  # '20th' says 20, 'seventeen' 17
        if len(plain(sentence).split()) >= 6 and len(plain(sentence)) >= 30 and not words & answer_words:
            found.append(sentence.strip())
    return found


def _sources(source: str, quote: str, line: int) -> LineList:
    item = LineDict({"source": source, "quote": quote})
    item.line, item.lines = line, {"source": line, "quote": line}
    entries = LineList([item])
    entries.line, entries.lines = line, [line]
    return entries


@settings(max_examples=5, deadline=None, phases=[Phase.explicit, Phase.generate])  # no shrinking: a draw per fact
@given(data=st.data())
def test_a_sources_quote_that_does_not_state_the_answer_is_an_error(data):
    """Every fact citing another article's sentence that has no word of its answer (nor of an alt)
    is refused, naming the entry's line, the field and the article; with 'derived' saying how the
    answer follows it is accepted."""
    for shown, raw, seed in RAW:
        if raw.get("derived"):
            continue  # says how its answer follows: checked below with a derived of our own
        forms = [str(raw["a"]), *raw.get("alt", ()), *([raw["as_written"]] if raw.get("as_written") else [])]
        answer_words = {w.casefold() for form in forms for w in re.findall(r"[A-Za-z0-9]+", str(form))} - SMALL
        others = {s: _sentences_without(SEEDS[s].text, answer_words) for s in sorted(SEEDS) if s != seed.source.id}
        other = data.draw(st.sampled_from([s for s, found in others.items() if found]))
        quote = data.draw(st.sampled_from(others[other]))
        planted = _changed(raw, sources=_sources(other, quote, 999))
        assert _problems(shown, planted, seed) == [
            f"{shown}:999: fact '{raw['id']}': field 'sources': the quote from seed {other} does not state "
            f"the answer '{clip(str(raw['a']))}' (nor an alt): quote the words that do, or explain in "
            f"'derived' how it follows"
        ]
        explained = _changed(planted, derived="The article says so in other words.")
        assert _problems(shown, explained, seed) == []


QUOTES = [(raw["id"], raw["quote"], seed) for _, raw, seed in RAW]


@settings(max_examples=8, deadline=None, phases=[Phase.explicit, Phase.generate])
@given(data=st.data())
def test_a_quote_with_a_typo_names_the_closest_passage_and_the_word(data):
    """Every bundled quote with one inner word misspelt (two letters swapped, or one dropped):
    the message shows the article's passage and names the word, yours and the article's."""
    for fact_id, quote, seed in QUOTES:
        words = list(re.finditer(r"\w+(?:['-]\w+)*", plain(quote)))  # a word: letters and digits
        at = data.draw(st.integers(1, len(words) - 2))
        word = words[at].group()
        letters = [i for i, ch in enumerate(word[:-1]) if ch.isalpha() and word[i + 1].isalpha()]
        if not letters or len(word) < 4:
            continue
        i = data.draw(st.sampled_from(letters))
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :] if word[i] != word[i + 1] else word[:i] + word[i + 1 :]
        wrong = plain(quote)[: words[at].start()] + typo + plain(quote)[words[at].end() :]
        if wrong in seed.text:
            continue
        why = quote_problem(seed, wrong)
        assert why is not None and 'closest passage: "' in why, (fact_id, why)
        assert why.endswith(f'word {at + 1} is "{typo}" where the article has "{word}"'), (fact_id, why)
        # the passage shown is the article's, of whole words (rv5-author W10: it ended in 'fou' for 'four')
        passage = why.split('closest passage: "', 1)[1].split('"; ', 1)[0].strip("…")
        article = plain(seed.text)
        start = article.find(passage)
        assert start >= 0, (fact_id, passage)
        end = start + len(passage)
        assert not (start > 0 and article[start - 1].isalnum()) and not article[end : end + 1].isalnum(), passage


def test_a_quote_in_typographic_quotation_marks_says_to_drop_them():
    for fact_id, quote, seed in QUOTES:
        why = quote_problem(seed, f"\u201c{quote}\u201d")
        if f"\u201c{quote}\u201d" not in seed.text and f'"{plain(quote)}"' not in seed.text:
            assert why is not None and "wrapped in quotation marks" in why, (fact_id, why)


DATED = [fact for fact in load_banks(ROOT / "decks", ROOT / "seeds")[0].facts if fact.when and fact.event]


@settings(max_examples=40, deadline=None)
@given(
    pair=st.tuples(st.sampled_from(DATED), st.sampled_from(DATED)).filter(
        lambda p: p[0].date.year != p[1].date.year and str(p[1].date.year) not in p[0].event_label
    )
)
def test_two_events_of_different_years_with_one_label_are_a_warning_naming_both(bank, pair):
    """Any dated fact given the label of an event of another year: `check` warns on the second,
    naming the first with its file and line (neither can be asked on a time axis)."""
    first, second = pair
    copied = dataclasses.replace(second, event=first.event_label)
    facts = tuple(copied if fact.id == second.id else fact for fact in bank.facts)
    lines = warnings(dataclasses.replace(bank, facts=facts))
    order = [fact.id for fact in facts]
    one, other = sorted((first, copied), key=lambda fact: order.index(fact.id))
    assert any(
        line.startswith(
            (
                f"{other.origin.of('event')}: fact '{other.id}': field 'event' is like the label of "
                f"'{one.id}' ({one.origin}, another year",
                f"{other.origin.of('event')}: fact '{other.id}': field 'event' is the label of "
                f"'{one.id}' ({one.origin}, another year",
            )
        )
        for line in lines
    ), lines


@settings(max_examples=20, deadline=None)
@given(fact=st.sampled_from(DATED), year=st.integers(1900, 2099))
def test_an_event_label_that_prints_a_year_is_a_warning(bank, fact, year):
    copied = dataclasses.replace(fact, event=f"{fact.event_label} ({year})")
    facts = tuple(copied if f.id == fact.id else f for f in bank.facts)
    assert (
        f"{fact.origin.of('event')}: fact '{fact.id}': field 'event' prints a year, so no ordering or matching "
        f"question uses it: describe the event without dates"
    ) in warnings(dataclasses.replace(bank, facts=facts))


def test_a_planted_mistake_is_one_line_and_exit_2_from_the_command_line(tmp_path):
    """Through `quizgen check`: the line, nothing on stdout, the summary line, exit 2."""
    shown, raw, _ = next(fact for fact in YEAR_FACTS if "when" in fact[1])
    for name in ("seeds", "decks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    path = tmp_path / "decks" / "nato-russia" / shown
    lines = path.read_text(encoding="utf-8").split("\n")
    at = raw.lines["when"] - 1
    assert lines[at].strip().startswith("when:")
    wrong = int(raw["a"]) + 2
    lines[at] = lines[at].split("when:")[0] + f"when: {wrong}"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "check"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"decks/nato-russia/{shown}:{at + 1}: fact '{raw['id']}': field 'when' ({wrong}) disagrees with the "
        f"answer '{raw['a']}': a year fact's 'when' is the date it answers",
        "quizgen: 1 problem in the fact bank; nothing was written",
    ]


def _three_events(bank, source):
    """The bank with at least three dated events citing `source` (an article of fewer gets copies of
    other articles' events, under new ids: any valid article may have two or none), and those events."""
    cited = [fact for fact in bank.facts if fact.when and fact.event and fact.cites(source)]
    others = [fact for fact in bank.facts if fact.when and fact.event and not fact.cites(source)]
    made = [
        dataclasses.replace(fact, id=f"{fact.id}-copy", source=bank.sources[source], also=())
        for fact in others[: max(0, 3 - len(cited))]
    ]
    return dataclasses.replace(bank, facts=(*bank.facts, *made)), cited + made


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_an_article_whose_events_all_fall_in_one_year_is_not_warned_of(bank, source):
    """Events less than a year apart have no one right order, and no label a teacher writes can
    change that: an article about one year is not warned of (README, "Checking your facts")."""
    bank, cited = _three_events(bank, source)
    assert len(cited) >= 3
    same = When(2020, 6)
    facts = tuple(dataclasses.replace(f, when=same) if f in cited else f for f in bank.facts)
    lines = warnings(dataclasses.replace(bank, facts=facts))
    assert not [line for line in lines if f": article {source}: " in line], lines


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_an_article_whose_events_are_years_apart_but_labelled_alike_is_a_warning(bank, source):
    """Three events years apart whose labels are made one and the same: the labels are the cause,
    so the article is named at its own file, with the events and the words to reword."""
    bank, cited = _three_events(bank, source)
    years = [When(2001), When(2005), When(2009)]
    chosen = cited[:3]
    label = "the council meets in the capital"
    facts = tuple(
        dataclasses.replace(f, when=years[chosen.index(f)], event=label) if f in chosen else f
        for f in bank.facts
        if f in chosen or f not in cited  # the article keeps only the three relabelled events
    )
    lines = warnings(dataclasses.replace(bank, facts=facts))
    warned = [line for line in lines if f": article {source}: " in line]
    assert len(warned) == 1, lines
    first = next((f for f in chosen if f.source.id == source), chosen[0])  # the article's own file first
    assert warned[0].startswith(f"{first.origin}: article {source}: ")
    assert all(f"'{f.id}'" in warned[0] for f in chosen) and "reword the labels" in warned[0]


@pytest.mark.parametrize(
    "note, warned",
    [
        (None, True),
        ("", True),
        ("False.", True),
        ("x" * 40, True),
        ("  " + "x" * 40 + "  ", True),
        ("x" * 41, False),
        ("NATO never promised not to enlarge; no treaty says so.", False),
    ],
)
def test_a_propaganda_note_too_short_to_say_why_is_a_warning(note, warned):
    fact = next(f for f in load_banks(ROOT / "decks", ROOT / "seeds")[0].facts if f.stance == "propaganda")
    lines = propaganda_warnings(dataclasses.replace(fact, note=note))
    assert lines == (
        [
            f"{fact.origin.of('note')}: fact '{fact.id}': field 'note': a propaganda note of 40 characters or "
            f"fewer cannot say why the claim is false: say what is wrong and what is true"
        ]
        if warned
        else []
    )
    assert propaganda_warnings(dataclasses.replace(fact, note=note, stance="claim")) == []


GROUP_MARKS = [",", " ", "\u2009", "\u202f", "\u00a0", "."]


def _grouped(number: int, mark: str) -> str:
    """`number` written with `mark` between groups of three digits, by hand: 192000 -> '192 000'."""
    digits = str(number)
    head = len(digits) % 3 or 3
    return mark.join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


def _alt_problems(answer: str, alt: str) -> list[str]:
    raw = _changed(RAW_NUMBER, a=answer, alt=[alt], distractors=None, cloze=None, quote=None, derived=None)
    return [line for line in _problems("f.yaml", raw, None) if "field 'alt'" in line]


RAW_NUMBER = next(raw for _, raw, _ in RAW if raw.get("kind") == "number")


@settings(max_examples=60, deadline=None)
@given(
    number=st.integers(min_value=1000, max_value=10**9),
    mark=st.sampled_from(GROUP_MARKS),
    answer_mark=st.sampled_from([",", ""]),
    other=st.integers(min_value=1, max_value=10**9),
)
def test_a_number_alt_grouped_by_any_thousands_mark_is_the_same_number(number, mark, answer_mark, other):
    """rv4-author M4: '192 000 people' is 192,000 written another way (the quiz accepts it typed):
    any group mark the quiz reads (comma, space, thin or no-break space, points) states the number;
    another number, however grouped, is refused naming the number it states."""
    answer = f"{_grouped(number, answer_mark)} people"
    assert _alt_problems(answer, f"{_grouped(number, mark)} people") == []
    assume(other != number)
    refused = _alt_problems(answer, f"{_grouped(other, mark)} people")
    assert len(refused) == 1 and f"states {other}, not the answer's number {number}" in refused[0], refused


WITH_ALT = [(shown, raw, seed) for shown, raw, seed in RAW if raw.get("alt")]


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_distractor_that_is_an_alt_or_the_answer_is_named(data):
    """rv4-author W3: a distractor equal to an alt (in any case) is named, and called an accepted
    answer, at the distractors' line; one equal to the answer is called the answer."""
    shown, raw, seed = data.draw(st.sampled_from(WITH_ALT))
    alt = data.draw(st.sampled_from(list(raw["alt"])))
    as_alt = f"an accepted answer (field 'alt': '{clip(alt)}')"
    for wrong, what in (
        (alt.upper(), "the answer 'a'" if alt.casefold() == raw["a"].casefold() else as_alt),  # the answer first
        (raw["a"], "the answer 'a'"),
    ):
        changed = _changed(raw, distractors=[wrong, *raw.get("distractors", [])])
        found = [line for line in _problems(shown, changed, seed) if "field 'distractors'" in line]
        assert found == [
            f"{shown}:{_line(raw, 'distractors')}: fact '{raw['id']}': field 'distractors': '{clip(wrong)}' is "
            f"{what}, so it is not a wrong option: remove it from distractors"
        ], found


def test_a_dated_role_written_without_brackets_is_a_warning_naming_the_bracketed_form(bank):
    """rv4-author W5: 'President of France 2007-2012' made no reversed card and check said nothing.
    Every bundled dated role, its brackets taken off, is warned of, with the form that makes the
    card; no bundled role is warned of as written."""
    from quizgen.anki.persons import teaching_role
    from quizgen.authoring.lint import role_warnings

    assert not [line for fact in bank.facts for line in role_warnings(fact)]
    one_term = r"[^;()\d]+ \((?:\d{4}–\d{4}|(?:from|since) [^()]*\d{4})\)"
    dated_roles = [f for f in bank.facts if f.role and re.fullmatch(one_term, f.role)]
    assert dated_roles
    for fact in dated_roles:
        office, term = re.fullmatch(r"(.+) \((.+)\)", fact.role).groups()
        bare = dataclasses.replace(fact, role=f"{office} {term}")
        (line,) = role_warnings(bare)
        assert line == (
            f"{fact.origin.of('role')}: fact '{fact.id}': field 'role': '{office} {term}' makes no reversed Anki card: "
            f"write the term in brackets, '{fact.role}'"
        )
        assert teaching_role(bare) is None  # the card is indeed lost without the brackets


@settings(max_examples=20, deadline=None)
@given(data=st.data(), key=st.sampled_from(["note", "page", "quotes", "url"]))
def test_a_sources_entry_with_another_key_names_it(data, key):
    """rv4-author W7: an entry of 'sources' with a key besides 'source' and 'quote' names that key."""
    shown, raw, seed = data.draw(st.sampled_from(RAW))
    entry = LineDict({"source": seed.source.id, "quote": raw["quote"], key: "x"})
    entry.line, entry.lines = 900, {"source": 900, "quote": 901, key: 902}
    listed = LineList([entry])
    listed.line, listed.lines = 899, {0: 900}
    found = [line for line in _problems(shown, _changed(raw, sources=listed), seed) if "'sources'" in line]
    assert found == [
        f"{shown}:900: fact '{raw['id']}': each entry of 'sources' needs exactly 'source' and 'quote' (not '{key}')"
    ], found
