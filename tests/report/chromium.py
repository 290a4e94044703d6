"""Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe).

No package beyond the standard library: Chromium reads NUL-terminated JSON commands on fd 3 and
writes NUL-terminated JSON replies and events on fd 4.
"""
from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# A page load or a print of the report takes well under a second; this catches a hung browser.
COMMAND_TIMEOUT_SECONDS = 60.0
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio", "--hide-scrollbars")
_COMMAND_FD, _REPLY_FD = 3, 4


def chromium_executable() -> str | None:
    """The installed Chromium (Debian's `chromium` package), or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageEvents:
    """What the page did while it was open."""

    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


class Chromium:
    """One headless browser with one page; use as a context manager."""

    def __init__(self, executable: str, profile: Path, width: int = 1200, height: int = 900) -> None:
        command_read, self._command_write = os.pipe()
        self._reply_read, reply_write = os.pipe()
        # Moved above 3 and 4 first, so that placing one end cannot overwrite the other.
        command_read, reply_write = (_above_targets(fd) for fd in (command_read, reply_write))

        def place_pipe_ends() -> None:  # in the child, before exec: dup2 makes 3 and 4 inheritable
            os.dup2(command_read, _COMMAND_FD)
            os.dup2(reply_write, _REPLY_FD)

        # close_fds would close 3 and 4 after place_pipe_ends; the parent's other descriptors are
        # not inheritable (PEP 446), so nothing else reaches the browser.
        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
             f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=place_pipe_ends, close_fds=False)
        os.close(command_read)
        os.close(reply_write)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.events = PageEvents()
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=self.session)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError, TimeoutError, RuntimeError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._command_write, self._reply_read):
            with contextlib.suppress(OSError):
                os.close(fd)

    # ------------------------------------------------------------ protocol

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send one command and return its result; events read meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._command_write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + COMMAND_TIMEOUT_SECONDS
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._record(reply)

    def wait_for(self, event: str) -> dict[str, Any]:
        """The next event of that name on the page's session."""
        for index, seen in enumerate(self._events):
            if seen.get("method") == event:
                return self._events.pop(index)
        deadline = time.monotonic() + COMMAND_TIMEOUT_SECONDS
        while True:
            message = self._read(deadline)
            self._record(message)
            if message.get("method") == event:
                self._events.remove(message)
                return message

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._reply_read], [], [], remaining)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._reply_read, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _record(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method is None:
            return
        self._events.append(message)
        if method == "Runtime.exceptionThrown":
            self.events.console_errors.append(json.dumps(params.get("exceptionDetails", {}))[:500])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.events.console_errors.append(json.dumps(params.get("args", []))[:500])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.events.console_errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}")
        elif method == "Network.requestWillBeSent":
            self.events.requests.append(params.get("request", {}).get("url", ""))

    # ------------------------------------------------------------ page

    def open(self, url: str) -> None:
        """Navigate and wait for the load event."""
        self.send("Page.navigate", {"url": url}, session=self.session)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                           session=self.session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        """A PNG of the whole page, not only the window."""
        size = self.send("Page.getLayoutMetrics", session=self.session)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        shot = self.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True},
                         session=self.session)
        path.write_bytes(base64.b64decode(shot["data"]))

    def print_pdf(self, path: Path) -> None:
        """The page printed as the user's browser would (the page size of the print stylesheet)."""
        printed = self.send("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True},
                            session=self.session)
        path.write_bytes(base64.b64decode(printed["data"]))



def _above_targets(fd: int) -> int:
    """A duplicate of fd numbered above 3 and 4 (the original is closed)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved
