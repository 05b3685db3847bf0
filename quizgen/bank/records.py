"""An article file's curation records: ids retired for good and passages skipped on purpose."""

from __future__ import annotations

from quizgen.bank.seeds import Seed
from quizgen.bank.yamlfile import LineDict, LineList
from quizgen.model import Location, Retired, Skip
from quizgen.text import plain


def _entries(doc: LineDict, field: str, where: str, keys: tuple[str, ...], problems: list[str]):
    """(location, values) of each well-formed entry of the list `doc[field]`."""
    entries = doc.get(field)
    if entries is None:
        return
    if not isinstance(entries, LineList):
        problems.append(f"{where}:{doc.lines[field]}: field '{field}' must be a list of entries "
                        f"with {', '.join(keys)}")
        return
    for index, entry in enumerate(entries):
        line = entries.lines[index]
        if not isinstance(entry, LineDict):
            problems.append(f"{where}:{line}: field '{field}': expected a mapping with {', '.join(keys)}")
            continue
        wrong = [key for key in keys if not isinstance(entry.get(key), (str, int))
                 or not str(entry[key]).strip()]
        extra = [key for key in entry if key not in keys]
        if wrong or extra:
            what = f"missing or empty '{wrong[0]}'" if wrong else f"unknown field '{extra[0]}'"
            problems.append(f"{where}:{entry.lines.get((wrong or extra)[0], line)}: field '{field}': {what}")
            continue
        yield Location(where, line), {key: str(entry[key]).strip() for key in keys}


def read_retired(doc: LineDict, where: str, problems: list[str]) -> list[Retired]:
    """`retired:` every published id of this file that was withdrawn, with the reason learners see."""
    return [Retired(values["id"], values["reason"], origin)
            for origin, values in _entries(doc, "retired", where, ("id", "reason"), problems)]


def read_skips(doc: LineDict, where: str, seed: Seed | None, problems: list[str]) -> list[Skip]:
    """`skipped:` passages of the file's article that no card teaches, with the curator's reason."""
    skips = []
    for origin, values in _entries(doc, "skipped", where, ("passage", "reason"), problems):
        if seed is not None and plain(values["passage"]) not in seed.text:
            problems.append(f"{origin}: field 'skipped': passage is not found verbatim in seed "
                            f"{seed.source.id}")
        elif seed is not None:
            skips.append(Skip(seed.source, values["passage"], values["reason"], origin))
    return skips
