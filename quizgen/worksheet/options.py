"""What a worksheet set is asked to be: size, question types, seed, versions, title and paper."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

TYPES = ("mcq", "blank", "match", "order", "tf")
MAX_VERSIONS = 26  # versions are lettered A-Z


@dataclass(frozen=True)
class SheetOptions:
    count: int = 20
    types: tuple[str, ...] = TYPES
    seed: int = 1
    versions: int = 1
    title: str | None = None
    paper: str = "A4"
    duplex: bool = True  # PDFs: every version starts on the front of a sheet

    def name_parts(self) -> list[str]:
        """What sets this sheet apart from another of the same title, for its file name."""
        parts = [f"{self.count}q"]
        if self.types != TYPES:
            parts.append("-".join(self.types))
        if self.seed != 1:
            parts.append(f"seed{self.seed}")
        return parts


MAX_SLUG = 60  # characters: far below any file system's limit, with room for the suffixes
_TITLE_PUNCTUATION = re.compile(r"[\s\-–—_:;,.?!'’\"“”()]+")  # what a title may lose without a trace


def slug(text: str, words: int = 8) -> str:
    """A file-name stem in readable ASCII: 'NATO–Russia relations: review' -> 'nato-russia-relations-review',
    'НАТО и Россия' -> 'nato-i-rossiia'. Never empty, at most MAX_SLUG characters; when anything
    more than punctuation was dropped or cut, a short hash of the title is added, so two titles
    that differ only there do not share a folder."""
    from slugify import slugify
    from text_unidecode import unidecode

    plain = text.replace("'", "").replace("’", "")
    full = slugify(plain)
    stem = "-".join(full.split("-")[:words])[:MAX_SLUG].strip("-")
    # a letter or digit with no ASCII spelling, or a symbol, is dropped: note it with a hash
    dropped = any(not _TITLE_PUNCTUATION.fullmatch(ch) and not any(c.isalnum() for c in unidecode(ch)) for ch in plain)
    if not stem or dropped or (len(stem) < len(full) and words >= 8):
        stem = _hashed(stem, text) if stem else f"worksheet-{_digest(text)}"
    return stem


_HASH_TAIL = re.compile(r"-[0-9a-f]{6}$")


def title_stem(title: str) -> str:
    """The folder of a `--title`: the title itself when it is already a plain folder name
    ('unit-3'), else its slug and a short hash of the title ('Unit 3: Cold War' ->
    'unit-3-cold-war-<hash>'). Two titles never share a folder: a plain name never ends in a
    hash, and every other name ends in its own title's hash ('NATO quiz', 'NATO Quiz' and
    'NATO quiz!' get three)."""
    stem = slug(title)
    if stem == title and not _HASH_TAIL.search(stem):
        return stem
    digest = _digest(title)
    return stem if stem.endswith(f"-{digest}") else _hashed(stem, title)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def _hashed(stem: str, text: str) -> str:
    return f"{stem[: MAX_SLUG - 7].strip('-')}-{_digest(text)}"


REVIEW_STEM = "review"


def article_stem(source_id: str, title: str) -> str:
    """The folder of an article's sheet that `quizgen build` writes: '003-whats-happening-with-nato-russia'."""
    return f"{source_id}-{slug(title, words=5)}"


def build_stems(bank) -> set[str]:
    """Every folder `quizgen build` writes sets into: a custom `print` set must not take one over."""
    return {REVIEW_STEM} | {article_stem(sid, source.title) for sid, source in bank.sources.items()}
