"""A terminal for tests of interactive commands: a tmux server of the test's own.

``tmux`` must be installed (``make test`` installs it, as it does chromium): a test of what a
person sees at a terminal fails rather than skips without one.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator

import pytest

__all__ = ["Tmux", "tmux"]


class Tmux:
    """A tmux server on its own socket, with one session ``cli`` once started; killed at the end."""

    def __init__(self) -> None:
        self.socket = f"intelgraph-test-{uuid.uuid4().hex[:8]}"

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)

    def __call__(self, *args: str) -> str:
        # Without COLUMNS and LINES: readline, once loaded in this process, exports COLUMNS=80 to
        # children, pytest-xdist's workers have COLUMNS=80 and LINES=24 in their environment, and the
        # server would pass them on to the command, which would then wrap at 80, not at its window.
        environment = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True,
                              timeout=10, env=environment).stdout

    def screen(self, lines: int = 400) -> str:
        return self("capture-pane", "-p", "-J", "-t", "cli", "-S", f"-{lines}")

    def keys(self, *keys: str) -> None:
        self("send-keys", "-t", "cli", *keys)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear; the screen shows:\n{self.screen()}")


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """A fresh terminal; fails (never skips) when tmux is missing."""
    assert shutil.which("tmux"), "tmux is not installed: `make test` installs it (apt-get install tmux)"
    session = Tmux()
    try:
        yield session
    finally:
        session.kill()
