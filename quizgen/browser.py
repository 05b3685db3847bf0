"""Headless Chromium or Chrome: find one, print HTML files to PDF (a session per batch), take screenshots."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from quizgen.devtools import FLAGS, INSTALL_HINT, PROFILE, TIMEOUT, Session
from quizgen.errors import BrowserNotFound, OutputError

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
KNOWN_PATHS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
)
BATCH = 4  # pages printed at the same time by one browser


def find_browser() -> str:
    """$QUIZGEN_BROWSER, else the first Chromium/Chrome on PATH or in a usual place."""
    chosen = os.environ.get("QUIZGEN_BROWSER")
    if chosen:
        found = shutil.which(chosen)
        if not found:
            raise BrowserNotFound(f"QUIZGEN_BROWSER={chosen} is not an executable browser; {INSTALL_HINT}")
        return found
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    for path in KNOWN_PATHS:
        if os.access(path, os.X_OK):
            return path
    raise BrowserNotFound(f"no Chromium or Chrome found for PDF output; {INSTALL_HINT}")


def working_browser() -> str:
    """find_browser, then one start to see that it answers: a browser that is found but broken
    (`QUIZGEN_BROWSER=/bin/false`) is reported like a missing one, before anything is printed."""
    browser = find_browser()
    problem = _start_problem(browser)
    if problem:
        raise BrowserNotFound(f"{problem}; {INSTALL_HINT}")
    return browser


@functools.cache  # one probe per process: a build of several decks starts it once
def _start_problem(browser: str) -> str | None:
    if os.name != "posix":  # there every page starts its own browser, which reports its own failure
        return None
    try:
        with Session(browser) as session:
            session.version()
    except BrowserNotFound as exc:
        return str(exc).split("; ")[0]
    except OutputError as exc:
        return str(exc)
    return None


def print_pdfs(jobs: list[tuple[Path, Path]], browser: str | None = None) -> list[Path]:
    """Print each (html, pdf) pair with the page size and margins the page's CSS asks for."""
    browser = browser or find_browser()
    if os.name != "posix":
        return [_print_once(browser, html, pdf) for html, pdf in jobs]
    with Session(browser) as session:
        done: list[Path] = []
        for start in range(0, len(jobs), BATCH):  # a few pages at once: the browser renders in parallel
            done += session.print_pdfs(jobs[start : start + BATCH])
        return done


def print_pdf(html: Path, pdf: Path, browser: str | None = None) -> Path:
    return print_pdfs([(html, pdf)], browser)[0]


def screenshot(html: Path, png: Path, width: int = 900, height: int = 1270, browser: str | None = None) -> Path:
    """A PNG of the page as a screen of `width` x `height` CSS pixels shows it."""
    with Session(browser or find_browser()) as session:
        return session.screenshot(html, png, width, height)


def _print_once(browser: str, html: Path, pdf: Path) -> Path:
    """One browser run per page, for systems where the DevTools pipe is unavailable."""
    with tempfile.TemporaryDirectory(prefix=f"{PROFILE}{os.getpid()}-", ignore_cleanup_errors=True) as profile:
        command = [
            browser,
            *FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={Path(pdf).resolve()}",
            Path(html).resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT * 2)
        except OSError as exc:
            raise BrowserNotFound(f"cannot start {browser}: {exc.strerror or exc}; {INSTALL_HINT}") from None
        except subprocess.TimeoutExpired:
            raise OutputError(f"{browser} took too long to print {html}") from None
    if not Path(pdf).is_file():
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit code {done.returncode}"]
        raise OutputError(f"{browser} could not print {html}: {lines[-1]}")
    return Path(pdf)
