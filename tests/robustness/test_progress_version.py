"""Finding G08 of review rv3-robust: a progress file's "version" was never read, so a file of a newer
format was imported as today's. Both ends (`quizgen progress import` and the study page's merge) now
take the versions written today (1 by the CLI, 2 by the page; a file without one is version 1),
refuse a higher one as written by a newer quizgen, and anything else as not a progress file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from quizgen.errors import UsageError
from quizgen.quiz import exchange

ROOT = Path(__file__).resolve().parents[2]
ABSENT = object()
# version -> what both ends do with it, written by hand: imported, "newer", or "not progress"
CASES = [
    (1, "imported"),
    (2, "imported"),
    (ABSENT, "imported"),
    (1.0, "imported"),
    (3, "newer"),
    (99, "newer"),
    (10**20, "newer"),
    (0, "not progress"),
    (-1, "not progress"),
    (1.5, "not progress"),
    ("1", "not progress"),
    ("x", "not progress"),
    (None, "not progress"),
    ([1], "not progress"),
    ({"v": 1}, "not progress"),
    (True, "not progress"),
    (False, "not progress"),
    (2.5, "not progress"),
]
MERGE = (
    """
import { Progress } from "PROGRESS";
import { memoryStorage } from "STORAGE";
import { createRequire } from "node:module";
const FSRS = createRequire(import.meta.url)("TS_FSRS");
let text = ""; process.stdin.on("data", (d) => { text += d; });
process.stdin.on("end", () => {
  const now = new Date("2026-12-07T10:00:00Z");
  console.log(JSON.stringify(JSON.parse(text).map((file) => {
    try { new Progress("x", memoryStorage(), FSRS.fsrs(), ["nrc-created"], now).merge(file, now); return null; }
    catch (error) { return error.message; }
  })));
});
""".replace("PROGRESS", str(ROOT / "templates/web/progress.mjs"))
    .replace("STORAGE", str(ROOT / "templates/web/storage.mjs"))
    .replace("TS_FSRS", str(next((ROOT / "templates/web/vendor").glob("ts-fsrs-*.umd.js"))))
)


def progress_file(version) -> str:
    card = {
        "state": 2,
        "stability": 3,
        "difficulty": 5,
        "learning_steps": 0,
        "due": "2026-12-08T10:00:00Z",
        "last_review": "2026-12-06T10:00:00Z",
    }
    document = {"format": "quizgen-progress", "deck": "x", "cards": {"nrc-created": card}}
    if version is not ABSENT:
        document["version"] = version
    return json.dumps(document)


def cli_outcome(path: Path) -> str:
    try:
        exchange._read(path)
    except UsageError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith(f"{path}: "), message
        if "written by a newer quizgen (progress format version" in message:
            return "newer"
        assert "not a quizgen progress file (version " in message, message
        return "not progress"
    return "imported"


def page_outcome(message: str | None) -> str:
    if message is None:
        return "imported"
    if message.startswith("this file was written by a newer quizgen (progress format version"):
        return "newer"
    assert message == "this is not a quizgen progress file (its version is not 1 or 2)", message
    return "not progress"


def test_g08_the_cli_reads_the_version(tmp_path):
    for number, (version, expected) in enumerate(CASES):
        path = tmp_path / f"p{number}.json"
        path.write_text(progress_file(version))
        assert cli_outcome(path) == expected, version


def test_g08_the_study_page_reads_the_version_as_the_cli_does():
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is required on CI")
        pytest.skip("needs Node for the study page's merge")
    done = subprocess.run(
        [node, "--input-type=module", "-e", MERGE],
        capture_output=True,
        text=True,
        check=True,
        input=json.dumps([progress_file(version) for version, _ in CASES]),
        timeout=120,
    )
    said = json.loads(done.stdout)
    assert [page_outcome(message) for message in said] == [expected for _, expected in CASES]
