"""What a worksheet set is asked to be: size, question types, seed, versions, title and paper."""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass

from quizgen.errors import UsageError

TYPES = ("mcq", "blank", "match", "order", "tf")
PAPERS = ("A4", "Letter")
MAX_VERSIONS = 26  # versions are lettered A-Z
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


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


def parse_types(text: str) -> tuple[str, ...]:
    """'mcq,tf' -> ('mcq', 'tf') in the worksheet's section order; unknown names are a usage error."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in TYPES]
    if unknown or not names:
        raise UsageError(f"--types: unknown type '{unknown[0] if unknown else text}'; "
                         f"choose from {','.join(TYPES)}")
    return tuple(t for t in TYPES if t in names)


def options_from_args(args) -> SheetOptions:
    if args.count < 1:
        raise UsageError(f"--count must be at least 1 (got {args.count})")
    if not 1 <= args.versions <= MAX_VERSIONS:
        raise UsageError(f"--versions must be between 1 and {MAX_VERSIONS} (got {args.versions})")
    if args.title is not None and (not args.title.strip() or _CONTROL.search(args.title)):
        raise UsageError("--title must be one line of text (it was empty or held a line break or "
                         "control character)")
    title = args.title.strip() if args.title else None
    return SheetOptions(count=args.count, types=parse_types(args.types), seed=args.seed,
                        versions=args.versions, title=title or None, paper=args.paper,
                        duplex=getattr(args, "duplex", True))


def forgiving_filters(bank, args) -> None:
    """`--source 3` means 003 and `--tag NRC` means nrc; a name nothing has is a usage error that
    lists the names there are."""
    known = sorted(bank.sources)
    sources = []
    for asked in getattr(args, "source", None) or ():
        found = [sid for sid in known if sid == asked or (asked.isdigit() and sid.isdigit()
                                                        and int(sid) == int(asked))]
        if not found:
            listing = "; ".join(f"{sid} {bank.sources[sid].short_label()}" for sid in known)
            raise UsageError(f"--source {asked}: no such article (articles: {listing})")
        sources.append(found[0])
    tags = sorted({tag for fact in bank.facts for tag in fact.tags})
    chosen_tags = []
    for asked in getattr(args, "tag", None) or ():
        if asked.casefold() not in tags:
            close = difflib.get_close_matches(asked.casefold(), tags, n=3)
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            raise UsageError(f"--tag {asked}: no fact has this tag{hint} (`quizgen list tags` lists all {len(tags)})")
        chosen_tags.append(asked.casefold())
    ids = set(bank.by_id)
    for option in ("exclude", "include"):
        for asked in getattr(args, option, None) or ():
            if asked not in ids:
                close = difflib.get_close_matches(asked, sorted(ids), n=1)
                hint = f"; did you mean {close[0]}?" if close else " (`quizgen list ids` lists them)"
                raise UsageError(f"--{option} {asked}: no fact has this id{hint}")
    args.source, args.tag = sources or None, chosen_tags or None


MAX_SLUG = 60        # characters: far below any file system's limit, with room for the suffixes
_TITLE_PUNCTUATION = re.compile(r"[\s\-–—_:;,.?!'’\"“”()]+")  # what a title may lose without a trace


def slug(text: str, words: int = 8) -> str:
    """A file-name stem in readable ASCII: 'NATO–Russia relations: review' -> 'nato-russia-relations-review',
    'НАТО и Россия' -> 'nato-i-rossiia'. Never empty, at most MAX_SLUG characters; when anything
    more than punctuation was dropped or cut, a short hash of the title is added, so two titles
    that differ only there do not share a folder."""
    from slugify import slugify
    from text_unidecode import unidecode  # type: ignore[import-untyped]

    plain = text.replace("'", "").replace("’", "")
    full = slugify(plain)
    stem = "-".join(full.split("-")[:words])[:MAX_SLUG].strip("-")
    # a letter or digit with no ASCII spelling, or a symbol, is dropped: note it with a hash
    dropped = any(not _TITLE_PUNCTUATION.fullmatch(ch) and not any(c.isalnum() for c in unidecode(ch))
                  for ch in plain)
    if not stem or dropped or (len(stem) < len(full) and words >= 8):
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]
        stem = f"{stem[: MAX_SLUG - 7].strip('-')}-{digest}" if stem else f"worksheet-{digest}"
    return stem
