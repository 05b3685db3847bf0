"""The domain model: sources, facts and the bank, as small frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

# the closed vocabularies live in light modules (the command line needs them without the model)
from quizgen.kinds import KINDS as KINDS
from quizgen.kinds import STANCES as STANCES
from quizgen.text.dates import MONTHS as MONTHS

SHORT_MAX = 32  # a source's short label fits a subdeck name or a citation in a margin


@dataclass(frozen=True, order=True)
class When:
    """A date of known precision: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def label(self) -> str:
        """Human form: '2002', 'May 2002' or '27 May 1997'."""
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month - 1]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"


@dataclass(frozen=True)
class Location:
    """Where something was written: a file (as shown to the user) and a 1-based line."""

    path: str
    line: int
    fields: tuple[tuple[str, int], ...] = field(default=(), compare=False)  # each field's own line

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"

    def of(self, name: str) -> Location:
        """Where field `name` was written (the fact's own line when not known)."""
        return Location(self.path, dict(self.fields).get(name, self.line))


@dataclass(frozen=True)
class Source:
    """One seed article and what it tells about itself."""

    id: str
    file: str
    title: str
    outlet: str | None = None
    author: str | None = None
    year: int | None = None
    date: str | None = None
    url: str | None = None
    short: str = ""  # a short label ('Cenuşa, IPN 2020'); derived from author or outlet and year if empty

    def __post_init__(self):
        if not self.short:
            object.__setattr__(self, "short", self._derived_short())

    def _derived_short(self) -> str:
        """The author's surname (else the outlet, else the title) and the year, at most 32 characters."""
        name = self.author.split()[-1] if self.author and self.author.split() else self.outlet or self.title
        year = f", {self.year}" if self.year else ""
        return (name if len(name) + len(year) <= SHORT_MAX else name[: SHORT_MAX - len(year) - 1] + "…") + year

    def citation(self) -> str:
        """'Title' (Outlet, Year) — shown on every card and key."""
        details = ", ".join(str(p) for p in (self.author, self.outlet, self.year) if p)
        return f"{self.title} ({details})" if details else self.title

    def short_label(self) -> str:
        """Year and title, for subdeck names and headings."""
        return f"{self.year} {self.title}" if self.year else self.title


@dataclass(frozen=True)
class Citation:
    """An article that reports a fact, with the verbatim passage that says so."""

    source: Source
    quote: str


@dataclass(frozen=True)
class Fact:
    """One curated fact: a question with one answer, backed by verbatim quotes."""

    id: str
    q: str
    a: str
    kind: str
    quote: str
    stance: str
    source: Source
    origin: Location
    cloze: str | None = None
    when: When | None = None
    event: str | None = None
    role: str | None = None
    alt: tuple[str, ...] = ()
    distractors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    note: str | None = None
    category: str | None = None  # finer than kind: who or what the right options are drawn from
    as_written: str | None = None  # the article's own (misspelled or mistranslated) form of the answer
    derived: str | None = None  # how the answer follows when the quote does not state it
    also: tuple[Citation, ...] = ()  # further articles reporting the same fact

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every article that reports this fact, its own file's article first."""
        return (Citation(self.source, self.quote),) + self.also

    # A builder that needs a cloze, a date or an event label asks for it here: a fact without one
    # is a bug in the builder's precondition, reported as such (never None passed on).
    @property
    def cloze_text(self) -> str:
        if self.cloze is None:
            raise ValueError(f"fact '{self.id}' has no cloze")
        return self.cloze

    @property
    def date(self) -> When:
        if self.when is None:
            raise ValueError(f"fact '{self.id}' has no date")
        return self.when

    @property
    def event_label(self) -> str:
        if self.event is None:
            raise ValueError(f"fact '{self.id}' has no event label")
        return self.event

    def cites(self, source_id: str) -> bool:
        return any(c.source.id == source_id for c in self.citations)


@dataclass(frozen=True)
class Retired:
    """A fact id that was published and withdrawn: never reused, shipped as a retired note."""

    id: str
    reason: str
    origin: Location


@dataclass(frozen=True)
class Skip:
    """A passage of an article left out of the bank on purpose, with the reason."""

    source: Source
    passage: str
    reason: str
    origin: Location


@dataclass(frozen=True)
class Bank:
    """A validated deck of facts with the sources they cite."""

    name: str
    title: str
    facts: tuple[Fact, ...]
    sources: dict[str, Source] = field(hash=False)
    folder: Path | None = None  # the deck folder it was loaded from (the Anki ledger lives there)
    retired: tuple[Retired, ...] = ()
    skips: tuple[Skip, ...] = ()

    @cached_property
    def by_id(self) -> dict[str, Fact]:
        return {fact.id: fact for fact in self.facts}

    def of_kind(self, kind: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.kind == kind]

    def select(self, sources=(), tags=(), kinds=(), stances=()) -> Bank:
        """A bank of the facts matching every given filter (each filter is any-of)."""
        wanted_sources, wanted_tags, wanted_kinds = set(sources), set(tags), set(kinds)
        chosen = tuple(
            fact
            for fact in self.facts
            if (
                not wanted_sources
                or fact.source.id in wanted_sources
                or any(c.source.id in wanted_sources for c in fact.also)
            )
            and (not wanted_tags or not wanted_tags.isdisjoint(fact.tags))
            and (not wanted_kinds or fact.kind in wanted_kinds)
            and (not stances or fact.stance in stances)
        )
        return Bank(self.name, self.title, chosen, self.sources, self.folder, self.retired, self.skips)
