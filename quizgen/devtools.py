"""A headless browser spoken to over the DevTools pipe: one profile, requests, replies, cleanup."""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import contextmanager, suppress
from pathlib import Path

from quizgen.errors import BrowserNotFound, OutputError

INSTALL_HINT = (
    "install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or Google Chrome, "
    "or set QUIZGEN_BROWSER to its path"
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
)
TIMEOUT = 60  # seconds for one step; a hung browser must not hang the build
PROFILE = "quizgen-browser-"  # + pid: the temporary profile of one browser session
PDF_SETTINGS = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}


class Session:
    """One headless browser with a fresh profile, spoken to over --remote-debugging-pipe."""

    def __init__(self, browser: str):
        self.browser = browser
        from quizgen.output import sweep_stale

        sweep_stale(Path(tempfile.gettempdir()), PROFILE)  # profiles of builds that were killed
        self.profile = ""
        try:  # a SIGTERM (or anything) while starting must not leave the profile behind
            self.profile = tempfile.mkdtemp(prefix=f"{PROFILE}{os.getpid()}-")
            self._start(browser)
        except BaseException:
            self._cleanup(interrupted=True)
            raise

    def _start(self, browser: str) -> None:
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (open for the session; _cleanup closes it)
        self.buffer, self.last_id = b"", 0
        self.events: list[dict] = []
        self.broken = False  # after an error or an interruption the browser is killed, not asked
        commands_read, self.commands = os.pipe()
        self.replies, replies_write = os.pipe()

        def use_pipe_fds():  # the browser expects its pipe on fds 3 (in) and 4 (out)
            first, second = os.dup(commands_read), os.dup(replies_write)
            os.dup2(first, 3)
            os.dup2(second, 4)
            _die_with_parent()

        try:
            self.process = subprocess.Popen(
                [browser, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "about:blank"],
                preexec_fn=use_pipe_fds,
                close_fds=False,
                stdin=subprocess.DEVNULL,
                stdout=self.log,
                stderr=self.log,
                start_new_session=True,
                env={**os.environ, "TMPDIR": self.profile},
            )  # its own temporary files go with the profile
        except OSError as exc:
            raise BrowserNotFound(f"cannot start {browser}: {exc.strerror or exc}; {INSTALL_HINT}") from None
        finally:
            os.close(commands_read)
            os.close(replies_write)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            if self.process.poll() is None and not self.broken and exc_info[0] is None:
                self._send("Browser.close")
                self.process.wait(timeout=10)
        except (OutputError, OSError, ValueError, subprocess.TimeoutExpired):
            pass
        finally:
            # an interrupted session kills its browser: wait until its helpers are gone too
            self._cleanup(interrupted=exc_info[0] is not None or self.broken)

    def version(self) -> str:
        return self._send("Browser.getVersion").get("product", "")

    def print_pdfs(self, jobs: list[tuple[Path, Path]]) -> list[Path]:
        pages = self._open([html for html, _ in jobs])
        with self._closing(pages):
            asked = [self._request("Page.printToPDF", PDF_SETTINGS, session) for _, session in pages]
            return [
                _write(pdf, base64.b64decode(self._reply(asked_id, "Page.printToPDF")["data"]))
                for asked_id, (_, pdf) in zip(asked, jobs, strict=True)
            ]

    def screenshot(self, html: Path, png: Path, width: int, height: int) -> Path:
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        pages = self._open([html], metrics)
        with self._closing(pages):
            data = self._send("Page.captureScreenshot", {"format": "png"}, pages[0][1])["data"]
            return _write(png, base64.b64decode(data))

    def _open(self, files: list[Path], metrics: dict | None = None) -> list[tuple[str, str]]:
        """A tab per file, each loaded; returns (target, session) pairs."""
        pages: list[tuple[str, str]] = []
        with self._closing(pages, on_success=False):
            for html in files:
                target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
                pages.append((target, ""))
                session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
                pages[-1] = (target, session)
                self._send("Page.enable", session=session)
                if metrics:
                    self._send("Emulation.setDeviceMetricsOverride", metrics, session=session)
                result = self._send("Page.navigate", {"url": Path(html).resolve().as_uri()}, session=session)
                if result.get("errorText"):
                    raise OutputError(f"{self.browser} could not open {html}: {result['errorText']}")
            for _, session in pages:
                self._wait(lambda m, s=session: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == s)
        return pages

    @contextmanager
    def _closing(self, pages: list[tuple[str, str]], on_success: bool = True):
        """Close the tabs afterwards; after a failure or Ctrl-C/SIGTERM the browser is not asked
        anything more (a reply may be half read): the session kills it instead."""
        try:
            yield
        except BaseException:
            self.broken = True
            raise
        if on_success:
            self._close(pages)

    def _close(self, pages: list[tuple[str, str]]) -> None:
        for target, _ in pages:
            if self.process.poll() is None:
                self._send("Target.closeTarget", {"targetId": target})

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        return self._reply(self._request(method, params, session), method)

    def _request(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self.last_id += 1
        message = {"id": self.last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self.commands, json.dumps(message).encode() + b"\0")
        except OSError:
            raise OutputError(f"{self.browser} stopped unexpectedly: {self._last_log_line()}") from None
        return self.last_id

    def _reply(self, request: int, method: str) -> dict:
        reply = self._wait(lambda m: m.get("id") == request)
        if "error" in reply:
            raise OutputError(f"{self.browser}: {method} failed: {reply['error'].get('message')}")
        return reply.get("result", {})

    def _wait(self, wanted) -> dict:
        for index, message in enumerate(self.events):
            if wanted(message):
                return self.events.pop(index)
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if wanted(message):
                    return message
                self.events.append(message)
            ready, _, _ = select.select([self.replies], [], [], TIMEOUT)
            chunk = os.read(self.replies, 1 << 20) if ready else None
            if chunk is None:
                raise OutputError(f"{self.browser} did not answer within {TIMEOUT} s")
            if not chunk:
                raise OutputError(f"{self.browser} stopped unexpectedly: {self._last_log_line()}")
            self.buffer += chunk

    def _last_log_line(self) -> str:
        self.log.seek(0)
        lines = [line for line in self.log.read().decode("utf-8", "replace").splitlines() if line.strip()]
        if lines:
            return lines[-1]
        try:  # the pipe can close before the process is reaped: wait for its exit code
            return f"exit code {self.process.wait(timeout=TIMEOUT)}"
        except subprocess.TimeoutExpired:
            return "it closed its pipe but did not exit"

    def _cleanup(self, interrupted: bool = False) -> None:
        process = getattr(self, "process", None)
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)  # the browser and its helper processes
            except (ProcessLookupError, PermissionError):
                process.kill()
            process.wait()
        for fd in (getattr(self, "commands", None), getattr(self, "replies", None)):
            if fd is not None:
                with suppress(OSError):
                    os.close(fd)
        if getattr(self, "log", None) is not None:
            self.log.close()
        if process is not None and interrupted:
            _wait_for_group(process.pid)  # helpers still dying would write into the profile
        deadline = time.monotonic() + 30.0  # a loaded machine reaps Chromium's helpers slowly
        while self.profile and os.path.exists(self.profile) and time.monotonic() < deadline:
            shutil.rmtree(self.profile, ignore_errors=True)  # again, if a late helper wrote into it
            if process is not None and os.path.exists(self.profile):
                _wait_for_group(process.pid, timeout=0.2)


def _wait_for_group(group: int, timeout: float = 5.0) -> None:
    """Kill what is left of the browser's process group and wait (polling) until it is gone."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.01)


def _die_with_parent() -> None:
    """Linux: the browser gets SIGKILL when the build that started it dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the session's own cleanup has to do


def _write(path: Path, data: bytes) -> Path:
    from quizgen.output import write_atomic

    if not data:
        raise OutputError(f"{path}: the browser returned an empty file")
    return write_atomic(Path(path), data)
