"""`quizgen new-article`: copy an article into the seeds, record its metadata, start its fact file."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from quizgen.bank.schema import YEARS
from quizgen.bank.seeds import MAX_SEED_BYTES, METADATA_FILE, entry_problems, load_seeds, paragraphs
from quizgen.errors import BankError, UsageError
from quizgen.files import decode_text, read_regular
from quizgen.output import write_atomic
from quizgen.text import plain, unsafe_character, unsafe_in_lines
from quizgen.text.sentences import split_sentences

MAX_FIELD = 300  # characters of a title, outlet or author
SLUG_WORDS = 4  # words of the title in the file names
# words a file name does not end in ('five-years-of-the'): articles, prepositions, conjunctions
TRAILING = frozenset("a an the of in on at to for from by with between and or but as into about against over".split())
OPTIONS = ("title", "outlet", "author", "year", "date", "url")  # the options that are fields of sources.yaml


@dataclass(frozen=True)
class Article:
    """What a teacher says of the article they add."""

    text_file: Path
    title: str
    outlet: str | None
    author: str | None
    year: int
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Added:
    seed_id: str
    seed_file: Path
    fact_file: Path
    sentences: int


def slug(text: str, words: int = SLUG_WORDS) -> str:
    """ASCII words of `text`, joined by '-', transliterated as worksheet folders are ('НАТО и Россия' ->
    'nato-i-rossiia'), not ending in a small word: 'NATO–Russia relations in 2019' -> 'nato-russia-relations'."""
    from text_unidecode import unidecode

    plain = unidecode(text.replace("'", "").replace("’", "")).lower()
    kept = re.findall(r"[a-z0-9]+", plain)[:words]
    while len(kept) > 1 and kept[-1] in TRAILING:  # 'five-years-of-the' -> 'five-years'
        kept.pop()
    return "-".join(kept) or "article"


def next_id(known: list[str]) -> str:
    """One more than the highest numeric seed id, three digits: 000…004 -> 005."""
    numbers = [int(seed_id) for seed_id in known if seed_id.isascii() and seed_id.isdigit()]
    return f"{max(numbers, default=-1) + 1:03d}"


def checked(article: Article) -> Article:
    """Every value one line of printable text of a sane length, the year a plausible one."""
    for name in ("title", "outlet", "author", "date", "url"):
        value = getattr(article, name)
        if value is None:
            continue
        if not value.strip():
            raise UsageError(f"--{name}: empty")
        why = unsafe_character(value, allow_tab=False)
        if why:
            raise UsageError(f"--{name}: contains {why}")
        if len(value) > MAX_FIELD:
            raise UsageError(f"--{name}: longer than {MAX_FIELD} characters")
    if not YEARS[0] <= article.year <= YEARS[1]:  # the rule seeds/sources.yaml's year follows
        raise UsageError(f"--year: {article.year} is not a year from {YEARS[0]} to {YEARS[1]}")
    wrong = entry_problems({"file": "article.txt", **{name: getattr(article, name) for name in OPTIONS}})
    if wrong:  # the rules of sources.yaml, said of the option that broke one
        name, why = next(iter(wrong.items()))
        raise UsageError(f"--{name}: '{getattr(article, name)}' {why}" if name in OPTIONS else why)
    return article


def _entry(seed_id: str, file_name: str, article: Article) -> str:
    # JSON strings are YAML double-quoted scalars: any title is written safely
    fields = {
        "file": file_name,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "year": article.year,
        "date": article.date,
        "url": article.url,
    }
    lines = [f"{json.dumps(seed_id)}:"]
    lines += [f"  {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items() if value is not None]
    return "\n".join(lines) + "\n"


def _skeleton(seed_id: str, article: Article, text: str, schema: str) -> str:
    """The fact file to start from: its source, an empty list, and every sentence as a comment."""
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"# {article.title} ({', '.join(p for p in (article.author, article.outlet, str(article.year)) if p)})",
        "# Each sentence of the article below: turn what a teacher would ask into a fact, and list",
        "# what no one would test (titles, bios, reference lists) under skipped: with a reason.",
        f"source: {json.dumps(seed_id)}",
        "facts: []",
        "skipped: []",
        "#",
    ]
    for sentence in split_sentences(*paragraphs(text)):
        lines.append(f"# s{sentence.number}: {sentence.text}")
    return "\n".join(lines) + "\n"


def add_article(article: Article, seeds_dir: Path, deck_dir: Path, schema: str) -> Added:
    """Write the seed text, its metadata entry and a fact-file skeleton; nothing when any fails."""
    checked(article)
    shown = str(article.text_file)
    try:
        text = decode_text(read_regular(article.text_file, shown, MAX_SEED_BYTES), shown)
    except BankError as exc:
        raise UsageError(exc.problems[0]) from None
    if len(plain(text).split()) < 20:
        raise UsageError(f"{shown}: fewer than 20 words: is this the article?")
    unsafe = unsafe_in_lines(text)  # line breaks and tabs are the text's own
    if unsafe:
        raise UsageError(f"{shown}:{unsafe[0]}: contains {unsafe[1]}: save the article as plain text")
    known = load_seeds(seeds_dir, str(seeds_dir))
    same = next((seed for seed in known.values() if seed.text == paragraphs(text)[0]), None)
    if same is not None:
        raise UsageError(
            f"{shown}: this text is already article {same.source.id} ({seeds_dir / same.source.file}); "
            f"to correct its title or other details, edit its entry in {seeds_dir / METADATA_FILE}"
        )
    seed_id = next_id(list(known))
    name = slug(article.title)
    seed_file = seeds_dir / f"{seed_id}_{name}.txt"
    fact_file = deck_dir / f"{seed_id}-{name}.yaml"
    for path in (seed_file, fact_file):
        if path.exists():
            raise UsageError(f"{path}: already exists")
    metadata = seeds_dir / METADATA_FILE
    before = metadata.read_text(encoding="utf-8")
    written: list[Path] = []
    try:
        written.append(write_atomic(seed_file, text))
        write_atomic(metadata, before.rstrip("\n") + "\n" + _entry(seed_id, seed_file.name, article))
        load_seeds(seeds_dir, str(seeds_dir))  # the new entry passes the same check as every other
        written.append(write_atomic(fact_file, _skeleton(seed_id, article, text, schema)))
    except BaseException:
        write_atomic(metadata, before)
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return Added(seed_id, seed_file, fact_file, len(split_sentences(*paragraphs(text))))
